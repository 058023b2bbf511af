#include "modules/tasks/status.h"

#include "core/error.h"
#include "core/time.h"
#include "modules/tasks/access.h"
#include "modules/tasks/timetracking.h"

namespace artel::tasks {

namespace {

bool allows(const Task& task, const Relation& relation, StatusAction action) {
  Actions a = allowed_actions(task, relation, false);  // favourites do not matter here
  switch (action) {
    case StatusAction::Start:
      return a.start;
    case StatusAction::Resume: {
      // Renew, then start: both must be allowed.
      Task renewed = task;
      renewed.status = kPending;
      return a.renew && allowed_actions(renewed, relation, false).start;
    }
    case StatusAction::Pause:
      return a.pause;
    case StatusAction::Complete:
      return a.complete;
    case StatusAction::Approve:
      return a.approve;
    case StatusAction::Disapprove:
      return a.disapprove;
    case StatusAction::Defer:
      return a.defer;
    case StatusAction::Renew:
      return a.renew;
  }
  return false;
}

const char* verb(StatusAction action) {
  switch (action) {
    case StatusAction::Start:
      return "start this task";
    case StatusAction::Resume:
      return "resume this task";
    case StatusAction::Pause:
      return "pause this task";
    case StatusAction::Complete:
      return "complete this task";
    case StatusAction::Approve:
      return "approve this task";
    case StatusAction::Disapprove:
      return "return this task for more work";
    case StatusAction::Defer:
      return "defer this task";
    case StatusAction::Renew:
      return "renew this task";
  }
  return "change this task";
}

}  // namespace

void set_status(Task& t, int status, std::int64_t actor, std::int64_t now) {
  if (t.status == status) return;
  t.status = status;
  t.status_changed_by = actor;
  t.status_changed_date = now;
  if (status == kInProgress && !t.date_start) t.date_start = now;
  if (status == kCompleted || status == kAwaitingControl) {
    t.closed_by = actor;
    t.closed_date = now;
  } else {
    t.closed_by = 0;
    t.closed_date = 0;
  }
}

StatusAction action_towards(int from, int target) {
  switch (target) {
    case kInProgress:
      return from == kCompleted || from == kDeferred || from == kDeclined ? StatusAction::Resume
                                                                          : StatusAction::Start;
    case kAwaitingControl:
      return StatusAction::Complete;
    case kCompleted:
      return from == kAwaitingControl ? StatusAction::Approve : StatusAction::Complete;
    case kDeferred:
      return StatusAction::Defer;
    default:
      if (from == kInProgress) return StatusAction::Pause;
      if (from == kAwaitingControl) return StatusAction::Disapprove;
      return StatusAction::Renew;
  }
}

void apply_action(db::Tx& tx, Portal& portal, const Loaded& l, Task& t, StatusAction action) {
  std::int64_t actor = l.viewer.user_id;
  if (!allows(l.task, l.relation, action)) {
    // Say which it is: the person's role, or the task's status.
    Task probe = l.task;
    bool role_ok = false;
    for (int s : {kPending, kInProgress, kAwaitingControl, kCompleted, kDeferred}) {
      probe.status = s;
      if (allows(probe, l.relation, action)) role_ok = true;
    }
    if (role_ok)
      throw bad_request("ACTION_NOT_ALLOWED",
                        "The task's status does not allow this: you may "
                        "not " +
                            std::string(verb(action)) + " now.");
    throw not_allowed(verb(action));
  }
  std::int64_t now = timeutil::now_seconds();
  switch (action) {
    case StatusAction::Start:
    case StatusAction::Resume:
      set_status(t, kInProgress, actor, now);
      // With time tracking on, starting the task starts my time on it (the seed's button
      // "Начать учёт моего времени"); a timer on another task stops.
      if (t.allow_time_tracking && l.relation.executes())
        timetracking::start_timer(tx, portal, actor, t.id);
      break;
    case StatusAction::Pause:
      set_status(t, kPending, actor, now);
      timetracking::stop_timer(tx, portal, actor, t.id);
      break;
    case StatusAction::Complete: {
      // "Accept work after completion": the work goes to the creator, unless the creator (or
      // an administrator) completes it.
      bool control = t.task_control && !l.relation.creator && !l.relation.admin;
      set_status(t, control ? kAwaitingControl : kCompleted, actor, now);
      timetracking::stop_all_timers(tx, portal, t.id);
      break;
    }
    case StatusAction::Approve:
      set_status(t, kCompleted, actor, now);
      break;
    case StatusAction::Disapprove:
      set_status(t, kPending, actor, now);
      break;
    case StatusAction::Defer:
      set_status(t, kDeferred, actor, now);
      timetracking::stop_all_timers(tx, portal, t.id);
      break;
    case StatusAction::Renew:
      set_status(t, kPending, actor, now);
      break;
  }
}

}  // namespace artel::tasks
