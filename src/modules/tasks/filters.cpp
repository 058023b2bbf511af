// Saved filters of the task list (C14): a person keeps named presets of tasks.task.list filters
// ("СТЭК": a far deadline range; "my overdue"; a project). artel.task.filter.list / add /
// update / delete; each person sees and changes only their own.
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/tasks/methods.h"

namespace artel::tasks::filters {

namespace {

constexpr std::int64_t kMaxFilters = 100;

std::string name_of(const json::value* v) {
  std::string n(trim(v ? as_string(*v).value_or("") : ""));
  if (n.empty()) throw bad_argument("NAME", "A saved filter needs a name.");
  if (n.size() > 255 || !is_valid_utf8(n))
    throw bad_argument("NAME", "NAME must be UTF-8 text of up to 255 characters.");
  return n;
}

std::string fields_of(const json::value* v) {
  if (!v || !v->is_object()) throw bad_argument("FIELDS", "FIELDS must be a filter object.");
  std::string text = json::serialize(*v);
  if (text.size() > 20000) throw bad_argument("FIELDS", "The filter is too large.");
  return text;
}

json::object row_json(const db::Row& r) {
  boost::system::error_code ec;
  json::value fields = json::parse(r.text(2), ec);
  return json::object{{"ID", std::to_string(r.integer(0))},
                      {"NAME", r.text(1)},
                      {"FIELDS", ec ? json::value(json::object()) : fields},
                      {"SORT", std::to_string(r.integer(3))}};
}

std::int64_t id_of(const json::object& params) {
  const json::value* v = find_ci(params, "ID");
  auto n = v ? as_int(*v) : std::nullopt;
  if (!n || *n <= 0) throw bad_argument("ID", "ID (the saved filter) is required.");
  return *n;
}

rest::CallResult list(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    json::array out;
    conn.run("SELECT id, name, fields, sort FROM task_filters WHERE user_id = ? ORDER BY sort, id",
             {call.caller.user_id}, [&](const db::Row& r) { out.push_back(row_json(r)); });
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult add(rest::Call& call) {
  std::string name = name_of(find_ci(call.params, "NAME"));
  std::string fields = fields_of(find_ci(call.params, "FIELDS"));
  std::int64_t sort = int_param(call.params, "SORT").value_or(100);
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    if (tx.conn
            .integer("SELECT count(*) FROM task_filters WHERE user_id = ?", {call.caller.user_id})
            .value_or(0) >= kMaxFilters)
      throw bad_request("TOO_MANY_FILTERS", "A person keeps at most 100 saved filters.");
    return tx.conn.insert(
        "INSERT INTO task_filters(user_id, name, fields, sort, created_at) VALUES (?, ?, ?, ?, ?)",
        {call.caller.user_id, name, fields, sort, timeutil::now_seconds()});
  });
  return {id};
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = id_of(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    if (!tx.conn.integer("SELECT 1 FROM task_filters WHERE id = ? AND user_id = ?",
                         {id, call.caller.user_id}))
      throw bad_request("FILTER_NOT_FOUND",
                        "Saved filter " + std::to_string(id) + " is not found.");
    if (const json::value* v = find_ci(call.params, "NAME"))
      tx.conn.run("UPDATE task_filters SET name = ? WHERE id = ?", {name_of(v), id});
    if (const json::value* v = find_ci(call.params, "FIELDS"))
      tx.conn.run("UPDATE task_filters SET fields = ? WHERE id = ?", {fields_of(v), id});
    if (auto sort = int_param(call.params, "SORT"))
      tx.conn.run("UPDATE task_filters SET sort = ? WHERE id = ?", {*sort, id});
  });
  return {true};
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = id_of(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    if (tx.conn.run("DELETE FROM task_filters WHERE id = ? AND user_id = ?",
                    {id, call.caller.user_id}) == 0)
      throw bad_request("FILTER_NOT_FOUND",
                        "Saved filter " + std::to_string(id) + " is not found.");
  });
  return {true};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"artel.task.filter.list", "task", Access::User, list});
  registry.add({"artel.task.filter.add", "task", Access::User, add});
  registry.add({"artel.task.filter.update", "task", Access::User, update});
  registry.add({"artel.task.filter.delete", "task", Access::User, remove});
}

}  // namespace artel::tasks::filters
