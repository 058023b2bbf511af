// The HTTP/HTTPS/WebSocket server. One object owns the I/O threads, the worker pool that runs
// handlers, the listeners and the hub.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "net/http.h"
#include "net/hub.h"

namespace artel::net {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
  bool tls = false;
};

struct ServerConfig {
  std::vector<Endpoint> endpoints;
  std::string tls_cert_file;  // PEM chain
  std::string tls_key_file;   // PEM key
  int io_threads = 2;
  int worker_threads = 4;
  std::size_t max_body_bytes = 32 * 1024 * 1024;
  std::size_t max_header_bytes = 64 * 1024;  // long GET query strings from @2bad/bitrix
};

class Server {
 public:
  Server(ServerConfig config, HttpHandler handler, WsAuthenticator ws_auth);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every endpoint (throws std::runtime_error with a sentence on failure) and returns the
  // bound endpoints with their real ports (port 0 asks for an ephemeral one).
  std::vector<Endpoint> start();
  // Blocks until SIGTERM/SIGINT or stop(); then stops accepting, lets requests in flight finish
  // (up to drain_seconds), closes WebSockets and joins every thread.
  void run_until_stopped(int drain_seconds = 15);
  void stop();

  Hub& hub();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace artel::net
