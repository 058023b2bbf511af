// The SQL of the feed: entries, their audience codes, and the page query that reads each of a
// reader's codes newest first, so a page costs the same with a million entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "modules/feed/audience.h"
#include "modules/feed/model.h"
#include "search/index.h"

namespace artel::feed::store {

const search::Index& search_index();

std::optional<Entry> find(db::Conn& conn, std::int64_t id);
// The entries with their codes, newest first.
std::vector<Entry> by_ids(db::Conn& conn, const std::vector<std::int64_t>& ids);
std::int64_t insert(db::Conn& conn, const Entry& e);
// Title, message, the important mark and the update time.
void update(db::Conn& conn, const Entry& e);
void remove(db::Conn& conn, std::int64_t id);

void add_codes(db::Conn& conn, std::int64_t id, const std::vector<std::string>& codes);
void set_codes(db::Conn& conn, std::int64_t id, const std::vector<std::string>& codes);
std::vector<std::int64_t> entries_about(db::Conn& conn, std::string_view object_type,
                                        std::int64_t object_id);

// Conditions on the entry (alias `e`) that a page must meet, each with its parameters.
struct Conditions {
  std::vector<std::string> sql;
  db::Params params;
  void add(std::string condition, db::Params values = {});
};

// One page of the ids the reader sees, newest first: older than `before` (0: no bound), newer
// than `after`, meeting `where`, skipping `offset`.
std::vector<std::int64_t> page(db::Conn& conn, const Reader& reader, const Conditions& where,
                               std::int64_t before, std::int64_t after, int limit, int offset);

// How many entries by others the reader sees after `after`, counting at most `cap`.
std::int64_t count_after(db::Conn& conn, const Reader& reader, std::int64_t after, int cap);

}  // namespace artel::feed::store
