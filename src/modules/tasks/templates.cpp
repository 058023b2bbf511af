// Tasks made from other things (C10, C11): templates (tasks.template.*), a task created from a
// template by hand, recurring templates that create their task on a schedule, and copies of a
// task together with its subtasks.
#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "jobs/scheduler.h"
#include "modules/settings/store.h"
#include "modules/tasks/checklist.h"
#include "modules/tasks/input.h"
#include "modules/tasks/methods.h"
#include "modules/tasks/schedule.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"
#include "modules/users/service.h"

namespace artel::tasks::templates {

namespace {

constexpr int kMaxCopiedTasks = 500;

struct Template {
  std::int64_t id = 0;
  std::string title, description;
  std::int64_t created_by = 0, responsible_id = 0;
  std::vector<std::int64_t> accomplices, auditors;
  std::vector<std::string> tags;
  int priority = 1;
  std::int64_t group_id = 0, parent_id = 0, time_estimate = 0;
  bool allow_change_deadline = true, allow_time_tracking = false, task_control = false;
  std::optional<std::int64_t> deadline_after, start_after, end_after;
  json::array checklist;  // point titles
  bool replicate = false;
  json::object replicate_params;
  std::int64_t next_run_at = 0;
  int times_created = 0;
  std::int64_t created_at = 0, changed_at = 0;
};

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string s;
  for (auto id : ids) s += (s.empty() ? "" : ",") + std::to_string(id);
  return s;
}
std::vector<std::int64_t> split_ids(const std::string& s) {
  std::vector<std::int64_t> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto comma = s.find(',', pos);
    std::string part = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (!part.empty()) out.push_back(std::stoll(part));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}
json::value parse_json(const std::string& text, json::value fallback) {
  if (text.empty()) return fallback;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? fallback : v;
}

constexpr const char* kSelect =
    "SELECT id, title, description, created_by, responsible_id, accomplices, auditors, tags, "
    "priority, group_id, COALESCE(parent_id, 0), time_estimate, allow_change_deadline, "
    "allow_time_tracking, task_control, deadline_after, start_date_plan_after, "
    "end_date_plan_after, checklist, replicate, replicate_params, COALESCE(next_run_at, 0), "
    "times_created, created_at, changed_at FROM task_templates";

Template read(const db::Row& r) {
  Template t;
  int i = 0;
  t.id = r.integer(i++);
  t.title = r.text(i++);
  t.description = r.text(i++);
  t.created_by = r.integer(i++);
  t.responsible_id = r.integer(i++);
  t.accomplices = split_ids(r.text(i++));
  t.auditors = split_ids(r.text(i++));
  json::value tags = parse_json(r.text(i++), json::array());
  for (const auto& tag : tags.as_array()) t.tags.push_back(std::string(tag.as_string()));
  t.priority = static_cast<int>(r.integer(i++));
  t.group_id = r.integer(i++);
  t.parent_id = r.integer(i++);
  t.time_estimate = r.integer(i++);
  t.allow_change_deadline = r.integer(i++) != 0;
  t.allow_time_tracking = r.integer(i++) != 0;
  t.task_control = r.integer(i++) != 0;
  t.deadline_after = r.optional_integer(i++);
  t.start_after = r.optional_integer(i++);
  t.end_after = r.optional_integer(i++);
  t.checklist = parse_json(r.text(i++), json::array()).as_array();
  t.replicate = r.integer(i++) != 0;
  json::value params = parse_json(r.text(i++), json::object());
  if (params.is_object()) t.replicate_params = params.as_object();
  t.next_run_at = r.integer(i++);
  t.times_created = static_cast<int>(r.integer(i++));
  t.created_at = r.integer(i++);
  t.changed_at = r.integer(i++);
  return t;
}

std::optional<Template> find(db::Conn& conn, std::int64_t id) {
  std::optional<Template> out;
  conn.run(std::string(kSelect) + " WHERE id = ?", {id}, [&](const db::Row& r) { out = read(r); });
  return out;
}

json::object to_json(const Template& t, int tz) {
  auto ids = [](const std::vector<std::int64_t>& v) {
    json::array a;
    for (auto id : v) a.push_back(json::string(std::to_string(id)));
    return a;
  };
  auto after = [](const std::optional<std::int64_t>& v) -> json::value {
    return v ? json::value(std::to_string(*v)) : json::value(nullptr);
  };
  json::array tags;
  for (const auto& tag : t.tags) tags.push_back(json::string(tag));
  return json::object{
      {"ID", std::to_string(t.id)},
      {"TITLE", t.title},
      {"DESCRIPTION", t.description},
      {"PRIORITY", std::to_string(t.priority)},
      {"CREATED_BY", std::to_string(t.created_by)},
      {"RESPONSIBLE_ID", std::to_string(t.responsible_id)},
      {"ACCOMPLICES", ids(t.accomplices)},
      {"AUDITORS", ids(t.auditors)},
      {"GROUP_ID", std::to_string(t.group_id)},
      {"PARENT_ID", std::to_string(t.parent_id)},
      {"TIME_ESTIMATE", std::to_string(t.time_estimate)},
      {"ALLOW_CHANGE_DEADLINE", t.allow_change_deadline ? "Y" : "N"},
      {"ALLOW_TIME_TRACKING", t.allow_time_tracking ? "Y" : "N"},
      {"TASK_CONTROL", t.task_control ? "Y" : "N"},
      {"DEADLINE_AFTER", after(t.deadline_after)},
      {"START_DATE_PLAN_AFTER", after(t.start_after)},
      {"END_DATE_PLAN_AFTER", after(t.end_after)},
      {"TAGS", std::move(tags)},
      {"CHECKLIST", t.checklist},
      {"REPLICATE", t.replicate ? "Y" : "N"},
      {"REPLICATE_PARAMS", t.replicate_params},
      {"NEXT_EXECUTION_TIME",
       t.next_run_at ? json::value(timeutil::format_iso8601(t.next_run_at, tz)) : nullptr},
      {"TIMES_CREATED", std::to_string(t.times_created)},
      {"CREATED_DATE", timeutil::format_iso8601(t.created_at, tz)},
      {"CHANGED_DATE", timeutil::format_iso8601(t.changed_at, tz)}};
}

std::optional<std::int64_t> seconds_after(const json::object& f, std::string_view name) {
  const json::value* v = find_ci(f, name);
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) return std::nullopt;
  auto n = as_int(*v);
  if (!n || *n < 0 || *n > 10LL * 365 * 86400)
    throw bad_argument(std::string(name),
                       std::string(name) + " is a number of seconds (0 or more).");
  return *n;
}

// Applies the fields a call gives; throws for wrong values. The schedule is read in the portal's
// zone and normalised, and its next run computed.
void apply(Template& t, const json::object& f, const Portal& portal, bool is_new) {
  auto settings = portal.settings.snapshot();
  TaskInput in = parse_task_fields(f, *settings->zone);
  if (in.title) t.title = *in.title;
  if (is_new && t.title.empty()) throw bad_argument("TITLE", "The template needs a title.");
  if (in.description) t.description = *in.description;
  if (in.priority) t.priority = *in.priority;
  if (in.created_by) t.created_by = *in.created_by;
  if (in.responsible_id) t.responsible_id = *in.responsible_id;
  if (in.accomplices) t.accomplices = *in.accomplices;
  if (in.auditors) t.auditors = *in.auditors;
  if (in.tags) t.tags = *in.tags;
  if (in.group_id) t.group_id = *in.group_id;
  if (in.parent_id) t.parent_id = *in.parent_id;
  if (in.time_estimate) t.time_estimate = *in.time_estimate;
  if (in.allow_change_deadline) t.allow_change_deadline = *in.allow_change_deadline;
  if (in.allow_time_tracking) t.allow_time_tracking = *in.allow_time_tracking;
  if (in.task_control) t.task_control = *in.task_control;
  if (find_ci(f, "DEADLINE_AFTER")) t.deadline_after = seconds_after(f, "DEADLINE_AFTER");
  if (find_ci(f, "START_DATE_PLAN_AFTER"))
    t.start_after = seconds_after(f, "START_DATE_PLAN_AFTER");
  if (find_ci(f, "END_DATE_PLAN_AFTER")) t.end_after = seconds_after(f, "END_DATE_PLAN_AFTER");
  if (const json::value* v = find_ci(f, "CHECKLIST")) {
    t.checklist.clear();
    for (const json::value* item : as_list(*v)) {
      std::string title;
      if (item->is_object()) {
        const json::value* tv = find_ci(item->get_object(), "TITLE");
        title = tv ? as_string(*tv).value_or("") : "";
      } else {
        title = as_string(*item).value_or("");
      }
      title = std::string(trim(title));
      if (title.empty() || title.size() > 2000 || !is_valid_utf8(title))
        throw bad_argument("CHECKLIST", "CHECKLIST holds the titles of points (text).");
      t.checklist.push_back(json::string(title));
    }
  }
  if (const json::value* v = find_ci(f, "REPLICATE")) {
    auto r = as_flag(*v);
    if (!r) throw bad_argument("REPLICATE", "REPLICATE must be Y or N.");
    t.replicate = *r;
  }
  if (const json::value* v = find_ci(f, "REPLICATE_PARAMS")) {
    if (!v->is_object())
      throw bad_argument("REPLICATE_PARAMS", "REPLICATE_PARAMS must be an object.");
    Schedule s = parse_schedule(v->get_object(), *settings->zone);
    if (!s.start) s.start = timeutil::now_seconds();
    t.replicate_params = schedule_json(s, settings->tz_offset_at(s.start));
  }
  if (t.replicate && t.replicate_params.empty())
    throw bad_argument("REPLICATE_PARAMS", "A recurring template needs REPLICATE_PARAMS.");
  t.next_run_at = 0;
  if (t.replicate) {
    Schedule s = parse_schedule(t.replicate_params, *settings->zone);
    std::int64_t now = timeutil::now_seconds();
    t.next_run_at = next_run(s, now, t.times_created, *settings->zone).value_or(0);
  }
}

db::Params columns(const Template& t) {
  json::array tags;
  for (const auto& tag : t.tags) tags.push_back(json::string(tag));
  auto opt = [](const std::optional<std::int64_t>& v) {
    return v ? db::Value(*v) : db::Value(nullptr);
  };
  return {t.title,
          t.description,
          t.created_by,
          t.responsible_id,
          join_ids(t.accomplices),
          join_ids(t.auditors),
          json::serialize(tags),
          std::int64_t{t.priority},
          t.group_id,
          t.parent_id ? db::Value(t.parent_id) : db::Value(nullptr),
          t.time_estimate,
          std::int64_t{t.allow_change_deadline},
          std::int64_t{t.allow_time_tracking},
          std::int64_t{t.task_control},
          opt(t.deadline_after),
          opt(t.start_after),
          opt(t.end_after),
          json::serialize(t.checklist),
          std::int64_t{t.replicate},
          json::serialize(t.replicate_params),
          t.next_run_at ? db::Value(t.next_run_at) : db::Value(nullptr),
          std::int64_t{t.times_created},
          t.changed_at};
}

// The columns of columns(), in its order.
constexpr const char* kColumnNames[] = {"title",
                                        "description",
                                        "created_by",
                                        "responsible_id",
                                        "accomplices",
                                        "auditors",
                                        "tags",
                                        "priority",
                                        "group_id",
                                        "parent_id",
                                        "time_estimate",
                                        "allow_change_deadline",
                                        "allow_time_tracking",
                                        "task_control",
                                        "deadline_after",
                                        "start_date_plan_after",
                                        "end_date_plan_after",
                                        "checklist",
                                        "replicate",
                                        "replicate_params",
                                        "next_run_at",
                                        "times_created",
                                        "changed_at"};

void check_people(db::Conn& conn, const rest::Caller& caller, const Template& t) {
  std::vector<std::pair<std::int64_t, const char*>> people = {{t.created_by, "CREATED_BY"},
                                                              {t.responsible_id, "RESPONSIBLE_ID"}};
  for (auto id : t.accomplices) people.push_back({id, "ACCOMPLICES"});
  for (auto id : t.auditors) people.push_back({id, "AUDITORS"});
  for (const auto& [id, field] : people) {
    if (!conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {id}) ||
        !users::can_see(conn, caller, id))
      throw bad_argument(field, "Field " + std::string(field) + ": person " + std::to_string(id) +
                                    " does not exist.");
  }
  if (t.group_id)
    throw bad_argument("GROUP_ID", "Workgroup " + std::to_string(t.group_id) + " does not exist.");
  // The parent is checked now, as tasks.task.add checks it, rather than at each run (where the
  // task could not be made): a parent the caller cannot see is refused like a missing one.
  if (t.parent_id) {
    auto parent = store::find(conn, t.parent_id);
    if (!parent || !relation(conn, viewer_of(conn, caller), *parent).sees())
      throw bad_argument("PARENT_ID",
                         "Field PARENT_ID: task " + std::to_string(t.parent_id) + " is not found.");
  }
}

Template load_own(db::Conn& conn, const rest::Caller& caller, std::int64_t id) {
  auto t = find(conn, id);
  if (!t || (t->created_by != caller.user_id && !caller.is_admin))
    throw bad_request("TEMPLATE_NOT_FOUND", "Template " + std::to_string(id) + " is not found.");
  return *t;
}

std::int64_t template_id(const json::object& params) {
  const json::value* v = find_ci(params, "templateId");
  if (!v) v = find_ci(params, "id");
  auto n = v ? as_int(*v) : std::nullopt;
  if (!n || *n <= 0) throw bad_argument("templateId", "templateId is required.");
  return *n;
}

// The task a template makes now (by hand, or on its schedule).
std::int64_t create_task(db::Tx& tx, Portal& portal, const Template& t) {
  Viewer author = viewer_of_user(tx.conn, t.created_by);
  std::int64_t now = timeutil::now_seconds();
  TaskInput in;
  in.title = t.title;
  in.description = t.description;
  in.priority = t.priority;
  in.created_by = t.created_by;
  in.responsible_id = t.responsible_id;
  in.accomplices = t.accomplices;
  in.auditors = t.auditors;
  in.tags = t.tags;
  if (t.parent_id) in.parent_id = t.parent_id;
  in.time_estimate = t.time_estimate;
  in.allow_change_deadline = t.allow_change_deadline;
  in.allow_time_tracking = t.allow_time_tracking;
  in.task_control = t.task_control;
  if (t.deadline_after) in.deadline = now + *t.deadline_after;
  if (t.start_after) in.start_date_plan = now + *t.start_after;
  if (t.end_after) in.end_date_plan = now + *t.end_after;
  std::int64_t id = create(tx, portal, author, in, t.id);
  if (!t.checklist.empty()) {
    std::string lang =
        tx.conn.text("SELECT language_id FROM users WHERE id = ?", {t.created_by}).value_or("");
    checklist::add_points(tx.conn, id, t.checklist, t.created_by,
                          lang.empty() ? portal.settings.snapshot()->language : lang);
  }
  return id;
}

rest::CallResult add(rest::Call& call) {
  const json::object* f = object_param(call.params, "fields");
  if (!f) throw bad_argument("fields", "Could not find value for parameter {fields}.");
  Template t;
  t.created_by = call.caller.user_id;
  t.responsible_id = call.caller.user_id;
  apply(t, *f, call.portal, true);
  if (t.created_by != call.caller.user_id && !call.caller.is_admin)
    throw not_allowed("make a template in another person's name");
  std::int64_t now = timeutil::now_seconds();
  t.created_at = t.changed_at = now;
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    check_people(tx.conn, call.caller, t);
    db::Params p = columns(t);
    p.emplace_back(now);
    std::string names;
    for (const char* c : kColumnNames) names += std::string(c) + ", ";
    return tx.conn.insert(
        "INSERT INTO task_templates(" + names + "created_at) VALUES " + db::in_list(p.size()), p);
  });
  if (t.replicate && call.portal.jobs) call.portal.jobs->wake();
  return {id};
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = template_id(call.params);
  const json::object* f = object_param(call.params, "fields");
  if (!f) throw bad_argument("fields", "Could not find value for parameter {fields}.");
  call.portal.db.write([&](db::Tx& tx) {
    Template t = load_own(tx.conn, call.caller, id);
    apply(t, *f, call.portal, false);
    if (t.created_by != call.caller.user_id && !call.caller.is_admin)
      throw not_allowed("give a template to another person");
    check_people(tx.conn, call.caller, t);
    t.changed_at = timeutil::now_seconds();
    std::string sql = "UPDATE task_templates SET ";
    for (const char* c : kColumnNames)
      sql += std::string(c == kColumnNames[0] ? "" : ", ") + c + " = ?";
    db::Params p = columns(t);
    p.emplace_back(id);
    tx.conn.run(sql + " WHERE id = ?", p);
  });
  if (call.portal.jobs) call.portal.jobs->wake();
  return {id};
}

rest::CallResult get(rest::Call& call) {
  std::int64_t id = template_id(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    return rest::CallResult{to_json(load_own(conn, call.caller, id), tz)};
  });
}

rest::CallResult list(rest::Call& call) {
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    rest::ListQuery q;
    if (!call.caller.is_admin) q.add_condition("created_by = ?", {call.caller.user_id});
    json::array out;
    std::size_t n = 0;
    conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY id DESC" +
                 rest::limit_clause(call.start),
             q.params, [&](const db::Row& r) {
               out.push_back(to_json(read(r), tz));
               ++n;
             });
    std::int64_t total =
        conn.integer("SELECT count(*) FROM task_templates" + q.where_clause(), q.params)
            .value_or(0);
    return rest::page_result(std::move(out), n, call.start, total);
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = template_id(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    load_own(tx.conn, call.caller, id);
    tx.conn.run("DELETE FROM task_templates WHERE id = ?", {id});
  });
  return {true};
}

rest::CallResult fields(rest::Call&) {
  json::object f;
  auto put = [&](const char* name, const char* type, const char* title, bool required = false) {
    json::object o{{"title", title}, {"type", type}};
    if (required) o["required"] = true;
    f[name] = std::move(o);
  };
  put("ID", "integer", "ID");
  put("TITLE", "string", "Title", true);
  put("DESCRIPTION", "string", "Description");
  put("PRIORITY", "enum", "Priority");
  put("CREATED_BY", "integer", "Created by", true);
  put("RESPONSIBLE_ID", "integer", "Responsible", true);
  put("ACCOMPLICES", "array", "Participants");
  put("AUDITORS", "array", "Observers");
  put("GROUP_ID", "integer", "Project");
  put("PARENT_ID", "integer", "Parent task");
  put("TIME_ESTIMATE", "integer", "Planned time, seconds");
  put("ALLOW_CHANGE_DEADLINE", "char", "Responsible may change the deadline");
  put("ALLOW_TIME_TRACKING", "char", "Track time");
  put("TASK_CONTROL", "char", "Accept work after completion");
  put("DEADLINE_AFTER", "integer", "Deadline, seconds after creation");
  put("START_DATE_PLAN_AFTER", "integer", "Planned start, seconds after creation");
  put("END_DATE_PLAN_AFTER", "integer", "Planned finish, seconds after creation");
  put("TAGS", "array", "Tags");
  put("CHECKLIST", "array", "Checklist points");
  put("REPLICATE", "char", "Recurring");
  put("REPLICATE_PARAMS", "object", "Schedule");
  put("NEXT_EXECUTION_TIME", "datetime", "Next run");
  return {json::object{{"fields", std::move(f)}}};
}

// artel.task.template.createtask {templateId} → {task}.
rest::CallResult create_from(rest::Call& call) {
  std::int64_t id = template_id(call.params);
  std::int64_t task = call.portal.db.write([&](db::Tx& tx) {
    Template t = load_own(tx.conn, call.caller, id);
    return create_task(tx, call.portal, t);
  });
  return task_result(call, task);
}

// A copy of one task (and, recursively, of the subtasks the caller sees) under `parent`.
std::int64_t copy_one(db::Tx& tx, Portal& portal, const Viewer& author, const Task& source,
                      std::int64_t parent, bool with_subtasks, int& budget,
                      const TaskInput* overrides) {
  if (--budget < 0) throw bad_request("TOO_MANY_SUBTASKS", "A copy may hold at most 500 tasks.");
  TaskInput in;
  in.title = source.title;
  in.description = source.description;
  in.priority = source.priority;
  in.responsible_id = source.responsible_id;
  in.accomplices = source.accomplices;
  in.auditors = source.auditors;
  in.group_id = source.group_id;
  if (parent) in.parent_id = parent;
  if (source.deadline) in.deadline = source.deadline;
  if (source.start_date_plan) in.start_date_plan = source.start_date_plan;
  if (source.end_date_plan) in.end_date_plan = source.end_date_plan;
  in.allow_change_deadline = source.allow_change_deadline;
  in.allow_time_tracking = source.allow_time_tracking;
  in.task_control = source.task_control;
  in.add_in_report = source.add_in_report;
  in.match_work_time = source.match_work_time;
  in.time_estimate = source.time_estimate;
  in.tags = source.tags;
  in.crm_links = source.crm_links;
  if (overrides) {
    TaskInput o = *overrides;
    if (o.title) in.title = o.title;
    if (o.description) in.description = o.description;
    if (o.responsible_id) in.responsible_id = o.responsible_id;
    if (o.deadline) in.deadline = o.deadline;
    if (o.parent_id) in.parent_id = o.parent_id;
    if (o.accomplices) in.accomplices = o.accomplices;
    if (o.auditors) in.auditors = o.auditors;
    if (o.priority) in.priority = o.priority;
    if (o.tags) in.tags = o.tags;
    if (o.time_estimate) in.time_estimate = o.time_estimate;
  }
  std::int64_t id = create(tx, portal, author, in);
  checklist::copy(tx.conn, source.id, id, author.user_id);
  // Files are shared by content: the copy names the same stored files.
  tx.conn.run(
      "INSERT INTO task_files(task_id, comment_id, file_id, created_by, created_at) "
      "SELECT ?, NULL, file_id, ?, ? FROM task_files WHERE task_id = ? AND comment_id IS "
      "NULL",
      {id, author.user_id, timeutil::now_seconds(), source.id});
  if (with_subtasks) {
    for (auto child_id : store::subtask_ids(tx.conn, source.id)) {
      auto child = store::find(tx.conn, child_id);
      if (!child || !relation(tx.conn, author, *child).sees()) continue;
      copy_one(tx, portal, author, *child, id, true, budget, nullptr);
    }
  }
  return id;
}

// artel.task.copy {taskId, withSubtasks: Y/N (Y), fields: {TITLE, DEADLINE, …}} → {task}.
rest::CallResult copy(rest::Call& call) {
  std::int64_t id = task_id_param(call.params);
  bool with_subtasks = flag_param(call.params, "withSubtasks").value_or(true);
  auto settings = call.portal.settings.snapshot();
  std::optional<TaskInput> overrides;
  if (const json::object* f = object_param(call.params, "fields"))
    overrides = parse_task_fields(*f, *settings->zone);
  std::int64_t copy_id = call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
    int budget = kMaxCopiedTasks;
    return copy_one(tx, call.portal, l.viewer, l.task,
                    overrides && overrides->parent_id ? *overrides->parent_id : l.task.parent_id,
                    with_subtasks, budget, overrides ? &*overrides : nullptr);
  });
  return task_result(call, copy_id);
}

// Creates the tasks of recurring templates whose time has come.
void run_due(Portal& portal) {
  auto settings = portal.settings.snapshot();
  std::int64_t now = timeutil::now_seconds();
  std::vector<std::int64_t> due;
  portal.db.read([&](db::Conn& conn) {
    conn.run(
        "SELECT id FROM task_templates WHERE replicate = 1 AND next_run_at IS NOT NULL AND "
        "next_run_at <= ? ORDER BY next_run_at LIMIT 200",
        {now}, [&](const db::Row& r) { due.push_back(r.integer(0)); });
  });
  for (auto id : due) {
    portal.db.write([&](db::Tx& tx) {
      auto t = find(tx.conn, id);
      if (!t || !t->replicate || !t->next_run_at || t->next_run_at > now) return;
      bool creator_active =
          tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {t->created_by})
              .has_value();
      std::int64_t next = 0;
      if (creator_active) {
        try {
          create_task(tx, portal, *t);
        } catch (const ApiError&) {
          // A template that no longer makes a valid task (a dismissed responsible) stops.
          tx.conn.run("UPDATE task_templates SET replicate = 0, next_run_at = NULL WHERE id = ?",
                      {id});
          return;
        }
        Schedule s = parse_schedule(t->replicate_params, *settings->zone);
        next = next_run(s, now, t->times_created + 1, *settings->zone).value_or(0);
      }
      tx.conn.run(
          "UPDATE task_templates SET times_created = times_created + ?, next_run_at = ?, "
          "replicate = ? WHERE id = ?",
          {std::int64_t{creator_active ? 1 : 0}, next ? db::Value(next) : db::Value(nullptr),
           std::int64_t{next ? 1 : 0}, id});
    });
  }
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"tasks.template.add", "task", Access::User, add});
  registry.add({"tasks.template.update", "task", Access::User, update});
  registry.add({"tasks.template.get", "task", Access::User, get});
  registry.add({"tasks.template.list", "task", Access::User, list});
  registry.add({"tasks.template.delete", "task", Access::User, remove});
  registry.add({"tasks.template.fields", "task", Access::User, fields});
  registry.add({"artel.task.template.createtask", "task", Access::User, create_from});
  registry.add({"artel.task.copy", "task", Access::User, copy});
}

void register_jobs(Portal& portal) {
  if (!portal.jobs) return;
  portal.jobs->every(std::chrono::seconds(60), "recurring tasks", [&portal] { run_due(portal); });
}

}  // namespace artel::tasks::templates
