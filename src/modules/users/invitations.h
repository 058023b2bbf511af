// Invitations (A4): the administrator adds an e-mail, the person gets a link, sets a name,
// a password and a photo, and is in. The link carries a random token; only its hash is stored.
#pragma once

#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"

namespace artel::users {

// Creates the token and queues the e-mail in the caller's transaction.
void send_invitation(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t invited_by,
                     const std::string& base_url);

// {EMAIL, NAME, LAST_NAME, PORTAL_NAME} of a pending invitation; 400 INVITATION_INVALID otherwise.
json::object invitation_info(Portal& portal, const std::string& token);

// Sets the person's name, password (and photo) and activates the account; returns the user id.
std::int64_t accept_invitation(Portal& portal, const std::string& token,
                               const json::object& fields);

}  // namespace artel::users
