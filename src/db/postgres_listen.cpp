// LISTEN on a PostgreSQL channel from a connection of its own, on a thread of its own: how
// several `artel` processes sharing one database hear each other's committed changes
// (NOTIFY is transactional: a listener hears it only once the sender's transaction commits).
#include <libpq-fe.h>
#include <poll.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "db/backends.h"

namespace artel::db {

namespace {

class PgListener final : public Listener {
 public:
  PgListener(std::string url, std::string channel, std::function<void(const std::string&)> fn)
      : url_(std::move(url)), channel_(std::move(channel)), on_message_(std::move(fn)) {
    // The first connection is made here, so that a wrong URL or channel fails at start.
    connect_or_throw();
    thread_ = std::thread([this] { loop(); });
  }

  ~PgListener() override {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (pg_) PQfinish(pg_);
  }

 private:
  void connect_or_throw() {
    pg_ = PQconnectdb(url_.c_str());
    if (!pg_ || PQstatus(pg_) != CONNECTION_OK) {
      std::string message = pg_ ? PQerrorMessage(pg_) : "out of memory";
      if (pg_) PQfinish(pg_);
      pg_ = nullptr;
      throw std::runtime_error("Cannot LISTEN on PostgreSQL at " + display_location(url_) + ": " +
                               message);
    }
    char* quoted = PQescapeIdentifier(pg_, channel_.c_str(), channel_.size());
    std::string sql = std::string("LISTEN ") + (quoted ? quoted : "");
    if (quoted) PQfreemem(quoted);
    PGresult* r = PQexec(pg_, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
      std::string message = PQerrorMessage(pg_);
      PQfinish(pg_);
      pg_ = nullptr;
      throw std::runtime_error("LISTEN " + channel_ + " failed: " + message);
    }
  }

  // Waits on the socket a short while at a time, so that the destructor is never kept waiting;
  // a lost connection is made again (what was sent meanwhile is missed: live messages are a
  // courtesy, the data is in the database).
  void loop() {
    while (!stop_) {
      if (!pg_ || PQstatus(pg_) != CONNECTION_OK) {
        if (pg_) PQfinish(pg_);
        pg_ = nullptr;
        try {
          connect_or_throw();
        } catch (const std::exception&) {
          for (int i = 0; i < 10 && !stop_; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          continue;
        }
      }
      pollfd fd{PQsocket(pg_), POLLIN, 0};
      int ready = poll(&fd, 1, 200);
      if (ready < 0) continue;
      if (ready > 0 && !PQconsumeInput(pg_)) continue;  // the next round reconnects
      while (PGnotify* n = PQnotifies(pg_)) {
        std::string payload = n->extra ? n->extra : "";
        PQfreemem(n);
        try {
          on_message_(payload);
        } catch (...) {
          // A bad message must not stop the listener.
        }
      }
    }
  }

  std::string url_, channel_;
  std::function<void(const std::string&)> on_message_;
  PGconn* pg_ = nullptr;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

std::unique_ptr<Listener> listen_postgres(const std::string& url, const std::string& channel,
                                          std::function<void(const std::string&)> on_message) {
  return std::make_unique<PgListener>(url, channel, std::move(on_message));
}

}  // namespace artel::db
