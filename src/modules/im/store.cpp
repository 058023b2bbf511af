#include "modules/im/store.h"

#include "core/bbcode.h"
#include "core/text.h"

namespace artel::notify::store {

namespace {

constexpr const char* kColumns =
    "SELECT n.id, n.user_id, n.author_id, n.module, n.event, n.tag, n.sub_tag, n.message, "
    "n.message_out, n.link, n.attach, n.app, n.event_count, n.sort_seq, n.created_at, "
    "n.updated_at, n.is_read, n.read_at FROM notices n";

Entry read_entry(const db::Row& r) {
  Entry e;
  e.id = r.integer(0);
  e.user_id = r.integer(1);
  e.author_id = r.optional_integer(2).value_or(0);
  e.module = r.text(3);
  e.event = r.text(4);
  e.tag = r.text(5);
  e.sub_tag = r.text(6);
  e.message = r.text(7);
  e.message_out = r.text(8);
  e.link = r.text(9);
  e.attach = r.text(10);
  e.app = r.text(11);
  e.event_count = r.integer(12);
  e.sort_seq = r.integer(13);
  e.created_at = r.integer(14);
  e.updated_at = r.integer(15);
  e.is_read = r.integer(16) != 0;
  e.read_at = r.optional_integer(17).value_or(0);
  return e;
}

// What history.search looks in: the words a person reads, folded like the search text.
std::string search_text(const Entry& e) {
  std::string plain = bbcode::to_plain(e.message);
  if (!e.message_out.empty()) plain += "\n" + bbcode::to_plain(e.message_out);
  return fold_case(plain);
}

// The next place on top of the person's bell. Writes run one at a time, so max + 1 is unique.
std::int64_t next_seq(db::Conn& conn, std::int64_t user_id) {
  return conn
      .integer("SELECT COALESCE(MAX(sort_seq), 0) + 1 FROM notices WHERE user_id = ?", {user_id})
      .value_or(1);
}

}  // namespace

std::optional<Entry> find(db::Conn& conn, std::int64_t id) {
  std::optional<Entry> out;
  conn.run(std::string(kColumns) + " WHERE n.id = ?", {id},
           [&](const db::Row& r) { out = read_entry(r); });
  return out;
}

std::optional<std::int64_t> unread_with_tag(db::Conn& conn, std::int64_t user_id,
                                            const std::string& tag) {
  return conn.integer(
      "SELECT id FROM notices WHERE user_id = ? AND tag = ? AND tag <> '' AND is_read = 0 "
      "ORDER BY sort_seq DESC LIMIT 1",
      {user_id, tag});
}

std::int64_t insert(db::Conn& conn, const Entry& e, std::int64_t now) {
  return conn.insert(
      "INSERT INTO notices(user_id, author_id, module, event, tag, sub_tag, message, message_out, "
      "search_folded, link, attach, app, event_count, sort_seq, created_at, updated_at) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,1,?,?,?)",
      {e.user_id, e.author_id ? db::Value(e.author_id) : db::Value(nullptr), e.module, e.event,
       e.tag, e.sub_tag, e.message, e.message_out, search_text(e), e.link, e.attach, e.app,
       next_seq(conn, e.user_id), now, now});
}

void absorb(db::Conn& conn, std::int64_t id, const Entry& e, std::int64_t now) {
  conn.run(
      "UPDATE notices SET author_id = ?, module = ?, event = ?, sub_tag = ?, message = ?, "
      "message_out = ?, search_folded = ?, link = CASE WHEN ? <> '' THEN ? ELSE link END, "
      "attach = ?, event_count = event_count + 1, sort_seq = ?, updated_at = ? WHERE id = ?",
      {e.author_id ? db::Value(e.author_id) : db::Value(nullptr), e.module, e.event, e.sub_tag,
       e.message, e.message_out, search_text(e), e.link, e.link, e.attach,
       next_seq(conn, e.user_id), now, id});
}

std::vector<Entry> list(db::Conn& conn, const rest::ListQuery& q, int limit) {
  std::vector<Entry> out;
  db::Params params = q.params;
  params.push_back(std::int64_t{limit});
  conn.run(std::string(kColumns) + q.where_clause() + " ORDER BY n.sort_seq DESC LIMIT ?", params,
           [&](const db::Row& r) { out.push_back(read_entry(r)); });
  return out;
}

std::int64_t count(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM notices n" + q.where_clause(), q.params).value_or(0);
}

std::int64_t unread_count(db::Conn& conn, std::int64_t user_id) {
  return conn.integer("SELECT count(*) FROM notices WHERE user_id = ? AND is_read = 0", {user_id})
      .value_or(0);
}

std::vector<std::int64_t> set_read(db::Conn& conn, const rest::ListQuery& q, bool read,
                                   std::int64_t now) {
  rest::ListQuery changing = q;
  changing.add_condition("n.is_read = ?", {std::int64_t{read ? 0 : 1}});
  std::vector<std::int64_t> ids;
  conn.run("SELECT n.id FROM notices n" + changing.where_clause() + " ORDER BY n.id",
           changing.params, [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  if (ids.empty()) return ids;
  db::Params params = {std::int64_t{read ? 1 : 0}, read ? db::Value(now) : db::Value(nullptr)};
  params.insert(params.end(), changing.params.begin(), changing.params.end());
  conn.run("UPDATE notices SET is_read = ?, read_at = ? WHERE id IN (SELECT n.id FROM notices n" +
               changing.where_clause() + ")",
           params);
  return ids;
}

std::vector<Removed> remove(db::Conn& conn, const rest::ListQuery& q) {
  std::vector<Removed> out;
  conn.run("SELECT n.id, n.user_id FROM notices n" + q.where_clause() + " ORDER BY n.id", q.params,
           [&](const db::Row& r) {
             out.push_back({r.integer(0), r.integer(1)});
           });
  if (out.empty()) return out;
  conn.run("DELETE FROM notices WHERE id IN (SELECT n.id FROM notices n" + q.where_clause() + ")",
           q.params);
  return out;
}

}  // namespace artel::notify::store
