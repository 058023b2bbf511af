// SQL for workgroups: the groups, their people, their curators.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "db/db.h"
#include "modules/groups/model.h"
#include "rest/list_query.h"

namespace artel::groups::store {

std::span<const rest::ListField> list_fields();
std::optional<Group> find(db::Conn& conn, std::int64_t id);
// A page of groups (alias g), with curators and member counts.
std::vector<Group> list(db::Conn& conn, const rest::ListQuery& query, std::int64_t start);
std::int64_t count(db::Conn& conn, const rest::ListQuery& query);
std::int64_t insert(db::Conn& conn, const Group& g);
void update(db::Conn& conn, const Group& g);
void remove(db::Conn& conn, std::int64_t id);
void set_curators(db::Conn& conn, std::int64_t group_id, const std::vector<std::int64_t>& ids);
void touch(db::Conn& conn, std::int64_t group_id, std::int64_t now);

std::vector<Membership> members(db::Conn& conn, std::int64_t group_id);
std::optional<Membership> membership(db::Conn& conn, std::int64_t group_id, std::int64_t user_id);
void put_member(db::Conn& conn, std::int64_t group_id, const Membership& m, std::int64_t now);
void remove_member(db::Conn& conn, std::int64_t group_id, std::int64_t user_id);
// The person's role in each of a page of groups (groups they are not in are absent).
std::map<std::int64_t, std::string> roles_of(db::Conn& conn, std::int64_t user_id,
                                             const std::vector<std::int64_t>& group_ids);

struct OwnGroup {
  std::int64_t id = 0;
  std::string name;
  std::string role;
  bool is_extranet = false;
  bool project = false;
};
// The groups a person is in (A, E, K), by name.
std::vector<OwnGroup> groups_of(db::Conn& conn, std::int64_t user_id);

}  // namespace artel::groups::store
