#include "modules/tasks/timetracking.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/settings/store.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/notices.h"
#include "modules/tasks/service.h"
#include "modules/tasks/status.h"
#include "modules/tasks/store.h"
#include "rest/list_query.h"

namespace artel::tasks::timetracking {

namespace {

constexpr std::int64_t kMaxEntrySeconds = 7 * 24 * 3600;
constexpr std::size_t kMaxComment = 10'000;

// The task's total follows its entries; the history notes the change with a reason.
void refresh_total(db::Tx& tx, std::int64_t task_id, std::int64_t actor, const std::string& note) {
  std::int64_t before =
      tx.conn.integer("SELECT time_spent FROM tasks WHERE id = ?", {task_id}).value_or(0);
  std::int64_t after =
      tx.conn
          .integer("SELECT COALESCE(sum(seconds), 0) FROM task_elapsed WHERE task_id = ?",
                   {task_id})
          .value_or(0);
  tx.conn.run("UPDATE tasks SET time_spent = ?, activity_date = ? WHERE id = ?",
              {after, timeutil::now_seconds(), task_id});
  if (before != after)
    history::record(tx.conn, task_id, actor,
                    {"TIME_SPENT_IN_LOGS", std::to_string(before), std::to_string(after), note});
}

struct Row {
  std::int64_t id = 0, task_id = 0, user_id = 0, seconds = 0, created_date = 0, date_start = 0,
               date_stop = 0;
  int source = kSourceManual;
  std::string comment;
};

constexpr const char* kSelect =
    "SELECT e.id, e.task_id, e.user_id, e.seconds, e.created_date, e.date_start, e.date_stop, "
    "e.source, e.comment_text FROM task_elapsed e";

Row read(const db::Row& r) {
  return {r.integer(0), r.integer(1), r.integer(2), r.integer(3),
          r.integer(4), r.integer(5), r.integer(6), static_cast<int>(r.integer(7)),
          r.text(8)};
}

std::optional<Row> find(db::Conn& conn, std::int64_t task_id, std::int64_t id) {
  std::optional<Row> out;
  conn.run(std::string(kSelect) + " WHERE e.id = ? AND e.task_id = ?", {id, task_id},
           [&](const db::Row& r) { out = read(r); });
  return out;
}

json::object row_json(const Row& e, int tz) {
  auto date = [&](std::int64_t t) -> json::value {
    if (!t) return nullptr;
    return json::string(timeutil::format_iso8601(t, tz));
  };
  return json::object{
      {"ID", std::to_string(e.id)},           {"TASK_ID", std::to_string(e.task_id)},
      {"USER_ID", std::to_string(e.user_id)}, {"COMMENT_TEXT", e.comment},
      {"SECONDS", std::to_string(e.seconds)}, {"MINUTES", std::to_string(e.seconds / 60)},
      {"SOURCE", std::to_string(e.source)},   {"CREATED_DATE", date(e.created_date)},
      {"DATE_START", date(e.date_start)},     {"DATE_STOP", date(e.date_stop)}};
}

std::int64_t seconds_of(const json::object& f, bool required) {
  const json::value* s = find_ci(f, "SECONDS");
  const json::value* m = find_ci(f, "MINUTES");
  std::optional<std::int64_t> n;
  if (s) {
    n = as_int(*s);
  } else if (m) {
    n = as_int(*m);
    if (n) *n *= 60;
  } else if (!required) {
    return -1;
  } else {
    throw bad_argument("SECONDS", "SECONDS (the time spent) is required.");
  }
  if (!n || *n <= 0 || *n > kMaxEntrySeconds)
    throw bad_argument("SECONDS", "SECONDS must be a number of seconds from 1 to 604800 (a week).");
  return *n;
}

std::optional<std::string> comment_of(const json::object& f) {
  const json::value* v = find_ci(f, "COMMENT_TEXT");
  if (!v) return std::nullopt;
  auto s = as_string(*v);
  if (!s || v->is_object() || v->is_array() || !is_valid_utf8(*s) || s->size() > kMaxComment)
    throw bad_argument("COMMENT_TEXT", "COMMENT_TEXT must be text of up to 10,000 characters.");
  return std::string(trim(*s));
}

std::int64_t work_date_of(const json::object& f, const timeutil::TimeZone& zone, std::int64_t now) {
  const json::value* v = find_ci(f, "CREATED_DATE");
  if (!v) return now;
  auto s = as_string(*v);
  auto t = s ? timeutil::parse_datetime(*s, zone) : std::nullopt;
  if (!t) throw bad_argument("CREATED_DATE", "CREATED_DATE must be a date such as 2025-03-31.");
  if (*t > now + 3600) throw bad_argument("CREATED_DATE", "Time cannot be entered for the future.");
  return *t;
}

const json::object& arfields(const json::object& params, std::size_t index) {
  const json::value* v = positional(params, index, "ARFIELDS");
  if (!v) v = find_ci(params, "FIELDS");
  if (!v || !v->is_object())
    throw bad_argument("ARFIELDS", "ARFIELDS must be an object with SECONDS and COMMENT_TEXT.");
  return v->get_object();
}

std::int64_t item_id(const json::object& params) {
  const json::value* v = positional(params, 1, "ITEMID");
  auto n = v ? as_int(*v) : std::nullopt;
  if (!n || *n <= 0) throw bad_argument("ITEMID", "The time entry id (ITEMID) is required.");
  return *n;
}

ApiError entry_not_found(std::int64_t id) {
  return bad_request("ELAPSED_ITEM_NOT_FOUND",
                     "Time entry " + std::to_string(id) + " is not found in this task.");
}

void publish_timer(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t task_id,
                   bool running, std::int64_t started) {
  int tz = portal.settings.snapshot()->tz_offset_now();
  live::publish_after_commit(
      tx, portal, {user_id}, "task.timer",
      json::object{{"TASK_ID", std::to_string(task_id)},
                   {"USER_ID", std::to_string(user_id)},
                   {"RUNNING", running},
                   {"TIMER_STARTED_AT",
                    running ? json::value(timeutil::format_iso8601(started, tz)) : nullptr}});
}

}  // namespace

std::int64_t record(db::Tx& tx, const Entry& e, std::int64_t actor) {
  std::int64_t id = tx.conn.insert(
      "INSERT INTO task_elapsed(task_id, user_id, seconds, comment_text, source, created_date, "
      "date_start, date_stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {e.task_id, e.user_id, e.seconds, e.comment, std::int64_t{e.source}, e.created_date,
       e.date_start ? db::Value(e.date_start) : db::Value(nullptr),
       e.date_stop ? db::Value(e.date_stop) : db::Value(nullptr)});
  // The note is the person's own words: what the time went on.
  refresh_total(tx, e.task_id, actor, e.comment);
  return id;
}

std::int64_t stop_timer(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t task_id) {
  std::int64_t running_task = 0, started = 0;
  tx.conn.run("SELECT task_id, started_at FROM task_timers WHERE user_id = ?", {user_id},
              [&](const db::Row& r) {
                running_task = r.integer(0);
                started = r.integer(1);
              });
  if (!running_task || (task_id && running_task != task_id)) return 0;
  std::int64_t now = timeutil::now_seconds();
  std::int64_t seconds = std::max<std::int64_t>(0, now - started);
  tx.conn.run("DELETE FROM task_timers WHERE user_id = ?", {user_id});
  if (seconds > 0)
    record(tx, {running_task, user_id, seconds, "", kSourceTimer, started, started, now}, user_id);
  publish_timer(tx, portal, user_id, running_task, false, 0);
  after_change(tx, portal, running_task, "time", user_id);
  return seconds;
}

void start_timer(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t task_id) {
  auto running = tx.conn.integer("SELECT task_id FROM task_timers WHERE user_id = ?", {user_id});
  if (running && *running == task_id) return;
  if (running) stop_timer(tx, portal, user_id, *running);
  std::int64_t now = timeutil::now_seconds();
  tx.conn.run("INSERT INTO task_timers(user_id, task_id, started_at) VALUES (?, ?, ?)",
              {user_id, task_id, now});
  publish_timer(tx, portal, user_id, task_id, true, now);
  after_change(tx, portal, task_id, "time", user_id);
}

void stop_all_timers(db::Tx& tx, Portal& portal, std::int64_t task_id) {
  std::vector<std::int64_t> users;
  tx.conn.run("SELECT user_id FROM task_timers WHERE task_id = ?", {task_id},
              [&](const db::Row& r) { users.push_back(r.integer(0)); });
  for (auto u : users) stop_timer(tx, portal, u, task_id);
}

namespace {

rest::CallResult add_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::object& f = arfields(call.params, 1);
  auto settings = call.portal.settings.snapshot();
  std::int64_t now = timeutil::now_seconds();
  Entry e;
  e.task_id = task_id;
  e.seconds = seconds_of(f, true);
  e.comment = comment_of(f).value_or("");
  // Time typed by hand says what it was spent on (the seed's rule for manual entries).
  if (e.comment.empty())
    throw bad_argument("COMMENT_TEXT", "Say what the time was spent on (COMMENT_TEXT).");
  e.created_date = work_date_of(f, *settings->zone, now);
  e.user_id = call.caller.user_id;
  if (const json::value* v = find_ci(f, "USER_ID")) {
    auto n = as_int(*v);
    if (!n || *n <= 0) throw bad_argument("USER_ID", "USER_ID must be a person's id.");
    e.user_id = *n;
  }
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    if (!allowed_actions(l.task, l.relation, false).elapsed_time_add)
      throw not_allowed("track time on this task");
    if (e.user_id != call.caller.user_id) {
      if (!l.relation.directs()) throw not_allowed("enter time for another person");
      if (!tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {e.user_id}))
        throw bad_argument("USER_ID", "Person " + std::to_string(e.user_id) + " does not exist.");
      // Time is the doers' work: hours booked in the name of someone outside the task (or, for
      // an extranet creator, of any employee) would land in that person's reports.
      bool doer = e.user_id == l.task.responsible_id ||
                  std::find(l.task.accomplices.begin(), l.task.accomplices.end(), e.user_id) !=
                      l.task.accomplices.end();
      if (!doer)
        throw bad_argument("USER_ID", "Person " + std::to_string(e.user_id) +
                                          " does not do this task: only the responsible and the "
                                          "co-executors have time on it.");
    }
    e.date_start = now;
    e.date_stop = now;
    std::int64_t new_id = record(tx, e, call.caller.user_id);
    after_change(tx, call.portal, task_id, "time", call.caller.user_id);
    return new_id;
  });
  return {id};
}

rest::CallResult list_method(rest::Call& call) {
  // Positional forms: (TASKID, ORDER, FILTER, SELECT, PARAMS) or, without a task,
  // (ORDER, FILTER, SELECT, PARAMS) over every task the caller sees.
  const json::object& p = call.params;
  std::optional<std::int64_t> task_id;
  std::size_t shift = 0;
  if (const json::value* v = find_ci(p, "TASKID")) {
    task_id = as_int(*v);
    if (!task_id || *task_id <= 0) throw bad_argument("TASKID", "wrong task id");
  } else if (auto it = p.find("0"); it != p.end()) {
    if (it->value().is_object()) {
      shift = 1;
    } else {
      task_id = as_int(it->value());
      if (!task_id || *task_id <= 0) throw bad_argument("TASKID", "wrong task id");
    }
  } else {
    shift = 1;
  }
  auto at = [&](std::size_t index, const char* name) {
    if (const json::value* v = find_ci(p, name)) return v;
    auto it = p.find(std::to_string(index - shift));
    return it == p.end() ? static_cast<const json::value*>(nullptr) : &it->value();
  };
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  static const std::vector<rest::ListField> fields = {
      {"ID", "e.id", rest::FieldKind::Integer},
      {"TASK_ID", "e.task_id", rest::FieldKind::Integer},
      {"USER_ID", "e.user_id", rest::FieldKind::Integer},
      {"SECONDS", "e.seconds", rest::FieldKind::Integer},
      {"MINUTES", "(e.seconds / 60)", rest::FieldKind::Integer},
      {"SOURCE", "e.source", rest::FieldKind::Integer},
      {"CREATED_DATE", "e.created_date", rest::FieldKind::DateTime},
      {"DATE_START", "e.date_start", rest::FieldKind::DateTime, true, true},
      {"DATE_STOP", "e.date_stop", rest::FieldKind::DateTime, true, true},
  };
  rest::ListQuery q;
  if (task_id) q.add_condition("e.task_id = ?", {*task_id});
  if (const json::value* filter = at(2, "FILTER"); filter && filter->is_object())
    rest::add_filter(q, filter->get_object(), fields, tz);
  rest::set_order(q, at(1, "ORDER"), fields, "e.id ASC", "e.id");
  // NAV_PARAMS: pages of at most 50.
  std::int64_t page_size = rest::kPageSize, offset = call.start < 0 ? 0 : call.start;
  if (const json::value* params = at(4, "PARAMS"); params && params->is_object()) {
    if (const json::value* nav = find_ci(params->get_object(), "NAV_PARAMS");
        nav && nav->is_object()) {
      const json::object& n = nav->get_object();
      if (const json::value* size = find_ci(n, "nPageSize"))
        page_size = std::clamp<std::int64_t>(as_int(*size).value_or(50), 1, 50);
      if (const json::value* page = find_ci(n, "iNumPage"))
        offset = (std::max<std::int64_t>(1, as_int(*page).value_or(1)) - 1) * page_size;
    }
  }
  return call.portal.db.read([&](db::Conn& conn) {
    Viewer viewer = viewer_of(conn, call.caller);
    if (task_id) {
      load_visible(conn, call.caller, *task_id);
    } else {
      rest::ListQuery visible;
      restrict_to_visible(visible, viewer);
      if (!visible.where.empty())
        q.add_condition("e.task_id IN (SELECT t.id FROM tasks t WHERE " + visible.where + ")",
                        visible.params);
    }
    json::array rows;
    std::size_t n = 0;
    conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY " + q.order_by + " LIMIT " +
                 std::to_string(page_size) + " OFFSET " + std::to_string(offset),
             q.params, [&](const db::Row& r) {
               rows.push_back(row_json(read(r), tz));
               ++n;
             });
    std::int64_t total =
        conn.integer("SELECT count(*) FROM task_elapsed e" + q.where_clause(), q.params)
            .value_or(0);
    return rest::page_result(std::move(rows), n, offset, total);
  });
}

rest::CallResult get_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    auto row = find(conn, task_id, id);
    if (!row) throw entry_not_found(id);
    return rest::CallResult{row_json(*row, tz)};
  });
}

// Correcting an entry (the seed's "pencil" in the time tab): a changed duration needs a
// reason, which the history keeps with the old and the new total.
rest::CallResult update_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  const json::object& f = arfields(call.params, 2);
  auto settings = call.portal.settings.snapshot();
  std::int64_t seconds = seconds_of(f, false);
  auto comment = comment_of(f);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    auto row = find(tx.conn, task_id, id);
    if (!row) throw entry_not_found(id);
    if (row->user_id != call.caller.user_id && !l.relation.directs())
      throw not_allowed("change another person's time entry");
    if (seconds > 0 && seconds != row->seconds) {
      if (!comment || comment->empty() || *comment == row->comment)
        throw bad_argument("COMMENT_TEXT",
                           "Say why the time is corrected (a new COMMENT_TEXT with the change).");
    }
    std::int64_t new_seconds = seconds > 0 ? seconds : row->seconds;
    std::int64_t created = find_ci(f, "CREATED_DATE")
                               ? work_date_of(f, *settings->zone, timeutil::now_seconds())
                               : row->created_date;
    tx.conn.run(
        "UPDATE task_elapsed SET seconds = ?, comment_text = ?, created_date = ? WHERE "
        "id = ?",
        {new_seconds, comment.value_or(row->comment), created, id});
    // The note is the reason the person gave for the correction.
    std::string note = comment.value_or("");
    refresh_total(tx, task_id, call.caller.user_id, note);
    after_change(tx, call.portal, task_id, "time", call.caller.user_id);
  });
  return {nullptr};
}

rest::CallResult delete_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    auto row = find(tx.conn, task_id, id);
    if (!row) throw entry_not_found(id);
    if (row->user_id != call.caller.user_id && !l.relation.directs())
      throw not_allowed("delete another person's time entry");
    tx.conn.run("DELETE FROM task_elapsed WHERE id = ?", {id});
    refresh_total(tx, task_id, call.caller.user_id, "");
    after_change(tx, call.portal, task_id, "time", call.caller.user_id);
  });
  return {nullptr};
}

rest::CallResult is_action_allowed(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  const json::value* av = positional(call.params, 2, "ACTIONID");
  auto action = av ? as_int(*av) : std::nullopt;
  if (!action) throw bad_argument("ACTIONID", "ACTIONID is required (1 add, 2 modify, 3 remove).");
  return call.portal.db.read([&](db::Conn& conn) {
    Loaded l = load_visible(conn, call.caller, task_id);
    auto row = find(conn, task_id, id);
    if (!row) throw entry_not_found(id);
    bool own = row->user_id == call.caller.user_id || l.relation.directs();
    bool may = *action == 1 ? allowed_actions(l.task, l.relation, false).elapsed_time_add
                            : (*action == 2 || *action == 3) && own;
    return rest::CallResult{may};
  });
}

json::value timer_json(db::Conn& conn, std::int64_t user_id, int tz) {
  json::value out = nullptr;
  conn.run(
      "SELECT r.task_id, r.started_at, t.title FROM task_timers r JOIN tasks t ON t.id = "
      "r.task_id WHERE r.user_id = ?",
      {user_id}, [&](const db::Row& r) {
        std::int64_t now = timeutil::now_seconds();
        out = json::object{{"TASK_ID", std::to_string(r.integer(0))},
                           {"TITLE", r.text(2)},
                           {"TIMER_STARTED_AT", timeutil::format_iso8601(r.integer(1), tz)},
                           {"RUN_TIME", std::max<std::int64_t>(0, now - r.integer(1))}};
      });
  return out;
}

rest::CallResult timer_start(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    if (!l.task.allow_time_tracking)
      throw bad_request("TIME_TRACKING_OFF", "Time tracking is off for this task.");
    if (!allowed_actions(l.task, l.relation, false).timer_toggle)
      throw not_allowed("run the timer on this task");
    // Starting my time on a task that waits (or was deferred) starts the task, as the button
    // does; the start starts the timer.
    if (l.task.status == kPending || l.task.status == kNew || l.task.status == kDeferred) {
      Task after = l.task;
      apply_action(tx, call.portal, l, after,
                   l.task.status == kDeferred ? StatusAction::Resume : StatusAction::Start);
      save_changes(tx, l.task, after, call.caller.user_id);
      notices::changed(tx, call.portal, l.task, after, call.caller.user_id);
      after_change(tx, call.portal, task_id, "status", call.caller.user_id);
    } else {
      start_timer(tx, call.portal, call.caller.user_id, task_id);
    }
    return rest::CallResult{timer_json(tx.conn, call.caller.user_id, tz)};
  });
}

rest::CallResult timer_stop(rest::Call& call) {
  std::int64_t task_id = 0;
  if (find_ci(call.params, "taskId") || find_ci(call.params, "id") || call.params.contains("0"))
    task_id = task_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    // The task whose timer this call is about: the one named, or the one running.
    auto running =
        tx.conn.integer("SELECT task_id FROM task_timers WHERE user_id = ?", {call.caller.user_id});
    std::int64_t about = task_id ? task_id : running.value_or(0);
    std::int64_t seconds = stop_timer(tx, call.portal, call.caller.user_id, task_id);
    return rest::CallResult{json::object{{"TASK_ID", std::to_string(about)}, {"SECONDS", seconds}}};
  });
}

rest::CallResult timer_get(rest::Call& call) {
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read(
      [&](db::Conn& conn) { return rest::CallResult{timer_json(conn, call.caller.user_id, tz)}; });
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.elapseditem.add", "task", Access::User, add_method});
  registry.add({"task.elapseditem.getlist", "task", Access::User, list_method});
  registry.add({"task.elapseditem.get", "task", Access::User, get_method});
  registry.add({"task.elapseditem.update", "task", Access::User, update_method});
  registry.add({"task.elapseditem.delete", "task", Access::User, delete_method});
  registry.add({"task.elapseditem.isactionallowed", "task", Access::User, is_action_allowed});
  registry.add({"artel.task.timer.start", "task", Access::User, timer_start});
  registry.add({"artel.task.timer.stop", "task", Access::User, timer_stop});
  registry.add({"artel.task.timer.get", "task", Access::User, timer_get});
}

}  // namespace artel::tasks::timetracking
