// The history of a task (C7): every change, who made it and when, written in the transaction of
// the change. tasks.task.history.list reads it; "how often was the deadline moved" counts it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/db.h"
#include "modules/tasks/model.h"
#include "rest/method.h"

namespace artel::tasks::history {

// One entry. Values are text: numbers and ids as digits, dates as Unix seconds, lists of ids
// comma-separated, flags Y/N; null when there was no value. `note` carries a reason (a time
// correction) or a comment.
struct Entry {
  std::string field;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string note;
};

void record(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, const Entry& entry);
// The same entry for every task matching `where` (SQL over tasks), in one statement (a group's
// board may hold thousands): `from_column` gives each task's old value, `to` the new one.
void record_each(db::Conn& conn, std::int64_t user_id, std::string_view field,
                 std::string_view where, const db::Params& where_params,
                 std::string_view from_column, const std::string& to);

// The entries for what differs between two versions of a task (for tasks.task.update and the
// actions).
std::vector<Entry> changes(const Task& before, const Task& after);

// How many times the deadline of each task was moved (set entries from an existing deadline).
std::map<std::int64_t, std::int64_t> deadline_moves(db::Conn& conn,
                                                    const std::vector<std::int64_t>& task_ids);

// tasks.task.history.list
rest::CallResult list(rest::Call& call);

}  // namespace artel::tasks::history
