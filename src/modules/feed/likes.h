// Likes of entries and of comments (E1): who liked, newest first.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::feed::likes {

// {COUNT, MINE: Y/N, RECENT: [up to three names]} of each entry (comment_id 0) or comment.
std::map<std::int64_t, json::object> of_entries(db::Conn& conn, std::int64_t user_id,
                                                const std::vector<std::int64_t>& entry_ids);
std::map<std::int64_t, json::object> of_comments(db::Conn& conn, std::int64_t user_id,
                                                 const std::vector<std::int64_t>& comment_ids);

void register_methods(rest::Registry& registry);

}  // namespace artel::feed::likes
