#include "modules/tasks/attachments.h"

#include "core/error.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/files/store.h"
#include "modules/settings/store.h"
#include "modules/tasks/history.h"
#include "modules/tasks/input.h"
#include "modules/tasks/service.h"

namespace artel::tasks::attachments {

namespace {

constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 20;

constexpr const char* kSelect =
    "SELECT a.id, a.task_id, COALESCE(a.comment_id, 0), a.file_id, f.name, f.mime, f.size, "
    "f.sha256, a.created_by, a.created_at FROM task_files a JOIN files f ON f.id = a.file_id";

Attachment read(const db::Row& r) {
  Attachment a;
  a.id = r.integer(0);
  a.task_id = r.integer(1);
  a.comment_id = r.integer(2);
  a.file_id = r.integer(3);
  a.name = r.text(4);
  a.mime = r.text(5);
  a.size = r.integer(6);
  a.url = FileStore::url(StoredFile{a.file_id, r.text(7), a.mime, a.name, a.size});
  a.created_by = r.integer(8);
  a.created_at = r.integer(9);
  return a;
}

// A browser names a file's type by its extension; the store serves it with that type and
// `nosniff`, and the upload route sandboxes whatever it serves.
std::string mime_of(std::string_view name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : std::string(name.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "pdf") return "application/pdf";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "csv") return "text/csv; charset=utf-8";
  if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (ext == "docx")
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (ext == "xls") return "application/vnd.ms-excel";
  if (ext == "doc") return "application/msword";
  if (ext == "zip") return "application/zip";
  return "application/octet-stream";
}

}  // namespace

std::vector<Attachment> list(db::Conn& conn, std::int64_t task_id) {
  std::vector<Attachment> out;
  conn.run(std::string(kSelect) + " WHERE a.task_id = ? AND a.comment_id IS NULL ORDER BY a.id",
           {task_id}, [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::vector<Attachment> of_comments(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::vector<Attachment> out;
  if (ids.empty()) return out;
  conn.run(
      std::string(kSelect) + " WHERE a.comment_id IN " + db::in_list(ids.size()) + " ORDER BY a.id",
      db::values(ids), [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::vector<std::int64_t> add(db::Tx& tx, Portal& portal, std::int64_t task_id,
                              std::int64_t comment_id, const json::value& uploads,
                              std::int64_t user_id, std::string_view argument) {
  std::vector<const json::value*> items;
  // One pair ["a.png", "…"] or a list of pairs.
  bool one_pair = uploads.is_array() && uploads.get_array().size() == 2 &&
                  uploads.get_array()[0].is_string() && uploads.get_array()[1].is_string();
  if (one_pair) {
    items.push_back(&uploads);
  } else if (uploads.is_array() || uploads.is_object()) {
    items = as_list(uploads);
  } else {
    throw bad_argument(std::string(argument),
                       std::string(argument) + " must hold files as [\"name\", \"<base64>\"].");
  }
  if (items.size() > kMaxFiles)
    throw bad_argument(std::string(argument), "At most 20 files can be attached at once.");
  std::vector<std::int64_t> ids;
  std::int64_t now = timeutil::now_seconds();
  for (const json::value* item : items) {
    Upload upload = decode_upload(*item, argument);
    if (upload.bytes.size() > kMaxFileBytes)
      throw bad_argument(std::string(argument),
                         "A file may be at most 20 MB: " + upload.name + ".");
    if (upload.name.empty()) upload.name = "file";
    std::int64_t file_id =
        portal.files.save(tx, upload.bytes, upload.name, mime_of(upload.name), user_id);
    ids.push_back(tx.conn.insert(
        "INSERT INTO task_files(task_id, comment_id, file_id, created_by, created_at) VALUES (?, "
        "?, ?, ?, ?)",
        {task_id, comment_id ? db::Value(comment_id) : db::Value(nullptr), file_id, user_id, now}));
    if (!comment_id)
      history::record(tx.conn, task_id, user_id, {"FILES", std::nullopt, upload.name, ""});
  }
  return ids;
}

json::object to_json(const Attachment& a, int tz, std::string_view base_url) {
  std::string url = std::string(base_url) + a.url;
  return json::object{{"id", std::to_string(a.id)},
                      {"name", a.name},
                      {"size", a.size},
                      {"mime", a.mime},
                      {"url", url},
                      {"createdBy", std::to_string(a.created_by)},
                      {"createdDate", timeutil::format_iso8601(a.created_at, tz)}};
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
    auto ids = add(tx, call.portal, task_id, 0, pair, call.caller.user_id, "FILE");
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
    std::optional<Attachment> found;
    // Only the task's own files: a comment's file goes with its comment.
    tx.conn.run(std::string(kSelect) + " WHERE a.id = ? AND a.task_id = ? AND a.comment_id IS NULL",
                {*id, task_id}, [&](const db::Row& r) { found = read(r); });
    if (!found)
      throw bad_request("FILE_NOT_FOUND", "File " + std::to_string(*id) + " is not in this task.");
    if (found->created_by != call.caller.user_id && !l.relation.directs())
      throw not_allowed("remove a file another person attached");
    tx.conn.run("DELETE FROM task_files WHERE id = ?", {*id});
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
