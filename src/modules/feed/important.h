// Important posts (E3): readers press "I've read it"; the author and the administrators see
// who did and who did not yet.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "modules/feed/model.h"
#include "rest/method.h"

namespace artel::feed::important {

// {UNTIL, READ_COUNT, READ_BY_ME} of each important entry, by id.
std::map<std::int64_t, json::object> of_entries(db::Conn& conn, std::int64_t user_id,
                                                const std::vector<Entry>& entries, int tz);

void register_methods(rest::Registry& registry);

}  // namespace artel::feed::important
