// Notices by e-mail (F4), grouped: notices with the same tag for one person within a few minutes
// leave as one message that lists them. A notice is queued in the transaction that sends it; the
// digest job turns each group whose minutes have passed into one e-mail in the mail outbox.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "events/mail_outbox.h"

namespace artel::notify::digest {

// How long the first notice of a group waits for others: 3 minutes (divided by
// ARTEL_JOBS_SCALE, so that tests wait seconds).
std::int64_t window_seconds();

// Queues one notice for the person's e-mail. `text` may hold BB codes; `link` is a portal path
// or an address. The links of the e-mail are built on the portal's public address, or on
// `fallback_base_url` (the address of the request that sent the notice) while there is none.
void enqueue(db::Tx& tx, Portal& portal, std::int64_t user_id, const std::string& tag,
             std::int64_t author_id, const std::string& text, const std::string& link,
             const std::string& fallback_base_url = {});

// Turns every group that is due into one e-mail; returns how many e-mails were queued.
int deliver_due(Portal& portal);

// The pure part, testable on its own.
struct Item {
  std::string author;  // "" for a notice of the portal itself
  std::string text;    // BB codes allowed
  std::string link;
  std::int64_t at = 0;
};
struct Letter {
  std::string to, to_name;
  std::string language;  // ru, en, ro
  int tz_offset = 0;     // seconds east of UTC, for the times of the items
  std::string portal_name;
  std::string base_url;  // the portal's public address; "" when unknown (no links then)
};
// One e-mail listing the items (oldest first): the portal's name in the subject, a plain-text
// and an HTML part (everything escaped), a link to each object and to the settings page.
OutgoingMail compose(const Letter& letter, const std::vector<Item>& items);

// The address of a notice's link in an e-mail: a path gets base_url in front (none without a
// base_url), an http(s) address stays, anything else gives "".
std::string absolute_link(const std::string& link, const std::string& base_url);

}  // namespace artel::notify::digest
