// The status of a task and how it changes (C4): one set of rules for the action methods
// (tasks.task.start, complete, approve, …) and for a STATUS given to tasks.task.update, with
// what comes along — the timer starts with the work and stops when it ends.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/portal.h"
#include "db/db.h"
#include "modules/tasks/model.h"
#include "modules/tasks/service.h"

namespace artel::tasks {

// Resume: renew and start at once (a STATUS of 3 given to finished or deferred work).
enum class StatusAction { Start, Resume, Pause, Complete, Approve, Disapprove, Defer, Renew };

// Sets the status with who changed it and when; the start and close dates follow.
void set_status(Task& task, int status, std::int64_t actor, std::int64_t now);

// Applies the action to `after` (a copy of loaded.task) for the person of `loaded`: 403
// ACCESS_DENIED when their role never allows it, 400 ACTION_NOT_ALLOWED when it does but not in
// this status. Completing work under control goes to the creator for approval unless the
// creator or an administrator completes it.
void apply_action(db::Tx& tx, Portal& portal, const Loaded& loaded, Task& after,
                  StatusAction action);

// The action that takes a task from its status to `target` (a STATUS set by update): 3 start
// (renew first from 5, 6, 7), 2 pause / return for more work / renew, 4 and 5 complete or
// approve, 6 defer.
StatusAction action_towards(int from, int target);

}  // namespace artel::tasks
