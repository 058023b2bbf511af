// Live updates: after a transaction commits, send {"type","data"} to the WebSocket connections
// of the people allowed to see the change.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"

namespace artel::live {

void publish_after_commit(db::Tx& tx, Portal& portal, std::vector<std::int64_t> user_ids,
                          std::string_view type, json::value data);

}  // namespace artel::live
