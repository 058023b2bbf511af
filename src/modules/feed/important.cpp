#include "modules/feed/important.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/time.h"
#include "modules/feed/audience.h"
#include "modules/feed/posts.h"
#include "modules/settings/store.h"
#include "modules/users/model.h"

namespace artel::feed::important {

namespace {

Entry important_entry(db::Conn& conn, const rest::Caller& caller, std::int64_t id) {
  Entry e = visible_entry(conn, reader_of(conn, caller), id);
  if (!e.important)
    throw bad_request("POST_NOT_IMPORTANT", "Post " + std::to_string(id) + " is not important.");
  return e;
}

rest::CallResult read(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Entry e = important_entry(tx.conn, call.caller, id);
    // Only the people the post is for count as its readers: not its author, nor an
    // administrator who reads every entry.
    auto audience = people_of(tx.conn, e.codes);
    bool reader = call.caller.user_id != e.author_id &&
                  std::count(audience.begin(), audience.end(), call.caller.user_id) > 0;
    if (!reader) return rest::CallResult{true};
    tx.conn.run(
        "INSERT INTO feed_important_reads(entry_id, user_id, read_at) VALUES (?, ?, ?) ON "
        "CONFLICT DO NOTHING",
        {e.id, call.caller.user_id, timeutil::now_seconds()});
    announce(tx, call.portal, e, "read", call.caller.user_id);
    return rest::CallResult{true};
  });
}

// log.blogpost.getusers.important: who has read it (Bitrix24 answers ids).
rest::CallResult readers(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.read([&](db::Conn& conn) {
    Entry e = important_entry(conn, call.caller, id);
    json::array out;
    conn.run(
        "SELECT user_id FROM feed_important_reads WHERE entry_id = ? ORDER BY read_at, user_id",
        {e.id},
        [&](const db::Row& r) { out.push_back(json::string(std::to_string(r.integer(0)))); });
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult status(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    Entry e = important_entry(conn, call.caller, id);
    if (!may_edit(call.caller, e))
      throw access_denied("Only the author or an administrator sees who has read the post.");
    std::vector<std::int64_t> audience = people_of(conn, e.codes);
    audience.erase(std::remove(audience.begin(), audience.end(), e.author_id), audience.end());
    std::set<std::int64_t> read_by;
    json::array read, unread;
    conn.run(
        "SELECT r.user_id, u.name, u.last_name, u.email, r.read_at FROM feed_important_reads r "
        "JOIN users u ON u.id = r.user_id WHERE r.entry_id = ? ORDER BY r.read_at, r.user_id",
        {e.id}, [&](const db::Row& r) {
          read_by.insert(r.integer(0));
          read.push_back(
              json::object{{"USER_ID", std::to_string(r.integer(0))},
                           {"NAME", users::display_name(r.text(1), r.text(2), r.text(3))},
                           {"DATE", timeutil::format_iso8601(r.integer(4), tz)}});
        });
    std::vector<std::int64_t> missing;
    for (auto p : audience)
      if (!read_by.count(p)) missing.push_back(p);
    // Names of those who have not read it yet, a bounded list (a post to everyone reaches all).
    constexpr std::size_t kListed = 500;
    if (missing.size() > kListed) missing.resize(kListed);
    if (!missing.empty())
      conn.run("SELECT id, name, last_name, email FROM users WHERE id IN " +
                   db::in_list(missing.size()) + " ORDER BY last_name, name, id",
               db::values(missing), [&](const db::Row& r) {
                 unread.push_back(
                     json::object{{"USER_ID", std::to_string(r.integer(0))},
                                  {"NAME", users::display_name(r.text(1), r.text(2), r.text(3))}});
               });
    std::int64_t total = static_cast<std::int64_t>(audience.size());
    return rest::CallResult{json::object{{"READ_COUNT", static_cast<std::int64_t>(read.size())},
                                         {"AUDIENCE_COUNT", total},
                                         {"READ", read},
                                         {"UNREAD", unread}}};
  });
}

}  // namespace

std::map<std::int64_t, json::object> of_entries(db::Conn& conn, std::int64_t user_id,
                                                const std::vector<Entry>& entries, int tz) {
  std::map<std::int64_t, json::object> out;
  std::vector<std::int64_t> ids;
  std::int64_t now = timeutil::now_seconds();
  for (const auto& e : entries)
    if (e.important && (!e.important_until || *e.important_until >= now)) {
      ids.push_back(e.id);
      out[e.id] =
          json::object{{"UNTIL", e.important_until
                                     ? json::value(timeutil::format_iso8601(*e.important_until, tz))
                                     : json::value(nullptr)},
                       {"READ_COUNT", 0},
                       {"READ_BY_ME", "N"}};
    }
  if (ids.empty()) return out;
  conn.run(
      "SELECT entry_id, count(*), max(CASE WHEN user_id = ? THEN 1 ELSE 0 END) FROM "
      "feed_important_reads WHERE entry_id IN " +
          db::in_list(ids.size()) + " GROUP BY entry_id",
      [&] {
        db::Params p{user_id};
        for (auto id : ids) p.push_back(id);
        return p;
      }(),
      [&](const db::Row& r) {
        auto& o = out[r.integer(0)];
        o["READ_COUNT"] = r.integer(1);
        o["READ_BY_ME"] = r.integer(2) ? "Y" : "N";
      });
  return out;
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.blogpost.important.read", "log", Access::User, read});
  registry.add({"log.blogpost.getusers.important", "log", Access::User, readers});
  registry.add({"log.blogpost.important.status", "log", Access::User, status});
}

}  // namespace artel::feed::important
