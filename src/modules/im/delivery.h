// What send() does, with what the REST methods need besides: the id of the entry, where a notice
// from an application came from, and the live messages after a change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "modules/im/notify.h"

namespace artel::notify {

// A notice sent through the REST API: the application that sent it (a webhook, or the CLIENT_ID
// it named), its ATTACH as JSON text, and the address the request came to, which the e-mail's
// links use while the portal knows no public address of its own.
struct Origin {
  std::string app;
  std::string attach;
  std::string base_url;
};

// send(), returning the id of the entry that holds the notice (a new one, or the unread entry
// with the same tag that took it in); 0 when it reached no bell (an inactive person, a notice to
// oneself, the bell switched off for this type; an e-mail may still be queued).
std::int64_t deliver(db::Tx& tx, Portal& portal, const Notice& notice, const Origin& origin = {});

// After commit, tell the person's open tabs: notify.read (ids empty: too many to list, reload)
// and notify.deleted. Both carry the new unread counter.
void publish_read(db::Tx& tx, Portal& portal, std::int64_t user_id,
                  const std::vector<std::int64_t>& ids, bool read);
void publish_deleted(db::Tx& tx, Portal& portal, std::int64_t user_id,
                     const std::vector<std::int64_t>& ids);

}  // namespace artel::notify
