// Storage. One Database per portal: a single writer connection (SQLite allows one writer at a
// time; funnelling writes through one connection avoids busy waits) and a pool of reader
// connections. Every write runs in a transaction; work that must happen only once the change is
// durable (live updates, waking the mail sender) is registered with Tx::on_commit.
//
// SQL in stores is portable (standard SQL, RETURNING-free inserts, ON CONFLICT); the SQLite
// specifics live in sqlite.cpp. A PostgreSQL back end implements the same Conn.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace artel::db {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value nullable(std::optional<std::int64_t> v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value text_or_null(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(s);
}

// One result row; valid only inside the callback that receives it.
class Row {
 public:
  explicit Row(sqlite3_stmt* stmt) : stmt_(stmt) {}
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;  // "" for NULL
  bool is_null(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  int columns() const;

 private:
  sqlite3_stmt* stmt_;
};

class Conn {
 public:
  Conn(const std::string& path, bool read_only);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  // Runs a statement; calls on_row for each result row. Returns the number of changed rows.
  std::int64_t run(std::string_view sql, const Params& params = {},
                   const std::function<void(const Row&)>& on_row = nullptr);
  std::int64_t insert(std::string_view sql, const Params& params = {});  // returns the new rowid
  std::optional<std::int64_t> integer(std::string_view sql, const Params& params = {});
  std::optional<std::string> text(std::string_view sql, const Params& params = {});
  void exec_script(std::string_view sql);  // several statements, no parameters

  sqlite3* handle() { return db_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class Tx {
 public:
  explicit Tx(Conn& conn) : conn(conn) {}
  Conn& conn;
  void on_commit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }

 private:
  friend class Database;
  std::vector<std::function<void()>> after_commit_;
};

class Database {
 public:
  // Opens (creating if needed) the database file and applies pending migrations.
  explicit Database(std::string path);
  ~Database();

  template <class F>
  auto read(F&& fn) {
    Lease lease(*this);
    return fn(*lease.conn);
  }

  // Runs fn inside BEGIN IMMEDIATE … COMMIT on the writer connection; rolls back if it throws.
  template <class F>
  auto write(F&& fn) {
    std::unique_lock lock(writer_mu_);
    Tx tx(*writer_);
    begin();
    try {
      if constexpr (std::is_void_v<decltype(fn(tx))>) {
        fn(tx);
        commit();
        lock.unlock();
        for (auto& f : tx.after_commit_) f();
      } else {
        auto result = fn(tx);
        commit();
        lock.unlock();
        for (auto& f : tx.after_commit_) f();
        return result;
      }
    } catch (...) {
      rollback();
      throw;
    }
  }

  // A consistent copy of the live database into `target` (SQLite online backup API).
  void backup_to(const std::string& target);
  const std::string& path() const { return path_; }

 private:
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    std::unique_ptr<Conn> conn;
  };
  void begin();
  void commit();
  void rollback();

  std::string path_;
  std::mutex writer_mu_;
  std::unique_ptr<Conn> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Conn>> idle_readers_;
};

// Registers Artel's SQL functions (Unicode case folding for LIKE) on every new connection.
void register_functions(sqlite3* db);

}  // namespace artel::db
