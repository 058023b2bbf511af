// Time spent on tasks (C8): entries typed by hand with a comment, entries the timer writes, and
// the timer itself — one per person: starting it on one task stops it on the other and records
// that time. Correcting an entry keeps the reason in the task's history. The task's total
// (timeSpentInLogs) is kept in the same transaction as every entry.
#pragma once

#include <cstdint>
#include <string>

#include "core/portal.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::tasks::timetracking {

constexpr int kSourceTimer = 1;
constexpr int kSourceManual = 2;

struct Entry {
  std::int64_t task_id = 0;
  std::int64_t user_id = 0;
  std::int64_t seconds = 0;
  std::string comment;
  int source = kSourceManual;
  std::int64_t created_date = 0;  // when the work was done (the day a report counts it on)
  std::int64_t date_start = 0;
  std::int64_t date_stop = 0;
};

std::int64_t record(db::Tx& tx, const Entry& entry, std::int64_t actor);

// Starts the person's timer on the task (an idempotent call when it already runs there). A
// timer running on another task stops first and its time is recorded.
void start_timer(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t task_id);
// Stops the person's timer when it runs on the task (any task when task_id is 0); returns the
// seconds recorded (0 when no timer ran there).
std::int64_t stop_timer(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t task_id);
// Stops every timer on the task (it was completed, deferred or delegated).
void stop_all_timers(db::Tx& tx, Portal& portal, std::int64_t task_id);

void register_methods(rest::Registry& registry);

}  // namespace artel::tasks::timetracking
