// Incoming webhooks (N1): a secret URL /rest/<USER_ID>/<TOKEN>/ that acts as that person, limited
// to chosen scopes — exactly Bitrix24's. Revoking one stops it at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/portal.h"
#include "rest/method.h"

namespace artel::webhooks {

struct Webhook {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token;
  std::string title;
  std::vector<std::string> scopes;
  std::int64_t created_at = 0;
};

// The caller a webhook path stands for, if the token is live and its person active. The token
// is compared in constant time.
std::optional<rest::Caller> authenticate(Portal& portal, std::int64_t user_id,
                                         std::string_view token);

// Shared by the REST methods and `artel webhook add/list/revoke`.
Webhook create(Portal& portal, std::int64_t user_id, std::vector<std::string> scopes,
               const std::string& title, std::int64_t created_by);
std::vector<Webhook> list(Portal& portal);
bool revoke(Portal& portal, std::int64_t id);
json::object to_json(const Webhook& w, int tz_offset);

void register_methods(rest::Registry& registry);

}  // namespace artel::webhooks
