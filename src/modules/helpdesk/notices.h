// What people are told about tickets, in their own language: the client when the studio needs
// an answer or an acceptance (M4), the responsible person of a new ticket and of the client's
// answers, either side of a comment from the other. And the letter a new contact gets with their
// login and password (M1).
#pragma once

#include <cstdint>
#include <string>

#include "core/portal.h"
#include "db/db.h"
#include "modules/helpdesk/model.h"

namespace artel::helpdesk::notices {

enum class Kind {
  NeedsAnswer,      // to the contact: NEED_INFO
  NeedsAcceptance,  // to the contact: WAITING_ACCEPTANCE
  StatusChanged,    // to the contact: IN_WORK, QUEUE, ACCEPTED by the studio
  NewTicket,        // to the responsible person
  Commented,        // to the other side
  Accepted,         // to the responsible person: the client accepted the work
  Returned,         // to the responsible person: the client's comment sent the ticket back
};

// One notice to `to` (never to the actor), inside the change's transaction.
void send(db::Tx& tx, Portal& portal, Kind kind, const Ticket& ticket, std::int64_t actor,
          std::int64_t to, const std::string& said = "");

// The letter to a new contact: where to log in, the login and the password.
void welcome(db::Tx& tx, Portal& portal, std::int64_t contact_id, const std::string& password,
             const std::string& company, const std::string& base_url);

}  // namespace artel::helpdesk::notices
