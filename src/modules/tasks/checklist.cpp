#include "modules/tasks/checklist.h"

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/settings/store.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/service.h"
#include "rest/list_query.h"

namespace artel::tasks::checklist {

namespace {

constexpr std::size_t kMaxTitle = 2000;

constexpr const char* kSelect =
    "SELECT id, task_id, parent_id, title, sort_index, is_complete, is_important, created_by, "
    "toggled_by, toggled_date FROM task_checklist";

Item read(const db::Row& r) {
  Item i;
  i.id = r.integer(0);
  i.task_id = r.integer(1);
  i.parent_id = r.integer(2);
  i.title = r.text(3);
  i.sort_index = r.integer(4);
  i.complete = r.integer(5) != 0;
  i.important = r.integer(6) != 0;
  i.created_by = r.integer(7);
  i.toggled_by = r.integer(8);
  i.toggled_date = r.integer(9);
  return i;
}

std::optional<Item> find(db::Conn& conn, std::int64_t task_id, std::int64_t id) {
  std::optional<Item> out;
  conn.run(std::string(kSelect) + " WHERE id = ? AND task_id = ?", {id, task_id},
           [&](const db::Row& r) { out = read(r); });
  return out;
}

json::object upper_json(const Item& i, int tz) {
  return json::object{
      {"ID", std::to_string(i.id)},
      {"TASK_ID", std::to_string(i.task_id)},
      {"PARENT_ID", std::to_string(i.parent_id)},
      {"CREATED_BY", std::to_string(i.created_by)},
      {"TITLE", i.title},
      {"SORT_INDEX", std::to_string(i.sort_index)},
      {"IS_COMPLETE", i.complete ? "Y" : "N"},
      {"IS_IMPORTANT", i.important ? "Y" : "N"},
      {"TOGGLED_BY", i.toggled_by ? json::value(std::to_string(i.toggled_by)) : nullptr},
      {"TOGGLED_DATE",
       i.toggled_date ? json::value(timeutil::format_iso8601(i.toggled_date, tz)) : nullptr},
      {"MEMBERS", json::array()},
      {"ATTACHMENTS", json::array()}};
}

std::int64_t item_id(const json::object& params) {
  const json::value* v = positional(params, 1, "ITEMID");
  auto n = v ? as_int(*v) : std::nullopt;
  if (!n || *n <= 0) throw bad_argument("ITEMID", "The checklist item id (ITEMID) is required.");
  return *n;
}

ApiError item_not_found(std::int64_t id) {
  return bad_request("CHECKLIST_ITEM_NOT_FOUND",
                     "Checklist item " + std::to_string(id) + " is not found in this task.");
}

std::string title_of(const json::value& v) {
  auto s = as_string(v);
  if (!s || v.is_object() || v.is_array()) throw bad_argument("TITLE", "TITLE must be text.");
  std::string t(trim(*s));
  if (t.empty()) throw bad_argument("TITLE", "A checklist item needs a title.");
  if (t.size() > kMaxTitle || !is_valid_utf8(t))
    throw bad_argument("TITLE", "TITLE must be UTF-8 text of up to 2000 characters.");
  return t;
}

std::string first_list_title(std::string_view language) {
  if (language == "en") return "Checklist 1";
  if (language == "ro") return "Listă de verificare 1";
  return "Чек-лист 1";
}

std::int64_t next_sort(db::Conn& conn, std::int64_t task_id, std::int64_t parent_id) {
  return conn
      .integer(
          "SELECT COALESCE(max(sort_index), -1) + 1 FROM task_checklist WHERE task_id = ? "
          "AND parent_id = ?",
          {task_id, parent_id})
      .value_or(0);
}

// The list a point goes into when the caller names none: the task's first list, made if needed.
std::int64_t default_list(db::Conn& conn, std::int64_t task_id, std::int64_t user_id,
                          std::string_view language) {
  if (auto id = conn.integer("SELECT id FROM task_checklist WHERE task_id = ? AND parent_id = 0 "
                             "ORDER BY sort_index, id LIMIT 1",
                             {task_id}))
    return *id;
  return conn.insert(
      "INSERT INTO task_checklist(task_id, parent_id, title, sort_index, created_by) VALUES (?, "
      "0, ?, 0, ?)",
      {task_id, first_list_title(language), user_id});
}

// Changing a checklist is for those who do or direct the task.
Loaded load_for_change(db::Conn& conn, const rest::Caller& caller, std::int64_t task_id) {
  Loaded l = load_visible(conn, caller, task_id);
  if (!l.relation.directs() && !l.relation.executes()) throw not_allowed("change the checklist");
  return l;
}

std::string language_of(rest::Call& call, db::Conn& conn) {
  auto lang = conn.text("SELECT language_id FROM users WHERE id = ?", {call.caller.user_id});
  if (lang && !lang->empty()) return *lang;
  return call.portal.settings.snapshot()->language;
}

rest::CallResult add_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::value* fv = positional(call.params, 1, "FIELDS");
  if (!fv || !fv->is_object()) throw bad_argument("FIELDS", "FIELDS must be an object with TITLE.");
  const json::object& f = fv->get_object();
  const json::value* tv = find_ci(f, "TITLE");
  if (!tv) throw bad_argument("TITLE", "A checklist item needs a title.");
  std::string title = title_of(*tv);
  std::optional<std::int64_t> parent;
  if (const json::value* v = find_ci(f, "PARENT_ID")) {
    auto n = as_int(*v);
    if (!n || *n < 0) throw bad_argument("PARENT_ID", "PARENT_ID must be a checklist item id.");
    parent = *n;
  }
  bool complete = false, important = false;
  if (const json::value* v = find_ci(f, "IS_COMPLETE")) complete = as_flag(*v).value_or(false);
  if (const json::value* v = find_ci(f, "IS_IMPORTANT")) important = as_flag(*v).value_or(false);
  std::optional<std::int64_t> sort;
  if (const json::value* v = find_ci(f, "SORT_INDEX")) {
    sort = as_int(*v);
    if (!sort) throw bad_argument("SORT_INDEX", "SORT_INDEX must be a number.");
  }
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    load_for_change(tx.conn, call.caller, task_id);
    std::int64_t parent_id;
    if (!parent) {
      parent_id = default_list(tx.conn, task_id, call.caller.user_id, language_of(call, tx.conn));
    } else {
      parent_id = *parent;
      if (parent_id && !tx.conn.integer("SELECT 1 FROM task_checklist WHERE id = ? AND task_id = "
                                        "? AND parent_id = 0",
                                        {parent_id, task_id}))
        throw bad_argument("PARENT_ID", "PARENT_ID must be a checklist of this task.");
    }
    std::int64_t now = timeutil::now_seconds();
    std::int64_t new_id = tx.conn.insert(
        "INSERT INTO task_checklist(task_id, parent_id, title, sort_index, is_complete, "
        "is_important, created_by, toggled_by, toggled_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {task_id, parent_id, title, sort.value_or(next_sort(tx.conn, task_id, parent_id)),
         std::int64_t{complete}, std::int64_t{important}, call.caller.user_id,
         complete ? db::Value(call.caller.user_id) : db::Value(nullptr),
         complete ? db::Value(now) : db::Value(nullptr)});
    history::record(tx.conn, task_id, call.caller.user_id,
                    {"CHECKLIST_ITEM_CREATE", std::string(), title, ""});
    after_change(tx, call.portal, task_id, "checklist", call.caller.user_id);
    return new_id;
  });
  return {id};
}

rest::CallResult list_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  static const std::vector<rest::ListField> fields = {
      {"ID", "id", rest::FieldKind::Integer},
      {"PARENT_ID", "parent_id", rest::FieldKind::Integer},
      {"CREATED_BY", "created_by", rest::FieldKind::Integer},
      {"TITLE", "title", rest::FieldKind::Text},
      {"SORT_INDEX", "sort_index", rest::FieldKind::Integer},
      {"IS_COMPLETE", "is_complete", rest::FieldKind::Flag},
      {"IS_IMPORTANT", "is_important", rest::FieldKind::Flag},
      {"TOGGLED_BY", "toggled_by", rest::FieldKind::Integer, true, true},
      {"TOGGLED_DATE", "toggled_date", rest::FieldKind::DateTime, true, true},
  };
  rest::ListQuery q;
  q.add_condition("task_id = ?", {task_id});
  rest::set_order(q, positional(call.params, 1, "ORDER"), fields, "parent_id, sort_index, id",
                  "id");
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    json::array out;
    conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY " + q.order_by, q.params,
             [&](const db::Row& r) { out.push_back(upper_json(read(r), tz)); });
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult get_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    auto item = find(conn, task_id, id);
    if (!item) throw item_not_found(id);
    return rest::CallResult{upper_json(*item, tz)};
  });
}

rest::CallResult update_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  const json::value* fv = positional(call.params, 2, "FIELDS");
  if (!fv || !fv->is_object()) throw bad_argument("FIELDS", "FIELDS must be an object.");
  const json::object& f = fv->get_object();
  call.portal.db.write([&](db::Tx& tx) {
    load_for_change(tx.conn, call.caller, task_id);
    auto item = find(tx.conn, task_id, id);
    if (!item) throw item_not_found(id);
    std::int64_t now = timeutil::now_seconds();
    if (const json::value* v = find_ci(f, "TITLE")) {
      std::string title = title_of(*v);
      if (title != item->title) {
        tx.conn.run("UPDATE task_checklist SET title = ? WHERE id = ?", {title, id});
        history::record(tx.conn, task_id, call.caller.user_id,
                        {"CHECKLIST_ITEM_RENAME", item->title, title, ""});
      }
    }
    if (const json::value* v = find_ci(f, "SORT_INDEX")) {
      auto n = as_int(*v);
      if (!n) throw bad_argument("SORT_INDEX", "SORT_INDEX must be a number.");
      tx.conn.run("UPDATE task_checklist SET sort_index = ? WHERE id = ?", {*n, id});
    }
    if (const json::value* v = find_ci(f, "IS_IMPORTANT")) {
      auto b = as_flag(*v);
      if (!b) throw bad_argument("IS_IMPORTANT", "IS_IMPORTANT must be Y or N.");
      tx.conn.run("UPDATE task_checklist SET is_important = ? WHERE id = ?",
                  {std::int64_t{*b}, id});
    }
    if (const json::value* v = find_ci(f, "IS_COMPLETE")) {
      auto b = as_flag(*v);
      if (!b) throw bad_argument("IS_COMPLETE", "IS_COMPLETE must be Y or N.");
      if (*b != item->complete) {
        tx.conn.run(
            "UPDATE task_checklist SET is_complete = ?, toggled_by = ?, toggled_date = ? "
            "WHERE id = ?",
            {std::int64_t{*b}, call.caller.user_id, now, id});
        history::record(tx.conn, task_id, call.caller.user_id,
                        {*b ? "CHECKLIST_ITEM_CHECK" : "CHECKLIST_ITEM_UNCHECK", std::nullopt,
                         item->title, ""});
      }
    }
    after_change(tx, call.portal, task_id, "checklist", call.caller.user_id);
  });
  return {nullptr};
}

rest::CallResult toggle(rest::Call& call, bool complete) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    load_for_change(tx.conn, call.caller, task_id);
    auto item = find(tx.conn, task_id, id);
    if (!item) throw item_not_found(id);
    if (item->complete == complete) return;
    tx.conn.run(
        "UPDATE task_checklist SET is_complete = ?, toggled_by = ?, toggled_date = ? "
        "WHERE id = ?",
        {std::int64_t{complete}, call.caller.user_id, timeutil::now_seconds(), id});
    history::record(tx.conn, task_id, call.caller.user_id,
                    {complete ? "CHECKLIST_ITEM_CHECK" : "CHECKLIST_ITEM_UNCHECK", std::nullopt,
                     item->title, ""});
    after_change(tx, call.portal, task_id, "checklist", call.caller.user_id);
  });
  return {true};
}

rest::CallResult delete_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    load_for_change(tx.conn, call.caller, task_id);
    auto item = find(tx.conn, task_id, id);
    if (!item) throw item_not_found(id);
    // A list goes with its points.
    tx.conn.run("DELETE FROM task_checklist WHERE task_id = ? AND (id = ? OR parent_id = ?)",
                {task_id, id, id});
    history::record(tx.conn, task_id, call.caller.user_id,
                    {"CHECKLIST_ITEM_REMOVE", item->title, std::nullopt, ""});
    after_change(tx, call.portal, task_id, "checklist", call.caller.user_id);
  });
  return {true};
}

// task.checklistitem.moveafteritem: TASKID, ITEMID, AFTERITEMID (0 = first).
rest::CallResult move_after(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  const json::value* av = positional(call.params, 2, "AFTERITEMID");
  auto after_id = av ? as_int(*av) : std::nullopt;
  if (!after_id || *after_id < 0)
    throw bad_argument("AFTERITEMID", "AFTERITEMID must be a checklist item id (0 = first).");
  call.portal.db.write([&](db::Tx& tx) {
    load_for_change(tx.conn, call.caller, task_id);
    auto item = find(tx.conn, task_id, id);
    if (!item) throw item_not_found(id);
    std::int64_t parent = item->parent_id;
    if (*after_id) {
      auto after = find(tx.conn, task_id, *after_id);
      if (!after) throw item_not_found(*after_id);
      if (after->parent_id != item->parent_id && item->parent_id != 0) parent = after->parent_id;
    }
    // Renumber the siblings with the item in its new place.
    std::vector<std::int64_t> order;
    tx.conn.run(
        "SELECT id FROM task_checklist WHERE task_id = ? AND parent_id = ? AND id <> ? "
        "ORDER BY sort_index, id",
        {task_id, parent, id}, [&](const db::Row& r) { order.push_back(r.integer(0)); });
    auto pos = *after_id ? std::find(order.begin(), order.end(), *after_id) : order.end();
    if (*after_id && pos != order.end())
      order.insert(pos + 1, id);
    else
      order.insert(order.begin(), id);
    for (std::size_t i = 0; i < order.size(); ++i)
      tx.conn.run("UPDATE task_checklist SET sort_index = ?, parent_id = ? WHERE id = ?",
                  {static_cast<std::int64_t>(i), parent, order[i]});
    after_change(tx, call.portal, task_id, "checklist", call.caller.user_id);
  });
  return {true};
}

rest::CallResult is_action_allowed(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id(call.params);
  const json::value* av = positional(call.params, 2, "ACTIONID");
  auto action = av ? as_int(*av) : std::nullopt;
  if (!action)
    throw bad_argument("ACTIONID", "ACTIONID is required (1 add, 2 modify, 3 remove, 4 toggle).");
  return call.portal.db.read([&](db::Conn& conn) {
    Loaded l = load_visible(conn, call.caller, task_id);
    if (!find(conn, task_id, id)) throw item_not_found(id);
    bool may = l.relation.directs() || l.relation.executes();
    return rest::CallResult{may && *action >= 1 && *action <= 4};
  });
}

}  // namespace

std::vector<Item> load(db::Conn& conn, std::int64_t task_id) {
  std::vector<Item> out;
  conn.run(std::string(kSelect) + " WHERE task_id = ? ORDER BY parent_id, sort_index, id",
           {task_id}, [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

json::object tree_json(db::Conn& conn, std::int64_t task_id, int tz) {
  json::object out;
  for (const auto& i : load(conn, task_id)) {
    // The item of task.checklistitem.* under camelCase names, plus the task as its entity.
    json::object item;
    for (auto& field : upper_json(i, tz)) item[camel_name(field.key())] = std::move(field.value());
    item["entityId"] = std::to_string(i.task_id);
    out[std::to_string(i.id)] = std::move(item);
  }
  return out;
}

void copy(db::Conn& conn, std::int64_t from_task, std::int64_t to_task, std::int64_t user_id) {
  std::map<std::int64_t, std::int64_t> new_ids;
  for (const auto& i : load(conn, from_task)) {  // lists (parent 0) come first
    std::int64_t parent = i.parent_id ? new_ids[i.parent_id] : 0;
    new_ids[i.id] = conn.insert(
        "INSERT INTO task_checklist(task_id, parent_id, title, sort_index, is_complete, "
        "is_important, created_by) VALUES (?, ?, ?, ?, 0, ?, ?)",
        {to_task, parent, i.title, i.sort_index, std::int64_t{i.important}, user_id});
  }
}

void add_points(db::Conn& conn, std::int64_t task_id, const json::value& points,
                std::int64_t user_id, std::string_view language) {
  auto items = as_list(points);
  if (items.empty()) return;
  std::int64_t list = default_list(conn, task_id, user_id, language);
  for (const json::value* item : items) {
    std::string title;
    bool complete = false, important = false;
    if (item->is_object()) {
      const json::value* t = find_ci(item->get_object(), "TITLE");
      if (!t) throw bad_argument("CHECKLIST", "Every checklist point needs a TITLE.");
      title = title_of(*t);
      if (auto* c = find_ci(item->get_object(), "IS_COMPLETE"))
        complete = as_flag(*c).value_or(false);
      if (auto* m = find_ci(item->get_object(), "IS_IMPORTANT"))
        important = as_flag(*m).value_or(false);
    } else {
      title = title_of(*item);
    }
    conn.insert(
        "INSERT INTO task_checklist(task_id, parent_id, title, sort_index, is_complete, "
        "is_important, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {task_id, list, title, next_sort(conn, task_id, list), std::int64_t{complete},
         std::int64_t{important}, user_id});
  }
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.checklistitem.add", "task", Access::User, add_method});
  registry.add({"task.checklistitem.getlist", "task", Access::User, list_method});
  registry.add({"task.checklistitem.get", "task", Access::User, get_method});
  registry.add({"task.checklistitem.update", "task", Access::User, update_method});
  registry.add({"task.checklistitem.delete", "task", Access::User, delete_method});
  registry.add({"task.checklistitem.complete", "task", Access::User,
                [](rest::Call& c) { return toggle(c, true); }});
  registry.add({"task.checklistitem.renew", "task", Access::User,
                [](rest::Call& c) { return toggle(c, false); }});
  registry.add({"task.checklistitem.moveafteritem", "task", Access::User, move_after});
  registry.add({"task.checklistitem.isactionallowed", "task", Access::User, is_action_allowed});
}

}  // namespace artel::tasks::checklist
