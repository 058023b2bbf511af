#include "modules/departments/service.h"

#include "core/error.h"
#include "core/text.h"
#include "events/live.h"
#include "events/structure.h"
#include "modules/departments/store.h"
#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::departments {

namespace {

json::object to_json(const Department& d) {
  json::object o;
  o["ID"] = std::to_string(d.id);
  o["NAME"] = d.name;
  o["SORT"] = d.sort;
  if (d.parent_id) o["PARENT"] = std::to_string(d.parent_id);
  if (d.head_id) o["UF_HEAD"] = std::to_string(d.head_id);
  return o;
}

std::string checked_name(const json::object& p) {
  std::string name(trim(required_string(p, "NAME")));
  if (name.empty()) throw bad_argument("NAME", "The department needs a name.");
  if (name.size() > 255) throw bad_argument("NAME", "The department name is too long.");
  return name;
}

std::int64_t checked_head(db::Conn& conn, const json::value& v) {
  if (v.is_null() || (v.is_string() && v.get_string().empty())) return 0;
  auto id = as_int(v);
  if (!id) throw bad_argument("UF_HEAD", "UF_HEAD must be a user id.");
  if (*id == 0) return 0;
  auto user = users::store::find(conn, *id);
  if (!user || !user->active || user->is_extranet())
    throw bad_argument("UF_HEAD", "The head of a department must be an active employee.");
  return *id;
}

void announce(db::Tx& tx, Portal& portal, std::int64_t id) {
  json::object data;
  data["ID"] = std::to_string(id);
  live::publish_after_commit(tx, portal, users::store::active_employee_ids(tx.conn),
                             "department.changed", std::move(data));
}

rest::CallResult get(rest::Call& call) {
  if (call.caller.is_extranet) return rest::page_result(json::array(), 0, call.start, 0);
  rest::ListQuery q;
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  if (const json::object* filter = object_param(call.params, "FILTER"))
    rest::add_filter(q, *filter, store::list_fields(), tz);
  for (const auto& kv : call.params) {
    std::string upper = to_upper_ascii(kv.key());
    if (upper == "SORT" || upper == "ORDER" || upper == "FILTER" || upper == "START" ||
        upper == "SESSID")
      continue;
    rest::add_filter_entry(q, kv.key(), kv.value(), store::list_fields(), tz);
  }
  const json::value* sort = find_ci(call.params, "sort");
  const json::value* order = find_ci(call.params, "order");
  if (order && order->is_object()) {
    rest::set_order(q, order, store::list_fields(), "d.sort ASC, d.id ASC", "d.id");
  } else if (sort && sort->is_string() && !sort->get_string().empty()) {
    rest::set_order_scalar(q, sort->get_string(), order ? as_string(*order).value_or("ASC") : "ASC",
                           store::list_fields(), "d.id");
  } else {
    q.order_by = "d.sort ASC, d.id ASC";
  }
  std::int64_t start = rest::legacy_page_start(call.start);
  return call.portal.db.read([&](db::Conn& c) {
    auto rows = store::list(c, q, start);
    std::optional<std::int64_t> total;
    if (start >= 0) total = store::count(c, q);
    json::array out;
    for (const auto& d : rows) out.push_back(to_json(d));
    return rest::page_result(std::move(out), rows.size(), start, total);
  });
}

rest::CallResult add(rest::Call& call) {
  std::string name = checked_name(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Department d;
    d.name = name;
    d.sort = int_param(call.params, "SORT").value_or(500);
    auto parent = int_param(call.params, "PARENT");
    if (parent && *parent) {
      if (!store::find(tx.conn, *parent))
        throw bad_argument("PARENT",
                           "The parent department " + std::to_string(*parent) + " does not exist.");
      d.parent_id = *parent;
    } else if (store::root_count(tx.conn) > 0) {
      throw bad_argument("PARENT",
                         "PARENT is required: the company already has its top department.");
    }
    if (const json::value* head = find_ci(call.params, "UF_HEAD"))
      d.head_id = checked_head(tx.conn, *head);
    d.id = store::insert(tx.conn, d);
    announce(tx, call.portal, d.id);
    return rest::CallResult{d.id};
  });
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = required_int(call.params, "ID");
  call.portal.db.write([&](db::Tx& tx) {
    auto d = store::find(tx.conn, id);
    if (!d) throw bad_request("ERROR_CORE", "Department not found");
    bool moved = false;
    if (find_ci(call.params, "NAME")) d->name = checked_name(call.params);
    if (auto sort = int_param(call.params, "SORT")) d->sort = *sort;
    if (const json::value* p = find_ci(call.params, "PARENT")) {
      auto parent = as_int(*p);
      if (!parent) throw bad_argument("PARENT", "PARENT must be a department id.");
      if (*parent != d->parent_id) {
        if (*parent == 0 || !d->parent_id)
          throw bad_request("ERROR_CORE",
                            "The company's top department cannot be moved, and there is only one.");
        if (!store::find(tx.conn, *parent))
          throw bad_argument(
              "PARENT", "The parent department " + std::to_string(*parent) + " does not exist.");
        if (store::is_in_subtree(tx.conn, id, *parent))
          throw bad_request(
              "ERROR_CORE",
              "A department cannot be moved under itself or one of its sub-departments.");
        d->parent_id = *parent;
        moved = true;
      }
    }
    if (const json::value* head = find_ci(call.params, "UF_HEAD"))
      d->head_id = checked_head(tx.conn, *head);
    store::update(tx.conn, *d);
    if (moved && call.portal.structure) call.portal.structure->changed(tx, {{}, {id}});
    announce(tx, call.portal, id);
  });
  return {true};
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = required_int(call.params, "ID");
  call.portal.db.write([&](db::Tx& tx) {
    auto d = store::find(tx.conn, id);
    if (!d) throw bad_request("ERROR_CORE", "Department not found");
    auto children = store::child_names(tx.conn, id);
    if (!children.empty()) {
      std::string list;
      for (std::size_t i = 0; i < children.size() && i < 5; ++i)
        list += (i ? ", " : "") + children[i];
      if (children.size() > 5) list += ", …";
      throw bad_request("DEPARTMENT_NOT_EMPTY", "The department «" + d->name +
                                                    "» has sub-departments (" + list +
                                                    "). Move or delete them first.");
    }
    auto members = store::member_count(tx.conn, id);
    if (members > 0)
      throw bad_request("DEPARTMENT_NOT_EMPTY", "The department «" + d->name + "» still has " +
                                                    std::to_string(members) +
                                                    (members == 1 ? " employee" : " employees") +
                                                    ". Move them to another department first.");
    // Dismissed people keep their history; they no longer hold the department.
    tx.conn.run("DELETE FROM user_departments WHERE department_id = ?", {id});
    if (call.portal.structure) call.portal.structure->changed(tx, {{}, {id}});
    store::remove(tx.conn, id);
    announce(tx, call.portal, id);
  });
  return {true};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"department.get", "department", Access::User, get});
  registry.add({"department.add", "department", Access::Admin, add});
  registry.add({"department.update", "department", Access::Admin, update});
  registry.add({"department.delete", "department", Access::Admin, remove});
  registry.add({"department.fields", "department", Access::User, [](rest::Call&) {
                  json::object o;
                  o["ID"] = "ID";
                  o["NAME"] = "Name";
                  o["SORT"] = "Sort index";
                  o["PARENT"] = "Parent department";
                  o["UF_HEAD"] = "Head";
                  return rest::CallResult{std::move(o)};
                }});
}

}  // namespace artel::departments
