#include "modules/tasks/attachments.h"

#include "core/error.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/settings/store.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/service.h"

namespace artel::tasks::attachments {

std::vector<Attachment> list(db::Conn& conn, std::int64_t task_id) {
  return discussion::files_of(conn, kThread, task_id);
}

std::vector<std::int64_t> add(db::Tx& tx, Portal& portal, std::int64_t task_id,
                              const json::value& uploads, std::int64_t user_id,
                              std::string_view argument) {
  std::vector<std::int64_t> ids;
  for (const auto& a :
       discussion::attach(tx, portal, kThread, task_id, 0, uploads, user_id, argument)) {
    ids.push_back(a.id);
    history::record(tx.conn, task_id, user_id, {"FILES", std::nullopt, a.name, ""});
  }
  return ids;
}

json::object to_json(const Attachment& a, int tz, std::string_view base_url) {
  return discussion::file_json(a, tz, base_url);
}

namespace {

// task.item.addfile: TASK_ID, FILE {NAME, CONTENT (base64)}.
rest::CallResult add_file(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::value* file = positional(call.params, 1, "FILE");
  if (!file || !file->is_object())
    throw bad_argument("FILE", "FILE must be an object {NAME, CONTENT} (CONTENT in base64).");
  const json::object& f = file->get_object();
  auto name = find_ci(f, "NAME") ? as_string(*find_ci(f, "NAME")) : std::nullopt;
  auto content = find_ci(f, "CONTENT") ? as_string(*find_ci(f, "CONTENT")) : std::nullopt;
  if (!name || !content) throw bad_argument("FILE", "FILE needs NAME and CONTENT (base64).");
  json::array pair{json::string(*name), json::string(*content)};
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    if (!l.relation.directs() && !l.relation.executes()) throw not_allowed("attach files here");
    auto ids = add(tx, call.portal, task_id, pair, call.caller.user_id, "FILE");
    after_change(tx, call.portal, task_id, "files", call.caller.user_id);
    return ids.front();
  });
  return {id};
}

rest::CallResult get_files(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  int tz = call.portal.settings.snapshot()->tz_offset_now();
  return call.portal.db.read([&](db::Conn& conn) {
    load_visible(conn, call.caller, task_id);
    json::array out;
    std::string base = call.request.base_url();
    for (const auto& a : list(conn, task_id)) {
      json::object o{{"ATTACHMENT_ID", std::to_string(a.id)},
                     {"NAME", a.name},
                     {"SIZE", std::to_string(a.size)},
                     {"FILE_ID", std::to_string(a.file_id)},
                     {"DOWNLOAD_URL", base + a.url},
                     {"CREATED_BY", std::to_string(a.created_by)},
                     {"CREATED_DATE", timeutil::format_iso8601(a.created_at, tz)}};
      out.push_back(std::move(o));
    }
    return rest::CallResult{std::move(out)};
  });
}

// task.item.deletefile: TASK_ID, ATTACHMENT_ID.
rest::CallResult delete_file(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::value* v = positional(call.params, 1, "ATTACHMENT_ID");
  auto id = v ? as_int(*v) : std::nullopt;
  if (!id || *id <= 0) throw bad_argument("ATTACHMENT_ID", "ATTACHMENT_ID is required.");
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    // Only the task's own files: a comment's file goes with its comment.
    auto found = discussion::find_file(tx.conn, kThread, task_id, *id);
    if (!found)
      throw bad_request("FILE_NOT_FOUND", "File " + std::to_string(*id) + " is not in this task.");
    if (found->created_by != call.caller.user_id && !l.relation.directs())
      throw not_allowed("remove a file another person attached");
    discussion::remove_file(tx.conn, kThread, *id);
    history::record(tx.conn, task_id, call.caller.user_id,
                    {"FILES", found->name, std::nullopt, ""});
    after_change(tx, call.portal, task_id, "files", call.caller.user_id);
  });
  return {true};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.item.addfile", "task", Access::User, add_file});
  registry.add({"task.item.getfiles", "task", Access::User, get_files});
  registry.add({"task.item.deletefile", "task", Access::User, delete_file});
}

}  // namespace artel::tasks::attachments
