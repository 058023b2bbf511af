// The comments of a discussion: text with BB codes and mentions, replies, files, in time order.
// What follows from a comment (counters, history, notices, live messages) is the owning
// module's; this keeps the rows and their Bitrix24 shape (task.commentitem.*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/discussion/files.h"
#include "modules/discussion/thread.h"
#include "rest/list_query.h"

namespace artel::discussion {

struct Comment {
  std::int64_t id = 0, owner_id = 0, author_id = 0, parent_id = 0, created_at = 0, updated_at = 0;
  std::string message, author_name, author_email, author_photo;
};

// POST_MESSAGE of `fields`: required, UTF-8, at most 100,000 characters; ERROR_ARGUMENT else.
std::string message_of(const json::object& fields);

// Adds the row (and the comment's FILES when given); a reply must answer a comment of the same
// object. Returns the new id.
std::int64_t insert(db::Tx& tx, Portal& portal, const Thread& thread, std::int64_t owner_id,
                    std::int64_t author, std::string_view text, std::int64_t parent_id,
                    const json::value* files);

std::optional<Comment> find(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                            std::int64_t id);
void update_text(db::Conn& conn, const Thread& thread, std::int64_t id, std::string_view text);
void remove(db::Conn& conn, const Thread& thread, std::int64_t id);
std::int64_t count(db::Conn& conn, const Thread& thread, std::int64_t owner_id);

// The object's comments, oldest first unless ORDER says otherwise; FILTER on ID AUTHOR_ID
// AUTHOR_NAME AUTHOR_EMAIL POST_DATE PARENT_ID.
std::vector<Comment> list(db::Conn& conn, const Thread& thread, std::int64_t owner_id,
                          const json::value* order, const json::value* filter, int tz);

// The task.commentitem shape; `files` may hold the files of other comments too.
json::object comment_json(const Comment& c, int tz, std::string_view base,
                          const std::vector<Attachment>& files);
// Many comments with their files in one query.
json::array comments_json(db::Conn& conn, const Thread& thread, const std::vector<Comment>& rows,
                          int tz, std::string_view base);

ApiError comment_not_found(std::int64_t id);

}  // namespace artel::discussion
