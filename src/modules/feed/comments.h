// Comments on feed entries (log.blogcomment.*).
#pragma once

#include <cstdint>
#include <optional>

#include "db/db.h"
#include "rest/method.h"

namespace artel::feed::comments {

// The entry a comment belongs to.
std::optional<std::int64_t> entry_of_comment(db::Conn& conn, std::int64_t comment_id);

void register_methods(rest::Registry& registry);

}  // namespace artel::feed::comments
