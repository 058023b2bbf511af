// Plain HTTP request/response values. The transport (server.cpp) converts Beast messages to
// and from these, so that nothing above src/net includes Boost.Beast or Asio.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace artel::net {

struct Request {
  std::string method;  // upper case: GET, POST, ...
  std::string path;    // percent-encoded path without the query string
  std::string query;   // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  bool tls = false;

  std::string_view header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
      if (k == lower_name) return v;
    return {};
  }
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the transport streams this file as the body (static files, uploads).
  std::string file_path;

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Runs on a worker thread, never on an I/O thread, so it may block on the database.
using HttpHandler = std::function<Response(const Request&)>;

// Decides whether a WebSocket upgrade may proceed: the user id it belongs to, or nullopt.
using WsAuthenticator = std::function<std::optional<std::int64_t>(const Request&)>;

}  // namespace artel::net
