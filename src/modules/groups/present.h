// A group as Bitrix24's sonet_group.get answers it (UPPER_SNAKE, ids as strings, Y/N flags).
#pragma once

#include <string>

#include "core/json.h"
#include "modules/groups/model.h"

namespace artel::groups {

// `caller_role` is the caller's role in the group (USER_ROLE), or ""; `base_url` makes the
// picture's address absolute, as user.get does for photos.
json::object group_json(const Group& g, const std::string& caller_role, int tz_offset_seconds,
                        const std::string& base_url);

}  // namespace artel::groups
