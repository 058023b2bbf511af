// The live-update hub: every open WebSocket belongs to one user. Services publish after their
// transaction commits; the hub queues each message on the connections of the given users.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace artel::net {

class Hub {
 public:
  virtual ~Hub() = default;
  virtual void send_to_users(std::span<const std::int64_t> user_ids,
                             const std::string& message) = 0;
  virtual void send_to_all(const std::string& message) = 0;
  // Closes a user's connections (logout everywhere, dismissal).
  virtual void disconnect_user(std::int64_t user_id) = 0;
  virtual std::size_t connection_count() const = 0;
  virtual bool is_online(std::int64_t user_id) const = 0;
  virtual std::vector<std::int64_t> online_users() const = 0;
};

}  // namespace artel::net
