#include "modules/feed/feed.h"

#include <algorithm>

#include "core/error.h"
#include "core/ids.h"
#include "core/text.h"
#include "modules/feed/audience.h"
#include "modules/feed/present.h"
#include "modules/feed/store.h"
#include "modules/settings/store.h"

namespace artel::feed {

namespace {

constexpr int kCounterCap = 100;

std::int64_t id_filter(const json::object& filter, std::string_view name) {
  return find_ci(filter, name) ? positive_id(filter, name) : 0;
}

std::optional<std::int64_t> date_filter(const json::object& filter, std::string_view name,
                                        const timeutil::TimeZone& zone) {
  const json::value* v = find_ci(filter, name);
  if (!v) return std::nullopt;
  auto s = as_string(*v);
  auto t = s ? timeutil::parse_datetime(*s, zone) : std::nullopt;
  if (!t) throw bad_argument(std::string(name), std::string(name) + " must be a date.");
  return t;
}

store::Conditions conditions_of(db::Conn& conn, const json::object& filter,
                                const timeutil::TimeZone& zone) {
  store::Conditions where;
  if (auto id = id_filter(filter, "ID")) where.add("e.id = ?", {id});
  if (auto author = id_filter(filter, "AUTHOR_ID")) where.add("e.author_id = ?", {author});
  if (auto group = id_filter(filter, "GROUP_ID"))
    where.add("EXISTS (SELECT 1 FROM feed_rights g WHERE g.entry_id = e.id AND g.code = ?)",
              {"SG" + std::to_string(group)});
  if (const json::value* v = find_ci(filter, "TYPE")) {
    auto s = as_string(*v);
    std::string type = s ? to_lower_ascii(trim(*s)) : "";
    if (type == "post" || type == "event")
      where.add("e.entry_type = ?", {type});
    else if (type == "important")
      where.add("e.important = 1");
    else if (type == "poll")
      where.add("EXISTS (SELECT 1 FROM feed_polls p WHERE p.entry_id = e.id)");
    else
      throw bad_argument("TYPE", "TYPE must be post, event, important or poll.");
  }
  if (auto from = date_filter(filter, "DATE_FROM", zone)) where.add("e.created_at >= ?", {*from});
  if (auto to = date_filter(filter, "DATE_TO", zone)) where.add("e.created_at <= ?", {*to});
  if (const json::value* v = find_ci(filter, "SEARCH")) {
    auto typed = as_string(*v);
    if (!typed) throw bad_argument("SEARCH", "SEARCH must be text.");
    if (auto match = store::search_index().match(conn.dialect(), *typed))
      where.add("e.id IN (" + match->sql + ")", {match->param});
  }
  return where;
}

// log.feed.get: {entries, next_last_id}.
rest::CallResult get(rest::Call& call) {
  auto settings = call.portal.settings.snapshot();
  auto zone = settings->zone ? settings->zone : timeutil::TimeZone::utc();
  const json::object empty;
  const json::object* filter = object_param(call.params, "FILTER");
  std::int64_t before = int_param(call.params, "LAST_ID").value_or(0);
  std::int64_t after = int_param(call.params, "FIRST_ID").value_or(0);
  int limit = static_cast<int>(
      std::clamp<std::int64_t>(int_param(call.params, "LIMIT").value_or(20), 1, 50));
  return call.portal.db.read([&](db::Conn& conn) {
    Reader reader = reader_of(conn, call.caller);
    store::Conditions where = conditions_of(conn, filter ? *filter : empty, *zone);
    auto ids = store::page(conn, reader, where, before, after, limit + 1, 0);
    bool more = ids.size() > static_cast<std::size_t>(limit);
    if (more) ids.pop_back();
    View view{reader, call.caller, settings->tz_offset_now(), call.request.base_url()};
    json::object out{
        {"entries", entries_json(conn, view, store::by_ids(conn, ids))},
        {"next_last_id", more ? json::value(std::to_string(ids.back())) : json::value(nullptr)}};
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult counter(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Reader reader = reader_of(conn, call.caller);
    std::int64_t seen =
        conn.integer("SELECT last_entry_id FROM feed_seen WHERE user_id = ?", {call.caller.user_id})
            .value_or(0);
    return rest::CallResult{
        json::object{{"NEW", store::count_after(conn, reader, seen, kCounterCap)}}};
  });
}

rest::CallResult seen(rest::Call& call) {
  return call.portal.db.write([&](db::Tx& tx) {
    std::int64_t newest =
        tx.conn.integer("SELECT COALESCE(max(id), 0) FROM feed_entries").value_or(0);
    tx.conn.run(
        "INSERT INTO feed_seen(user_id, last_entry_id) VALUES (?, ?) ON CONFLICT (user_id) DO "
        "UPDATE SET last_entry_id = excluded.last_entry_id",
        {call.caller.user_id, newest});
    return rest::CallResult{true};
  });
}

rest::CallResult settings_get(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    json::array allowed;
    conn.run(
        "SELECT user_id FROM feed_everyone_writers ORDER BY user_id", {},
        [&](const db::Row& r) { allowed.push_back(json::string(std::to_string(r.integer(0)))); });
    return rest::CallResult{json::object{
        {"EVERYONE_ALLOWED", allowed},
        {"CAN_POST_TO_EVERYONE", may_write_to_everyone(conn, call.caller) ? "Y" : "N"}}};
  });
}

rest::CallResult settings_set(rest::Call& call) {
  const json::value* v = find_ci(call.params, "EVERYONE_ALLOWED");
  if (!v) throw bad_argument("EVERYONE_ALLOWED", "EVERYONE_ALLOWED (people's ids) is required.");
  std::vector<std::int64_t> ids;
  for (const json::value* item : as_list(*v)) {
    auto id = as_int(*item);
    if (!id || *id <= 0)
      throw bad_argument("EVERYONE_ALLOWED", "EVERYONE_ALLOWED must hold people's ids.");
    ids.push_back(*id);
  }
  return call.portal.db.write([&](db::Tx& tx) {
    for (auto id : ids)
      if (!tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND user_type = 'employee'", {id}))
        throw bad_argument("EVERYONE_ALLOWED",
                           "Person " + std::to_string(id) + " is not an employee.");
    tx.conn.run("DELETE FROM feed_everyone_writers");
    for (auto id : ids)
      tx.conn.run("INSERT INTO feed_everyone_writers(user_id) VALUES (?) ON CONFLICT DO NOTHING",
                  {id});
    return rest::CallResult{true};
  });
}

}  // namespace

void register_feed_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.feed.get", "log", Access::User, get});
  registry.add({"log.feed.counter", "log", Access::User, counter});
  registry.add({"log.feed.seen", "log", Access::User, seen});
  registry.add({"log.settings.get", "log", Access::User, settings_get});
  registry.add({"log.settings.set", "log", Access::Admin, settings_set});
}

}  // namespace artel::feed
