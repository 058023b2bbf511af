// The rules of tasks (C1–C21): creating, changing, reading, listing and deleting them, and
// what every other task method shares — finding a task the caller may see, recording the
// change (history, search index, live message) in the change's transaction.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/tasks/access.h"
#include "modules/tasks/input.h"
#include "modules/tasks/model.h"
#include "rest/method.h"

namespace artel::tasks {

// A task the caller may see, with how they stand to it.
struct Loaded {
  Task task;
  Viewer viewer;
  Relation relation;
};

// Throws 400 TASK_NOT_FOUND when the task does not exist or the caller may not see it (the
// same answer for both, so that ids of hidden tasks stay hidden).
Loaded load_visible(db::Conn& conn, const rest::Caller& caller, std::int64_t task_id);
ApiError task_not_found(std::int64_t task_id);
// 403 ACCESS_DENIED with a sentence saying what the role does not allow.
ApiError not_allowed(std::string_view what);

// tasks.task.add / update / get / list / delete / getFields / getaccess
rest::CallResult add(rest::Call& call);
rest::CallResult update(rest::Call& call);
rest::CallResult get(rest::Call& call);
rest::CallResult list(rest::Call& call);
rest::CallResult remove(rest::Call& call);
rest::CallResult get_fields(rest::Call& call);
rest::CallResult get_access(rest::Call& call);

// The full task object for the caller (what the actions answer with).
json::object task_object(db::Conn& conn, rest::Call& call, std::int64_t task_id);
rest::CallResult task_result(rest::Call& call, std::int64_t task_id);
// The answer to a change the caller has just made: the task as it now is, even when the change
// took the caller out of it (a creator handing the task to their manager, an observer who stops
// watching). The change is made, so the answer must not be TASK_NOT_FOUND.
rest::CallResult changed_task_result(rest::Call& call, std::int64_t task_id);

// A new task as a person creates it (tasks.task.add, templates, copies): validates people and
// links, writes the task, its members, tags, links, history, search text, notices and the live
// message. `author` is who acts; returns the new id.
std::int64_t create(db::Tx& tx, Portal& portal, const Viewer& author, const TaskInput& input,
                    std::int64_t forked_by_template = 0);

// After any change to a task: the live message to everyone who sees it (task.changed).
void after_change(db::Tx& tx, Portal& portal, std::int64_t task_id, std::string_view what,
                  std::int64_t actor_id);
// Keeps the search index's text of the task (title, description, tags, comments) current.
void reindex(db::Conn& conn, std::int64_t task_id);
// Rebuilds the search index and the visibility scopes of every task (artel reindex); returns
// how many tasks there are.
std::int64_t reindex_all(db::Database& db);
// Everyone who may see the task: its members, the heads above them, the administrators.
std::vector<std::int64_t> audience(db::Conn& conn, std::int64_t task_id);

// The seconds tracked on each of the tasks (C8), by task id: what a linked ticket reports.
std::map<std::int64_t, std::int64_t> time_spent_of(db::Conn& conn,
                                                   const std::vector<std::int64_t>& task_ids);

// Keeps the tasks' visibility scopes in step with the company structure.
void listen_to_structure(Portal& portal);

// Saves a changed task: history entries for what differs from `before`, changed_by/date.
void save_changes(db::Tx& tx, const Task& before, Task& after, std::int64_t actor_id);

// The person's own state of a task: viewed (clears "not viewed" and unseen comments),
// favourite, muted.
void mark_viewed(db::Conn& conn, std::int64_t task_id, std::int64_t user_id);
void set_favorite(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, bool on);
void set_muted(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, bool on);

}  // namespace artel::tasks
