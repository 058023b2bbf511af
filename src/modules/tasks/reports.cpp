// Reports on tasks (C19): time spent per person, department, project or task over any period
// (the agency of seed 000 bills by these hours), and per person or department how many tasks
// were created, completed, completed on time and missed their deadline. Each report covers the
// tasks the caller may see, so a head gets the people below them. Export: the same table as an
// .xlsx workbook.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "core/xlsx.h"
#include "modules/groups/access.h"
#include "modules/settings/store.h"
#include "modules/tasks/access.h"
#include "modules/tasks/input.h"
#include "modules/tasks/methods.h"
#include "modules/users/model.h"

namespace artel::tasks::reports {

namespace {

enum class GroupBy { User, Department, Group, Task };

struct Params {
  std::int64_t from = 0;
  std::int64_t to = 0;
  GroupBy group_by = GroupBy::User;
  std::vector<std::int64_t> users;
  std::int64_t department = 0;
  std::optional<std::int64_t> group;
  std::optional<std::int64_t> task;
  std::vector<std::string> tags, without_tags;
};

struct Row {
  std::int64_t id = 0;
  std::string name;
  std::int64_t seconds = 0, entries = 0, tasks = 0;
  std::int64_t created = 0, completed = 0, on_time = 0, overdue = 0;
};

std::int64_t date_param(const json::object& p, const char* name, const timeutil::TimeZone& zone,
                        bool end_of_day) {
  const json::value* v = find_ci(p, name);
  auto s = v ? as_string(*v) : std::nullopt;
  if (!s) throw bad_argument(name, std::string(name) + " (a date such as 2025-03-31) is required.");
  auto t = timeutil::parse_datetime(*s, zone);
  if (!t) throw bad_argument(name, std::string(name) + " must be a date such as 2025-03-31.");
  // A bare day means the whole day.
  if (end_of_day && trim(*s).size() <= 10) *t += 86400 - 1;
  return *t;
}

Params read_params(const json::object& p, const timeutil::TimeZone& zone) {
  Params r;
  r.from = date_param(p, "DATE_FROM", zone, false);
  r.to = date_param(p, "DATE_TO", zone, true);
  if (r.to < r.from) throw bad_argument("DATE_TO", "DATE_TO is before DATE_FROM.");
  if (const json::value* v = find_ci(p, "GROUP_BY")) {
    std::string g = to_upper_ascii(as_string(*v).value_or(""));
    if (g == "USER")
      r.group_by = GroupBy::User;
    else if (g == "DEPARTMENT")
      r.group_by = GroupBy::Department;
    else if (g == "GROUP" || g == "PROJECT")
      r.group_by = GroupBy::Group;
    else if (g == "TASK")
      r.group_by = GroupBy::Task;
    else
      throw bad_argument("GROUP_BY", "GROUP_BY must be USER, DEPARTMENT, GROUP or TASK.");
  }
  if (const json::object* f = object_param(p, "FILTER")) {
    for (const auto& kv : *f) {
      std::string key = api_name(kv.key());
      if (key == "USER_ID") {
        r.users = id_list(kv.value(), "USER_ID");
      } else if (key == "DEPARTMENT_ID") {
        auto n = as_int(kv.value());
        if (!n || *n <= 0)
          throw bad_argument("DEPARTMENT_ID", "DEPARTMENT_ID must be a department id.");
        r.department = *n;
      } else if (key == "GROUP_ID") {
        auto n = as_int(kv.value());
        if (!n || *n < 0) throw bad_argument("GROUP_ID", "GROUP_ID must be a group id or 0.");
        r.group = *n;
      } else if (key == "TASK_ID") {
        auto n = as_int(kv.value());
        if (!n || *n <= 0) throw bad_argument("TASK_ID", "TASK_ID must be a task id.");
        r.task = *n;
      } else if (key == "TAG" || key == "!TAG") {
        auto& list = key == "TAG" ? r.tags : r.without_tags;
        for (const json::value* item : as_list(kv.value()))
          if (auto s = as_string(*item)) list.push_back(*s);
      } else {
        throw bad_argument("FILTER", "Unknown report filter: " + std::string(kv.key()) + ".");
      }
    }
  }
  return r;
}

// The departments a filter by department covers: it and everything below it.
std::vector<std::int64_t> subtree(db::Conn& conn, std::int64_t root) {
  std::map<std::int64_t, std::vector<std::int64_t>> children;
  conn.run("SELECT id, COALESCE(parent_id, 0) FROM departments", {},
           [&](const db::Row& r) { children[r.integer(1)].push_back(r.integer(0)); });
  std::vector<std::int64_t> out, stack{root};
  while (!stack.empty()) {
    auto d = stack.back();
    stack.pop_back();
    out.push_back(d);
    for (auto c : children[d]) stack.push_back(c);
  }
  return out;
}

// Conditions on the tasks (alias t) and on a person column (entries' author or the responsible).
void add_conditions(rest::ListQuery& q, db::Conn& conn, const Viewer& viewer, const Params& p,
                    const std::string& person_column) {
  restrict_to_visible(q, viewer);
  if (!p.users.empty()) {
    q.add_condition(person_column + " IN " + db::in_list(p.users.size()), db::values(p.users));
  }
  if (p.department) {
    auto departments = subtree(conn, p.department);
    q.add_condition(
        person_column +
            " IN (SELECT ud.user_id FROM user_departments ud WHERE ud.department_id IN " +
            db::in_list(departments.size()) + ")",
        db::values(departments));
  }
  if (p.group) q.add_condition("t.group_id = ?", {*p.group});
  if (p.task) q.add_condition("t.id = ?", {*p.task});
  if (!p.tags.empty()) {
    // Each SQL text is built before its call: the order in which arguments are evaluated is
    // unspecified, and the moved-from list would give db::in_list(0).
    db::Params tags;
    for (const auto& tag : p.tags) tags.emplace_back(tag);
    std::string sql = "t.id IN (SELECT g.task_id FROM task_tags g WHERE g.tag IN " +
                      db::in_list(tags.size()) + ")";
    q.add_condition(sql, std::move(tags));
  }
  if (!p.without_tags.empty()) {
    db::Params tags;
    for (const auto& tag : p.without_tags) tags.emplace_back(tag);
    std::string sql = "t.id NOT IN (SELECT g.task_id FROM task_tags g WHERE g.tag IN " +
                      db::in_list(tags.size()) + ")";
    q.add_condition(sql, std::move(tags));
  }
}

// "e.user_id", or the department of that person (a person in two departments counts in both).
std::string key_sql(GroupBy g, const std::string& person_column, std::string& join) {
  switch (g) {
    case GroupBy::User:
      return person_column;
    case GroupBy::Department:
      join = " JOIN user_departments ud ON ud.user_id = " + person_column;
      return "ud.department_id";
    case GroupBy::Group:
      return "t.group_id";
    case GroupBy::Task:
      return "t.id";
  }
  return person_column;
}

void name_rows(db::Conn& conn, GroupBy g, std::map<std::int64_t, Row>& rows,
               std::string_view lang) {
  std::vector<std::int64_t> ids;
  for (auto& [id, row] : rows) {
    row.id = id;
    ids.push_back(id);
  }
  const char* sql = nullptr;
  switch (g) {
    case GroupBy::User:
      sql = "SELECT id, name, last_name, email FROM users WHERE id IN ";
      break;
    case GroupBy::Department:
      sql = "SELECT id, name, '', '' FROM departments WHERE id IN ";
      break;
    case GroupBy::Task:
      sql = "SELECT id, title, '', '' FROM tasks WHERE id IN ";
      break;
    case GroupBy::Group: {
      // A deleted group's tasks are detached, so every id here names a group.
      std::map<std::int64_t, std::string> names;
      for (auto& g : groups::briefs(conn, ids)) names[g.id] = std::move(g.name);
      for (auto& [id, row] : rows)
        row.name = id == 0                ? (lang == "en"   ? "No project"
                                             : lang == "ro" ? "Fără proiect"
                                                            : "Без проекта")
                   : names.count(id) != 0 ? names[id]
                                          : "#" + std::to_string(id);
      return;
    }
  }
  // One query for every 500 rows, not one per row: a report by task may have thousands.
  constexpr std::size_t kChunk = 500;
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    std::vector<std::int64_t> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(at),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + kChunk)));
    conn.run(sql + db::in_list(chunk.size()), db::values(chunk), [&](const db::Row& r) {
      rows[r.integer(0)].name =
          g == GroupBy::User ? users::display_name(r.text(1), r.text(2), r.text(3)) : r.text(1);
    });
  }
}

std::map<std::int64_t, Row> time_rows(db::Conn& conn, const Viewer& viewer, const Params& p) {
  rest::ListQuery q;
  q.add_condition("e.created_date >= ? AND e.created_date <= ?", {p.from, p.to});
  add_conditions(q, conn, viewer, p, "e.user_id");
  std::string join;
  std::string key = key_sql(p.group_by, "e.user_id", join);
  std::map<std::int64_t, Row> rows;
  conn.run("SELECT " + key +
               ", sum(e.seconds), count(*), count(DISTINCT e.task_id) FROM "
               "task_elapsed e JOIN tasks t ON t.id = e.task_id" +
               join + q.where_clause() + " GROUP BY " + key,
           q.params, [&](const db::Row& r) {
             Row& row = rows[r.integer(0)];
             row.seconds = r.integer(1);
             row.entries = r.integer(2);
             row.tasks = r.integer(3);
           });
  return rows;
}

std::map<std::int64_t, Row> task_rows(db::Conn& conn, const Viewer& viewer, const Params& p,
                                      std::int64_t now) {
  std::map<std::int64_t, Row> rows;
  std::string join;
  std::string key =
      key_sql(p.group_by == GroupBy::Task ? GroupBy::User : p.group_by, "t.responsible_id", join);
  auto count = [&](const std::string& condition, db::Params values, std::int64_t Row::*field) {
    rest::ListQuery q;
    q.add_condition(condition, std::move(values));
    add_conditions(q, conn, viewer, p, "t.responsible_id");
    conn.run(
        "SELECT " + key + ", count(*) FROM tasks t" + join + q.where_clause() + " GROUP BY " + key,
        q.params, [&](const db::Row& r) { rows[r.integer(0)].*field = r.integer(1); });
  };
  count("t.created_date >= ? AND t.created_date <= ?", {p.from, p.to}, &Row::created);
  count("t.status = 5 AND t.closed_date >= ? AND t.closed_date <= ?", {p.from, p.to},
        &Row::completed);
  count(
      "t.status = 5 AND t.closed_date >= ? AND t.closed_date <= ? AND (t.deadline IS NULL OR "
      "t.closed_date <= t.deadline)",
      {p.from, p.to}, &Row::on_time);
  // The deadline fell in the period (and has passed) and the work was not done by it.
  count(
      "t.deadline >= ? AND t.deadline <= ? AND t.deadline < ? AND (t.closed_date IS NULL OR "
      "t.closed_date > t.deadline OR t.status NOT IN (4, 5))",
      {p.from, p.to, now}, &Row::overdue);
  // Time each person spent in the period, on the same tasks.
  Params by_person = p;
  if (by_person.group_by == GroupBy::Task) by_person.group_by = GroupBy::User;
  for (const auto& [id, t] : time_rows(conn, viewer, by_person)) rows[id].seconds = t.seconds;
  return rows;
}

std::string hours(std::int64_t seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(seconds) / 3600.0);
  return buf;
}

std::string caller_language(rest::Call& call, db::Conn& conn) {
  auto lang = conn.text("SELECT language_id FROM users WHERE id = ?", {call.caller.user_id});
  return lang && !lang->empty() ? *lang : call.portal.settings.snapshot()->language;
}

json::object report(rest::Call& call, bool tasks_report, std::string& lang) {
  auto settings = call.portal.settings.snapshot();
  Params p = read_params(call.params, *settings->zone);
  return call.portal.db.read([&](db::Conn& conn) {
    Viewer viewer = viewer_of(conn, call.caller);
    lang = caller_language(call, conn);
    auto rows = tasks_report ? task_rows(conn, viewer, p, timeutil::now_seconds())
                             : time_rows(conn, viewer, p);
    name_rows(conn, tasks_report && p.group_by == GroupBy::Task ? GroupBy::User : p.group_by, rows,
              lang);
    std::vector<Row> sorted;
    for (auto& [id, r] : rows) sorted.push_back(r);
    std::sort(sorted.begin(), sorted.end(), [](const Row& a, const Row& b) {
      return a.seconds != b.seconds ? a.seconds > b.seconds : a.name < b.name;
    });
    json::array out;
    std::int64_t total = 0;
    for (const auto& r : sorted) {
      total += r.seconds;
      json::object o{{"ID", std::to_string(r.id)},
                     {"NAME", r.name},
                     {"SECONDS", r.seconds},
                     {"HOURS", hours(r.seconds)}};
      if (tasks_report) {
        o["CREATED"] = r.created;
        o["COMPLETED"] = r.completed;
        o["COMPLETED_ON_TIME"] = r.on_time;
        o["OVERDUE"] = r.overdue;
      } else {
        o["ENTRIES"] = r.entries;
        o["TASKS"] = r.tasks;
      }
      out.push_back(std::move(o));
    }
    int tz = settings->tz_offset_at(p.from);
    const char* group_names[] = {"USER", "DEPARTMENT", "GROUP", "TASK"};
    return json::object{{"ROWS", std::move(out)},
                        {"TOTAL_SECONDS", total},
                        {"TOTAL_HOURS", hours(total)},
                        {"DATE_FROM", timeutil::format_iso8601(p.from, tz)},
                        {"DATE_TO", timeutil::format_iso8601(p.to, settings->tz_offset_at(p.to))},
                        {"GROUP_BY", group_names[static_cast<int>(p.group_by)]}};
  });
}

rest::CallResult time_report(rest::Call& call) {
  std::string lang;
  return {report(call, false, lang)};
}

rest::CallResult tasks_report(rest::Call& call) {
  std::string lang;
  return {report(call, true, lang)};
}

// The same reports as a workbook: {TYPE: time|tasks, …} → {NAME, MIME, CONTENT (base64)}.
rest::CallResult export_report(rest::Call& call) {
  std::string type = to_lower_ascii(string_param(call.params, "TYPE").value_or("time"));
  if (type != "time" && type != "tasks") throw bad_argument("TYPE", "TYPE must be time or tasks.");
  bool tasks = type == "tasks";
  std::string lang;
  json::object r = report(call, tasks, lang);
  bool en = lang == "en", ro = lang == "ro";
  xlsx::Sheet sheet;
  sheet.name = tasks ? (en   ? "Tasks"
                        : ro ? "Sarcini"
                             : "Задачи")
                     : (en   ? "Time"
                        : ro ? "Timp"
                             : "Время");
  std::string from = std::string(r["DATE_FROM"].as_string()).substr(0, 10);
  std::string to = std::string(r["DATE_TO"].as_string()).substr(0, 10);
  sheet.title = (tasks ? (en   ? "Tasks"
                          : ro ? "Sarcini"
                               : "Задачи")
                       : (en   ? "Time spent"
                          : ro ? "Timp lucrat"
                               : "Затраченное время")) +
                std::string(": ") + from + " — " + to;
  std::string who = en ? "Name" : ro ? "Nume" : "Название";
  if (tasks) {
    sheet.header = {who,
                    en   ? "Created"
                    : ro ? "Create"
                         : "Создано",
                    en   ? "Completed"
                    : ro ? "Finalizate"
                         : "Завершено",
                    en   ? "On time"
                    : ro ? "La timp"
                         : "В срок",
                    en   ? "Overdue"
                    : ro ? "Depășite"
                         : "Просрочено",
                    en   ? "Hours"
                    : ro ? "Ore"
                         : "Часы"};
  } else {
    sheet.header = {who,
                    en   ? "Hours"
                    : ro ? "Ore"
                         : "Часы",
                    en   ? "Entries"
                    : ro ? "Înregistrări"
                         : "Записей",
                    en   ? "Tasks"
                    : ro ? "Sarcini"
                         : "Задач"};
  }
  sheet.column_widths = {40, 12, 12, 12, 12, 12};
  for (const auto& v : r["ROWS"].as_array()) {
    const json::object& o = v.as_object();
    double h = static_cast<double>(o.at("SECONDS").to_number<std::int64_t>()) / 3600.0;
    h = std::round(h * 100) / 100;
    std::vector<xlsx::Cell> cells{std::string(o.at("NAME").as_string())};
    if (tasks) {
      for (const char* k : {"CREATED", "COMPLETED", "COMPLETED_ON_TIME", "OVERDUE"})
        cells.emplace_back(static_cast<double>(o.at(k).to_number<std::int64_t>()));
      cells.emplace_back(h);
    } else {
      cells.emplace_back(h);
      cells.emplace_back(static_cast<double>(o.at("ENTRIES").to_number<std::int64_t>()));
      cells.emplace_back(static_cast<double>(o.at("TASKS").to_number<std::int64_t>()));
    }
    sheet.rows.push_back(std::move(cells));
  }
  std::string bytes = xlsx::workbook(sheet, call.portal.data_dir);
  std::string name = (tasks ? "tasks-" : "time-") + from + "-" + to + ".xlsx";
  return {
      json::object{{"NAME", name},
                   {"MIME", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
                   {"CONTENT", crypto::base64_encode(bytes)}}};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"artel.task.report.time", "task", Access::User, time_report});
  registry.add({"artel.task.report.tasks", "task", Access::User, tasks_report});
  registry.add({"artel.task.report.export", "task", Access::User, export_report});
}

}  // namespace artel::tasks::reports
