#include "modules/feed/store.h"

#include <map>

namespace artel::feed::store {

namespace {

constexpr const char* kSelect =
    "SELECT e.id, e.entry_type, e.author_id, e.title, e.message, e.important, e.important_until, "
    "e.event_type, e.object_type, e.object_id, e.comments_count, e.likes_count, e.created_at, "
    "e.updated_at FROM feed_entries e";

Entry read(const db::Row& r) {
  Entry e;
  int i = 0;
  e.id = r.integer(i++);
  e.entry_type = r.text(i++);
  e.author_id = r.integer(i++);
  e.title = r.text(i++);
  e.message = r.text(i++);
  e.important = r.integer(i++) != 0;
  if (!r.is_null(i)) e.important_until = r.integer(i);
  ++i;
  e.event_type = r.text(i++);
  e.object_type = r.text(i++);
  e.object_id = r.integer(i++);
  e.comments_count = r.integer(i++);
  e.likes_count = r.integer(i++);
  e.created_at = r.integer(i++);
  e.updated_at = r.integer(i++);
  return e;
}

void read_codes(db::Conn& conn, std::vector<Entry>& entries) {
  if (entries.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, Entry*> by_id;
  for (auto& e : entries) {
    ids.push_back(e.id);
    by_id[e.id] = &e;
  }
  conn.run("SELECT entry_id, code FROM feed_rights WHERE entry_id IN " + db::in_list(ids.size()) +
               " ORDER BY entry_id, code",
           db::values(ids),
           [&](const db::Row& r) { by_id[r.integer(0)]->codes.push_back(r.text(1)); });
}

std::string where_of(const Conditions& where) {
  std::string sql;
  for (const auto& c : where.sql) sql += " AND (" + c + ")";
  return sql;
}

}  // namespace

const search::Index& search_index() {
  static const search::Index index("feed_search");
  return index;
}

void Conditions::add(std::string condition, db::Params values) {
  sql.push_back(std::move(condition));
  for (auto& v : values) params.push_back(std::move(v));
}

std::optional<Entry> find(db::Conn& conn, std::int64_t id) {
  auto rows = by_ids(conn, {id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Entry> by_ids(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::vector<Entry> out;
  if (ids.empty()) return out;
  conn.run(
      std::string(kSelect) + " WHERE e.id IN " + db::in_list(ids.size()) + " ORDER BY e.id DESC",
      db::values(ids), [&](const db::Row& r) { out.push_back(read(r)); });
  read_codes(conn, out);
  return out;
}

std::int64_t insert(db::Conn& conn, const Entry& e) {
  return conn.insert(
      "INSERT INTO feed_entries(entry_type, author_id, title, message, important, "
      "important_until, event_type, object_type, object_id, created_at, updated_at) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.entry_type, e.author_id, e.title, e.message, std::int64_t{e.important ? 1 : 0},
       e.important_until ? db::Value(*e.important_until) : db::Value(nullptr), e.event_type,
       e.object_type, e.object_id, e.created_at, e.updated_at});
}

void update(db::Conn& conn, const Entry& e) {
  conn.run(
      "UPDATE feed_entries SET title = ?, message = ?, important = ?, important_until = ?, "
      "updated_at = ? WHERE id = ?",
      {e.title, e.message, std::int64_t{e.important ? 1 : 0},
       e.important_until ? db::Value(*e.important_until) : db::Value(nullptr), e.updated_at, e.id});
}

void remove(db::Conn& conn, std::int64_t id) {
  search_index().remove(conn, id);
  conn.run("DELETE FROM feed_entries WHERE id = ?", {id});
}

void add_codes(db::Conn& conn, std::int64_t id, const std::vector<std::string>& codes) {
  for (const auto& c : codes)
    conn.run("INSERT INTO feed_rights(code, entry_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
             {c, id});
}

void set_codes(db::Conn& conn, std::int64_t id, const std::vector<std::string>& codes) {
  conn.run("DELETE FROM feed_rights WHERE entry_id = ?", {id});
  add_codes(conn, id, codes);
}

std::vector<std::int64_t> entries_about(db::Conn& conn, std::string_view object_type,
                                        std::int64_t object_id) {
  std::vector<std::int64_t> out;
  conn.run("SELECT id FROM feed_entries WHERE object_type = ? AND object_id = ?",
           {std::string(object_type), object_id},
           [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<std::int64_t> page(db::Conn& conn, const Reader& reader, const Conditions& where,
                               std::int64_t before, std::int64_t after, int limit, int offset) {
  std::string bounds;
  db::Params bound_params;
  if (before > 0) {
    bounds += " AND e.id < ?";
    bound_params.push_back(before);
  }
  if (after > 0) {
    bounds += " AND e.id > ?";
    bound_params.push_back(after);
  }
  std::string conditions = where_of(where);
  std::vector<std::int64_t> out;
  if (reader.all) {
    db::Params params = bound_params;
    for (const auto& p : where.params) params.push_back(p);
    conn.run("SELECT e.id FROM feed_entries e WHERE 1 = 1" + bounds + conditions +
                 " ORDER BY e.id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                 std::to_string(offset),
             params, [&](const db::Row& r) { out.push_back(r.integer(0)); });
    return out;
  }
  if (reader.codes.empty()) return out;
  // The newest `offset + limit` of each code hold the page: each part is one backwards range
  // of the (code, entry_id) index, and the union of a few dozen short lists is sorted.
  std::string part =
      "SELECT entry_id FROM (SELECT r.entry_id FROM feed_rights r JOIN feed_entries e ON e.id = "
      "r.entry_id WHERE r.code = ?" +
      bounds + conditions + " ORDER BY r.entry_id DESC LIMIT " + std::to_string(offset + limit) +
      ") p";
  std::string sql;
  db::Params params;
  for (std::size_t i = 0; i < reader.codes.size(); ++i) {
    sql += (i ? " UNION " : "") + part + std::to_string(i);
    params.push_back(reader.codes[i]);
    for (const auto& p : bound_params) params.push_back(p);
    for (const auto& p : where.params) params.push_back(p);
  }
  conn.run("SELECT entry_id FROM (" + sql + ") u ORDER BY entry_id DESC LIMIT " +
               std::to_string(limit) + " OFFSET " + std::to_string(offset),
           params, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::int64_t count_after(db::Conn& conn, const Reader& reader, std::int64_t after, int cap) {
  db::Params params{after, reader.user_id};
  std::string visible;
  if (!reader.all) {
    if (reader.codes.empty()) return 0;
    visible = " AND e.id IN (SELECT entry_id FROM feed_rights WHERE code IN " +
              db::in_list(reader.codes.size()) + " AND entry_id > ?)";
    for (const auto& c : reader.codes) params.push_back(c);
    params.push_back(after);
  }
  return conn
      .integer(
          "SELECT count(*) FROM (SELECT e.id FROM feed_entries e WHERE e.id > ? AND "
          "e.author_id <> ?" +
              visible + " LIMIT " + std::to_string(cap) + ") c",
          params)
      .value_or(0);
}

}  // namespace artel::feed::store
