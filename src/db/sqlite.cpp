// The SQLite back end: WAL, synchronous=NORMAL, foreign keys, memory-mapped reads, and a cache
// of prepared statements per connection.
#include <sqlite3.h>

#include <stdexcept>
#include <unordered_map>

#include "core/text.h"
#include "db/backends.h"
#include "search/snowball_tokenizer.h"

namespace artel::db {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// artel_fold(text): SQLite's lower() and LIKE fold only ASCII.
void fold_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  int n = sqlite3_value_bytes(argv[0]);
  std::string folded = fold_case(std::string_view(text ? text : "", static_cast<std::size_t>(n)));
  sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// string_agg(value, separator), as PostgreSQL has it (SQLite gained its own only in 3.44): the
// non-NULL values joined by the separator, NULL when there are none.
void string_agg_step(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (argc != 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  auto** acc = static_cast<std::string**>(sqlite3_aggregate_context(ctx, sizeof(std::string*)));
  if (!acc) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  auto text = [](sqlite3_value* v) {
    const char* t = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return std::string_view(t ? t : "", static_cast<std::size_t>(sqlite3_value_bytes(v)));
  };
  if (!*acc) {
    *acc = new std::string(text(argv[0]));
  } else {
    if (sqlite3_value_type(argv[1]) != SQLITE_NULL) (*acc)->append(text(argv[1]));
    (*acc)->append(text(argv[0]));
  }
}

void string_agg_final(sqlite3_context* ctx) {
  auto** acc = static_cast<std::string**>(sqlite3_aggregate_context(ctx, 0));
  if (!acc || !*acc) {
    sqlite3_result_null(ctx);
    return;
  }
  sqlite3_result_text(ctx, (*acc)->data(), static_cast<int>((*acc)->size()), SQLITE_TRANSIENT);
  delete *acc;
  *acc = nullptr;
}

void register_functions(sqlite3* db) {
  sqlite3_create_function(db, "artel_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          fold_function, nullptr, nullptr);
  sqlite3_create_function(db, "string_agg", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
                          string_agg_step, string_agg_final);
  search::register_snowball_tokenizer(db);
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  std::int64_t integer(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double real(int c) const override { return sqlite3_column_double(stmt_, c); }
  std::string text(int c) const override {
    const unsigned char* t = sqlite3_column_text(stmt_, c);
    if (!t) return {};
    return std::string(reinterpret_cast<const char*>(t),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)));
  }
  bool is_null(int c) const override { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int columns() const override { return sqlite3_column_count(stmt_); }

 private:
  sqlite3_stmt* stmt_;
};

class SqliteConn final : public Conn {
 public:
  SqliteConn(const std::string& path, bool read_only) : read_only_(read_only) {
    int flags = SQLITE_OPEN_NOMUTEX |
                (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw std::runtime_error("Cannot open database " + path + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
    register_functions(db_);
    exec_script(
        "PRAGMA foreign_keys = ON;"
        "PRAGMA synchronous = NORMAL;"
        "PRAGMA temp_store = MEMORY;"
        "PRAGMA cache_size = -16000;"
        "PRAGMA mmap_size = 268435456;");
    if (!read_only) exec_script("PRAGMA journal_mode = WAL;");
  }

  ~SqliteConn() override {
    if (!read_only_) {
      try {
        exec_script("PRAGMA optimize;");
      } catch (...) {
      }
    }
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::Sqlite; }
  sqlite3* handle() { return db_; }

  std::int64_t run(std::string_view sql, const Params& params,
                   const std::function<void(const Row&)>& on_row) override {
    sqlite3_stmt* stmt = prepare(sql);
    for (std::size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v))
        rc = sqlite3_bind_null(stmt, idx);
      else if (auto* n = std::get_if<std::int64_t>(&v))
        rc = sqlite3_bind_int64(stmt, idx, *n);
      else if (auto* d = std::get_if<double>(&v))
        rc = sqlite3_bind_double(stmt, idx, *d);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) fail(db_, "bind");
    }
    SqliteRow row(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        if (on_row) on_row(row);
        continue;
      }
      if (rc == SQLITE_DONE) break;
      std::string message = sqlite3_errmsg(db_);
      sqlite3_reset(stmt);
      throw std::runtime_error("SQL error: " + message + " in [" + std::string(sql) + "]");
    }
    // A SELECT changes nothing; sqlite3_changes64 would still report the last write.
    std::int64_t changed = sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db_);
    sqlite3_reset(stmt);
    return changed;
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string message = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("SQL error: " + message);
    }
  }

  void begin_write() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override {
    try {
      exec_script("ROLLBACK");
    } catch (...) {
    }
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) {
      sqlite3_reset(it->second);
      sqlite3_clear_bindings(it->second);
      return it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      fail(db_, "SQL error in [" + key + "]");
    // Statements built from filters vary; keep the cache from growing without bound.
    if (statements_.size() > 500) {
      for (auto& [s, st] : statements_) sqlite3_finalize(st);
      statements_.clear();
    }
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  sqlite3* db_ = nullptr;
  bool read_only_ = false;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<Conn> open_sqlite(const std::string& path, bool read_only) {
  return std::make_unique<SqliteConn>(path, read_only);
}

void sqlite_backup(Conn& conn, const std::string& target) {
  auto* source = dynamic_cast<SqliteConn*>(&conn);
  if (!source) throw std::logic_error("sqlite_backup needs an SQLite connection");
  sqlite3* dest = nullptr;
  if (sqlite3_open(target.c_str(), &dest) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw std::runtime_error("Cannot create " + target + ": " + message);
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", source->handle(), "main");
  if (!b) {
    std::string message = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw std::runtime_error("Backup failed: " + message);
  }
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  std::string message = sqlite3_errmsg(dest);
  sqlite3_close(dest);
  if (rc != SQLITE_DONE) throw std::runtime_error("Backup failed: " + message);
}

}  // namespace artel::db
