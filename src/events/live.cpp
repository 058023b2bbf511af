#include "events/live.h"

#include "net/hub.h"

namespace artel::live {

void publish_after_commit(db::Tx& tx, Portal& portal, std::vector<std::int64_t> user_ids,
                          std::string_view type, json::value data) {
  if (!portal.hub || user_ids.empty()) return;
  json::object message;
  message["type"] = type;
  message["data"] = std::move(data);
  tx.on_commit([hub = portal.hub, ids = std::move(user_ids), text = json::serialize(message)] {
    hub->send_to_users(ids, text);
  });
}

}  // namespace artel::live
