#include "modules/tasks/history.h"

#include <map>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/settings/store.h"
#include "modules/tasks/service.h"
#include "rest/list_query.h"

namespace artel::tasks::history {

namespace {

std::optional<std::string> number(std::int64_t v) {
  return std::to_string(v);
}
std::optional<std::string> id_or_null(std::int64_t v) {
  if (!v) return std::nullopt;
  return std::to_string(v);
}
std::optional<std::string> time_or_null(std::int64_t v) {
  if (!v) return std::nullopt;
  return std::to_string(v);
}
std::optional<std::string> flag(bool v) {
  return std::string(v ? "Y" : "N");
}
std::optional<std::string> ids(const std::vector<std::int64_t>& v) {
  std::string s;
  for (auto id : v) s += (s.empty() ? "" : ",") + std::to_string(id);
  return s;
}
std::optional<std::string> words(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& w : v) s += (s.empty() ? "" : ",") + w;
  return s;
}

// Fields whose values are dates: the list shows them as ISO 8601 in the portal's zone.
bool is_date_field(std::string_view field) {
  return field == "DEADLINE" || field == "START_DATE_PLAN" || field == "END_DATE_PLAN";
}

}  // namespace

void record(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, const Entry& e) {
  auto value = [](const std::optional<std::string>& v) {
    return v ? db::Value(*v) : db::Value(nullptr);
  };
  conn.run(
      "INSERT INTO task_history(task_id, user_id, created_at, field, value_from, value_to, note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {task_id, user_id, timeutil::now_seconds(), e.field, value(e.from), value(e.to), e.note});
}

void record_each(db::Conn& conn, std::int64_t user_id, std::string_view field,
                 std::string_view where, const db::Params& where_params,
                 std::string_view from_column, const std::string& to) {
  db::Params p{user_id, timeutil::now_seconds(), std::string(field), to};
  p.insert(p.end(), where_params.begin(), where_params.end());
  conn.run(
      "INSERT INTO task_history(task_id, user_id, created_at, field, value_from, value_to) "
      "SELECT id, ?, ?, ?, CAST(" +
          std::string(from_column) + " AS TEXT), ? FROM tasks WHERE " + std::string(where),
      p);
}

std::vector<Entry> changes(const Task& a, const Task& b) {
  std::vector<Entry> out;
  auto add = [&](const char* field, std::optional<std::string> from,
                 std::optional<std::string> to) {
    if (from != to) out.push_back({field, std::move(from), std::move(to), ""});
  };
  add("TITLE", a.title, b.title);
  add("DESCRIPTION", a.description, b.description);
  add("STATUS", number(a.status), number(b.status));
  add("PRIORITY", number(a.priority), number(b.priority));
  add("MARK", a.mark.empty() ? std::nullopt : std::optional(a.mark),
      b.mark.empty() ? std::nullopt : std::optional(b.mark));
  add("PARENT_ID", id_or_null(a.parent_id), id_or_null(b.parent_id));
  add("GROUP_ID", number(a.group_id), number(b.group_id));
  add("STAGE_ID", number(a.stage_id), number(b.stage_id));
  add("CREATED_BY", number(a.created_by), number(b.created_by));
  add("RESPONSIBLE_ID", number(a.responsible_id), number(b.responsible_id));
  add("ACCOMPLICES", ids(a.accomplices), ids(b.accomplices));
  add("AUDITORS", ids(a.auditors), ids(b.auditors));
  add("DEADLINE", time_or_null(a.deadline), time_or_null(b.deadline));
  add("START_DATE_PLAN", time_or_null(a.start_date_plan), time_or_null(b.start_date_plan));
  add("END_DATE_PLAN", time_or_null(a.end_date_plan), time_or_null(b.end_date_plan));
  add("TIME_ESTIMATE", number(a.time_estimate), number(b.time_estimate));
  add("TAGS", words(a.tags), words(b.tags));
  add("UF_CRM_TASK", words(a.crm_links), words(b.crm_links));
  add("DEPENDS_ON", ids(a.depends_on), ids(b.depends_on));
  add("ALLOW_CHANGE_DEADLINE", flag(a.allow_change_deadline), flag(b.allow_change_deadline));
  add("ALLOW_TIME_TRACKING", flag(a.allow_time_tracking), flag(b.allow_time_tracking));
  add("TASK_CONTROL", flag(a.task_control), flag(b.task_control));
  add("ADD_IN_REPORT", flag(a.add_in_report), flag(b.add_in_report));
  add("MATCH_WORK_TIME", flag(a.match_work_time), flag(b.match_work_time));
  return out;
}

std::map<std::int64_t, std::int64_t> deadline_moves(db::Conn& conn,
                                                    const std::vector<std::int64_t>& task_ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (task_ids.empty()) return out;
  conn.run(
      "SELECT task_id, count(*) FROM task_history WHERE field = 'DEADLINE' AND value_from IS NOT "
      "NULL AND task_id IN " +
          db::in_list(task_ids.size()) + " GROUP BY task_id",
      db::values(task_ids), [&](const db::Row& r) { out[r.integer(0)] = r.integer(1); });
  return out;
}

rest::CallResult list(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    static const std::vector<rest::ListField> fields = {
        {"ID", "h.id", rest::FieldKind::Integer},
        {"FIELD", "h.field", rest::FieldKind::Text},
        {"USER_ID", "h.user_id", rest::FieldKind::Integer},
        {"CREATED_DATE", "h.created_at", rest::FieldKind::DateTime},
    };
    rest::ListQuery q;
    q.add_condition("h.task_id = ?", {task_id});
    if (const json::object* filter = object_param(call.params, "filter"))
      rest::add_filter(q, *filter, fields, tz);
    // The documentation's own example sorts by "createdDate": accept camelCase names.
    json::value order = normalized_keys(find_ci(call.params, "order"));
    rest::set_order(q, &order, fields, "h.id DESC", "h.id");
    json::array rows;
    conn.run(
        "SELECT h.id, h.created_at, h.field, h.value_from, h.value_to, h.note, u.id, u.name, "
        "u.last_name, u.second_name, u.email FROM task_history h LEFT JOIN users u ON u.id = "
        "h.user_id" +
            q.where_clause() + " ORDER BY " + q.order_by,
        q.params, [&](const db::Row& r) {
          json::object e;
          e["id"] = r.integer(0);
          e["createdDate"] = timeutil::format_iso8601(r.integer(1), tz);
          std::string field = r.text(2);
          auto value = [&](int col) -> json::value {
            if (r.is_null(col)) return nullptr;
            std::string v = r.text(col);
            if (is_date_field(field) && !v.empty())
              return json::string(timeutil::format_iso8601(std::stoll(v), tz));
            return json::string(v);
          };
          e["field"] = field;
          e["value"] = json::object{{"from", value(3)}, {"to", value(4)}};
          if (!r.text(5).empty()) e["note"] = r.text(5);
          e["user"] = json::object{{"id", r.integer(6)},
                                   {"name", r.text(7)},
                                   {"lastName", r.text(8)},
                                   {"secondName", r.text(9)},
                                   {"login", r.text(10)}};
          rows.push_back(std::move(e));
        });
    rest::CallResult result;
    result.result = json::object{{"list", std::move(rows)}};
    return result;
  });
}

}  // namespace artel::tasks::history
