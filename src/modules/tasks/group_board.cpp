// A workgroup's board (C16, D4): every task of the group sits in one of the group's columns.
// Members move tasks as the group's MOVE_PERMS allows; an outside (extranet) member moves only
// tasks they take part in, and only between columns that let outside members (EXTRANET_MOVE),
// so a client cannot push its task past the agency's own stages.
#include <algorithm>

#include "core/error.h"
#include "modules/groups/access.h"
#include "modules/groups/model.h"
#include "modules/tasks/boards.h"
#include "modules/tasks/history.h"
#include "modules/tasks/store.h"

namespace artel::tasks {

namespace {

ApiError move_denied(const std::string& why) {
  return ApiError(403, "ACCESS_DENIED_MOVE", "You may not move this task: " + why + ".");
}

// Above every other task of the column.
void put_on_top(db::Conn& conn, std::int64_t task_id, std::int64_t group_id,
                std::int64_t stage_id) {
  double top = 0;
  conn.run("SELECT min(stage_sort) FROM tasks WHERE group_id = ? AND stage_id = ? AND id <> ?",
           {group_id, stage_id, task_id}, [&](const db::Row& r) {
             if (!r.is_null(0)) top = r.real(0);
           });
  conn.run("UPDATE tasks SET stage_sort = ? WHERE id = ?", {top - 1, task_id});
}

}  // namespace

void detach_group(db::Tx& tx, std::int64_t group_id, std::int64_t actor) {
  // Every change to a task is in its history, those a group's deletion makes too.
  history::record_each(tx.conn, actor, "GROUP_ID", "group_id = ?", {group_id}, "group_id", "0");
  history::record_each(tx.conn, actor, "STAGE_ID", "group_id = ? AND stage_id <> 0", {group_id},
                       "stage_id", "0");
  tx.conn.run("UPDATE tasks SET group_id = 0, stage_id = 0, stage_sort = 0 WHERE group_id = ?",
              {group_id});
  tx.conn.run("UPDATE task_templates SET group_id = 0 WHERE group_id = ?", {group_id});
  tx.conn.run("DELETE FROM task_stages WHERE entity_type = 'G' AND entity_id = ?", {group_id});
}

namespace board {

bool sees_board(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id) {
  if (caller.is_admin) return groups::exists(conn, group_id);
  auto role = groups::role_of(conn, group_id, caller.user_id);
  return role && groups::is_in(*role);
}

void check_sees_board(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id) {
  if (!sees_board(conn, caller, group_id))
    throw bad_argument("entityId", "Workgroup " + std::to_string(group_id) + " does not exist.");
}

void check_arranges(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id) {
  if (caller.is_admin) return;
  auto role = groups::role_of(conn, group_id, caller.user_id).value_or("");
  if (role != groups::role::kOwner && role != groups::role::kModerator)
    throw access_denied("Only the group's owner and moderators arrange its board.");
}

std::vector<std::int64_t> watchers(db::Conn& conn, std::int64_t group_id) {
  std::vector<std::int64_t> out;
  conn.run(
      "SELECT m.user_id FROM sonet_group_members m WHERE m.group_id = ? AND m.role IN "
      "('A','E','K') UNION SELECT u.id FROM users u WHERE u.is_admin = 1 AND u.active = 1",
      {group_id}, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

void place(db::Tx& tx, Portal& portal, Task& task, std::optional<std::int64_t> wanted) {
  if (!task.group_id) {
    task.stage_id = 0;
    return;
  }
  auto cols = ensure_columns(tx, portal, {'G', task.group_id});
  task.stage_id = cols.front().id;
  if (wanted && *wanted) {
    if (std::none_of(cols.begin(), cols.end(), [&](const Stage& s) { return s.id == *wanted; }))
      throw bad_argument("STAGE_ID", "Column " + std::to_string(*wanted) +
                                         " is not on the board of this task's group.");
    task.stage_id = *wanted;
  }
  if (task.id) put_on_top(tx.conn, task.id, task.group_id, task.stage_id);
}

void check_move(db::Conn& conn, const Loaded& l, std::int64_t to_stage) {
  const Task& t = l.task;
  auto to = find_stage(conn, to_stage);
  if (!to || to->entity_type != "G" || to->entity_id != t.group_id)
    throw bad_request("NOT_FOUND",
                      "Column " + std::to_string(to_stage) + " is not on this task's board.");
  if (groups::is_archived(conn, t.group_id)) throw move_denied("the group is archived");
  if (l.viewer.is_admin) return;
  auto role = groups::role_of(conn, t.group_id, l.viewer.user_id).value_or("");
  if (!groups::is_in(role)) throw move_denied("you are not in the task's group");
  if (!groups::passes(role, groups::move_perms(conn, t.group_id)))
    throw move_denied("the group lets only its owner and moderators move tasks");
  if (!l.viewer.is_extranet) return;
  if (!l.relation.member()) throw move_denied("it is not a task you take part in");
  auto from = t.stage_id ? find_stage(conn, t.stage_id) : std::nullopt;
  if (!from) {
    auto cols = columns(conn, {'G', t.group_id});
    if (!cols.empty()) from = cols.front();
  }
  if (!to->extranet_move || !from || !from->extranet_move)
    throw move_denied("the board keeps this column for the team");
}

void move(db::Tx& tx, Portal& portal, const Loaded& l, const Stage& to, std::int64_t before,
          std::int64_t after) {
  check_move(tx.conn, l, to.id);
  const Task& t = l.task;
  // Between the anchor and its neighbour on the other side (the board shows a column by
  // stage_sort ascending).
  std::int64_t anchor = before ? before : after;
  double sort = 0;
  bool placed = false;
  if (anchor) {
    std::optional<double> a;
    tx.conn.run("SELECT stage_sort FROM tasks WHERE id = ? AND group_id = ? AND stage_id = ?",
                {anchor, t.group_id, to.id}, [&](const db::Row& r) { a = r.real(0); });
    if (a) {
      std::optional<double> other;
      tx.conn.run(std::string("SELECT stage_sort FROM tasks WHERE group_id = ? AND stage_id = ? "
                              "AND id <> ? AND stage_sort ") +
                      (before ? "< ? ORDER BY stage_sort DESC" : "> ? ORDER BY stage_sort ASC") +
                      " LIMIT 1",
                  {t.group_id, to.id, t.id, *a}, [&](const db::Row& r) { other = r.real(0); });
      sort = other ? (*a + *other) / 2 : (before ? *a - 1 : *a + 1);
      placed = true;
    }
  }
  Task changed = t;
  changed.stage_id = to.id;
  if (changed.stage_id != t.stage_id) save_changes(tx, t, changed, l.viewer.user_id);
  if (placed)
    tx.conn.run("UPDATE tasks SET stage_sort = ? WHERE id = ?", {sort, t.id});
  else
    put_on_top(tx.conn, t.id, t.group_id, to.id);
  after_change(tx, portal, t.id, "move", l.viewer.user_id);
}

void move_column_tasks(db::Tx& tx, std::int64_t from, std::int64_t to, std::int64_t actor) {
  history::record_each(tx.conn, actor, "STAGE_ID", "stage_id = ?", {from}, "stage_id",
                       std::to_string(to));
  tx.conn.run("UPDATE tasks SET stage_id = ? WHERE stage_id = ?", {to, from});
}

}  // namespace board
}  // namespace artel::tasks
