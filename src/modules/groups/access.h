// What other modules ask of workgroups: who is in a group, whose tasks a person sees through
// their groups, which people an outside person may see. The SQL of group membership stays here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "rest/list_query.h"
#include "rest/method.h"

namespace artel::groups {

// The person's role in the group (A, E, K, Z), or nothing.
std::optional<std::string> role_of(db::Conn& conn, std::int64_t group_id, std::int64_t user_id);
bool exists(db::Conn& conn, std::int64_t group_id);
bool is_extranet_group(db::Conn& conn, std::int64_t group_id);
// An archived group (CLOSED): its tasks stay readable, nothing new is added or moved in it.
bool is_archived(db::Conn& conn, std::int64_t group_id);

// The groups whose every task the person sees: those they are in, except, for an extranet
// person, groups that show outside members only the tasks they take part in (EXTRANET_TASKS
// OWN).
std::vector<std::int64_t> task_groups(db::Conn& conn, std::int64_t user_id, bool is_extranet);
// The groups the person is in (owner, moderator, member): the feed's SG codes of a reader.
std::vector<std::int64_t> groups_of(db::Conn& conn, std::int64_t user_id);
// The active people in any of the groups (owner, moderators, members).
std::vector<std::int64_t> members_of(db::Conn& conn, const std::vector<std::int64_t>& group_ids);
// The people who see every task of the group (the reverse of task_groups).
std::vector<std::int64_t> task_viewers(db::Conn& conn, std::int64_t group_id);

// SQL selecting the ids of the people who share a group with the person bound to its one `?`.
std::string co_members_sql();
// SQL true when the person `user_column` shares a group with the person bound to its one `?`
// (checked per row: cheap where few rows need it, such as the outside people among employees).
std::string shares_group_sql(std::string_view user_column);

// Limits a group query (alias g) to the groups the caller may know of: administrators all,
// employees the visible ones and their own, extranet people only their own (invitations too).
void restrict_to_known(rest::ListQuery& query, const rest::Caller& caller);
bool knows(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id);

// The curators added to every new task of the group, and as what (AUDITOR or ACCOMPLICE).
struct Curators {
  std::vector<std::int64_t> ids;
  std::string role = "AUDITOR";
};
Curators curators(db::Conn& conn, std::int64_t group_id);

// Who moves tasks between the columns of the group's board (MOVE_PERMS: A, E or K).
std::string move_perms(db::Conn& conn, std::int64_t group_id);

// What a task object and a report show of a group: Bitrix24's short group object.
struct Brief {
  std::int64_t id = 0;
  std::string name;
  bool opened = false;
  std::int64_t member_count = 0;
  std::string image_path;  // the picture's address in the file store, "" without one
};
std::vector<Brief> briefs(db::Conn& conn, const std::vector<std::int64_t>& ids);
// The names of the groups a person is in, by name (for their invitation e-mail).
std::vector<std::string> names_of_groups_of(db::Conn& conn, std::int64_t user_id);

}  // namespace artel::groups
