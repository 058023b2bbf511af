#include "rest/endpoint.h"

#include <iostream>

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/sessions/service.h"
#include "modules/settings/store.h"
#include "modules/webhooks/service.h"
#include "rest/dispatch.h"
#include "rest/envelope.h"
#include "rest/params.h"

namespace artel::rest {

namespace {

struct Target {
  std::string method;
  std::optional<std::int64_t> hook_user;
  std::string hook_token;
};

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < path.size()) {
    auto slash = path.find('/', pos);
    std::string_view part = path.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    if (!part.empty()) parts.push_back(url_decode(part, false));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return parts;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string::npos;
}

// /rest/<method>[.json]  or  /rest/<user>/<token>/<method>[.json]  (a trailing slash is fine).
Target parse_target(std::string_view path) {
  auto parts = split_path(path.substr(5));  // after "/rest"
  Target t;
  if (parts.size() == 3 && all_digits(parts[0])) {
    t.hook_user = std::stoll(parts[0]);
    t.hook_token = parts[1];
    t.method = parts[2];
  } else if (parts.size() == 1) {
    t.method = parts[0];
  } else if (parts.size() == 2 && all_digits(parts[0])) {
    throw ApiError(401, "NO_AUTH_FOUND", "Wrong authorization data");
  } else {
    throw ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  }
  std::string lower = to_lower_ascii(t.method);
  if (lower.size() > 5 && lower.ends_with(".json"))
    t.method.resize(t.method.size() - 5);
  else if (lower.size() > 4 && lower.ends_with(".xml"))
    throw bad_request("ERROR_FORMAT", "Artel answers in JSON only; drop the .xml suffix.");
  return t;
}

void add_cors(net::Response& r) {
  r.set_header("Access-Control-Allow-Origin", "*");
  r.set_header("Access-Control-Allow-Headers", "origin, content-type, accept, x-csrf-token");
  r.set_header("X-Content-Type-Options", "nosniff");
}

net::Response json_response(int status, std::string body) {
  net::Response r;
  r.status = status;
  r.set_header("Content-Type", "application/json; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  add_cors(r);
  r.body = std::move(body);
  return r;
}

// Reads and removes `start` (paging) and `sessid` (CSRF as a parameter) from the parameters.
std::int64_t take_start(json::object& params) {
  std::int64_t start = 0;
  for (auto it = params.begin(); it != params.end();) {
    std::string key = to_lower_ascii(it->key());
    if (key == "start") {
      auto n = as_int(it->value());
      if (!n && !(it->value().is_string() && it->value().get_string().empty()))
        throw bad_argument("start", "Parameter start must be an integer.");
      start = n.value_or(0);
      it = params.erase(it);
    } else {
      ++it;
    }
  }
  if (start < -1) start = 0;
  return start;
}

std::string take_param(json::object& params, std::string_view name) {
  std::string out;
  for (auto it = params.begin(); it != params.end();) {
    if (to_lower_ascii(it->key()) == name) {
      out = as_string(it->value()).value_or("");
      it = params.erase(it);
    } else {
      ++it;
    }
  }
  return out;
}

}  // namespace

std::optional<std::int64_t> session_user(Portal& portal, const net::Request& request) {
  auto s = sessions::find(portal, sessions::cookie_token(request.header("cookie")));
  if (!s) return std::nullopt;
  return s->user_id;
}

net::Response Endpoint::handle(const net::Request& req) {
  if (req.method == "OPTIONS") {
    net::Response r;  // an empty answer: no content type
    add_cors(r);
    r.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    return r;
  }
  Timing timing{timeutil::now_float_seconds(), 0, portal_.settings.snapshot()->tz_offset_now()};
  std::vector<std::string> cookies;
  try {
    if (req.method != "GET" && req.method != "POST")
      throw ApiError(405, "ERROR_METHOD_NOT_ALLOWED", "Use GET or POST for REST calls.");
    Target target = parse_target(req.path);
    json::object params = decode_params(req.query, req.header("content-type"), req.body);
    std::int64_t start = take_start(params);
    std::string sessid = take_param(params, "sessid");
    take_param(params, "auth");  // OAuth tokens: no OAuth applications yet, the cookie decides

    Caller caller;
    if (target.hook_user) {
      auto hook = webhooks::authenticate(portal_, *target.hook_user, target.hook_token);
      if (!hook) throw ApiError(401, "NO_AUTH_FOUND", "Wrong authorization data");
      caller = std::move(*hook);
    } else if (auto token = sessions::cookie_token(req.header("cookie")); !token.empty()) {
      if (auto s = sessions::find(portal_, token)) {
        const Method* m = registry_.find(target.method);
        bool public_method = m && (m->access == Access::Public || m->csrf_exempt);
        std::string presented(req.header("x-csrf-token"));
        if (presented.empty()) presented = sessid;
        if (!public_method && !crypto::constant_time_equal(presented, s->csrf))
          throw ApiError(
              401, "INVALID_CSRF",
              "The security token of this page is missing or out of date; reload the page.");
        caller.kind = AuthKind::Session;
        caller.user_id = s->user_id;
        caller.is_admin = s->is_admin;
        caller.is_extranet = s->is_extranet;
        caller.session_token_hash = s->token_hash;
      }
    }
    RequestInfo info{req.remote_address, std::string(req.header("host")), req.tls,
                     std::string(req.header("user-agent"))};
    Call call{portal_, params, caller, info, start, &cookies};
    CallResult result = dispatch(registry_, target.method, call, false);
    timing.finish = timeutil::now_float_seconds();
    net::Response r = json_response(200, success_body(result, timing));
    for (auto& c : cookies) r.set_header("Set-Cookie", c);
    return r;
  } catch (const ApiError& e) {
    net::Response r = json_response(e.status(), error_body(e));
    for (auto& c : cookies) r.set_header("Set-Cookie", c);
    return r;
  } catch (const std::exception& e) {
    std::cerr << "artel: " << req.method << " " << req.path << " failed: " << e.what() << "\n";
    return json_response(
        500, error_body(ApiError(500, "INTERNAL_SERVER_ERROR", "Internal server error.")));
  }
}

}  // namespace artel::rest
