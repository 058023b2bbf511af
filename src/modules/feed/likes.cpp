#include "modules/feed/likes.h"

#include "core/error.h"
#include "core/time.h"
#include "modules/feed/comments.h"
#include "modules/feed/posts.h"
#include "modules/feed/store.h"
#include "modules/files/store.h"
#include "modules/settings/store.h"
#include "modules/users/model.h"

namespace artel::feed::likes {

namespace {

constexpr std::size_t kRecent = 3;

// {entry, comment (0 for the entry)} that the call names by POST_ID or COMMENT_ID, when the
// caller sees the entry.
struct Target {
  Entry entry;
  std::int64_t comment_id = 0;
};

Target target_of(db::Conn& conn, const rest::Caller& caller, const json::object& params) {
  Reader reader = reader_of(conn, caller);
  if (auto comment = int_param(params, "COMMENT_ID")) {
    auto entry = comments::entry_of_comment(conn, *comment);
    if (*comment <= 0 || !entry || !sees(conn, reader, *entry))
      throw bad_request("COMMENT_NOT_FOUND",
                        "Comment " + std::to_string(*comment) + " is not found.");
    return {*store::find(conn, *entry), *comment};
  }
  if (!find_ci(params, "POST_ID"))
    throw bad_argument("POST_ID", "Name what is liked: POST_ID or COMMENT_ID.");
  return {visible_entry(conn, reader, post_id_param(params)), 0};
}

void recount(db::Conn& conn, std::int64_t entry_id) {
  conn.run(
      "UPDATE feed_entries SET likes_count = (SELECT count(*) FROM feed_likes WHERE entry_id = ? "
      "AND comment_id = 0) WHERE id = ?",
      {entry_id, entry_id});
}

std::map<std::int64_t, json::object> summaries(db::Conn& conn, std::int64_t user_id,
                                               const std::vector<std::int64_t>& ids,
                                               bool comments) {
  std::map<std::int64_t, json::object> out;
  for (auto id : ids)
    out[id] = json::object{{"COUNT", 0}, {"MINE", "N"}, {"RECENT", json::array()}};
  if (ids.empty()) return out;
  std::string key = comments ? "l.comment_id" : "l.entry_id";
  std::string only = comments ? "" : " AND l.comment_id = 0";
  conn.run("SELECT " + key +
               ", l.user_id, u.name, u.last_name, u.email FROM feed_likes l JOIN users u ON u.id "
               "= l.user_id WHERE " +
               key + " IN " + db::in_list(ids.size()) + only + " ORDER BY l.created_at DESC",
           db::values(ids), [&](const db::Row& r) {
             auto& o = out[r.integer(0)];
             o["COUNT"] = o["COUNT"].as_int64() + 1;
             if (r.integer(1) == user_id) o["MINE"] = "Y";
             auto& recent = o["RECENT"].as_array();
             if (recent.size() < kRecent)
               recent.push_back(json::string(users::display_name(r.text(2), r.text(3), r.text(4))));
           });
  return out;
}

rest::CallResult add(rest::Call& call) {
  return call.portal.db.write([&](db::Tx& tx) {
    Target t = target_of(tx.conn, call.caller, call.params);
    tx.conn.run(
        "INSERT INTO feed_likes(entry_id, comment_id, user_id, created_at) VALUES (?, ?, ?, ?) ON "
        "CONFLICT DO NOTHING",
        {t.entry.id, t.comment_id, call.caller.user_id, timeutil::now_seconds()});
    recount(tx.conn, t.entry.id);
    announce(tx, call.portal, t.entry, "like", call.caller.user_id);
    return rest::CallResult{true};
  });
}

rest::CallResult remove(rest::Call& call) {
  return call.portal.db.write([&](db::Tx& tx) {
    Target t = target_of(tx.conn, call.caller, call.params);
    tx.conn.run("DELETE FROM feed_likes WHERE entry_id = ? AND comment_id = ? AND user_id = ?",
                {t.entry.id, t.comment_id, call.caller.user_id});
    recount(tx.conn, t.entry.id);
    announce(tx, call.portal, t.entry, "like", call.caller.user_id);
    return rest::CallResult{true};
  });
}

rest::CallResult list(rest::Call& call) {
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    Target t = target_of(conn, call.caller, call.params);
    json::array out;
    std::string base = call.request.base_url();
    conn.run(
        "SELECT l.user_id, u.name, u.last_name, u.email, l.created_at, f.id, f.sha256, f.name "
        "FROM feed_likes l JOIN users u ON u.id = l.user_id LEFT JOIN files f ON f.id = "
        "u.photo_file_id WHERE l.entry_id = ? AND l.comment_id = ? ORDER BY l.created_at DESC, "
        "l.user_id",
        {t.entry.id, t.comment_id}, [&](const db::Row& r) {
          std::string photo =
              r.is_null(5)
                  ? ""
                  : base + FileStore::url(StoredFile{r.integer(5), r.text(6), "", r.text(7), 0});
          out.push_back(json::object{{"USER_ID", std::to_string(r.integer(0))},
                                     {"NAME", users::display_name(r.text(1), r.text(2), r.text(3))},
                                     {"PHOTO", photo},
                                     {"DATE", timeutil::format_iso8601(r.integer(4), tz)}});
        });
    return rest::CallResult{std::move(out)};
  });
}

}  // namespace

std::map<std::int64_t, json::object> of_entries(db::Conn& conn, std::int64_t user_id,
                                                const std::vector<std::int64_t>& entry_ids) {
  return summaries(conn, user_id, entry_ids, false);
}

std::map<std::int64_t, json::object> of_comments(db::Conn& conn, std::int64_t user_id,
                                                 const std::vector<std::int64_t>& comment_ids) {
  return summaries(conn, user_id, comment_ids, true);
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.like.add", "log", Access::User, add});
  registry.add({"log.like.delete", "log", Access::User, remove});
  registry.add({"log.like.list", "log", Access::User, list});
}

}  // namespace artel::feed::likes
