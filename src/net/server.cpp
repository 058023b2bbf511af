// The only translation unit that includes Boost.Beast: HTTP/1.1 and WebSocket over TCP and TLS,
// with C++20 coroutines. Handlers run on a worker pool; I/O threads only move bytes.
//
// Coroutine state is always passed as coroutine parameters, never captured by a lambda body:
// a capturing lambda's closure dies before the coroutine runs (heap corruption under load).
#include "net/server.h"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace artel::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

constexpr const char* kServerName = "Artel";

// Runs `fn` on the worker pool and resumes the awaiting coroutine on its own executor.
// Deliberately not a coroutine itself: g++ 12 mishandles coroutine parameters of lambda type
// (the captured request was destroyed twice), so the work travels as an initiation argument.
template <class R, class F>
auto on_pool(asio::thread_pool& pool, F fn) {
  auto initiate = [&pool](auto handler, F work) {
    auto ex = asio::get_associated_executor(handler);
    asio::post(pool, [work = std::move(work), handler = std::move(handler), ex]() mutable {
      std::exception_ptr error;
      R result{};
      try {
        result = work();
      } catch (...) {
        error = std::current_exception();
      }
      asio::post(ex, [handler = std::move(handler), error, result = std::move(result)]() mutable {
        std::move(handler)(error, std::move(result));
      });
    });
  };
  return asio::async_initiate<decltype(use_awaitable), void(std::exception_ptr, R)>(
      initiate, use_awaitable, std::move(fn));
}

Request to_request(const http::request<http::string_body>& msg, const std::string& remote,
                   bool tls) {
  Request r;
  r.method = std::string(msg.method_string());
  std::string_view target = msg.target();
  auto q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  r.body = msg.body();
  r.remote_address = remote;
  r.tls = tls;
  return r;
}

std::string json_error(std::string_view code, std::string_view description) {
  std::string out = "{\"error\":\"";
  out += code;
  out += "\",\"error_description\":\"";
  out += description;
  out += "\"}";
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// WebSocket sessions and the hub.

class WsSessionBase : public std::enable_shared_from_this<WsSessionBase> {
 public:
  virtual ~WsSessionBase() = default;
  virtual void send(std::string message) = 0;
  virtual void close() = 0;
};

// Messages are handed to the sockets by a thread of the hub's own: the transaction that
// publishes returns at once, so the answer to the request that made the change is queued on the
// I/O threads before ten thousand socket writes are, not behind them. One thread keeps the
// messages in the order they were published.
class HubImpl final : public Hub {
 public:
  HubImpl() : fan_out_([this] { fan_out_loop(); }) {}
  ~HubImpl() override {
    {
      std::lock_guard lock(queue_mu_);
      stopping_ = true;
    }
    queue_cv_.notify_one();
    fan_out_.join();
  }
  void add(std::int64_t user, const std::shared_ptr<WsSessionBase>& s) {
    std::lock_guard lock(mu_);
    by_user_[user].insert(s);
    ++count_;
  }
  void remove(std::int64_t user, const std::shared_ptr<WsSessionBase>& s) {
    std::lock_guard lock(mu_);
    auto it = by_user_.find(user);
    if (it == by_user_.end()) return;
    if (it->second.erase(s)) --count_;
    if (it->second.empty()) by_user_.erase(it);
  }
  void send_to_users(std::span<const std::int64_t> user_ids, const std::string& message) override {
    enqueue({std::vector<std::int64_t>(user_ids.begin(), user_ids.end()), false, message});
  }
  void send_to_all(const std::string& message) override { enqueue({{}, true, message}); }
  void disconnect_user(std::int64_t user_id) override {
    std::int64_t ids[] = {user_id};
    for (auto& s : collect(ids)) s->close();
  }
  std::size_t connection_count() const override {
    std::lock_guard lock(mu_);
    return count_;
  }
  bool is_online(std::int64_t user_id) const override {
    std::lock_guard lock(mu_);
    return by_user_.count(user_id) > 0;
  }
  std::vector<std::int64_t> online_users() const override {
    std::lock_guard lock(mu_);
    std::vector<std::int64_t> ids;
    for (const auto& [id, set] : by_user_) ids.push_back(id);
    return ids;
  }
  void close_all() {
    for (auto& s : collect_all()) s->close();
  }

 private:
  struct Delivery {
    std::vector<std::int64_t> users;
    bool everyone = false;
    std::string message;
  };

  void enqueue(Delivery d) {
    {
      std::lock_guard lock(queue_mu_);
      queue_.push_back(std::move(d));
    }
    queue_cv_.notify_one();
  }

  void fan_out_loop() {
    for (;;) {
      Delivery d;
      {
        std::unique_lock lock(queue_mu_);
        queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and everything queued is delivered
        d = std::move(queue_.front());
        queue_.pop_front();
      }
      for (auto& s : d.everyone ? collect_all() : collect(d.users)) s->send(d.message);
    }
  }

  std::vector<std::shared_ptr<WsSessionBase>> collect(std::span<const std::int64_t> ids) {
    std::vector<std::shared_ptr<WsSessionBase>> out;
    std::lock_guard lock(mu_);
    for (auto id : ids)
      if (auto it = by_user_.find(id); it != by_user_.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
  }
  std::vector<std::shared_ptr<WsSessionBase>> collect_all() {
    std::vector<std::shared_ptr<WsSessionBase>> out;
    std::lock_guard lock(mu_);
    for (auto& [id, set] : by_user_) out.insert(out.end(), set.begin(), set.end());
    return out;
  }

  mutable std::mutex mu_;
  std::map<std::int64_t, std::set<std::shared_ptr<WsSessionBase>>> by_user_;
  std::size_t count_ = 0;
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Delivery> queue_;
  bool stopping_ = false;
  std::thread fan_out_;  // last: it starts once the members it uses exist
};

template <class Stream>
class WsSession final : public WsSessionBase {
 public:
  explicit WsSession(websocket::stream<Stream> ws) : ws_(std::move(ws)) {}

  void send(std::string message) override {
    auto self = std::static_pointer_cast<WsSession>(shared_from_this());
    asio::post(ws_.get_executor(), [self, message = std::move(message)]() mutable {
      if (self->closed_) return;
      // A reader that stopped reading must not make the server hold unbounded memory.
      if (self->queue_.size() > 1000) {
        self->close();
        return;
      }
      self->queue_.push_back(std::move(message));
      if (!self->writing_) {
        self->writing_ = true;
        asio::co_spawn(self->ws_.get_executor(), write_loop(self), asio::detached);
      }
    });
  }

  void close() override {
    auto self = std::static_pointer_cast<WsSession>(shared_from_this());
    asio::post(ws_.get_executor(), [self]() {
      if (self->closed_) return;
      self->closed_ = true;
      self->ws_.async_close(websocket::close_code::going_away, [self](beast::error_code) {});
    });
  }

  static awaitable<void> read_loop(std::shared_ptr<WsSession> self) {
    beast::flat_buffer buffer;
    for (;;) {
      auto [ec, n] = co_await self->ws_.async_read(buffer, tuple_awaitable);
      if (ec) break;
      // Clients only send keep-alive pings; their text is ignored.
      buffer.consume(buffer.size());
    }
    self->closed_ = true;
  }

 private:
  static awaitable<void> write_loop(std::shared_ptr<WsSession> self) {
    while (!self->queue_.empty() && !self->closed_) {
      std::string message = std::move(self->queue_.front());
      self->queue_.pop_front();
      self->ws_.text(true);
      auto [ec, n] = co_await self->ws_.async_write(asio::buffer(message), tuple_awaitable);
      if (ec) {
        self->closed_ = true;
        break;
      }
    }
    self->queue_.clear();
    self->writing_ = false;
  }

  websocket::stream<Stream> ws_;
  std::deque<std::string> queue_;
  bool writing_ = false;
  bool closed_ = false;
};

// ---------------------------------------------------------------------------------------------

struct Server::Impl {
  ServerConfig config;
  HttpHandler handler;
  WsAuthenticator ws_auth;
  asio::io_context ioc;
  asio::thread_pool workers;
  ssl::context tls_ctx{ssl::context::tls_server};
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::vector<bool> acceptor_tls;
  HubImpl hub;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  std::vector<std::thread> threads;
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stop_requested = false;

  Impl(ServerConfig c, HttpHandler h, WsAuthenticator a)
      : config(std::move(c)),
        handler(std::move(h)),
        ws_auth(std::move(a)),
        ioc(config.io_threads),
        workers(static_cast<std::size_t>(config.worker_threads)) {}

  void request_stop() {
    std::lock_guard lock(stop_mu);
    stop_requested = true;
    stop_cv.notify_all();
  }

  Response handle_safely(const Request& req) {
    try {
      return handler(req);
    } catch (const std::exception& e) {
      std::cerr << "artel: unhandled error in " << req.method << " " << req.path << ": " << e.what()
                << "\n";
    } catch (...) {
      std::cerr << "artel: unhandled error in " << req.method << " " << req.path << "\n";
    }
    Response r;
    r.status = 500;
    r.set_header("Content-Type", "application/json; charset=utf-8");
    r.body = json_error("INTERNAL_SERVER_ERROR", "Internal server error.");
    return r;
  }

  template <class Stream>
  static awaitable<bool> write_response(Stream& stream, Response resp, unsigned version,
                                        bool keep_alive, bool head_only) {
    if (!resp.file_path.empty()) {
      http::response<http::file_body> res{static_cast<http::status>(resp.status), version};
      beast::error_code ec;
      res.body().open(resp.file_path.c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        res.set(http::field::server, kServerName);
        for (auto& [k, v] : resp.headers) res.set(k, v);
        res.keep_alive(keep_alive);
        res.prepare_payload();
        if (head_only) {
          http::response<http::empty_body> head{res.result(), version};
          for (auto& f : res) head.set(f.name_string(), f.value());
          auto [wec, n] = co_await http::async_write(stream, head, tuple_awaitable);
          co_return !wec;
        }
        auto [wec, n] = co_await http::async_write(stream, res, tuple_awaitable);
        co_return !wec;
      }
      resp.status = 404;
      resp.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
      resp.body = "Not found";
    }
    http::response<http::string_body> res{static_cast<http::status>(resp.status), version};
    res.set(http::field::server, kServerName);
    for (auto& [k, v] : resp.headers) res.set(k, v);
    res.keep_alive(keep_alive);
    res.body() = head_only ? std::string() : std::move(resp.body);
    res.prepare_payload();
    auto [ec, n] = co_await http::async_write(stream, res, tuple_awaitable);
    co_return !ec;
  }

  template <class Stream>
  static awaitable<void> run_websocket(Impl* self, Stream stream,
                                       http::request<http::string_body> upgrade, std::string remote,
                                       bool tls) {
    Request req = to_request(upgrade, remote, tls);
    std::optional<std::int64_t> user;
    try {
      const Request* borrowed = &req;
      user = co_await on_pool<std::optional<std::int64_t>>(
          self->workers, [self, borrowed]() { return self->ws_auth(*borrowed); });
    } catch (...) {
      user.reset();
    }
    if (!user) {
      Response denied;
      denied.status = 401;
      denied.set_header("Content-Type", "application/json; charset=utf-8");
      denied.body = json_error("NO_AUTH_FOUND", "Log in to open the live channel.");
      co_await write_response(stream, std::move(denied), upgrade.version(), false, false);
      co_return;
    }
    beast::get_lowest_layer(stream).expires_never();
    websocket::stream<Stream> ws(std::move(stream));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, kServerName); }));
    ws.read_message_max(64 * 1024);
    auto [ec] = co_await ws.async_accept(upgrade, tuple_awaitable);
    if (ec) co_return;
    auto session = std::make_shared<WsSession<Stream>>(std::move(ws));
    self->hub.add(*user, session);
    if (self->stopping) session->close();
    co_await WsSession<Stream>::read_loop(session);
    self->hub.remove(*user, session);
  }

  template <class Stream>
  static awaitable<void> serve_http(Impl* self, Stream stream, std::string remote, bool tls) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(self->config.max_header_bytes));
      parser.body_limit(self->config.max_body_bytes);
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(60));
      auto [ec, n] = co_await http::async_read(stream, buffer, parser, tuple_awaitable);
      if (ec == http::error::body_limit || ec == http::error::header_limit) {
        Response too_large;
        too_large.status = 413;
        too_large.set_header("Content-Type", "application/json; charset=utf-8");
        too_large.body = json_error(
            "REQUEST_TOO_LARGE", ec == http::error::body_limit
                                     ? "The request body is larger than the server accepts."
                                     : "The request headers are larger than the server accepts.");
        co_await write_response(stream, std::move(too_large), 11, false, false);
        break;
      }
      if (ec) {
        if (ec != http::error::end_of_stream && ec != asio::error::operation_aborted &&
            ec != beast::error::timeout && ec != asio::error::eof &&
            ec != asio::error::connection_reset) {
          Response bad;
          bad.status = 400;
          bad.set_header("Content-Type", "application/json; charset=utf-8");
          bad.body = json_error("INVALID_REQUEST", "The request is not valid HTTP.");
          co_await write_response(stream, std::move(bad), 11, false, false);
        }
        break;
      }
      auto msg = parser.release();
      if (websocket::is_upgrade(msg)) {
        co_await run_websocket(self, std::move(stream), std::move(msg), std::move(remote), tls);
        co_return;
      }
      bool keep_alive = msg.keep_alive() && !self->stopping;
      bool head_only = msg.method() == http::verb::head;
      Request req = to_request(msg, remote, tls);
      if (head_only) req.method = "GET";
      ++self->in_flight;
      // The request stays in this coroutine's frame; the worker only borrows it.
      const Request* borrowed = &req;
      Response resp = co_await on_pool<Response>(
          self->workers, [self, borrowed]() { return self->handle_safely(*borrowed); });
      --self->in_flight;
      bool ok =
          co_await write_response(stream, std::move(resp), msg.version(), keep_alive, head_only);
      if (!ok || !keep_alive) break;
    }
    beast::error_code ignored;
    if constexpr (std::is_same_v<Stream, TlsStream>) {
      beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
      co_await stream.async_shutdown(tuple_awaitable);
    } else {
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

  static awaitable<void> serve_connection(Impl* self, tcp::socket socket, bool tls) {
    beast::error_code ec;
    auto remote_ep = socket.remote_endpoint(ec);
    std::string remote = ec ? std::string() : remote_ep.address().to_string();
    if (remote.rfind("::ffff:", 0) == 0) remote = remote.substr(7);
    if (!tls) {
      co_await serve_http(self, PlainStream(std::move(socket)), std::move(remote), false);
      co_return;
    }
    TlsStream stream(std::move(socket), self->tls_ctx);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    auto [hec] = co_await stream.async_handshake(ssl::stream_base::server, tuple_awaitable);
    if (hec) co_return;
    co_await serve_http(self, std::move(stream), std::move(remote), true);
  }

  static awaitable<void> accept_loop(Impl* self, tcp::acceptor* acceptor, bool tls) {
    for (;;) {
      auto [ec, socket] =
          co_await acceptor->async_accept(asio::make_strand(self->ioc), tuple_awaitable);
      if (ec) {
        if (ec == asio::error::operation_aborted || self->stopping) co_return;
        continue;  // e.g. EMFILE: keep serving the connections we have
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto ex = socket.get_executor();
      asio::co_spawn(ex, serve_connection(self, std::move(socket), tls), asio::detached);
    }
  }
};

Server::Server(ServerConfig config, HttpHandler handler, WsAuthenticator ws_auth)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler), std::move(ws_auth))) {}

Server::~Server() {
  if (!impl_->threads.empty()) {
    stop();
  }
}

Hub& Server::hub() {
  return impl_->hub;
}

std::vector<Endpoint> Server::start() {
  auto& s = *impl_;
  bool any_tls = false;
  for (auto& e : s.config.endpoints) any_tls |= e.tls;
  if (any_tls) {
    if (s.config.tls_cert_file.empty() || s.config.tls_key_file.empty())
      throw std::runtime_error("An HTTPS listener needs --tls-cert and --tls-key.");
    s.tls_ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                          ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                          ssl::context::no_tlsv1_1);
    beast::error_code ec;
    s.tls_ctx.use_certificate_chain_file(s.config.tls_cert_file, ec);
    if (ec)
      throw std::runtime_error("Cannot read the TLS certificate " + s.config.tls_cert_file + ": " +
                               ec.message());
    s.tls_ctx.use_private_key_file(s.config.tls_key_file, ssl::context::pem, ec);
    if (ec)
      throw std::runtime_error("Cannot read the TLS key " + s.config.tls_key_file + ": " +
                               ec.message());
  }
  std::vector<Endpoint> bound;
  for (auto& e : s.config.endpoints) {
    beast::error_code ec;
    auto address = asio::ip::make_address(e.host, ec);
    if (ec) throw std::runtime_error("Not an IP address to listen on: " + e.host);
    tcp::endpoint ep(address, e.port);
    auto acceptor = std::make_unique<tcp::acceptor>(s.ioc);
    acceptor->open(ep.protocol(), ec);
    if (!ec) acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor->bind(ep, ec);
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      throw std::runtime_error("Cannot listen on " + e.host + ":" + std::to_string(e.port) + ": " +
                               ec.message());
    Endpoint real = e;
    real.port = acceptor->local_endpoint().port();
    bound.push_back(real);
    asio::co_spawn(s.ioc, Impl::accept_loop(&s, acceptor.get(), e.tls), asio::detached);
    s.acceptors.push_back(std::move(acceptor));
  }
  s.signals.async_wait([&s](beast::error_code ec, int) {
    if (!ec) s.request_stop();
  });
  for (int i = 0; i < s.config.io_threads; ++i) s.threads.emplace_back([&s] { s.ioc.run(); });
  return bound;
}

void Server::stop() {
  impl_->request_stop();
}

void Server::run_until_stopped(int drain_seconds) {
  auto& s = *impl_;
  {
    std::unique_lock lock(s.stop_mu);
    s.stop_cv.wait(lock, [&] { return s.stop_requested; });
  }
  s.stopping = true;
  // Stop accepting, then let the requests in flight finish before closing everything.
  asio::post(s.ioc, [&s] {
    for (auto& a : s.acceptors) {
      beast::error_code ec;
      a->close(ec);
    }
    s.signals.cancel();
  });
  s.hub.close_all();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(drain_seconds);
  while (s.in_flight > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // Idle keep-alive connections would otherwise hold the io_context open until they time out.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  s.ioc.stop();
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  s.workers.join();
}

}  // namespace artel::net
