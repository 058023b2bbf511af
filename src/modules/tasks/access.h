// Who sees a task and who may do what with it.
//
// A person sees a task when they are in it (creator, responsible, co-executor, observer), when
// they head a department — or a department above one — that a member of the task belongs to
// (B3), when the task is in a workgroup whose tasks they see (its members; outside members only
// when the group shows them all its tasks), or when they are an administrator. Lists filter this in
// SQL (restrict_to_visible), so a page of 50 costs the same at a million tasks.
//
// Full rights over a task ("directs": edit, delete, change anything) belong to its creator,
// the administrators and the heads of its creator or responsible. The responsible and the
// co-executors do the work: start, pause, complete, track time, and move the deadline when the
// task allows it. Approving work that waits for control is the creator's or an administrator's.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "modules/tasks/model.h"
#include "rest/list_query.h"
#include "rest/method.h"

namespace artel::tasks {

struct Viewer {
  std::int64_t user_id = 0;
  bool is_admin = false;
  bool is_extranet = false;
  // The departments the person heads and every department below them.
  std::vector<std::int64_t> headed_departments;
  // The departments the person heads that are not below another one they head: a task is
  // theirs to see when its scope (task_scope) holds one of these.
  std::vector<std::int64_t> scope_roots;
  // One of those is the person's own department or above it, so every task they are in is
  // in that scope too (their membership need not be checked separately).
  bool scope_covers_own = false;
  // The workgroups whose every task the person sees (groups::task_groups).
  std::vector<std::int64_t> task_groups;
  bool sees_group(std::int64_t group_id) const;
};

Viewer viewer_of(db::Conn& conn, const rest::Caller& caller);
// The same for any person (counters of a subordinate, notices, tasks.task.getaccess).
Viewer viewer_of_user(db::Conn& conn, std::int64_t user_id);
// The person as a caller, for the checks other modules answer by caller (whom one may see).
rest::Caller caller_of(const Viewer& viewer);
// True when `user_id` (not the viewer) belongs to a department the viewer heads or one below.
bool heads_person(db::Conn& conn, const Viewer& viewer, std::int64_t user_id);

struct Relation {
  bool creator = false;
  bool responsible = false;
  bool accomplice = false;
  bool auditor = false;
  bool admin = false;
  bool heads_creator_or_responsible = false;
  bool heads_member = false;
  bool group_member = false;  // sees it through its workgroup

  bool member() const { return creator || responsible || accomplice || auditor; }
  bool sees() const { return member() || admin || heads_member || group_member; }
  bool directs() const { return creator || admin || heads_creator_or_responsible; }
  bool executes() const { return responsible || accomplice; }
};

Relation relation(db::Conn& conn, const Viewer& viewer, const Task& task);
// Relations to a page of tasks (their details loaded) with one query for the heads' part.
std::map<std::int64_t, Relation> relations(db::Conn& conn, const Viewer& viewer,
                                           const std::vector<Task>& tasks);

// Keeps the tasks the viewer may see (SQL over the alias t). The same set written two ways,
// because the planner needs each for its purpose: Scan checks each row as the query walks
// the tasks in order (a page of 50, newest first, stops early); Set builds the set of visible
// ids once (a count, a report, a join), which is far cheaper than checking a million rows.
enum class VisibleForm { Scan, Set };
void restrict_to_visible(rest::ListQuery& query, const Viewer& viewer,
                         VisibleForm form = VisibleForm::Set);

// What a person may do with a task, as Bitrix24's `action` map names it.
struct Actions {
  bool complete = false;
  bool approve = false;
  bool disapprove = false;
  bool start = false;
  bool pause = false;
  bool delegate = false;
  bool remove = false;
  bool edit = false;
  bool defer = false;
  bool renew = false;
  bool create = false;
  bool change_deadline = false;
  bool checklist_add = false;
  bool add_favorite = false;
  bool delete_favorite = false;
  bool rate = false;
  bool edit_originator = false;
  bool elapsed_time_add = false;
  bool timer_toggle = false;
  bool edit_plan = false;
};

Actions allowed_actions(const Task& task, const Relation& relation, bool favorite);

// `action` of a task object (camelCase keys, as tasks.task.get) or the allowedActions entry of
// tasks.task.getaccess (upper case keys).
json::object actions_json(const Actions& actions, bool upper_case);

}  // namespace artel::tasks
