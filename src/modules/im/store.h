// SQL for the notices of the bell. Rules (who may, what groups with what) live in notify.cpp and
// methods.cpp; this file only reads and writes rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "rest/list_query.h"

namespace artel::notify::store {

struct Entry {
  std::int64_t id = 0;
  std::int64_t user_id = 0;    // the recipient
  std::int64_t author_id = 0;  // 0: the portal itself
  std::string module, event, tag, sub_tag, message, message_out, link;
  std::string attach;  // ATTACH as JSON text, "" when none
  std::string app;     // the application (webhook or CLIENT_ID) that sent it; "" for modules
  std::int64_t event_count = 1;
  std::int64_t sort_seq = 0;
  std::int64_t created_at = 0, updated_at = 0;
  bool is_read = false;
  std::int64_t read_at = 0;
};

std::optional<Entry> find(db::Conn& conn, std::int64_t id);

// The person's unread entry with this tag, which a new notice with the tag joins.
std::optional<std::int64_t> unread_with_tag(db::Conn& conn, std::int64_t user_id,
                                            const std::string& tag);

// A new entry on top of the person's bell; returns its id.
std::int64_t insert(db::Conn& conn, const Entry& entry, std::int64_t now);
// The entry takes the newer notice's text (and its link, when it has one), counts one more event
// and moves to the top.
void absorb(db::Conn& conn, std::int64_t id, const Entry& newer, std::int64_t now);

// Entries matching the query's conditions (over the alias n), newest first, at most `limit`.
std::vector<Entry> list(db::Conn& conn, const rest::ListQuery& query, int limit);
std::int64_t count(db::Conn& conn, const rest::ListQuery& query);

std::int64_t unread_count(db::Conn& conn, std::int64_t user_id);

// Marks the entries read (or unread) and returns the ids whose state changed.
std::vector<std::int64_t> set_read(db::Conn& conn, const rest::ListQuery& query, bool read,
                                   std::int64_t now);

struct Removed {
  std::int64_t id, user_id;
};
// Deletes the entries matching the query; returns what went, for the live messages.
std::vector<Removed> remove(db::Conn& conn, const rest::ListQuery& query);

}  // namespace artel::notify::store
