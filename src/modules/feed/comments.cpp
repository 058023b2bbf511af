// log.blogcomment.*: the comments of an entry (post or event), threaded, with files and likes,
// kept by the shared discussion code.
#include "modules/feed/comments.h"

#include <set>
#include "core/bbcode.h"
#include "core/ids.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/discussion/comments.h"
#include "modules/feed/likes.h"
#include "modules/feed/notices.h"
#include "modules/feed/posts.h"
#include "modules/feed/store.h"
#include "modules/settings/store.h"

namespace artel::feed::comments {

namespace {

std::int64_t comment_id_param(const json::object& params) {
  return positive_id(params, "COMMENT_ID");
}

// The comment's text under TEXT (Bitrix24's name) or POST_MESSAGE.
std::string text_of(const json::object& params) {
  if (const json::value* v = find_ci(params, "TEXT")) {
    json::object as_message{{"POST_MESSAGE", *v}};
    try {
      return discussion::message_of(as_message);
    } catch (const ApiError& e) {
      throw bad_argument("TEXT", "The comment text (TEXT) is empty or not text.");
    }
  }
  return discussion::message_of(params);
}

struct Found {
  Entry entry;
  discussion::Comment comment;
};

// The comment and its entry when the caller sees the entry; COMMENT_NOT_FOUND otherwise.
Found visible_comment(db::Conn& conn, const rest::Caller& caller, std::int64_t id) {
  auto entry_id = conn.integer("SELECT entry_id FROM feed_comments WHERE id = ?", {id});
  Reader reader = reader_of(conn, caller);
  if (!entry_id || !sees(conn, reader, *entry_id)) throw discussion::comment_not_found(id);
  Entry e = *store::find(conn, *entry_id);
  return {e, *discussion::find(conn, kThread, e.id, id)};
}

void recount(db::Conn& conn, std::int64_t entry_id) {
  conn.run("UPDATE feed_entries SET comments_count = ? WHERE id = ?",
           {discussion::count(conn, kThread, entry_id), entry_id});
}

rest::CallResult add(rest::Call& call) {
  std::int64_t post = post_id_param(call.params);
  std::string text = text_of(call.params);
  std::int64_t parent = int_param(call.params, "PARENT_ID").value_or(0);
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, post);
    std::int64_t author = call.caller.user_id;
    if (auto as = int_param(call.params, "USER_ID"); as && *as != author) {
      if (!call.caller.is_admin)
        throw access_denied("Only an administrator writes in another person's name.");
      if (!tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {*as}))
        throw bad_argument("USER_ID", "Person " + std::to_string(*as) + " is not found.");
      author = *as;
    }
    std::int64_t id = discussion::insert(tx, call.portal, kThread, e.id, author, text, parent,
                                         find_ci(call.params, "FILES"));
    recount(tx.conn, e.id);
    // The author of the post, the author of the comment answered, and the people mentioned
    // who can read the entry are told.
    std::set<std::int64_t> told{author};
    if (parent)
      if (auto answered = discussion::find(tx.conn, kThread, e.id, parent);
          answered && told.insert(answered->author_id).second)
        notices::send(tx, call.portal, notices::Kind::Answered, e, author, answered->author_id,
                      text);
    if (e.entry_type == "post" && told.insert(e.author_id).second)
      notices::send(tx, call.portal, notices::Kind::Commented, e, author, e.author_id, text);
    for (auto m : bbcode::mentions(text)) {
      if (told.count(m)) continue;
      auto them = reader_of_person(tx.conn, m);
      if (!them || !sees(tx.conn, *them, e.id)) continue;
      told.insert(m);
      notices::send(tx, call.portal, notices::Kind::Mentioned, e, author, m, text);
    }
    announce(tx, call.portal, e, "comment", author);
    return rest::CallResult{id};
  });
}

rest::CallResult get(rest::Call& call) {
  std::int64_t post = post_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    Reader reader = reader_of(conn, call.caller);
    Entry e = visible_entry(conn, reader, post);
    auto rows = discussion::list(conn, kThread, e.id, find_ci(call.params, "ORDER"),
                                 find_ci(call.params, "FILTER"), tz);
    json::array out = discussion::comments_json(conn, kThread, rows, tz, call.request.base_url());
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    auto liked = likes::of_comments(conn, call.caller.user_id, ids);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto& o = out[i].as_object();
      o["POST_ID"] = std::to_string(e.id);
      o["LIKES"] = liked[rows[i].id];
      o["CAN_EDIT"] = rows[i].author_id == call.caller.user_id || call.caller.is_admin ? "Y" : "N";
    }
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = comment_id_param(call.params);
  std::string text = text_of(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Found f = visible_comment(tx.conn, call.caller, id);
    if (f.comment.author_id != call.caller.user_id && !call.caller.is_admin)
      throw access_denied("Only the author or an administrator edits a comment.");
    discussion::update_text(tx.conn, kThread, id, text);
    announce(tx, call.portal, f.entry, "comment", call.caller.user_id);
    return rest::CallResult{true};
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = comment_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Found f = visible_comment(tx.conn, call.caller, id);
    if (f.comment.author_id != call.caller.user_id && !call.caller.is_admin)
      throw access_denied("Only the author or an administrator deletes a comment.");
    tx.conn.run("DELETE FROM feed_likes WHERE entry_id = ? AND comment_id = ?", {f.entry.id, id});
    discussion::remove(tx.conn, kThread, id);
    recount(tx.conn, f.entry.id);
    announce(tx, call.portal, f.entry, "comment", call.caller.user_id);
    return rest::CallResult{true};
  });
}

}  // namespace

std::optional<std::int64_t> entry_of_comment(db::Conn& conn, std::int64_t comment_id) {
  return conn.integer("SELECT entry_id FROM feed_comments WHERE id = ?", {comment_id});
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.blogcomment.add", "log", Access::User, add});
  registry.add({"log.blogcomment.get", "log", Access::User, get});
  registry.add({"log.blogcomment.update", "log", Access::User, update});
  registry.add({"log.blogcomment.delete", "log", Access::User, remove});
}

}  // namespace artel::feed::comments
