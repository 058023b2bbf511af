// What people are told about workgroups, in their own language: an invitation to a group, being
// added to one, and a request to join one they manage (event socialnetwork|group_invite).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "modules/groups/model.h"

namespace artel::groups::notices {

enum class Kind { Invited, Added, Requested };

// One notice to each of `to` (never to the actor), inside the change's transaction. `message`
// is what the actor wrote with the invitation or request, quoted after the sentence.
void send(db::Tx& tx, Portal& portal, Kind kind, const Group& group, std::int64_t actor,
          const std::vector<std::int64_t>& to, const std::string& message = "");

}  // namespace artel::groups::notices
