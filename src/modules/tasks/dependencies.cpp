// Links between tasks for the Gantt chart (C18): task.dependence.add / delete, and Artel's
// artel.task.dependence.list that gives the chart every link among the tasks it shows.
#include "modules/tasks/methods.h"

#include <set>

#include "core/error.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"

namespace artel::tasks::dependencies {

namespace {

std::int64_t id_param(const json::object& params, const char* name) {
  const json::value* v = find_ci(params, name);
  auto n = v ? as_int(*v) : std::nullopt;
  if (!n || *n <= 0) throw bad_argument(name, std::string(name) + " (a task id) is required.");
  return *n;
}

// Linking tasks changes the plan of the later one (taskIdTo): it needs the right to plan it,
// and sight of the earlier one.
Loaded load_pair(db::Conn& conn, const rest::Caller& caller, std::int64_t from, std::int64_t to) {
  load_visible(conn, caller, from);
  Loaded l = load_visible(conn, caller, to);
  if (!allowed_actions(l.task, l.relation, false).edit_plan)
    throw not_allowed("change the plan of task " + std::to_string(to));
  return l;
}

void record(db::Tx& tx, const Task& before, std::int64_t actor) {
  auto after = store::find(tx.conn, before.id);
  if (!after) return;
  for (const auto& e : history::changes(before, *after))
    history::record(tx.conn, before.id, actor, e);
}

rest::CallResult add(rest::Call& call) {
  std::int64_t from = id_param(call.params, "taskIdFrom");
  std::int64_t to = id_param(call.params, "taskIdTo");
  const json::value* lt = find_ci(call.params, "linkType");
  auto link_type = lt ? as_int(*lt) : std::optional<std::int64_t>(2);
  if (!link_type || *link_type < 0 || *link_type > 3)
    throw bad_argument("linkType",
                       "linkType must be 0 (start-start), 1 (start-finish), 2 "
                       "(finish-start) or 3 (finish-finish).");
  if (from == to) throw bad_request("ILLEGAL_NEW_LINK", "A task cannot depend on itself.");
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_pair(tx.conn, call.caller, from, to);
    if (store::reaches(tx.conn, to, from))
      throw bad_request("ILLEGAL_NEW_LINK", "Task " + std::to_string(from) +
                                                " already depends on "
                                                "task " +
                                                std::to_string(to) +
                                                ": the link would close a cycle.");
    store::add_dependency(tx.conn, {from, to, static_cast<int>(*link_type)}, call.caller.user_id);
    record(tx, l.task, call.caller.user_id);
    after_change(tx, call.portal, to, "links", call.caller.user_id);
    after_change(tx, call.portal, from, "links", call.caller.user_id);
  });
  return {json::array()};
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t from = id_param(call.params, "taskIdFrom");
  std::int64_t to = id_param(call.params, "taskIdTo");
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_pair(tx.conn, call.caller, from, to);
    if (!store::remove_dependency(tx.conn, from, to))
      throw bad_request(
          "LINK_NOT_FOUND",
          "Task " + std::to_string(to) + " does not depend on task " + std::to_string(from) + ".");
    record(tx, l.task, call.caller.user_id);
    after_change(tx, call.portal, to, "links", call.caller.user_id);
    after_change(tx, call.portal, from, "links", call.caller.user_id);
  });
  return {json::array()};
}

// {taskIds: [...]} → [{taskIdFrom, taskIdTo, linkType}] among tasks the caller sees.
rest::CallResult list(rest::Call& call) {
  const json::value* v = find_ci(call.params, "taskIds");
  if (!v) throw bad_argument("taskIds", "taskIds (the tasks of the chart) is required.");
  std::vector<std::int64_t> ids = id_list(*v, "taskIds", 5000);
  return call.portal.db.read([&](db::Conn& conn) {
    auto links = store::dependencies_of(conn, ids);
    std::set<std::int64_t> ends;
    for (const auto& d : links) {
      ends.insert(d.from);
      ends.insert(d.to);
    }
    std::set<std::int64_t> visible;
    if (!ends.empty()) {
      Viewer viewer = viewer_of(conn, call.caller);
      rest::ListQuery q;
      restrict_to_visible(q, viewer);
      q.add_condition("t.id IN " + db::in_list(ends.size()), db::Params(ends.begin(), ends.end()));
      conn.run("SELECT t.id FROM tasks t" + q.where_clause(), q.params,
               [&](const db::Row& r) { visible.insert(r.integer(0)); });
    }
    json::array out;
    for (const auto& d : links) {
      if (!visible.count(d.from) || !visible.count(d.to)) continue;
      out.push_back(json::object{{"taskIdFrom", std::to_string(d.from)},
                                 {"taskIdTo", std::to_string(d.to)},
                                 {"linkType", std::to_string(d.link_type)}});
    }
    return rest::CallResult{std::move(out)};
  });
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.dependence.add", "task", Access::User, add});
  registry.add({"task.dependence.delete", "task", Access::User, remove});
  registry.add({"artel.task.dependence.list", "task", Access::User, list});
}

}  // namespace artel::tasks::dependencies
