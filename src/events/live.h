// Live updates: after a transaction commits, send {"type","data"} to the WebSocket connections
// of the people allowed to see the change — on this process's hub, and, when several `artel`
// processes share one PostgreSQL database, on theirs too (the relay below).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"

namespace artel::live {

void publish_after_commit(db::Tx& tx, Portal& portal, std::vector<std::int64_t> user_ids,
                          std::string_view type, json::value data);

// Carries live messages between the processes of one PostgreSQL database: each message is also
// sent with NOTIFY inside the change's transaction (so others hear it only if it commits), and
// what the others send is given to this process's hub. On SQLite (one process) it does nothing.
class Relay {
 public:
  // Starts listening; `portal.hub` must outlive the relay.
  explicit Relay(Portal& portal);
  ~Relay();
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;

  bool active() const { return listener_ != nullptr; }
  // In the change's transaction.
  void announce(db::Tx& tx, const std::vector<std::int64_t>& user_ids, const std::string& text);

 private:
  void deliver(const std::string& payload);

  Portal& portal_;
  std::string origin_;  // this process, to skip its own messages (already delivered at commit)
  std::unique_ptr<db::Listener> listener_;
};

}  // namespace artel::live
