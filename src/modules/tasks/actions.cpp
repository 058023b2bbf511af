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
#include "modules/tasks/status.h"
#include "modules/tasks/store.h"
#include "modules/tasks/timetracking.h"
#include "modules/users/service.h"

namespace artel::tasks::actions {

namespace {

// Runs one change of a task by the caller: loads it, lets `apply` change a copy, records the
// differences, tells people, answers with the task.
template <class Apply>
rest::CallResult change(rest::Call& call, Apply apply) {
  std::int64_t id = task_id_param(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
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

rest::CallResult status_action(rest::Call& call, StatusAction action) {
  return change(call, [&](db::Tx& tx, const Loaded& l, Task& t) {
    apply_action(tx, call.portal, l, t, action);
  });
}

// A new responsible; the former one keeps watching the task, as in Bitrix24.
rest::CallResult delegate(rest::Call& call) {
  const json::value* v = find_ci(call.params, "userId");
  auto user = v ? as_int(*v) : std::nullopt;
  if (!user || *user <= 0)
    throw bad_argument("userId", "userId (the new responsible) is required.");
  return change(call, [&](db::Tx& tx, const Loaded& l, Task& t) {
    bool favorite = false;
    if (!allowed_actions(l.task, l.relation, favorite).delegate) {
      if (l.relation.responsible || l.relation.directs())
        throw bad_request("ACTION_NOT_ALLOWED",
                          "The task's status does not allow this: you may not delegate it now.");
      throw not_allowed("delegate this task");
    }
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
    if (t.status == kInProgress)
      set_status(t, kPending, call.caller.user_id, timeutil::now_seconds());
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

// The caller joins the observers (startwatch) or leaves them (stopwatch).
rest::CallResult watch(rest::Call& call, bool on) {
  return own_switch(
      call,
      [&](db::Tx& tx, Loaded& l) {
        Task after = l.task;
        std::int64_t me = call.caller.user_id;
        auto it = std::find(after.auditors.begin(), after.auditors.end(), me);
        if (on == (it != after.auditors.end())) return;
        if (on)
          after.auditors.push_back(me);
        else
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
  auto action = [&registry](const char* name, StatusAction a) {
    registry.add({name, "task", Access::User, [a](Call& c) { return status_action(c, a); }});
  };
  action("tasks.task.start", StatusAction::Start);
  action("tasks.task.pause", StatusAction::Pause);
  action("tasks.task.complete", StatusAction::Complete);
  action("tasks.task.approve", StatusAction::Approve);
  action("tasks.task.disapprove", StatusAction::Disapprove);
  action("tasks.task.defer", StatusAction::Defer);
  action("tasks.task.renew", StatusAction::Renew);
  registry.add({"tasks.task.delegate", "task", Access::User, delegate});
  registry.add({"tasks.task.startwatch", "task", Access::User,
                [](rest::Call& c) { return watch(c, true); }});
  registry.add({"tasks.task.stopwatch", "task", Access::User,
                [](rest::Call& c) { return watch(c, false); }});
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
