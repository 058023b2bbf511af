#include "modules/tasks/store.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/time.h"

namespace artel::tasks::store {

const search::Index& search_index() {
  static const search::Index index("task_search");
  return index;
}

namespace {

constexpr const char* kColumns =
    "t.id, t.parent_id, t.title, t.description, t.status, t.priority, t.mark, t.created_by, "
    "t.responsible_id, t.group_id, t.stage_id, t.created_date, t.changed_by, t.changed_date, "
    "t.status_changed_by, t.status_changed_date, t.closed_by, t.closed_date, t.activity_date, "
    "t.date_start, t.deadline, t.start_date_plan, t.end_date_plan, t.allow_change_deadline, "
    "t.allow_time_tracking, t.task_control, t.add_in_report, t.match_work_time, t.time_estimate, "
    "t.time_spent, t.duration_type, t.comments_count, t.guid, t.xml_id, t.forked_by_template_id, "
    "t.sorting";

Task read_task(const db::Row& r) {
  Task t;
  int i = 0;
  t.id = r.integer(i++);
  t.parent_id = r.integer(i++);
  t.title = r.text(i++);
  t.description = r.text(i++);
  t.status = static_cast<int>(r.integer(i++));
  t.priority = static_cast<int>(r.integer(i++));
  t.mark = r.text(i++);
  t.created_by = r.integer(i++);
  t.responsible_id = r.integer(i++);
  t.group_id = r.integer(i++);
  t.stage_id = r.integer(i++);
  t.created_date = r.integer(i++);
  t.changed_by = r.integer(i++);
  t.changed_date = r.integer(i++);
  t.status_changed_by = r.integer(i++);
  t.status_changed_date = r.integer(i++);
  t.closed_by = r.integer(i++);
  t.closed_date = r.integer(i++);
  t.activity_date = r.integer(i++);
  t.date_start = r.integer(i++);
  t.deadline = r.integer(i++);
  t.start_date_plan = r.integer(i++);
  t.end_date_plan = r.integer(i++);
  t.allow_change_deadline = r.integer(i++) != 0;
  t.allow_time_tracking = r.integer(i++) != 0;
  t.task_control = r.integer(i++) != 0;
  t.add_in_report = r.integer(i++) != 0;
  t.match_work_time = r.integer(i++) != 0;
  t.time_estimate = r.integer(i++);
  t.time_spent = r.integer(i++);
  t.duration_type = r.text(i++);
  t.comments_count = r.integer(i++);
  t.guid = r.text(i++);
  t.xml_id = r.text(i++);
  t.forked_by_template_id = r.integer(i++);
  if (!r.is_null(i)) t.sorting = r.real(i);
  return t;
}

db::Value time_or_null(std::int64_t t) {
  return t ? db::Value(t) : db::Value(nullptr);
}
db::Value id_or_null(std::int64_t id) {
  return id ? db::Value(id) : db::Value(nullptr);
}

// Columns written by insert and save, in the order of column_values(). Not time_spent and
// comments_count: their own statements keep them (a time entry, a comment), often in the same
// transaction as a save of a Task read before, which must not undo them.
constexpr const char* kWritable[] = {"parent_id",
                                     "title",
                                     "description",
                                     "status",
                                     "priority",
                                     "mark",
                                     "created_by",
                                     "responsible_id",
                                     "group_id",
                                     "stage_id",
                                     "changed_by",
                                     "changed_date",
                                     "status_changed_by",
                                     "status_changed_date",
                                     "closed_by",
                                     "closed_date",
                                     "activity_date",
                                     "date_start",
                                     "deadline",
                                     "start_date_plan",
                                     "end_date_plan",
                                     "allow_change_deadline",
                                     "allow_time_tracking",
                                     "task_control",
                                     "add_in_report",
                                     "match_work_time",
                                     "time_estimate",
                                     "duration_type",
                                     "xml_id",
                                     "forked_by_template_id",
                                     "sorting"};

db::Params column_values(const Task& t) {
  return {id_or_null(t.parent_id),
          t.title,
          t.description,
          std::int64_t{t.status},
          std::int64_t{t.priority},
          db::text_or_null(t.mark),
          t.created_by,
          t.responsible_id,
          t.group_id,
          t.stage_id,
          id_or_null(t.changed_by),
          time_or_null(t.changed_date),
          id_or_null(t.status_changed_by),
          time_or_null(t.status_changed_date),
          id_or_null(t.closed_by),
          time_or_null(t.closed_date),
          time_or_null(t.activity_date),
          time_or_null(t.date_start),
          time_or_null(t.deadline),
          time_or_null(t.start_date_plan),
          time_or_null(t.end_date_plan),
          std::int64_t{t.allow_change_deadline},
          std::int64_t{t.allow_time_tracking},
          std::int64_t{t.task_control},
          std::int64_t{t.add_in_report},
          std::int64_t{t.match_work_time},
          t.time_estimate,
          t.duration_type,
          db::text_or_null(t.xml_id),
          id_or_null(t.forked_by_template_id),
          t.sorting ? db::Value(*t.sorting) : db::Value(nullptr)};
}

// The two lists above must stay in step; a mismatch would write values into wrong columns.
db::Params checked_values(const Task& t) {
  db::Params p = column_values(t);
  if (p.size() != std::size(kWritable))
    throw std::logic_error("tasks::store: column list and values differ");
  return p;
}

}  // namespace

std::span<const rest::ListField> list_fields() {
  using rest::FieldKind;
  static const std::vector<rest::ListField> fields = {
      {"ID", "t.id", FieldKind::Integer},
      {"PARENT_ID", "COALESCE(t.parent_id, 0)", FieldKind::Integer},
      {"TITLE", "t.title", FieldKind::Text},
      {"DESCRIPTION", "t.description", FieldKind::Text, false},
      {"REAL_STATUS", "t.status", FieldKind::Integer},
      {"STATUS_COMPLETE", "(CASE WHEN t.status IN (4, 5) THEN 2 ELSE 1 END)", FieldKind::Integer},
      {"PRIORITY", "t.priority", FieldKind::Integer},
      {"MARK", "t.mark", FieldKind::Text, true, true},
      {"CREATED_BY", "t.created_by", FieldKind::Integer},
      {"RESPONSIBLE_ID", "t.responsible_id", FieldKind::Integer},
      {"GROUP_ID", "t.group_id", FieldKind::Integer},
      {"STAGE_ID", "t.stage_id", FieldKind::Integer},
      // A task's place in its column of the group's board (order {STAGE_SORT: "asc"}).
      {"STAGE_SORT", "t.stage_sort", FieldKind::Integer},
      {"CHANGED_BY", "t.changed_by", FieldKind::Integer, true, true},
      {"STATUS_CHANGED_BY", "t.status_changed_by", FieldKind::Integer, true, true},
      {"CLOSED_BY", "t.closed_by", FieldKind::Integer, true, true},
      {"CREATED_DATE", "t.created_date", FieldKind::DateTime},
      {"CHANGED_DATE", "t.changed_date", FieldKind::DateTime, true, true},
      {"STATUS_CHANGED_DATE", "t.status_changed_date", FieldKind::DateTime, true, true},
      {"CLOSED_DATE", "t.closed_date", FieldKind::DateTime, true, true},
      {"ACTIVITY_DATE", "t.activity_date", FieldKind::DateTime, true, true},
      {"DATE_START", "t.date_start", FieldKind::DateTime, true, true},
      {"DEADLINE", "t.deadline", FieldKind::DateTime, true, true},
      {"START_DATE_PLAN", "t.start_date_plan", FieldKind::DateTime, true, true},
      {"END_DATE_PLAN", "t.end_date_plan", FieldKind::DateTime, true, true},
      {"ALLOW_CHANGE_DEADLINE", "t.allow_change_deadline", FieldKind::Flag},
      {"ALLOW_TIME_TRACKING", "t.allow_time_tracking", FieldKind::Flag},
      {"TASK_CONTROL", "t.task_control", FieldKind::Flag},
      {"ADD_IN_REPORT", "t.add_in_report", FieldKind::Flag},
      {"MATCH_WORK_TIME", "t.match_work_time", FieldKind::Flag},
      {"TIME_ESTIMATE", "t.time_estimate", FieldKind::Integer},
      {"TIME_SPENT_IN_LOGS", "t.time_spent", FieldKind::Integer},
      {"DURATION_FACT", "(t.time_spent / 60)", FieldKind::Integer},
      {"COMMENTS_COUNT", "t.comments_count", FieldKind::Integer},
      {"XML_ID", "t.xml_id", FieldKind::Text, true, true},
      {"GUID", "t.guid", FieldKind::Text},
      {"FORKED_BY_TEMPLATE_ID", "t.forked_by_template_id", FieldKind::Integer, true, true},
      {"SORTING", "t.sorting", FieldKind::Integer, true, true},
      {"SITE_ID", "'s1'", FieldKind::Text, false},
      {"CREATED_BY_LAST_NAME", "(SELECT u.last_name FROM users u WHERE u.id = t.created_by)",
       FieldKind::Text},
      {"RESPONSIBLE_LAST_NAME", "(SELECT u.last_name FROM users u WHERE u.id = t.responsible_id)",
       FieldKind::Text},
  };
  return fields;
}

std::optional<Task> find(db::Conn& conn, std::int64_t id) {
  std::optional<Task> out;
  conn.run(std::string("SELECT ") + kColumns + " FROM tasks t WHERE t.id = ?", {id},
           [&](const db::Row& r) { out = read_task(r); });
  if (out) {
    std::vector<Task> one{std::move(*out)};
    load_details(conn, one);
    out = std::move(one.front());
  }
  return out;
}

std::vector<Task> list(db::Conn& conn, const rest::ListQuery& q, std::int64_t start, int limit) {
  std::vector<Task> out;
  std::string sql = std::string("SELECT ") + kColumns + " FROM tasks t" + q.where_clause() +
                    " ORDER BY " + q.order_by + " LIMIT " + std::to_string(limit) + " OFFSET " +
                    std::to_string(start < 0 ? 0 : start);
  conn.run(sql, q.params, [&](const db::Row& r) { out.push_back(read_task(r)); });
  return out;
}

std::int64_t count(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM tasks t" + q.where_clause(), q.params).value_or(0);
}

void load_details(db::Conn& conn, std::vector<Task>& tasks) {
  if (tasks.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, Task*> by_id;
  for (auto& t : tasks) {
    ids.push_back(t.id);
    by_id[t.id] = &t;
    t.accomplices.clear();
    t.auditors.clear();
    t.tags.clear();
    t.crm_links.clear();
    t.depends_on.clear();
  }
  std::string in = db::in_list(ids.size());
  db::Params p = db::values(ids);
  conn.run("SELECT task_id, user_id, role FROM task_members WHERE task_id IN " + in +
               " AND role IN ('A', 'U') ORDER BY task_id, user_id",
           p, [&](const db::Row& r) {
             Task* t = by_id[r.integer(0)];
             (r.text(2) == "A" ? t->accomplices : t->auditors).push_back(r.integer(1));
           });
  conn.run("SELECT task_id, tag FROM task_tags WHERE task_id IN " + in + " ORDER BY task_id, tag",
           p, [&](const db::Row& r) { by_id[r.integer(0)]->tags.push_back(r.text(1)); });
  conn.run(
      "SELECT task_id, item FROM task_crm_links WHERE task_id IN " + in + " ORDER BY task_id, item",
      p, [&](const db::Row& r) { by_id[r.integer(0)]->crm_links.push_back(r.text(1)); });
  conn.run("SELECT task_to, task_from FROM task_dependencies WHERE task_to IN " + in +
               " ORDER BY task_to, task_from",
           p, [&](const db::Row& r) { by_id[r.integer(0)]->depends_on.push_back(r.integer(1)); });
}

std::int64_t insert(db::Conn& conn, const Task& t) {
  std::string columns = "created_date, guid";
  std::string values = "?, ?";
  db::Params params{t.created_date, t.guid};
  db::Params rest = checked_values(t);
  std::size_t i = 0;
  for (const char* c : kWritable) {
    columns += std::string(", ") + c;
    values += ", ?";
    params.push_back(rest[i++]);
  }
  return conn.insert("INSERT INTO tasks(" + columns + ") VALUES (" + values + ")", params);
}

void save(db::Conn& conn, const Task& t) {
  std::string sql = "UPDATE tasks SET ";
  bool first = true;
  for (const char* c : kWritable) {
    if (!first) sql += ", ";
    sql += std::string(c) + " = ?";
    first = false;
  }
  sql += " WHERE id = ?";
  db::Params params = checked_values(t);
  params.emplace_back(t.id);
  conn.run(sql, params);
}

void remove(db::Conn& conn, std::int64_t id) {
  conn.run("DELETE FROM tasks WHERE id = ?", {id});
}

void save_members(db::Conn& conn, const Task& t) {
  using Member = std::pair<std::int64_t, std::string>;
  std::set<Member> rows{{t.created_by, "O"}, {t.responsible_id, "R"}};
  for (auto id : t.accomplices) rows.insert({id, "A"});
  for (auto id : t.auditors) rows.insert({id, "U"});
  std::set<Member> stored;
  conn.run("SELECT user_id, role FROM task_members WHERE task_id = ?", {t.id},
           [&](const db::Row& r) {
             stored.insert({r.integer(0), r.text(1)});
           });
  if (rows == stored) return;
  std::set<std::int64_t> people, people_before;
  for (const auto& [user, role] : stored) {
    people_before.insert(user);
    if (!rows.count({user, role}))
      conn.run("DELETE FROM task_members WHERE task_id = ? AND user_id = ? AND role = ?",
               {t.id, user, role});
  }
  for (const auto& [user, role] : rows) {
    people.insert(user);
    if (!stored.count({user, role}))
      conn.run("INSERT INTO task_members(task_id, user_id, role) VALUES (?, ?, ?)",
               {t.id, user, role});
  }
  // The scope follows the people, whatever their roles.
  if (people != people_before) rebuild_scope(conn, {t.id});
}

namespace {

// The scope rows of the tasks the condition picks: each member's departments, then their
// parents up to the top (UNION keeps each pair once).
void insert_scope(db::Conn& conn, const std::string& task_condition, const db::Params& params) {
  conn.run(
      "INSERT INTO task_scope(department_id, task_id) WITH RECURSIVE up(task_id, id) AS "
      "(SELECT m.task_id, ud.department_id FROM task_members m JOIN user_departments ud ON "
      "ud.user_id = m.user_id" +
          task_condition +
          " UNION SELECT up.task_id, d.parent_id FROM up JOIN departments d ON d.id = up.id "
          "WHERE d.parent_id IS NOT NULL) SELECT id, task_id FROM up",
      params);
}

}  // namespace

void rebuild_scope(db::Conn& conn, const std::vector<std::int64_t>& task_ids) {
  constexpr std::size_t kChunk = 500;
  for (std::size_t at = 0; at < task_ids.size(); at += kChunk) {
    std::vector<std::int64_t> chunk(
        task_ids.begin() + static_cast<std::ptrdiff_t>(at),
        task_ids.begin() + static_cast<std::ptrdiff_t>(std::min(task_ids.size(), at + kChunk)));
    std::string in = db::in_list(chunk.size());
    db::Params p = db::values(chunk);
    conn.run("DELETE FROM task_scope WHERE task_id IN " + in, p);
    insert_scope(conn, " WHERE m.task_id IN " + in, p);
  }
}

void rebuild_all_scopes(db::Conn& conn) {
  conn.run("DELETE FROM task_scope");
  insert_scope(conn, "", {});
}

void save_tags(db::Conn& conn, std::int64_t task_id, const std::vector<std::string>& tags) {
  conn.run("DELETE FROM task_tags WHERE task_id = ?", {task_id});
  for (const auto& tag : tags)
    conn.run("INSERT INTO task_tags(task_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
             {task_id, tag});
}

void save_crm_links(db::Conn& conn, std::int64_t task_id, const std::vector<std::string>& items) {
  conn.run("DELETE FROM task_crm_links WHERE task_id = ?", {task_id});
  for (const auto& item : items)
    conn.run("INSERT INTO task_crm_links(task_id, item) VALUES (?, ?) ON CONFLICT DO NOTHING",
             {task_id, item});
}

std::vector<Dependency> dependencies_of(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::vector<Dependency> out;
  if (ids.empty()) return out;
  std::string in = db::in_list(ids.size());
  db::Params p = db::values(ids);
  db::Params both = p;
  both.insert(both.end(), p.begin(), p.end());
  conn.run("SELECT task_from, task_to, link_type FROM task_dependencies WHERE task_from IN " + in +
               " OR task_to IN " + in + " ORDER BY task_from, task_to",
           both, [&](const db::Row& r) {
             out.push_back({r.integer(0), r.integer(1), static_cast<int>(r.integer(2))});
           });
  return out;
}

void add_dependency(db::Conn& conn, const Dependency& d, std::int64_t user_id) {
  conn.run(
      "INSERT INTO task_dependencies(task_from, task_to, link_type, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (task_from, task_to) DO UPDATE SET link_type = "
      "excluded.link_type",
      {d.from, d.to, std::int64_t{d.link_type}, user_id, timeutil::now_seconds()});
}

bool remove_dependency(db::Conn& conn, std::int64_t from, std::int64_t to) {
  return conn.run("DELETE FROM task_dependencies WHERE task_from = ? AND task_to = ?", {from, to}) >
         0;
}

bool reaches(db::Conn& conn, std::int64_t from, std::int64_t to) {
  return db::reaches(conn, "task_dependencies", "task_from", "task_to", from, to);
}

std::vector<std::int64_t> subtask_ids(db::Conn& conn, std::int64_t parent_id) {
  std::vector<std::int64_t> ids;
  conn.run("SELECT id FROM tasks WHERE parent_id = ? ORDER BY id", {parent_id},
           [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  return ids;
}

bool is_in_subtree(db::Conn& conn, std::int64_t id, std::int64_t candidate) {
  return db::reaches(conn, "tasks", "parent_id", "id", id, candidate);
}

std::vector<std::int64_t> member_ids(db::Conn& conn, std::int64_t task_id) {
  std::vector<std::int64_t> ids;
  conn.run("SELECT DISTINCT user_id FROM task_members WHERE task_id = ? ORDER BY user_id",
           {task_id}, [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  return ids;
}

}  // namespace artel::tasks::store
