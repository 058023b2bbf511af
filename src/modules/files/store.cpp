#include "modules/files/store.h"

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "core/error.h"
#include "core/time.h"
#include "rest/params.h"

namespace artel {

namespace fs = std::filesystem;

FileStore::FileStore(std::string data_dir) : root_(std::move(data_dir) + "/files") {}

std::string FileStore::path_of(std::string_view sha256) const {
  return root_ + "/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

std::int64_t FileStore::save(db::Tx& tx, std::string_view bytes, std::string_view name,
                             std::string_view mime, std::int64_t created_by) {
  std::string sha = crypto::sha256_hex(bytes);
  std::string path = path_of(sha);
  if (!fs::exists(path)) {
    fs::create_directories(fs::path(path).parent_path());
    // Write to a temporary name first so a crash never leaves a truncated file under the hash.
    std::string tmp = path + ".tmp" + crypto::random_token(8);
    {
      std::ofstream out(tmp, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.flush();
      if (!out) throw std::runtime_error("Cannot write " + tmp);
    }
    fs::rename(tmp, path);
  }
  return tx.conn.insert(
      "INSERT INTO files(sha256, size, mime, name, created_by, created_at) VALUES (?,?,?,?,?,?)",
      {sha, static_cast<std::int64_t>(bytes.size()), std::string(mime), std::string(name),
       created_by ? db::Value(created_by) : db::Value(nullptr), timeutil::now_seconds()});
}

std::optional<StoredFile> FileStore::find(db::Conn& conn, std::int64_t id) const {
  std::optional<StoredFile> out;
  conn.run("SELECT id, sha256, mime, name, size FROM files WHERE id = ?", {id},
           [&](const db::Row& r) {
             out = StoredFile{r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4)};
           });
  return out;
}

std::string FileStore::url(const StoredFile& f) {
  return "/upload/" + std::to_string(f.id) + "/" + f.sha256.substr(0, 16) + "/" +
         rest::url_encode(f.name);
}

std::string FileStore::url_of(db::Conn& conn, std::int64_t id) const {
  if (!id) return {};
  auto f = find(conn, id);
  return f ? url(*f) : std::string();
}

Upload decode_upload(const json::value& value, std::string_view argument) {
  const json::value* v = &value;
  if (v->is_object()) {
    if (const json::value* data = find_ci(v->get_object(), "fileData")) v = data;
  }
  auto items = as_list(*v);
  if (items.size() != 2 || !items[0]->is_string() || !items[1]->is_string())
    throw bad_argument(std::string(argument), "Parameter " + std::string(argument) +
                                                  " must be [\"file name\", \"base64 content\"].");
  auto bytes = crypto::base64_decode(items[1]->get_string());
  if (!bytes)
    throw bad_argument(std::string(argument),
                       "The content of " + std::string(argument) + " is not valid base64.");
  std::string name(items[0]->get_string());
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty()) name = "file";
  if (name.size() > 200) name = name.substr(0, 200);
  return {name, std::move(*bytes)};
}

}  // namespace artel
