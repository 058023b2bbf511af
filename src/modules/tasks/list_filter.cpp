#include "modules/tasks/list_filter.h"

#include "core/error.h"
#include "core/text.h"
#include "modules/tasks/input.h"
#include "modules/tasks/model.h"
#include "modules/tasks/store.h"

namespace artel::tasks {

namespace {

struct Key {
  bool negate = false;
  std::string op;  // the prefix as written
  std::string name;
};

Key split(std::string_view key) {
  std::size_t i = 0;
  while (i < key.size() && std::string_view("!=<>%@").find(key[i]) != std::string_view::npos) ++i;
  Key k;
  k.op = std::string(key.substr(0, i));
  k.name = std::string(key.substr(i));
  k.negate = !k.op.empty() && k.op[0] == '!';
  return k;
}

// Ids from one value or a list; ERROR_ARGUMENT naming the key otherwise.
db::Params ids(const json::value& value, const std::string& key) {
  db::Params p;
  for (const json::value* item : as_list(value)) {
    auto n = as_int(*item);
    if (!n) throw bad_argument(key, "Filter " + key + " expects ids.");
    p.emplace_back(*n);
  }
  if (p.size() > 1000) throw bad_argument(key, "A filter list may hold at most 1000 values.");
  return p;
}

void add(rest::ListQuery& q, const Key& k, const std::string& sql, db::Params params) {
  q.add_condition(k.negate ? "NOT (" + sql + ")" : sql, std::move(params));
}

// "t.id IN (SELECT task_id FROM task_members WHERE role … AND user_id IN (…))".
void member_condition(rest::ListQuery& q, const Key& k, const json::value& value,
                      const std::string& roles, const std::string& key, const FilterContext& c) {
  db::Params p = ids(value, key);
  if (!k.negate && p.size() == 1 && std::get<std::int64_t>(p[0]) == c.viewer.user_id)
    c.implies_visible = true;
  if (p.empty()) {
    q.add_condition(k.negate ? "1=1" : "1=0");
    return;
  }
  std::string sql =
      "t.id IN (SELECT m.task_id FROM task_members m WHERE m.user_id IN " + db::in_list(p.size());
  if (!roles.empty()) sql += " AND m.role IN (" + roles + ")";
  add(q, k, sql + ")", std::move(p));
}

bool flag_value(const json::value& value, const std::string& key) {
  auto f = as_flag(value);
  if (!f) throw bad_argument(key, "Filter " + key + " expects Y or N.");
  return *f;
}

// One value of the STATUS filter as SQL: a real status, or a meta status for the viewer.
std::string status_condition(std::int64_t status, const FilterContext& c, db::Params& p) {
  const std::string open = "t.status IN (1, 2, 3)";
  switch (status) {
    case kSubOverdue:
      p.emplace_back(c.now);
      return "(" + open + " AND t.deadline IS NOT NULL AND t.deadline < ?)";
    case kSubAlmostOverdue:
      p.emplace_back(c.now);
      p.emplace_back(c.now + kDeadlineSoonSeconds);
      return "(" + open + " AND t.deadline >= ? AND t.deadline < ?)";
    case kSubNotViewed:
      p.emplace_back(c.viewer.user_id);
      p.emplace_back(c.viewer.user_id);
      p.emplace_back(c.viewer.user_id);
      return "(" + open +
             " AND t.created_by <> ? AND t.id IN (SELECT m.task_id FROM task_members m WHERE "
             "m.user_id = ? AND m.role IN ('R', 'A')) AND NOT EXISTS (SELECT 1 FROM "
             "task_user_state s WHERE s.task_id = t.id AND s.user_id = ? AND s.viewed_at IS NOT "
             "NULL))";
    default:
      p.emplace_back(status);
      return "t.status = ?";
  }
}

void add_status(rest::ListQuery& q, const Key& k, const json::value& value,
                const FilterContext& c) {
  auto items = as_list(value);
  // "<STATUS", ">=STATUS": comparisons of the real status.
  if (k.op == ">" || k.op == ">=" || k.op == "<" || k.op == "<=") {
    auto n = items.size() == 1 ? as_int(*items[0]) : std::nullopt;
    if (!n) throw bad_argument("STATUS", "Filter " + k.op + "STATUS expects one status.");
    q.add_condition("t.status " + k.op + " ?", {*n});
    return;
  }
  if (items.empty()) {
    q.add_condition(k.negate ? "1=1" : "1=0");
    return;
  }
  db::Params p;
  std::string sql;
  for (const json::value* item : items) {
    auto n = as_int(*item);
    if (!n || *n < -3 || *n > 7 || *n == 0)
      throw bad_argument("STATUS", "Filter STATUS expects statuses 1–7 or -1, -2, -3.");
    sql += (sql.empty() ? "" : " OR ") + status_condition(*n, c, p);
  }
  add(q, k, sql, std::move(p));
}

void add_search(rest::ListQuery& q, const json::value& value, const FilterContext& c) {
  auto text = as_string(value);
  if (!text || value.is_object() || value.is_array())
    throw bad_argument("SEARCH_INDEX", "Filter SEARCH_INDEX expects the words to find.");
  auto match = store::search_index().match(c.dialect, *text);
  if (!match) return;  // nothing searchable typed: no condition, as an empty search box
  q.add_condition("t.id IN (" + match->sql + ")", {match->param});
}

bool add_special(rest::ListQuery& q, const std::string& raw_key, const json::value& value,
                 const FilterContext& c);

void add_subfilter(rest::ListQuery& q, const json::value& value, const FilterContext& c) {
  if (!value.is_object()) throw bad_argument("::SUBFILTER-PARAMS", "A subfilter is an object.");
  json::value normal = normalized_keys(&value);
  apply_filter(q, normal.get_object(), c);
}

bool add_special(rest::ListQuery& q, const std::string& raw_key, const json::value& value,
                 const FilterContext& c) {
  if (raw_key.rfind("::SUBFILTER", 0) == 0) {
    add_subfilter(q, value, c);
    return true;
  }
  Key k = split(raw_key);
  const std::string& n = k.name;
  if (n == "STATUS") {
    add_status(q, k, value, c);
  } else if (n == "MEMBER") {
    member_condition(q, k, value, "", n, c);
  } else if (n == "ACCOMPLICE") {
    member_condition(q, k, value, "'A'", n, c);
  } else if (n == "AUDITOR") {
    member_condition(q, k, value, "'U'", n, c);
  } else if (n == "DOER") {
    member_condition(q, k, value, "'R', 'A'", n, c);
  } else if (n == "TAG") {
    db::Params p;
    for (const json::value* item : as_list(value)) p.emplace_back(as_string(*item).value_or(""));
    if (p.empty()) return true;
    // The SQL is built before the call: the order in which arguments are evaluated is
    // unspecified, and the moved-from list would give db::in_list(0).
    std::string sql =
        "t.id IN (SELECT g.task_id FROM task_tags g WHERE g.tag IN " + db::in_list(p.size()) + ")";
    add(q, k, sql, std::move(p));
  } else if (n == "UF_CRM_TASK") {
    db::Params p;
    for (const json::value* item : as_list(value)) p.emplace_back(as_string(*item).value_or(""));
    if (p.empty()) return true;
    std::string sql = "t.id IN (SELECT l.task_id FROM task_crm_links l WHERE l.item IN " +
                      db::in_list(p.size()) + ")";
    add(q, k, sql, std::move(p));
  } else if (n == "DEPENDS_ON") {
    db::Params p = ids(value, n);
    if (p.empty()) return true;
    std::string sql = "t.id IN (SELECT d.task_to FROM task_dependencies d WHERE d.task_from IN " +
                      db::in_list(p.size()) + ")";
    add(q, k, sql, std::move(p));
  } else if (n == "ONLY_ROOT_TASKS") {
    if (flag_value(value, n)) q.add_condition("t.parent_id IS NULL");
  } else if (n == "SEARCH_INDEX" || n == "FIND") {
    add_search(q, value, c);
  } else if (n == "FAVORITE") {
    bool on = flag_value(value, n);
    q.add_condition(std::string(on ? "" : "NOT ") +
                        "EXISTS (SELECT 1 FROM task_user_state s WHERE s.task_id = t.id AND "
                        "s.user_id = ? AND s.favorite = 1)",
                    {c.viewer.user_id});
  } else if (n == "SUBORDINATE") {
    // Tasks in which someone the viewer heads takes part (the "subordinates' tasks" view).
    // The scope table answers "a member is in a department they head" with one index range;
    // only for the viewer's own tasks must the members be read, since that member may be
    // the viewer. Such tasks are all visible to the head, so visibility is implied.
    if (!flag_value(value, n)) return true;
    if (c.viewer.scope_roots.empty()) {
      q.add_condition(k.negate ? "1=1" : "1=0");
      return true;
    }
    if (!k.negate) c.implies_visible = true;
    db::Params p = db::values(c.viewer.scope_roots);
    p.emplace_back(c.viewer.user_id);
    p.emplace_back(c.viewer.user_id);
    for (auto d : c.viewer.headed_departments) p.emplace_back(d);
    add(q, k,
        "t.id IN (SELECT s.task_id FROM task_scope s WHERE s.department_id IN " +
            db::in_list(c.viewer.scope_roots.size()) +
            ") AND (t.id NOT IN (SELECT vm.task_id FROM task_members vm WHERE vm.user_id = ?) "
            "OR EXISTS (SELECT 1 FROM task_members m JOIN user_departments ud ON ud.user_id = "
            "m.user_id WHERE m.task_id = t.id AND m.user_id <> ? AND ud.department_id IN " +
            db::in_list(c.viewer.headed_departments.size()) + "))",
        std::move(p));
  } else if (n == "NOT_VIEWED") {
    if (!flag_value(value, n)) return true;
    db::Params p;
    // status_condition fills p: it must run before p is moved into the call.
    std::string sql = status_condition(kSubNotViewed, c, p);
    q.add_condition(sql, std::move(p));
  } else if (n == "NEW_COMMENTS") {
    // Tasks with comments by others that the viewer has not seen since last opening the task.
    if (!flag_value(value, n)) return true;
    q.add_condition(
        "EXISTS (SELECT 1 FROM task_comments cm WHERE cm.task_id = t.id AND cm.author_id <> ? "
        "AND cm.id > COALESCE((SELECT s.seen_comment_id FROM task_user_state s WHERE s.task_id "
        "= t.id AND s.user_id = ?), 0))",
        {c.viewer.user_id, c.viewer.user_id});
  } else if (n == "PLAN_STAGE_ID") {
    // The viewer's My Plan: a task without a row there sits in the first stage.
    db::Params p = ids(value, n);
    if (p.empty()) return true;
    auto first = c.conn.integer(
        "SELECT id FROM task_stages WHERE entity_type = 'U' AND entity_id = ? ORDER BY sort, id "
        "LIMIT 1",
        {c.viewer.user_id});
    bool with_unplaced = false;
    for (const auto& v : p)
      with_unplaced = with_unplaced || (first && std::get<std::int64_t>(v) == *first);
    db::Params all{c.viewer.user_id};
    all.insert(all.end(), p.begin(), p.end());
    std::string sql =
        "t.id IN (SELECT pl.task_id FROM task_plan pl WHERE pl.user_id = ? AND "
        "pl.stage_id IN " +
        db::in_list(p.size()) + ")";
    if (with_unplaced) {
      sql +=
          " OR NOT EXISTS (SELECT 1 FROM task_plan pl WHERE pl.task_id = t.id AND pl.user_id = ?)";
      all.emplace_back(c.viewer.user_id);
    }
    add(q, k, sql, std::move(all));
  } else {
    return false;
  }
  return true;
}

}  // namespace

void apply_filter(rest::ListQuery& q, const json::object& filter, const FilterContext& c) {
  json::value raw(filter);
  json::value normal_value = normalized_keys(&raw);
  for (const auto& kv : normal_value.get_object()) {
    std::string key(kv.key());
    if (add_special(q, key, kv.value(), c)) continue;
    if ((key == "RESPONSIBLE_ID" || key == "=RESPONSIBLE_ID" || key == "CREATED_BY" ||
         key == "=CREATED_BY") &&
        as_int(kv.value()) == c.viewer.user_id && !kv.value().is_array())
      c.implies_visible = true;
    if (!rest::add_filter_entry(q, key, kv.value(), store::list_fields(), c.tz))
      throw bad_argument("filter", "Unknown filter field: " + key + ".");
  }
}

namespace {

rest::ListQuery filtered(const json::object* filter, const json::value* order,
                         const FilterContext& c) {
  rest::ListQuery conditions;
  c.implies_visible = false;
  if (filter) apply_filter(conditions, *filter, c);
  apply_order(conditions, order, c.viewer);
  return conditions;
}

rest::ListQuery visible(const rest::ListQuery& conditions, const FilterContext& c,
                        VisibleForm form) {
  rest::ListQuery q;
  if (!c.implies_visible) restrict_to_visible(q, c.viewer, form);
  q.append(conditions);
  return q;
}

}  // namespace

rest::ListQuery visible_query(const json::object* filter, const json::value* order,
                              const FilterContext& c) {
  return visible(filtered(filter, order, c), c, c.form);
}

VisibleQueries visible_queries(const json::object* filter, const json::value* order,
                               const FilterContext& c) {
  rest::ListQuery conditions = filtered(filter, order, c);
  return {visible(conditions, c, VisibleForm::Scan), visible(conditions, c, VisibleForm::Set)};
}

void apply_order(rest::ListQuery& q, const json::value* order, const Viewer& viewer) {
  json::value normal = normalized_keys(order);
  if (!normal.is_object() || normal.get_object().empty()) {
    q.order_by = "t.id DESC";
    return;
  }
  // FAVORITE and PLAN_SORT depend on the viewer (their id is a number from the session, not
  // from the caller's text); the rest are plain fields.
  std::string viewer_id = std::to_string(viewer.user_id);
  std::vector<std::string> terms;
  json::object plain;
  auto direction = [](const json::value& v) {
    std::string d = to_upper_ascii(trim(as_string(v).value_or("ASC")));
    if (d != "ASC" && d != "DESC")
      throw bad_argument("order", "Sort direction must be ASC or DESC.");
    return d;
  };
  auto flush_plain = [&] {
    if (plain.empty()) return;
    json::value v(plain);
    rest::ListQuery part;
    rest::set_order(part, &v, store::list_fields(), "t.id DESC", "t.id");
    // set_order appends the id tiebreak; keep it only at the very end.
    std::string o = part.order_by;
    auto tie = o.rfind(", t.id ASC");
    if (tie != std::string::npos && tie + 10 == o.size()) o.resize(tie);
    terms.push_back(o);
    plain = {};
  };
  for (const auto& kv : normal.get_object()) {
    std::string key(kv.key());
    if (key == "FAVORITE") {
      flush_plain();
      terms.push_back(
          "COALESCE((SELECT s.favorite FROM task_user_state s WHERE s.task_id = t.id "
          "AND s.user_id = " +
          viewer_id + "), 0) " + direction(kv.value()));
    } else if (key == "PLAN_SORT") {
      flush_plain();
      terms.push_back(
          "COALESCE((SELECT pl.sort FROM task_plan pl WHERE pl.task_id = t.id AND "
          "pl.user_id = " +
          viewer_id + "), -t.id) " + direction(kv.value()));
    } else {
      plain[key == "STATUS" ? "REAL_STATUS" : key] = kv.value();
    }
  }
  flush_plain();
  std::string out;
  for (const auto& t : terms) out += (out.empty() ? "" : ", ") + t;
  q.order_by = out + ", t.id DESC";
}

}  // namespace artel::tasks
