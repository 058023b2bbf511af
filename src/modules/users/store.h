// SQL for people. Rules live in service.cpp; this file only reads and writes rows.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "db/db.h"
#include "modules/users/model.h"
#include "rest/list_query.h"

namespace artel::users::store {

// Fields user.get can filter and sort on (SQL over the alias u).
std::span<const rest::ListField> list_fields();

std::optional<User> find(db::Conn& conn, std::int64_t id);
std::optional<User> find_by_email(db::Conn& conn, std::string_view email);
std::vector<User> list(db::Conn& conn, const rest::ListQuery& query, std::int64_t start);
std::int64_t count(db::Conn& conn, const rest::ListQuery& query);

struct NewUser {
  std::string email;
  std::string password_hash;  // empty for an invited person
  bool invited = false;
  bool is_admin = false;
  std::string user_type = "employee";
};
std::int64_t insert(db::Conn& conn, const NewUser& user);

// Sets columns by name; the names come from kTextFields or the fixed list in service.cpp, never
// from the caller.
void update_columns(db::Conn& conn, std::int64_t id,
                    const std::vector<std::pair<std::string, db::Value>>& columns);
void set_departments(db::Conn& conn, std::int64_t id, const std::vector<std::int64_t>& departments);
// Keeps users.name_folded (the search column) in step with the name, e-mail and position.
void refresh_search_text(db::Conn& conn, std::int64_t id);

std::vector<std::int64_t> active_employee_ids(db::Conn& conn);
std::int64_t active_admin_count(db::Conn& conn);
std::vector<std::int64_t> active_admin_ids(db::Conn& conn);
std::optional<std::string> password_hash(db::Conn& conn, std::int64_t id);

}  // namespace artel::users::store
