// tasks.task.counters.get (C15): the numbers that flag trouble — overdue, almost overdue, not
// yet viewed, comments not yet seen, work waiting for my approval, tasks I gave without a
// deadline — for me, for one of my subordinates (userId), or over my subordinates' tasks
// (type view_subordinates, Artel's). Each counter is a count with a filter of tasks.task.list,
// so a counter and the list it opens always agree.
#include "core/error.h"
#include "core/time.h"
#include "modules/settings/store.h"
#include "modules/tasks/input.h"
#include "modules/tasks/list_filter.h"
#include "modules/tasks/methods.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"

namespace artel::tasks::counters {

namespace {

struct Counter {
  const char* name;
  std::int64_t code;
  json::object filter;
};

// The role part of the filters for each type of view.
json::object role_filter(std::string_view type, std::int64_t user) {
  if (type == "view_role_responsible") return {{"RESPONSIBLE_ID", user}};
  if (type == "view_role_accomplice") return {{"ACCOMPLICE", user}};
  if (type == "view_role_auditor") return {{"AUDITOR", user}};
  if (type == "view_role_originator") return {{"CREATED_BY", user}, {"!RESPONSIBLE_ID", user}};
  if (type == "view_subordinates") return {{"SUBORDINATE", "Y"}};
  return {{"DOER", user}};  // view_all: what I do myself
}

json::object with(json::object base,
                  std::initializer_list<std::pair<std::string_view, json::value>> extra) {
  for (const auto& [k, v] : extra) base[k] = v;
  return base;
}

std::vector<Counter> counters_for(std::string_view type, std::int64_t user) {
  json::object role = role_filter(type, user);
  std::vector<Counter> out = {
      {"expired", 6291456, with(role, {{"STATUS", -1}})},
      {"expired_soon", 4194304, with(role, {{"STATUS", -3}})},
      {"not_viewed", 2097152, with(role, {{"NOT_VIEWED", "Y"}})},
      {"new_comments", 12582912,
       type == "view_all" ? json::object{{"MEMBER", user}, {"NEW_COMMENTS", "Y"}}
                          : with(role, {{"NEW_COMMENTS", "Y"}})},
  };
  if (type == "view_all" || type == "view_role_originator") {
    json::object mine{{"CREATED_BY", user}, {"!RESPONSIBLE_ID", user}};
    out.push_back({"wait_ctrl", 8388608, with(mine, {{"REAL_STATUS", 4}})});
    out.push_back({"without_deadline", 1048576,
                   with(mine, {{"DEADLINE", ""}, {"REAL_STATUS", json::array{1, 2, 3}}})});
  }
  return out;
}

rest::CallResult get(rest::Call& call) {
  std::int64_t user = call.caller.user_id;
  if (const json::value* v = find_ci(call.params, "userId")) {
    auto n = as_int(*v);
    if (!n || *n <= 0)
      throw bad_argument("userId",
                         "Invalid value to match with parameter {userId}. Should be "
                         "value of type int.");
    user = *n;
  }
  std::string type = "view_all";
  if (const json::value* v = find_ci(call.params, "type")) type = as_string(*v).value_or("");
  static const std::vector<std::string> types = {
      "view_all",          "view_role_responsible", "view_role_accomplice",
      "view_role_auditor", "view_role_originator",  "view_subordinates"};
  if (std::find(types.begin(), types.end(), type) == types.end())
    throw bad_argument("type",
                       "type must be one of view_all, view_role_responsible, "
                       "view_role_accomplice, view_role_auditor, view_role_originator, "
                       "view_subordinates.");
  if (const json::value* v = find_ci(call.params, "groupId")) {
    auto g = as_int(*v);
    if (!g || *g < 0) throw bad_argument("groupId", "groupId must be a group id or 0.");
    if (*g != 0) throw bad_request("0", "Group not found or access denied.");
  }
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) -> rest::CallResult {
    Viewer me = viewer_of(conn, call.caller);
    // Another person's counters: an administrator, or their head.
    if (user != me.user_id && !me.is_admin && !heads_person(conn, me, user)) return {json::array()};
    Viewer target = viewer_of_user(conn, user);
    if (!target.user_id || !conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {user}))
      return {json::array()};
    std::int64_t now = timeutil::now_seconds();
    json::object out;
    for (auto& c : counters_for(type, user)) {
      // Every counter's filter names the person's own role or their subordinates, so it keeps
      // to what they see by itself.
      rest::ListQuery q =
          visible_query(&c.filter, nullptr, {conn, target, conn.dialect(), tz, now});
      out[c.name] = json::object{{"counter", store::count(conn, q)}, {"code", c.code}};
    }
    rest::CallResult r{std::move(out)};
    r.total = 1;
    return r;
  });
}

}  // namespace

void register_methods(rest::Registry& registry) {
  registry.add({"tasks.task.counters.get", "task", rest::Access::User, get});
}

}  // namespace artel::tasks::counters
