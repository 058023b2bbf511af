#include "modules/tasks/comments.h"

#include <algorithm>
#include <map>

#include "core/bbcode.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/files/store.h"
#include "modules/settings/store.h"
#include "modules/tasks/attachments.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/notices.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"
#include "modules/users/model.h"
#include "modules/users/service.h"
#include "rest/list_query.h"

namespace artel::tasks::comments {

namespace {

constexpr std::size_t kMaxComment = 100'000;

std::int64_t item_id_param(const json::object& params) {
  const json::value* v = positional(params, 1, "ITEMID");
  auto id = v ? as_int(*v) : std::nullopt;
  if (!id || *id <= 0) throw bad_argument("ITEMID", "The comment id (ITEMID) is required.");
  return *id;
}

const json::object& fields_param(const json::object& params, std::size_t index) {
  const json::value* v = positional(params, index, "FIELDS");
  if (!v || !v->is_object())
    throw bad_argument("FIELDS", "FIELDS (the comment) must be an object with POST_MESSAGE.");
  return v->get_object();
}

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

struct Row {
  std::int64_t id = 0, task_id = 0, author_id = 0, parent_id = 0, created_at = 0, updated_at = 0;
  std::string message, author_name, author_email, author_photo;
};

constexpr const char* kSelect =
    "SELECT c.id, c.task_id, c.author_id, COALESCE(c.parent_id, 0), c.created_at, c.updated_at, "
    "c.message, u.name, u.last_name, u.email, f.id, f.sha256, f.name FROM task_comments c JOIN "
    "users u ON u.id = c.author_id LEFT JOIN files f ON f.id = u.photo_file_id";

Row read_row(const db::Row& r) {
  Row c;
  c.id = r.integer(0);
  c.task_id = r.integer(1);
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

json::object row_json(const Row& c, int tz, std::string_view base,
                      const std::vector<attachments::Attachment>& files) {
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

std::optional<Row> find_row(db::Conn& conn, std::int64_t task_id, std::int64_t id) {
  std::optional<Row> out;
  conn.run(std::string(kSelect) + " WHERE c.id = ? AND c.task_id = ?", {id, task_id},
           [&](const db::Row& r) { out = read_row(r); });
  return out;
}

ApiError comment_not_found(std::int64_t id) {
  return bad_request("COMMENT_NOT_FOUND", "Comment " + std::to_string(id) + " is not found.");
}

// Mentioned people who may see the author and are active join the task as observers.
std::vector<std::int64_t> bring_in_mentioned(db::Tx& tx, const Task& task, std::int64_t author,
                                             const std::vector<std::int64_t>& mentioned,
                                             bool& changed_members) {
  std::vector<std::int64_t> reached;
  if (mentioned.empty()) return reached;
  rest::Caller caller = caller_of(viewer_of_user(tx.conn, author));
  auto current = store::find(tx.conn, task.id);
  if (!current) return reached;
  Task after = *current;
  for (auto id : mentioned) {
    if (id == author) continue;
    if (!tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {id})) continue;
    if (!users::can_see(tx.conn, caller, id)) continue;
    reached.push_back(id);
    bool member = id == after.created_by || id == after.responsible_id ||
                  std::count(after.accomplices.begin(), after.accomplices.end(), id) ||
                  std::count(after.auditors.begin(), after.auditors.end(), id);
    if (!member) after.auditors.push_back(id);
  }
  if (after.auditors != current->auditors) {
    for (const auto& e : history::changes(*current, after))
      history::record(tx.conn, task.id, author, e);
    store::save_members(tx.conn, after);
    changed_members = true;
  }
  return reached;
}

}  // namespace

std::string plain_text(std::string_view message) {
  return bbcode::to_plain(message);
}

std::int64_t add(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
                 const NewComment& comment) {
  std::int64_t now = timeutil::now_seconds();
  if (comment.parent_id &&
      !tx.conn.integer("SELECT 1 FROM task_comments WHERE id = ? AND task_id = ?",
                       {comment.parent_id, task.id}))
    throw bad_argument("PARENT_ID", "The comment being answered is not in this task.");
  std::int64_t id = tx.conn.insert(
      "INSERT INTO task_comments(task_id, author_id, parent_id, message, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {task.id, author, comment.parent_id ? db::Value(comment.parent_id) : db::Value(nullptr),
       comment.text, now, now});
  if (comment.files) attachments::add(tx, portal, task.id, id, *comment.files, author, "FILES");
  tx.conn.run(
      "UPDATE tasks SET comments_count = comments_count + 1, activity_date = ? WHERE id = ?",
      {now, task.id});
  history::record(tx.conn, task.id, author, {"COMMENT", std::nullopt, std::to_string(id), ""});
  bool changed_members = false;
  auto mentioned =
      bring_in_mentioned(tx, task, author, bbcode::mentions(comment.text), changed_members);
  // The newcomers' lists and boards learn of the task.
  if (changed_members) after_change(tx, portal, task.id, "members", author);
  // The author has read the task up to their own comment.
  mark_viewed(tx.conn, task.id, author);
  reindex(tx.conn, task.id);
  notices::commented(tx, portal, task, author, comment.text, mentioned);
  live::publish_after_commit(tx, portal, audience(tx.conn, task.id), "task.comment",
                             json::object{{"TASK_ID", std::to_string(task.id)},
                                          {"ID", std::to_string(id)},
                                          {"ACTION", "add"},
                                          {"USER_ID", std::to_string(author)}});
  return id;
}

std::int64_t add_text(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
                      std::string_view text) {
  return add(tx, portal, task, author, {std::string(text), 0, nullptr});
}

namespace {

rest::CallResult add_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::object& fields = fields_param(call.params, 1);
  std::string message = message_of(fields);
  std::int64_t parent = 0;
  if (const json::value* v = find_ci(fields, "PARENT_ID")) {
    auto n = as_int(*v);
    if (!n || *n < 0) throw bad_argument("PARENT_ID", "PARENT_ID must be a comment id.");
    parent = *n;
  }
  std::int64_t author = call.caller.user_id;
  if (const json::value* v = find_ci(fields, "AUTHOR_ID")) {
    auto n = as_int(*v);
    if (!n || *n <= 0) throw bad_argument("AUTHOR_ID", "AUTHOR_ID must be a person's id.");
    if (*n != author && !call.caller.is_admin)
      throw not_allowed("write a comment in another person's name");
    author = *n;
  }
  const json::value* files = find_ci(fields, "FILES");
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    if (author != call.caller.user_id &&
        !tx.conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {author}))
      throw bad_argument("AUTHOR_ID", "Person " + std::to_string(author) + " does not exist.");
    return add(tx, call.portal, l.task, author, {message, parent, files});
  });
  return {id};
}

rest::CallResult list_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  static const std::vector<rest::ListField> fields = {
      {"ID", "c.id", rest::FieldKind::Integer},
      {"AUTHOR_ID", "c.author_id", rest::FieldKind::Integer},
      {"AUTHOR_NAME", "u.name", rest::FieldKind::Text},
      {"AUTHOR_EMAIL", "u.email", rest::FieldKind::Text},
      {"POST_DATE", "c.created_at", rest::FieldKind::DateTime},
      {"PARENT_ID", "COALESCE(c.parent_id, 0)", rest::FieldKind::Integer},
  };
  rest::ListQuery q;
  q.add_condition("c.task_id = ?", {task_id});
  const json::value* order = positional(call.params, 1, "ORDER");
  if (const json::value* filter = positional(call.params, 2, "FILTER");
      filter && filter->is_object())
    rest::add_filter(q, filter->get_object(), fields, tz);
  rest::set_order(q, order, fields, "c.id ASC", "c.id");
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    std::vector<Row> rows;
    conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY " + q.order_by, q.params,
             [&](const db::Row& r) { rows.push_back(read_row(r)); });
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    auto files = attachments::of_comments(conn, ids);
    json::array out;
    std::string base = call.request.base_url();
    for (const auto& r : rows) out.push_back(row_json(r, tz, base, files));
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult get_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    auto row = find_row(conn, task_id, id);
    if (!row) throw comment_not_found(id);
    return rest::CallResult{
        row_json(*row, tz, call.request.base_url(), attachments::of_comments(conn, {id}))};
  });
}

rest::CallResult update_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id_param(call.params);
  std::string message = message_of(fields_param(call.params, 2));
  call.portal.db.write([&](db::Tx& tx) {
    load_visible(tx.conn, call.caller, task_id);
    auto row = find_row(tx.conn, task_id, id);
    if (!row) throw comment_not_found(id);
    if (row->author_id != call.caller.user_id && !call.caller.is_admin)
      throw not_allowed("edit another person's comment");
    tx.conn.run("UPDATE task_comments SET message = ?, updated_at = ? WHERE id = ?",
                {message, timeutil::now_seconds(), id});
    reindex(tx.conn, task_id);
    live::publish_after_commit(tx, call.portal, audience(tx.conn, task_id), "task.comment",
                               json::object{{"TASK_ID", std::to_string(task_id)},
                                            {"ID", std::to_string(id)},
                                            {"ACTION", "update"},
                                            {"USER_ID", std::to_string(call.caller.user_id)}});
  });
  return {true};
}

rest::CallResult delete_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id_param(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    load_visible(tx.conn, call.caller, task_id);
    auto row = find_row(tx.conn, task_id, id);
    if (!row) throw comment_not_found(id);
    if (row->author_id != call.caller.user_id && !call.caller.is_admin)
      throw not_allowed("delete another person's comment");
    tx.conn.run("DELETE FROM task_comments WHERE id = ?", {id});
    tx.conn.run(
        "UPDATE tasks SET comments_count = (SELECT count(*) FROM task_comments WHERE "
        "task_id = ?) WHERE id = ?",
        {task_id, task_id});
    history::record(tx.conn, task_id, call.caller.user_id,
                    {"COMMENT_DEL", std::to_string(id), std::nullopt, ""});
    reindex(tx.conn, task_id);
    live::publish_after_commit(tx, call.portal, audience(tx.conn, task_id), "task.comment",
                               json::object{{"TASK_ID", std::to_string(task_id)},
                                            {"ID", std::to_string(id)},
                                            {"ACTION", "delete"},
                                            {"USER_ID", std::to_string(call.caller.user_id)}});
  });
  return {true};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.commentitem.add", "task", Access::User, add_method});
  registry.add({"task.commentitem.getlist", "task", Access::User, list_method});
  registry.add({"task.commentitem.get", "task", Access::User, get_method});
  registry.add({"task.commentitem.update", "task", Access::User, update_method});
  registry.add({"task.commentitem.delete", "task", Access::User, delete_method});
}

}  // namespace artel::tasks::comments
