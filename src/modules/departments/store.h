// SQL for the company structure (B1).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "db/db.h"
#include "rest/list_query.h"

namespace artel::departments {

struct Department {
  std::int64_t id = 0;
  std::string name;
  std::int64_t sort = 500;
  std::int64_t parent_id = 0;  // 0 for the root (the company)
  std::int64_t head_id = 0;    // 0 when nobody heads it
};

namespace store {

std::span<const rest::ListField> list_fields();
std::optional<Department> find(db::Conn& conn, std::int64_t id);
std::vector<Department> list(db::Conn& conn, const rest::ListQuery& query, std::int64_t start);
std::int64_t count(db::Conn& conn, const rest::ListQuery& query);
std::int64_t insert(db::Conn& conn, const Department& d);
void update(db::Conn& conn, const Department& d);
void remove(db::Conn& conn, std::int64_t id);
std::vector<std::string> child_names(db::Conn& conn, std::int64_t id);
std::int64_t member_count(db::Conn& conn, std::int64_t id);
// True when `candidate` is `id` or lies below it (moving `id` under it would make a cycle).
bool is_in_subtree(db::Conn& conn, std::int64_t id, std::int64_t candidate);
std::int64_t root_count(db::Conn& conn);
// The person's departments and every department above them: the feed's DR codes of a reader
// (a post to a department reaches the departments below it).
std::vector<std::int64_t> departments_above(db::Conn& conn, std::int64_t user_id);
// The active people of the departments and of every department below them.
std::vector<std::int64_t> people_under(db::Conn& conn, const std::vector<std::int64_t>& ids);

}  // namespace store
}  // namespace artel::departments
