#include "modules/discussion/files.h"

#include <cctype>

#include "core/error.h"
#include "core/time.h"
#include "modules/files/store.h"

namespace artel::discussion {

namespace {

constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 20;

std::string select_sql(const Thread& t) {
  return "SELECT a.id, a." + std::string(t.owner) +
         ", COALESCE(a.comment_id, 0), a.file_id, f.name, f.mime, f.size, f.sha256, a.created_by, "
         "a.created_at FROM " +
         std::string(t.files) + " a JOIN files f ON f.id = a.file_id";
}

Attachment read(const db::Row& r) {
  Attachment a;
  a.id = r.integer(0);
  a.owner_id = r.integer(1);
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

std::vector<Attachment> files_of(db::Conn& conn, const Thread& thread, std::int64_t owner_id) {
  std::vector<Attachment> out;
  conn.run(select_sql(thread) + " WHERE a." + std::string(thread.owner) +
               " = ? AND a.comment_id IS NULL ORDER BY a.id",
           {owner_id}, [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::vector<Attachment> files_of_each(db::Conn& conn, const Thread& thread,
                                      const std::vector<std::int64_t>& owner_ids) {
  std::vector<Attachment> out;
  if (owner_ids.empty()) return out;
  conn.run(select_sql(thread) + " WHERE a." + std::string(thread.owner) + " IN " +
               db::in_list(owner_ids.size()) + " AND a.comment_id IS NULL ORDER BY a.id",
           db::values(owner_ids), [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::vector<Attachment> files_of_comments(db::Conn& conn, const Thread& thread,
                                          const std::vector<std::int64_t>& ids) {
  std::vector<Attachment> out;
  if (ids.empty()) return out;
  conn.run(
      select_sql(thread) + " WHERE a.comment_id IN " + db::in_list(ids.size()) + " ORDER BY a.id",
      db::values(ids), [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::optional<Attachment> find_file(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                                    std::int64_t id) {
  std::optional<Attachment> found;
  conn.run(select_sql(thread) + " WHERE a.id = ? AND a." + std::string(thread.owner) +
               " = ? AND a.comment_id IS NULL",
           {id, owner_id}, [&](const db::Row& r) { found = read(r); });
  return found;
}

void remove_file(db::Conn& conn, const Thread& thread, std::int64_t id) {
  conn.run("DELETE FROM " + std::string(thread.files) + " WHERE id = ?", {id});
}

std::vector<Attachment> attach(db::Tx& tx, Portal& portal, const Thread& thread,
                               std::int64_t owner_id, std::int64_t comment_id,
                               const json::value& uploads, std::int64_t user_id,
                               std::string_view argument) {
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
  std::vector<Attachment> added;
  std::int64_t now = timeutil::now_seconds();
  std::string insert = "INSERT INTO " + std::string(thread.files) + "(" +
                       std::string(thread.owner) +
                       ", comment_id, file_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)";
  for (const json::value* item : items) {
    Upload upload = decode_upload(*item, argument);
    if (upload.bytes.size() > kMaxFileBytes)
      throw bad_argument(std::string(argument),
                         "A file may be at most 20 MB: " + upload.name + ".");
    if (upload.name.empty()) upload.name = "file";
    Attachment a;
    a.owner_id = owner_id;
    a.comment_id = comment_id;
    a.name = upload.name;
    a.mime = mime_of(upload.name);
    a.size = static_cast<std::int64_t>(upload.bytes.size());
    a.created_by = user_id;
    a.created_at = now;
    a.file_id = portal.files.save(tx, upload.bytes, a.name, a.mime, user_id);
    a.id =
        tx.conn.insert(insert, {owner_id, comment_id ? db::Value(comment_id) : db::Value(nullptr),
                                a.file_id, user_id, now});
    added.push_back(std::move(a));
  }
  return added;
}

json::object file_json(const Attachment& a, int tz, std::string_view base_url) {
  std::string url = std::string(base_url) + a.url;
  return json::object{{"id", std::to_string(a.id)},
                      {"name", a.name},
                      {"size", a.size},
                      {"mime", a.mime},
                      {"url", url},
                      {"createdBy", std::to_string(a.created_by)},
                      {"createdDate", timeutil::format_iso8601(a.created_at, tz)}};
}

}  // namespace artel::discussion
