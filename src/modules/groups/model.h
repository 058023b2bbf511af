// Workgroups and projects (D1): a group of people with an owner, moderators and members, its
// own tasks and board; a project is a group with dates. An extranet group may hold outside
// people (D3), who see nothing of the portal beyond their groups.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace artel::groups {

// Bitrix24's role letters, stored and sent as they are.
namespace role {
constexpr const char* kOwner = "A";
constexpr const char* kModerator = "E";
constexpr const char* kMember = "K";
constexpr const char* kPending = "Z";  // a request (initiated by U) or an invitation (G)
}  // namespace role

struct Group {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::string keywords;
  std::int64_t owner_id = 0;
  bool visible = true;
  bool opened = false;
  bool closed = false;
  bool project = false;
  std::optional<std::int64_t> project_date_start, project_date_finish;
  bool is_extranet = false;
  // Who adds and invites people, and who moves tasks on the board: A owner, E owner and
  // moderators, K every member.
  std::string initiate_perms = "E";
  std::string move_perms = "K";
  // What an extranet member sees of the group's tasks: ALL, or OWN (only those they are in).
  std::string extranet_tasks = "ALL";
  // How curators join each new task: AUDITOR (observer) or ACCOMPLICE (co-executor).
  std::string curator_role = "AUDITOR";
  std::vector<std::int64_t> curators;
  std::int64_t image_file_id = 0;  // 0: no picture
  std::string image_path;          // the picture's address in the file store ("" without one)
  std::int64_t date_create = 0, date_update = 0, date_activity = 0;
  std::int64_t member_count = 0;  // owner, moderators and members
};

struct Membership {
  std::int64_t user_id = 0;
  std::string role;          // A, E, K or Z
  std::string initiated_by;  // U (the person asked) or G (the group invited)
  std::string message;
};

// True for A, E and K: the person is in the group (not merely asked or invited).
inline bool is_in(const std::string& r) {
  return r == "A" || r == "E" || r == "K";
}
// True when a person with role `r` passes a permission letter (A, E or K).
inline bool passes(const std::string& r, const std::string& perms) {
  if (r == "A") return true;
  if (r == "E") return perms == "E" || perms == "K";
  if (r == "K") return perms == "K";
  return false;
}

}  // namespace artel::groups
