// Files on a task and on its comments (C2). The bytes live in the portal's file store
// (content-addressed, see modules/files/store.h); a row here says which task or comment holds
// which file. They move onto the drive when it exists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::tasks::attachments {

struct Attachment {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::int64_t comment_id = 0;
  std::int64_t file_id = 0;
  std::string name;
  std::string mime;
  std::int64_t size = 0;
  std::string url;  // relative, /upload/…
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
};

// The task's own files (not those of its comments).
std::vector<Attachment> list(db::Conn& conn, std::int64_t task_id);
// The files of the given comments.
std::vector<Attachment> of_comments(db::Conn& conn, const std::vector<std::int64_t>& comment_ids);

// Stores uploads given as [["name", "<base64>"], …] (or one pair) on the task or a comment.
// Throws ERROR_ARGUMENT naming `argument` for a malformed list or a file over the limit.
std::vector<std::int64_t> add(db::Tx& tx, Portal& portal, std::int64_t task_id,
                              std::int64_t comment_id, const json::value& uploads,
                              std::int64_t user_id, std::string_view argument);

json::object to_json(const Attachment& a, int tz, std::string_view base_url);

void register_methods(rest::Registry& registry);

}  // namespace artel::tasks::attachments
