#include "modules/discussion/comments.h"

#include "core/bbcode.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/files/store.h"
#include "modules/users/model.h"

namespace artel::discussion {

namespace {

constexpr std::size_t kMaxComment = 100'000;

std::string select_sql(const Thread& t) {
  return "SELECT c.id, c." + std::string(t.owner) +
         ", c.author_id, COALESCE(c.parent_id, 0), c.created_at, c.updated_at, c.message, "
         "u.name, u.last_name, u.email, f.id, f.sha256, f.name FROM " +
         std::string(t.comments) +
         " c JOIN users u ON u.id = c.author_id LEFT JOIN files f ON f.id = u.photo_file_id";
}

Comment read(const db::Row& r) {
  Comment c;
  c.id = r.integer(0);
  c.owner_id = r.integer(1);
  c.author_id = r.integer(2);
  c.parent_id = r.integer(3);
  c.created_at = r.integer(4);
  c.updated_at = r.integer(5);
  c.message = r.text(6);
  c.author_name = users::display_name(r.text(7), r.text(8), "");
  c.author_email = r.text(9);
  if (!r.is_null(10))
    c.author_photo = FileStore::url(StoredFile{r.integer(10), r.text(11), "", r.text(12), 0});
  return c;
}

}  // namespace

std::string message_of(const json::object& fields) {
  const json::value* v = find_ci(fields, "POST_MESSAGE");
  auto s = v ? as_string(*v) : std::nullopt;
  if (!s || v->is_object() || v->is_array() || trim(*s).empty())
    throw bad_argument("POST_MESSAGE", "The comment text (POST_MESSAGE) is empty.");
  if (!is_valid_utf8(*s)) throw bad_argument("POST_MESSAGE", "POST_MESSAGE must be UTF-8 text.");
  if (s->size() > kMaxComment)
    throw bad_argument("POST_MESSAGE", "The comment is longer than 100,000 characters.");
  return *s;
}

std::int64_t insert(db::Tx& tx, Portal& portal, const Thread& thread, std::int64_t owner_id,
                    std::int64_t author, std::string_view text, std::int64_t parent_id,
                    const json::value* files) {
  std::string comments(thread.comments), owner(thread.owner);
  if (parent_id &&
      !tx.conn.integer("SELECT 1 FROM " + comments + " WHERE id = ? AND " + owner + " = ?",
                       {parent_id, owner_id}))
    throw bad_argument("PARENT_ID", "The comment being answered is not here.");
  std::int64_t now = timeutil::now_seconds();
  std::int64_t id = tx.conn.insert(
      "INSERT INTO " + comments + "(" + owner +
          ", author_id, parent_id, message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      {owner_id, author, parent_id ? db::Value(parent_id) : db::Value(nullptr), std::string(text),
       now, now});
  if (files) attach(tx, portal, thread, owner_id, id, *files, author, "FILES");
  return id;
}

std::optional<Comment> find(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                            std::int64_t id) {
  std::optional<Comment> out;
  conn.run(select_sql(thread) + " WHERE c.id = ? AND c." + std::string(thread.owner) + " = ?",
           {id, owner_id}, [&](const db::Row& r) { out = read(r); });
  return out;
}

void update_text(db::Conn& conn, const Thread& thread, std::int64_t id, std::string_view text) {
  conn.run(
      "UPDATE " + std::string(thread.comments) + " SET message = ?, updated_at = ? WHERE id = ?",
      {std::string(text), timeutil::now_seconds(), id});
}

void remove(db::Conn& conn, const Thread& thread, std::int64_t id) {
  conn.run("DELETE FROM " + std::string(thread.comments) + " WHERE id = ?", {id});
}

std::int64_t count(db::Conn& conn, const Thread& thread, std::int64_t owner_id) {
  return conn
      .integer("SELECT count(*) FROM " + std::string(thread.comments) + " WHERE " +
                   std::string(thread.owner) + " = ?",
               {owner_id})
      .value_or(0);
}

std::vector<Comment> list(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                          const json::value* order, const json::value* filter, int tz) {
  static const std::vector<rest::ListField> fields = {
      {"ID", "c.id", rest::FieldKind::Integer},
      {"AUTHOR_ID", "c.author_id", rest::FieldKind::Integer},
      {"AUTHOR_NAME", "u.name", rest::FieldKind::Text},
      {"AUTHOR_EMAIL", "u.email", rest::FieldKind::Text},
      {"POST_DATE", "c.created_at", rest::FieldKind::DateTime},
      {"PARENT_ID", "COALESCE(c.parent_id, 0)", rest::FieldKind::Integer},
  };
  rest::ListQuery q;
  q.add_condition("c." + std::string(thread.owner) + " = ?", {owner_id});
  if (filter && filter->is_object()) rest::add_filter(q, filter->get_object(), fields, tz);
  rest::set_order(q, order, fields, "c.id ASC", "c.id");
  std::vector<Comment> rows;
  conn.run(select_sql(thread) + q.where_clause() + " ORDER BY " + q.order_by, q.params,
           [&](const db::Row& r) { rows.push_back(read(r)); });
  return rows;
}

json::object comment_json(const Comment& c, int tz, std::string_view base,
                          const std::vector<Attachment>& files) {
  json::object o;
  o["ID"] = std::to_string(c.id);
  o["AUTHOR_ID"] = std::to_string(c.author_id);
  o["AUTHOR_NAME"] = c.author_name;
  o["AUTHOR_EMAIL"] = c.author_email;
  o["AUTHOR_PHOTO"] = c.author_photo.empty() ? "" : std::string(base) + c.author_photo;
  o["POST_DATE"] = timeutil::format_iso8601(c.created_at, tz);
  o["POST_MESSAGE"] = c.message;
  o["POST_MESSAGE_HTML"] = bbcode::to_html(c.message);
  o["PARENT_ID"] = std::to_string(c.parent_id);
  json::object attached;
  for (const auto& a : files) {
    if (a.comment_id != c.id) continue;
    std::string url = std::string(base) + a.url;
    attached[std::to_string(a.id)] = json::object{{"ATTACHMENT_ID", std::to_string(a.id)},
                                                  {"NAME", a.name},
                                                  {"SIZE", std::to_string(a.size)},
                                                  {"FILE_ID", std::to_string(a.file_id)},
                                                  {"DOWNLOAD_URL", url},
                                                  {"VIEW_URL", url}};
  }
  o["ATTACHED_OBJECTS"] = attached.empty() ? json::value(json::array()) : json::value(attached);
  return o;
}

json::array comments_json(db::Conn& conn, const Thread& thread, const std::vector<Comment>& rows,
                          int tz, std::string_view base) {
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  auto files = files_of_comments(conn, thread, ids);
  json::array out;
  for (const auto& r : rows) out.push_back(comment_json(r, tz, base, files));
  return out;
}

ApiError comment_not_found(std::int64_t id) {
  return bad_request("COMMENT_NOT_FOUND", "Comment " + std::to_string(id) + " is not found.");
}

}  // namespace artel::discussion
