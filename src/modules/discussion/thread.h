// A discussion is the comments of one object and the files on it and on its comments. Tasks
// (C6, C2) and client tickets (M3) discuss the same way, so one piece of code keeps both; each
// kind of object has its own pair of tables, named by a Thread.
#pragma once

#include <string_view>

namespace artel::discussion {

struct Thread {
  std::string_view comments;  // table: id, <owner>, author_id, parent_id, message, created_at,
                              //        updated_at
  std::string_view files;     // table: id, <owner>, comment_id, file_id, created_by, created_at
  std::string_view owner;     // the column naming the object: task_id, ticket_id
};

}  // namespace artel::discussion
