// Storage. One Database per portal, on SQLite (a file, the default) or PostgreSQL (a
// postgresql:// URL). Either way: a single writer connection behind a mutex (every write runs in
// a transaction, one at a time) and a pool of reader connections. Work that must happen only
// once the change is durable (live updates, waking the mail sender) is registered with
// Tx::on_commit.
//
// SQL in stores is portable: `?` placeholders, standard SQL, ON CONFLICT, RETURNING. Functions
// both back ends provide under the same name: artel_fold(text) (case folding for LIKE; a C
// function on SQLite, an SQL function created by a migration on PostgreSQL) and
// string_agg(text, separator) (native on PostgreSQL, registered on SQLite). The rest of the
// differences live in sqlite.cpp and postgres.cpp; dialect() tells the few callers that care.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace artel::db {

enum class Dialect { Sqlite, Postgres };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value nullable(std::optional<std::int64_t> v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value text_or_null(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(s);
}

// "(?,?,?)": the placeholders of an IN list of n values, to go with values(). n must not be 0
// ("()" is no SQL): callers decide what an empty list means.
std::string in_list(std::size_t n);
// The parameters of an IN list.
Params values(const std::vector<std::int64_t>& ids);

// One result row; valid only inside the callback that receives it.
class Row {
 public:
  virtual ~Row() = default;
  virtual std::int64_t integer(int column) const = 0;  // 0 for NULL
  virtual double real(int column) const = 0;
  virtual std::string text(int column) const = 0;  // "" for NULL
  virtual bool is_null(int column) const = 0;
  virtual int columns() const = 0;
  std::optional<std::int64_t> optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
  }
};

// One connection with its cache of prepared statements. Not thread-safe: a Database hands each
// connection to one thread at a time.
class Conn {
 public:
  virtual ~Conn() = default;
  Conn() = default;
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  virtual Dialect dialect() const = 0;

  // Runs one statement (`?` placeholders); calls on_row for each result row. Returns the number
  // of rows an INSERT, UPDATE or DELETE changed.
  virtual std::int64_t run(std::string_view sql, const Params& params = {},
                           const std::function<void(const Row&)>& on_row = nullptr) = 0;
  // Runs several statements without parameters (migrations, settings).
  virtual void exec_script(std::string_view sql) = 0;

  // "INSERT INTO t(…) VALUES (…)" into a table with an `id` column; returns the new id (the
  // statement is run with " RETURNING id" appended).
  std::int64_t insert(std::string_view sql, const Params& params = {});
  std::optional<std::int64_t> integer(std::string_view sql, const Params& params = {});
  std::optional<std::string> text(std::string_view sql, const Params& params = {});

  // The write transaction: SQLite takes the write lock at BEGIN (BEGIN IMMEDIATE); PostgreSQL
  // takes a transaction-level advisory lock, so that writers of several processes run one at a
  // time, as they do on SQLite, and a check followed by a write stays true.
  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;  // never throws

  // False once the connection is lost (PostgreSQL); a pool drops such a connection.
  virtual bool healthy() const { return true; }
};

// True when `to` is `from` or is reached from it by steps along the rows of `table`: from an id
// to the `next` of every row whose `link` is that id (a tree's parent_id → id, a graph's
// from → to). The names are the store's own, never a caller's text.
bool reaches(Conn& conn, std::string_view table, std::string_view link, std::string_view next,
             std::int64_t from, std::int64_t to);

class Tx {
 public:
  explicit Tx(Conn& conn) : conn(conn) {}
  Conn& conn;
  void on_commit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }

 private:
  friend class Database;
  std::vector<std::function<void()>> after_commit_;
};

// True for "postgresql://…" and "postgres://…".
bool is_postgres_url(std::string_view location);
// The location for messages: a URL without its password.
std::string display_location(std::string_view location);

// A subscription to NOTIFY messages of other processes (Database::listen); ends when destroyed.
class Listener {
 public:
  virtual ~Listener() = default;
};

class Database {
 public:
  // Opens an SQLite file (creating it if needed) or a PostgreSQL database (a postgresql:// URL;
  // the database must exist) and applies pending migrations.
  explicit Database(std::string location);
  ~Database();

  Dialect dialect() const { return dialect_; }

  template <class F>
  auto read(F&& fn) {
    Lease lease(*this);
    return fn(*lease.conn);
  }

  // Runs fn inside a write transaction on the writer connection; rolls back if it throws.
  template <class F>
  auto write(F&& fn) {
    std::unique_lock lock(writer_mu_);
    Tx tx(*writer_);
    writer_->begin_write();
    try {
      if constexpr (std::is_void_v<decltype(fn(tx))>) {
        fn(tx);
        writer_->commit();
        lock.unlock();
        for (auto& f : tx.after_commit_) f();
      } else {
        auto result = fn(tx);
        writer_->commit();
        lock.unlock();
        for (auto& f : tx.after_commit_) f();
        return result;
      }
    } catch (...) {
      writer_->rollback();
      throw;
    }
  }

  // A consistent copy of the live database into the SQLite file `target` (SQLite's online backup
  // API). SQLite only: a PostgreSQL database is backed up with pg_dump.
  void backup_to(const std::string& target);
  const std::string& location() const { return location_; }
  // PostgreSQL: calls on_message, on a thread of the listener's own, with the payload of every
  // NOTIFY on `channel` once its transaction commits, whichever process sent it. SQLite
  // (one process): nullptr.
  std::unique_ptr<Listener> listen(const std::string& channel,
                                   std::function<void(const std::string&)> on_message) const;

 private:
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    std::unique_ptr<Conn> conn;
  };
  std::unique_ptr<Conn> open(bool read_only) const;

  std::string location_;
  Dialect dialect_;
  std::mutex writer_mu_;
  std::unique_ptr<Conn> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Conn>> idle_readers_;
};

}  // namespace artel::db
