// Polls in posts (E2): one question with two to twenty answers, one or several choices, results
// shown to all or only after voting; the author closes it.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/feed/audience.h"
#include "modules/feed/model.h"
#include "rest/method.h"

namespace artel::feed::polls {

// Validates POLL of log.blogpost.add ({QUESTION, ANSWERS, MULTIPLE, RESULTS}) and stores it.
void create(db::Conn& conn, std::int64_t entry_id, const json::value& poll);

// The polls of the entries as `reader` may see them, by entry id (entries without one absent).
std::map<std::int64_t, json::object> of_entries(db::Conn& conn, const Reader& reader,
                                                const std::vector<Entry>& entries);

void register_methods(rest::Registry& registry);

}  // namespace artel::feed::polls
