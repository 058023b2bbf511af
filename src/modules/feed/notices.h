// What people are told about the feed, in their own language (A7): a post addressed to them by
// name (blog|post), a mention in a post or a comment (blog|mention), a comment on their post or
// an answer to their comment (blog|comment).
#pragma once

#include <cstdint>
#include <string>

#include "core/portal.h"
#include "db/db.h"
#include "modules/feed/model.h"

namespace artel::feed::notices {

enum class Kind { Addressed, Mentioned, Commented, Answered };

// One notice to `to` (never to the actor), inside the change's transaction. `text` is the post's
// or the comment's text, quoted shortened.
void send(db::Tx& tx, Portal& portal, Kind kind, const Entry& entry, std::int64_t actor,
          std::int64_t to, const std::string& text);

}  // namespace artel::feed::notices
