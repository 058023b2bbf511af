// Uploaded files (photos, logos; later task attachments and the drive). Content is stored once
// per SHA-256 under data/files/ab/abcdef…; rows in `files` name each upload.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "db/db.h"

namespace artel {

struct StoredFile {
  std::int64_t id = 0;
  std::string sha256;
  std::string mime;
  std::string name;
  std::int64_t size = 0;
};

class FileStore {
 public:
  explicit FileStore(std::string data_dir);
  // Writes the content to disk (idempotent per content) and records it inside the transaction.
  std::int64_t save(db::Tx& tx, std::string_view bytes, std::string_view name,
                    std::string_view mime, std::int64_t created_by);
  std::optional<StoredFile> find(db::Conn& conn, std::int64_t id) const;
  // Public address of a file: /upload/<id>/<sha256-prefix>/<name>. The hash part makes the
  // address unguessable, so it can be shown in <img> without a session.
  static std::string url(const StoredFile& file);
  std::string url_of(db::Conn& conn, std::int64_t id) const;
  std::string path_of(std::string_view sha256) const;

 private:
  std::string root_;
};

// Decodes an upload given as ["name.png", "<base64>"] (or {fileData: [...]}) into name + bytes.
// Throws ApiError naming `argument` when the value is not such a pair or not base64.
struct Upload {
  std::string name;
  std::string bytes;
};
Upload decode_upload(const json::value& value, std::string_view argument);

}  // namespace artel
