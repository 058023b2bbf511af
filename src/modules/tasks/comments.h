// Comments on a task (C6): the discussion channel of the seeds, with mentions of whom a comment
// is for ([USER=5]Name[/USER]) and replies. A mentioned person who is not yet in the task joins
// it as an observer, as in Bitrix24, so that they can read what they were called to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/portal.h"
#include "db/db.h"
#include "modules/tasks/model.h"
#include "rest/method.h"

namespace artel::tasks::comments {

// Adds a comment by `author` (already allowed to comment) and everything that follows from it:
// files, mentions, the count, history, search text, notices, the live message. Returns its id.
struct NewComment {
  std::string text;
  std::int64_t parent_id = 0;
  const json::value* files = nullptr;  // [["name", "<base64>"], …]
};
std::int64_t add(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
                 const NewComment& comment);
std::int64_t add_text(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
                      std::string_view text);

// The text as search and notices use it (no BB codes).
std::string plain_text(std::string_view message);

void register_methods(rest::Registry& registry);

}  // namespace artel::tasks::comments
