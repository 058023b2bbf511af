#include "modules/feed/posts.h"

#include <algorithm>
#include <set>

#include "core/bbcode.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/discussion/comments.h"
#include "modules/discussion/files.h"
#include "modules/feed/notices.h"
#include "modules/feed/polls.h"
#include "modules/feed/present.h"
#include "modules/feed/store.h"
#include "modules/settings/store.h"
#include "modules/users/service.h"
#include "modules/users/store.h"
#include "rest/list_query.h"

namespace artel::feed {

namespace {

constexpr std::size_t kMaxTitle = 255;

std::string title_of(const json::object& params) {
  const json::value* v = find_ci(params, "POST_TITLE");
  if (!v) return "";
  auto s = v->is_object() || v->is_array() ? std::nullopt : as_string(*v);
  if (!s || !is_valid_utf8(*s)) throw bad_argument("POST_TITLE", "POST_TITLE must be text.");
  std::string title(trim(*s));
  if (title.size() > kMaxTitle)
    throw bad_argument("POST_TITLE", "POST_TITLE is longer than 255 characters.");
  return title;
}

// POST_MESSAGE: UTF-8 text of at most 100,000 characters; required when adding a post.
std::string text_of(const json::object& params, bool required) {
  const json::value* v = find_ci(params, "POST_MESSAGE");
  auto s = !v || v->is_object() || v->is_array() ? std::nullopt : as_string(*v);
  if (v && !s) throw bad_argument("POST_MESSAGE", "POST_MESSAGE must be text.");
  if (required && (!s || trim(*s).empty()))
    throw bad_argument("POST_MESSAGE", "The post's text (POST_MESSAGE) is empty.");
  if (s && !is_valid_utf8(*s))
    throw bad_argument("POST_MESSAGE", "POST_MESSAGE must be UTF-8 text.");
  if (s && s->size() > 100'000)
    throw bad_argument("POST_MESSAGE", "The post is longer than 100,000 characters.");
  return s.value_or("");
}

std::optional<std::int64_t> date_param(const json::object& params, std::string_view name,
                                       const Portal& portal) {
  const json::value* v = find_ci(params, name);
  if (!v || v->is_null()) return std::nullopt;
  auto s = as_string(*v);
  if (!s || trim(*s).empty()) return std::nullopt;
  auto settings = portal.settings.snapshot();
  auto zone = settings->zone ? settings->zone : timeutil::TimeZone::utc();
  auto t = timeutil::parse_datetime(*s, *zone);
  if (!t) throw bad_argument(std::string(name), std::string(name) + " must be a date.");
  return t;
}

// The people a text mentions whom the author may see, as U codes.
std::vector<std::int64_t> mentioned(db::Conn& conn, const rest::Caller& caller,
                                    const std::string& text) {
  std::vector<std::int64_t> out;
  for (auto id : bbcode::mentions(text))
    if (id != caller.user_id &&
        conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {id}) &&
        users::can_see(conn, caller, id) && std::count(out.begin(), out.end(), id) == 0)
      out.push_back(id);
  return out;
}

void index(db::Conn& conn, const Entry& e) {
  store::search_index().put(conn, e.id, e.title + "\n" + bbcode::to_plain(e.message));
}

// Adds `codes` (and the mentioned people) to the entry and tells the people named directly.
void address(db::Tx& tx, Portal& portal, const Entry& e, const std::vector<std::string>& codes,
             const std::vector<std::int64_t>& mentions, std::int64_t actor) {
  std::vector<std::string> all = codes;
  for (auto id : mentions) all.push_back("U" + std::to_string(id));
  store::add_codes(tx.conn, e.id, all);
  std::set<std::int64_t> told;
  for (auto id : mentions)
    if (told.insert(id).second)
      notices::send(tx, portal, notices::Kind::Mentioned, e, actor, id, e.message);
  for (const auto& c : codes)
    if (c.starts_with("U") && c != "UA") {
      std::int64_t id = std::stoll(c.substr(1));
      if (told.insert(id).second)
        notices::send(tx, portal, notices::Kind::Addressed, e, actor, id, e.message);
    }
}

std::int64_t author_param(db::Conn& conn, const rest::Call& call) {
  const json::value* v = find_ci(call.params, "USER_ID");
  if (!v) return call.caller.user_id;
  auto id = as_int(*v);
  if (!id || *id <= 0) throw bad_argument("USER_ID", "USER_ID must be a person's id.");
  if (*id != call.caller.user_id && !call.caller.is_admin)
    throw access_denied("Only an administrator writes in another person's name.");
  if (!conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {*id}))
    throw bad_argument("USER_ID", "Person " + std::to_string(*id) + " is not found.");
  return *id;
}

const json::value* dest_param(const json::object& params) {
  const json::value* v = find_ci(params, "DEST");
  return v ? v : find_ci(params, "SPERM");
}

rest::CallResult add(rest::Call& call) {
  std::string message = text_of(call.params, true);
  std::string title = title_of(call.params);
  auto important = flag_param(call.params, "IMPORTANT").value_or(false);
  auto until = date_param(call.params, "IMPORTANT_DATE_END", call.portal);
  const json::value* poll = find_ci(call.params, "POLL");
  const json::value* files = find_ci(call.params, "FILES");
  return call.portal.db.write([&](db::Tx& tx) {
    Entry e;
    e.author_id = author_param(tx.conn, call);
    if (!dest_param(call.params) && call.caller.is_extranet)
      throw bad_argument("DEST", "Choose the groups or people to write to (DEST).");
    auto codes = parse_destinations(tx.conn, call.caller, dest_param(call.params), {"UA"});
    auto mentions = mentioned(tx.conn, call.caller, message);
    e.title = title;
    e.message = message;
    e.important = important;
    if (important) e.important_until = until;
    e.created_at = e.updated_at = timeutil::now_seconds();
    e.id = store::insert(tx.conn, e);
    codes.push_back("U" + std::to_string(e.author_id));
    address(tx, call.portal, e, codes, mentions, e.author_id);
    if (files) discussion::attach(tx, call.portal, kThread, e.id, 0, *files, e.author_id, "FILES");
    if (poll && !poll->is_null()) polls::create(tx.conn, e.id, *poll);
    index(tx.conn, e);
    e.codes = codes;
    announce(tx, call.portal, *store::find(tx.conn, e.id), "add", e.author_id);
    return rest::CallResult{e.id};
  });
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, id);
    if (e.entry_type != "post") throw entry_not_found(id);
    if (!may_edit(call.caller, e))
      throw access_denied("Only the author or an administrator edits a post.");
    Entry before = e;
    if (find_ci(call.params, "POST_MESSAGE")) e.message = text_of(call.params, false);
    if (find_ci(call.params, "POST_TITLE")) e.title = title_of(call.params);
    if (auto important = flag_param(call.params, "IMPORTANT")) e.important = *important;
    if (find_ci(call.params, "IMPORTANT_DATE_END"))
      e.important_until = date_param(call.params, "IMPORTANT_DATE_END", call.portal);
    if (!e.important) e.important_until.reset();
    if (trim(e.message).empty() && e.title.empty())
      throw bad_request("EMPTY_TITLE", "A post needs a title or a text.");
    // The audience before the change hears of it too: someone taken out must drop the post.
    auto before_people = people_of(tx.conn, before.codes);
    if (const json::value* dest = dest_param(call.params)) {
      auto codes = parse_destinations(tx.conn, call.caller, dest, {});
      codes.push_back("U" + std::to_string(e.author_id));
      store::set_codes(tx.conn, e.id, codes);
    }
    auto mentions = mentioned(tx.conn, call.caller, e.message);
    std::vector<std::int64_t> fresh;
    for (auto m : mentions)
      if (!std::count(before.codes.begin(), before.codes.end(), "U" + std::to_string(m)))
        fresh.push_back(m);
    address(tx, call.portal, e, {}, fresh, call.caller.user_id);
    e.updated_at = timeutil::now_seconds();
    store::update(tx.conn, e);
    if (const json::value* files = find_ci(call.params, "FILES"))
      discussion::attach(tx, call.portal, kThread, e.id, 0, *files, call.caller.user_id, "FILES");
    index(tx.conn, e);
    Entry after = *store::find(tx.conn, e.id);
    std::vector<std::int64_t> people = people_of(tx.conn, after.codes);
    for (auto p : before_people) people.push_back(p);
    live::publish_after_commit(tx, call.portal, people, "feed.entry",
                               json::object{{"ID", std::to_string(e.id)},
                                            {"ACTION", "update"},
                                            {"USER_ID", std::to_string(call.caller.user_id)}});
    return rest::CallResult{e.id};
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, id);
    if (!may_edit(call.caller, e))
      throw access_denied("Only the author or an administrator deletes a post.");
    announce(tx, call.portal, e, "delete", call.caller.user_id);
    store::remove(tx.conn, id);
    return rest::CallResult{true};
  });
}

rest::CallResult share(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  const json::value* dest = dest_param(call.params);
  if (!dest) throw bad_argument("DEST", "DEST (the new recipients) is required.");
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, id);
    auto codes = parse_destinations(tx.conn, call.caller, dest, {});
    address(tx, call.portal, e, codes, {}, call.caller.user_id);
    announce(tx, call.portal, *store::find(tx.conn, e.id), "update", call.caller.user_id);
    return rest::CallResult{true};
  });
}

// log.blogpost.get: Bitrix24's post list (posts only), by cursor or by page.
rest::CallResult get(rest::Call& call) {
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    Reader reader = reader_of(conn, call.caller);
    View view{reader, call.caller, tz, call.request.base_url()};
    if (auto one = int_param(call.params, "POST_ID")) {
      Entry e = visible_entry(conn, reader, *one);
      if (e.entry_type != "post") throw entry_not_found(*one);
      return rest::CallResult{posts_json(conn, view, {e})};
    }
    store::Conditions where;
    where.add("e.entry_type = 'post'");
    if (const json::value* rights = find_ci(call.params, "LOG_RIGHTS")) {
      std::vector<std::string> codes;
      for (const json::value* item : as_list(*rights))
        if (auto s = as_string(*item)) codes.push_back(to_upper_ascii(trim(*s)));
      if (!codes.empty()) {
        db::Params p;
        for (const auto& c : codes) p.push_back(c);
        where.add("EXISTS (SELECT 1 FROM feed_rights x WHERE x.entry_id = e.id AND x.code IN " +
                      db::in_list(codes.size()) + ")",
                  p);
      }
    }
    if (auto from = date_param(call.params, "LOG_DATE_FROM", call.portal))
      where.add("e.created_at >= ?", {*from});
    if (auto to = date_param(call.params, "LOG_DATE_TO", call.portal))
      where.add("e.created_at <= ?", {*to});
    std::int64_t before = int_param(call.params, "LAST_ID").value_or(0);
    std::int64_t after = int_param(call.params, "FIRST_ID").value_or(0);
    auto limit_value = int_param(call.params, "LIMIT");
    bool cursor = limit_value || before || after;
    int limit = static_cast<int>(std::clamp<std::int64_t>(limit_value.value_or(50), 1, 200));
    int offset = cursor ? 0 : static_cast<int>(std::max<std::int64_t>(call.start, 0));
    auto ids = store::page(conn, reader, where, before, after, limit + 1, offset);
    bool more = ids.size() > static_cast<std::size_t>(limit);
    if (more) ids.pop_back();
    json::array rows = posts_json(conn, view, store::by_ids(conn, ids));
    rest::CallResult result{std::move(rows)};
    if (!cursor && more) result.next = offset + limit;
    return result;
  });
}

}  // namespace

ApiError entry_not_found(std::int64_t id) {
  return not_found("Post " + std::to_string(id) + " is not found.");
}

Entry visible_entry(db::Conn& conn, const Reader& reader, std::int64_t id) {
  if (!sees(conn, reader, id)) throw entry_not_found(id);
  auto e = store::find(conn, id);
  if (!e) throw entry_not_found(id);
  return *e;
}

std::int64_t post_id_param(const json::object& params) {
  const json::value* v = find_ci(params, "POST_ID");
  if (!v) v = find_ci(params, "0");
  auto id = v ? as_int(*v) : std::nullopt;
  if (!id || *id <= 0) throw bad_argument("POST_ID", "POST_ID (the post) is required.");
  return *id;
}

bool may_edit(const rest::Caller& caller, const Entry& e) {
  return caller.is_admin || (e.entry_type == "post" && e.author_id == caller.user_id);
}

void announce(db::Tx& tx, Portal& portal, const Entry& e, std::string_view action,
              std::int64_t actor) {
  live::publish_after_commit(
      tx, portal, people_of(tx.conn, e.codes), "feed.entry",
      json::object{
          {"ID", std::to_string(e.id)}, {"ACTION", action}, {"USER_ID", std::to_string(actor)}});
}

void register_post_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.blogpost.add", "log", Access::User, add});
  registry.add({"log.blogpost.update", "log", Access::User, update});
  registry.add({"log.blogpost.delete", "log", Access::User, remove});
  registry.add({"log.blogpost.get", "log", Access::User, get});
  registry.add({"log.blogpost.share", "log", Access::User, share});
}

}  // namespace artel::feed
