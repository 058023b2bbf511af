// Tasks in the live feed (E4): "created" and "completed" entries, whose audience follows the
// task's — whoever may see the task sees its entries, and nobody else.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/portal.h"
#include "db/db.h"

namespace artel::tasks {

// After a change of the task (`what` as in after_change): the entries it needs, and their
// audience brought up to date.
// `people` is the task's audience (audience()), which the caller has at hand.
void tell_feed(db::Tx& tx, Portal& portal, std::int64_t task_id, std::string_view what,
               std::int64_t actor_id, const std::vector<std::int64_t>& people);
// The task is deleted: its entries go with it.
void forget_in_feed(db::Tx& tx, Portal& portal, std::int64_t task_id);

}  // namespace artel::tasks
