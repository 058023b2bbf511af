// Files attached to an object of a discussion or to one of its comments. The bytes live in the
// portal's file store (content-addressed, see modules/files/store.h); a row of the thread's
// files table says which object or comment holds which file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/discussion/thread.h"

namespace artel::discussion {

struct Attachment {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;  // the task or ticket
  std::int64_t comment_id = 0;
  std::int64_t file_id = 0;
  std::string name;
  std::string mime;
  std::int64_t size = 0;
  std::string url;  // relative, /upload/…
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
};

// The object's own files (not those of its comments).
std::vector<Attachment> files_of(db::Conn& conn, const Thread& thread, std::int64_t owner_id);
// The own files of several objects, in one query.
std::vector<Attachment> files_of_each(db::Conn& conn, const Thread& thread,
                                      const std::vector<std::int64_t>& owner_ids);
// The files of the given comments.
std::vector<Attachment> files_of_comments(db::Conn& conn, const Thread& thread,
                                          const std::vector<std::int64_t>& comment_ids);
// One of the object's own files.
std::optional<Attachment> find_file(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                                    std::int64_t id);
void remove_file(db::Conn& conn, const Thread& thread, std::int64_t id);

// Stores uploads given as [["name", "<base64>"], …] (or one pair) on the object (comment_id 0)
// or on a comment. Throws ERROR_ARGUMENT naming `argument` for a malformed list, too many files
// or a file over the limit; nothing is stored then, since the caller's transaction rolls back.
std::vector<Attachment> attach(db::Tx& tx, Portal& portal, const Thread& thread,
                               std::int64_t owner_id, std::int64_t comment_id,
                               const json::value& uploads, std::int64_t user_id,
                               std::string_view argument);

// {id, name, size, mime, url, createdBy, createdDate}, as the task card shows files.
json::object file_json(const Attachment& a, int tz, std::string_view base_url);

}  // namespace artel::discussion
