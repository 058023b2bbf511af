// Tickets (M2–M5): what a client sends and the studio works, with the rules of who may change
// what and of the statuses.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/helpdesk/desk.h"
#include "rest/method.h"

namespace artel::helpdesk {

// Opens a ticket as `actor` from the FIELDS of helpdesk.ticket.add, inside the transaction:
// checks the fields against the actor's side, stores the ticket and its files, tells the
// responsible person, and sends the live message. `source` is "portal" for the web and the API;
// a mailbox reader (M6) will call it for the sender's contact with "email". Returns the id.
std::int64_t open_ticket(db::Tx& tx, Portal& portal, const Desk& actor, const rest::Caller& caller,
                         const json::object& fields, std::string_view source);

void register_ticket_methods(rest::Registry& registry);

}  // namespace artel::helpdesk
