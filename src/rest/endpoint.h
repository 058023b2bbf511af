// The HTTP face of the REST layer: /rest/<method>, /rest/<user>/<token>/<method>[.json], CORS,
// authentication (webhook path, session cookie + CSRF), decoding, dispatch, envelopes.
#pragma once

#include <optional>

#include "core/portal.h"
#include "net/http.h"
#include "rest/method.h"

namespace artel::rest {

class Endpoint {
 public:
  Endpoint(Portal& portal, const Registry& registry) : portal_(portal), registry_(registry) {}
  // For requests whose path starts with /rest/.
  net::Response handle(const net::Request& request);

 private:
  Portal& portal_;
  const Registry& registry_;
};

// The person behind a browser's session cookie (for /ws and file downloads).
std::optional<std::int64_t> session_user(Portal& portal, const net::Request& request);

}  // namespace artel::rest
