// Browser sessions (A2): log in with e-mail and password, a cookie that names the session, a
// CSRF token for every call made with the cookie, throttled failures, the address allow-list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/portal.h"
#include "rest/method.h"

namespace artel::sessions {

constexpr const char* kCookieName = "artel_session";

struct Session {
  std::int64_t user_id = 0;
  bool is_admin = false;
  bool is_extranet = false;
  std::string csrf;
  std::string token_hash;
};

// The session a cookie value names, if it is live and its person active.
std::optional<Session> find(Portal& portal, const std::string& token);

// Creates a session for an authenticated person; returns the cookie value's Set-Cookie line.
struct Opened {
  std::string set_cookie;
  std::string csrf;
};
Opened open(Portal& portal, std::int64_t user_id, const rest::RequestInfo& request);

// The value of the cookie in a Cookie header, or "".
std::string cookie_token(std::string_view cookie_header);

void register_methods(rest::Registry& registry);

}  // namespace artel::sessions
