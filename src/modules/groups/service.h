// The rules of workgroups and projects (D1–D6): who creates, edits and deletes a group, who
// adds, invites, accepts and removes people, the extranet boundary (outside people only in
// extranet groups), and the project's curators (D5).
#pragma once

#include <cstdint>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::groups {

void register_methods(rest::Registry& registry);

// user.add with EXTRANET and SONET_GROUP_ID: checks that the caller may invite into each group
// (which must be an extranet group) before the person is created.
void check_may_invite(db::Conn& conn, const rest::Caller& caller,
                      const std::vector<std::int64_t>& group_ids, bool extranet_person);
// …and puts the new person into them, in the same transaction.
void add_invited(db::Tx& tx, Portal& portal, const std::vector<std::int64_t>& group_ids,
                 std::int64_t user_id);

}  // namespace artel::groups
