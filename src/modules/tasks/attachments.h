// Files on a task and on its comments (C2), kept as a discussion (modules/discussion) in
// task_files. They move onto the drive when it exists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/discussion/files.h"
#include "modules/discussion/thread.h"
#include "rest/method.h"

namespace artel::tasks {

// Where tasks keep their comments and files.
inline constexpr discussion::Thread kThread{"task_comments", "task_files", "task_id"};

}  // namespace artel::tasks

namespace artel::tasks::attachments {

using Attachment = discussion::Attachment;

// The task's own files (not those of its comments).
std::vector<Attachment> list(db::Conn& conn, std::int64_t task_id);

// Stores uploads given as [["name", "<base64>"], …] (or one pair) on the task and records each
// in the task's history. Throws ERROR_ARGUMENT naming `argument` for a malformed list or a file
// over the limit.
std::vector<std::int64_t> add(db::Tx& tx, Portal& portal, std::int64_t task_id,
                              const json::value& uploads, std::int64_t user_id,
                              std::string_view argument);

json::object to_json(const Attachment& a, int tz, std::string_view base_url);

void register_methods(rest::Registry& registry);

}  // namespace artel::tasks::attachments
