// The status actions of a task (C4) and the person's own switches on it: start, pause,
// complete (to "awaiting control" when the creator accepts the work), approve, disapprove
// ("Доделать": back to work), defer, renew, delegate; watch, mute, favourite, viewed.
#include "modules/tasks/methods.h"

#include <algorithm>

#include "core/error.h"
#include "core/time.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/notices.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"
#include "modules/tasks/timetracking.h"
#include "modules/users/service.h"

namespace artel::tasks::actions {

namespace {

ApiError wrong_status(std::string_view what) {
  return bad_request("ACTION_NOT_ALLOWED",
                     "The task cannot be " + std::string(what) + " in its current status.");
}

void set_status(Task& t, int status, std::int64_t actor) {
  std::int64_t now = timeutil::now_seconds();
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

// Runs one status action: loads, checks the role (`may`) and the status (`when`), applies,
// records, tells people, answers with the task.
template <class May, class Apply>
rest::CallResult transition(rest::Call& call, std::string_view verb, May may, Apply apply) {
  std::int64_t id = task_id_param(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
    bool favorite = tx.conn
                        .integer(
                            "SELECT favorite FROM task_user_state WHERE task_id = ? AND "
                            "user_id = ?",
                            {id, call.caller.user_id})
                        .value_or(0) != 0;
    Actions a = allowed_actions(l.task, l.relation, favorite);
    if (!may(a, l)) {
      // Say which it is: the person's role, or the task's status.
      Relation r = l.relation;
      Task probe = l.task;
      bool role_ok = false;
      for (int s : {kPending, kInProgress, kAwaitingControl, kCompleted, kDeferred}) {
        probe.status = s;
        Loaded lp{probe, l.viewer, r};
        if (may(allowed_actions(probe, r, favorite), lp)) role_ok = true;
      }
      if (role_ok) throw wrong_status(verb);
      throw not_allowed(std::string(verb) == "started"
                            ? "start this task"
                            : "do this with the task (" + std::string(verb) + ")");
    }
    Task before = l.task;
    Task after = l.task;
    apply(tx, l, after);
    save_changes(tx, before, after, call.caller.user_id);
    if (before.responsible_id != after.responsible_id || before.auditors != after.auditors ||
        before.accomplices != after.accomplices)
      store::save_members(tx.conn, after);
    notices::changed(tx, call.portal, before, after, call.caller.user_id);
    after_change(tx, call.portal, id, "status", call.caller.user_id);
  });
  return changed_task_result(call, id);
}

rest::CallResult start(rest::Call& call) {
  return transition(
      call, "started", [](const Actions& a, const Loaded&) { return a.start; },
      [&](db::Tx& tx, const Loaded& l, Task& t) {
        set_status(t, kInProgress, call.caller.user_id);
        // With time tracking on, starting the task starts my time on it (the seed's button
        // "Начать учёт моего времени"); a timer on another task stops.
        if (t.allow_time_tracking && l.relation.executes())
          timetracking::start_timer(tx, call.portal, call.caller.user_id, t.id);
      });
}

rest::CallResult pause(rest::Call& call) {
  return transition(
      call, "paused", [](const Actions& a, const Loaded&) { return a.pause; },
      [&](db::Tx& tx, const Loaded&, Task& t) {
        set_status(t, kPending, call.caller.user_id);
        timetracking::stop_timer(tx, call.portal, call.caller.user_id, t.id);
      });
}

rest::CallResult complete(rest::Call& call) {
  return transition(
      call, "completed", [](const Actions& a, const Loaded&) { return a.complete; },
      [&](db::Tx& tx, const Loaded& l, Task& t) {
        // "Accept work after completion": the work goes to the creator, unless the creator
        // (or an administrator) completes it.
        bool control = t.task_control && !l.relation.creator && !l.relation.admin;
        set_status(t, control ? kAwaitingControl : kCompleted, call.caller.user_id);
        timetracking::stop_all_timers(tx, call.portal, t.id);
      });
}

rest::CallResult approve(rest::Call& call) {
  return transition(
      call, "approved", [](const Actions& a, const Loaded&) { return a.approve; },
      [&](db::Tx&, const Loaded&, Task& t) { set_status(t, kCompleted, call.caller.user_id); });
}

rest::CallResult disapprove(rest::Call& call) {
  return transition(
      call, "returned for more work", [](const Actions& a, const Loaded&) { return a.disapprove; },
      [&](db::Tx&, const Loaded&, Task& t) { set_status(t, kPending, call.caller.user_id); });
}

rest::CallResult defer(rest::Call& call) {
  return transition(
      call, "deferred", [](const Actions& a, const Loaded&) { return a.defer; },
      [&](db::Tx& tx, const Loaded&, Task& t) {
        set_status(t, kDeferred, call.caller.user_id);
        timetracking::stop_all_timers(tx, call.portal, t.id);
      });
}

rest::CallResult renew(rest::Call& call) {
  return transition(
      call, "renewed", [](const Actions& a, const Loaded&) { return a.renew; },
      [&](db::Tx&, const Loaded&, Task& t) { set_status(t, kPending, call.caller.user_id); });
}

// A new responsible; the former one keeps watching the task, as in Bitrix24.
rest::CallResult delegate(rest::Call& call) {
  const json::value* v = find_ci(call.params, "userId");
  auto user = v ? as_int(*v) : std::nullopt;
  if (!user || *user <= 0)
    throw bad_argument("userId", "userId (the new responsible) is required.");
  return transition(
      call, "delegated", [](const Actions& a, const Loaded&) { return a.delegate; },
      [&](db::Tx& tx, const Loaded&, Task& t) {
        if (*user == t.responsible_id) return;
        if (!tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {*user}))
          throw bad_argument("userId", "Person " + std::to_string(*user) + " does not exist.");
        if (!users::can_see(tx.conn, call.caller, *user))
          throw bad_argument("userId", "Person " + std::to_string(*user) + " does not exist.");
        std::int64_t former = t.responsible_id;
        timetracking::stop_timer(tx, call.portal, former, t.id);
        t.responsible_id = *user;
        t.accomplices.erase(std::remove(t.accomplices.begin(), t.accomplices.end(), *user),
                            t.accomplices.end());
        if (former != t.created_by &&
            std::find(t.auditors.begin(), t.auditors.end(), former) == t.auditors.end())
          t.auditors.push_back(former);
        if (t.status == kInProgress) set_status(t, kPending, call.caller.user_id);
      });
}

// Watching, muting and favourites change only the caller's own view of the task.
template <class Fn>
rest::CallResult own_switch(rest::Call& call, Fn fn, bool answer_task) {
  std::int64_t id = task_id_param(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
    fn(tx, l);
  });
  if (answer_task) return changed_task_result(call, id);
  return {true};
}

rest::CallResult start_watch(rest::Call& call) {
  return own_switch(
      call,
      [&](db::Tx& tx, Loaded& l) {
        Task after = l.task;
        std::int64_t me = call.caller.user_id;
        if (std::find(after.auditors.begin(), after.auditors.end(), me) != after.auditors.end())
          return;
        after.auditors.push_back(me);
        save_changes(tx, l.task, after, me);
        store::save_members(tx.conn, after);
        after_change(tx, call.portal, after.id, "members", me);
      },
      true);
}

rest::CallResult stop_watch(rest::Call& call) {
  return own_switch(
      call,
      [&](db::Tx& tx, Loaded& l) {
        Task after = l.task;
        std::int64_t me = call.caller.user_id;
        auto it = std::find(after.auditors.begin(), after.auditors.end(), me);
        if (it == after.auditors.end()) return;
        after.auditors.erase(it);
        save_changes(tx, l.task, after, me);
        store::save_members(tx.conn, after);
        after_change(tx, call.portal, after.id, "members", me);
      },
      true);
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  using rest::Call;
  registry.add({"tasks.task.start", "task", Access::User, start});
  registry.add({"tasks.task.pause", "task", Access::User, pause});
  registry.add({"tasks.task.complete", "task", Access::User, complete});
  registry.add({"tasks.task.approve", "task", Access::User, approve});
  registry.add({"tasks.task.disapprove", "task", Access::User, disapprove});
  registry.add({"tasks.task.defer", "task", Access::User, defer});
  registry.add({"tasks.task.renew", "task", Access::User, renew});
  registry.add({"tasks.task.delegate", "task", Access::User, delegate});
  registry.add({"tasks.task.startwatch", "task", Access::User, start_watch});
  registry.add({"tasks.task.stopwatch", "task", Access::User, stop_watch});
  registry.add(
      {"tasks.task.mute", "task", Access::User, [](Call& c) {
         return own_switch(
             c,
             [&](db::Tx& tx, Loaded& l) { set_muted(tx.conn, l.task.id, c.caller.user_id, true); },
             true);
       }});
  registry.add(
      {"tasks.task.unmute", "task", Access::User, [](Call& c) {
         return own_switch(
             c,
             [&](db::Tx& tx, Loaded& l) { set_muted(tx.conn, l.task.id, c.caller.user_id, false); },
             true);
       }});
  registry.add({"tasks.task.favorite.add", "task", Access::User, [](Call& c) {
                  return own_switch(
                      c,
                      [&](db::Tx& tx, Loaded& l) {
                        set_favorite(tx.conn, l.task.id, c.caller.user_id, true);
                      },
                      false);
                }});
  registry.add({"tasks.task.favorite.remove", "task", Access::User, [](Call& c) {
                  return own_switch(
                      c,
                      [&](db::Tx& tx, Loaded& l) {
                        set_favorite(tx.conn, l.task.id, c.caller.user_id, false);
                      },
                      false);
                }});
  // The card was opened: "not viewed" and the unseen comments clear for this person.
  registry.add(
      {"artel.task.viewed", "task", Access::User, [](Call& c) {
         return own_switch(
             c, [&](db::Tx& tx, Loaded& l) { mark_viewed(tx.conn, l.task.id, c.caller.user_id); },
             false);
       }});
}

}  // namespace artel::tasks::actions
