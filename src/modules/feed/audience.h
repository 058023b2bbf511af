// Audiences of feed entries, as destination codes: UA everyone (the employees), U<id> a person,
// SG<id> a workgroup's members, DR<id> a department with every department below it. A reader
// sees an entry when one of its codes is theirs; this file knows both directions — which codes
// are a reader's, and which people an entry's codes reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::feed {

// The codes that are the reader's. Empty for an administrator, who sees every entry (`all`).
struct Reader {
  std::int64_t user_id = 0;
  bool all = false;
  std::vector<std::string> codes;
};
Reader reader_of(db::Conn& conn, const rest::Caller& caller);

// The reader that an active person is; nullopt for anyone else.
std::optional<Reader> reader_of_person(db::Conn& conn, std::int64_t user_id);

bool sees(db::Conn& conn, const Reader& reader, std::int64_t entry_id);

// The DEST (or SPERM) codes of a call, checked against what `caller` may write to, deduplicated;
// ERROR_ARGUMENT naming DEST for a malformed or forbidden code. `fallback` when none are given
// (checked the same way; an empty one then fails as an empty DEST does).
std::vector<std::string> parse_destinations(db::Conn& conn, const rest::Caller& caller,
                                            const json::value* dest,
                                            std::vector<std::string> fallback);

// The active people the codes reach.
std::vector<std::int64_t> people_of(db::Conn& conn, const std::vector<std::string>& codes);

// May the person write to everyone (UA)? Employees, unless the administrator named who may (A8).
bool may_write_to_everyone(db::Conn& conn, const rest::Caller& caller);

}  // namespace artel::feed
