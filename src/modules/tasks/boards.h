// Kanban boards of tasks: a person's My Plan (type U) and a workgroup's board (type G), their
// columns (task_stages), and the rules of a group's board (D4): who arranges the columns, who
// moves which task where, who watches the board live.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "modules/tasks/model.h"
#include "modules/tasks/service.h"
#include "rest/method.h"

namespace artel::tasks {

struct Board {
  char type = 'U';  // U: a person's My Plan (id = the person); G: a group's board (id = the group)
  std::int64_t id = 0;
};

struct Stage {
  std::int64_t id = 0;
  std::string title;
  std::int64_t sort = 0;
  std::string color;
  std::string system_type;
  std::int64_t entity_id = 0;
  std::string entity_type;
  bool extranet_move = false;  // outside members may move their tasks into and out of it
  Board board() const { return {entity_type.empty() ? 'U' : entity_type[0], entity_id}; }
};

std::optional<Stage> find_stage(db::Conn& conn, std::int64_t id);
// A board's columns in order; ensure_columns makes the three default ones on first use.
std::vector<Stage> columns(db::Conn& conn, const Board& board);
std::vector<Stage> ensure_columns(db::Tx& tx, Portal& portal, const Board& board);

// The group's tasks stay when the group is deleted, detached from it (D6), each with the change
// in its history by `actor`; its columns go.
void detach_group(db::Tx& tx, std::int64_t group_id, std::int64_t actor);

namespace board {

// A group's board is for its members and the administrators; for anyone else the group does
// not exist (ERROR_ARGUMENT entityId).
bool sees_board(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id);
void check_sees_board(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id);
// Its columns are arranged by the group's owner, moderators and administrators.
void check_arranges(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id);
// Everyone with the board open may need its changes: the group's members and administrators.
std::vector<std::int64_t> watchers(db::Conn& conn, std::int64_t group_id);

// Puts a task that joins a group (on add, or by changing GROUP_ID) into a column of the group's
// board: `wanted` when given (it must be one of the group's), else the first; on top.
void place(db::Tx& tx, Portal& portal, Task& task, std::optional<std::int64_t> wanted);
// STAGE_ID given to tasks.task.update for a task that stays in its group: the move rules apply.
void check_move(db::Conn& conn, const Loaded& task, std::int64_t to_stage);
// task.stages.movetask onto a group's column (ACCESS_DENIED_MOVE when the rules say no).
void move(db::Tx& tx, Portal& portal, const Loaded& task, const Stage& to, std::int64_t before,
          std::int64_t after);
// A column is deleted: its tasks go to `to` (the first column), each with the change in its
// history by `actor`.
void move_column_tasks(db::Tx& tx, std::int64_t from, std::int64_t to, std::int64_t actor);

}  // namespace board
}  // namespace artel::tasks
