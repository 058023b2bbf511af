#include "modules/tasks/comments.h"

#include <algorithm>
#include <map>

#include "core/bbcode.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/discussion/comments.h"
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

namespace artel::tasks::comments {

namespace {

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

using discussion::comment_not_found;

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
  std::int64_t id = discussion::insert(tx, portal, kThread, task.id, author, comment.text,
                                       comment.parent_id, comment.files);
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
  std::string message = discussion::message_of(fields);
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
  const json::value* order = positional(call.params, 1, "ORDER");
  const json::value* filter = positional(call.params, 2, "FILTER");
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    auto rows = discussion::list(conn, kThread, task_id, order, filter, tz);
    return rest::CallResult{
        discussion::comments_json(conn, kThread, rows, tz, call.request.base_url())};
  });
}

rest::CallResult get_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    auto row = discussion::find(conn, kThread, task_id, id);
    if (!row) throw comment_not_found(id);
    return rest::CallResult{discussion::comment_json(
        *row, tz, call.request.base_url(), discussion::files_of_comments(conn, kThread, {id}))};
  });
}

rest::CallResult update_method(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  std::int64_t id = item_id_param(call.params);
  std::string message = discussion::message_of(fields_param(call.params, 2));
  call.portal.db.write([&](db::Tx& tx) {
    load_visible(tx.conn, call.caller, task_id);
    auto row = discussion::find(tx.conn, kThread, task_id, id);
    if (!row) throw comment_not_found(id);
    if (row->author_id != call.caller.user_id && !call.caller.is_admin)
      throw not_allowed("edit another person's comment");
    discussion::update_text(tx.conn, kThread, id, message);
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
    auto row = discussion::find(tx.conn, kThread, task_id, id);
    if (!row) throw comment_not_found(id);
    if (row->author_id != call.caller.user_id && !call.caller.is_admin)
      throw not_allowed("delete another person's comment");
    discussion::remove(tx.conn, kThread, id);
    tx.conn.run("UPDATE tasks SET comments_count = ? WHERE id = ?",
                {discussion::count(tx.conn, kThread, task_id), task_id});
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
