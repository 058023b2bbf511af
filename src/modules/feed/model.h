// The live feed (E1–E5, seeds 001–003): posts people write to an audience and events of the
// portal, each with comments, likes, and for posts a poll and the "important" mark.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/discussion/thread.h"

namespace artel::feed {

// Where entries keep their comments and files.
inline constexpr discussion::Thread kThread{"feed_comments", "feed_files", "entry_id"};

struct Entry {
  std::int64_t id = 0;
  std::string entry_type = "post";  // post, event
  std::int64_t author_id = 0;
  std::string title;
  std::string message;
  bool important = false;
  std::optional<std::int64_t> important_until;
  std::string event_type;   // task_created, task_completed, group_created, user_joined
  std::string object_type;  // task, group, user
  std::int64_t object_id = 0;
  std::int64_t comments_count = 0;
  std::int64_t likes_count = 0;
  std::int64_t created_at = 0, updated_at = 0;
  std::vector<std::string> codes;  // the audience, read with the entry
};

}  // namespace artel::feed
