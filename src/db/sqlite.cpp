// The SQLite back end: WAL, synchronous=NORMAL, foreign keys, memory-mapped reads, and a cache
// of prepared statements per connection.
#include <sqlite3.h>

#include <stdexcept>

#include "core/text.h"
#include "db/db.h"
#include "db/migrations.h"

namespace artel::db {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

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

}  // namespace

void register_functions(sqlite3* db) {
  sqlite3_create_function(db, "artel_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          fold_function, nullptr, nullptr);
}

// ---------------------------------------------------------------------------------------------

std::int64_t Row::integer(int c) const {
  return sqlite3_column_int64(stmt_, c);
}
double Row::real(int c) const {
  return sqlite3_column_double(stmt_, c);
}
std::string Row::text(int c) const {
  const unsigned char* t = sqlite3_column_text(stmt_, c);
  if (!t) return {};
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c)));
}
bool Row::is_null(int c) const {
  return sqlite3_column_type(stmt_, c) == SQLITE_NULL;
}
std::optional<std::int64_t> Row::optional_integer(int c) const {
  if (is_null(c)) return std::nullopt;
  return integer(c);
}
int Row::columns() const {
  return sqlite3_column_count(stmt_);
}

// ---------------------------------------------------------------------------------------------

Conn::Conn(const std::string& path, bool read_only) {
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

Conn::~Conn() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

sqlite3_stmt* Conn::prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK)
    fail(db_, "SQL error in [" + key + "]");
  // Statements built from filters vary; keep the cache from growing without bound.
  if (statements_.size() > 500) {
    for (auto& [s, st] : statements_) sqlite3_finalize(st);
    statements_.clear();
  }
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

std::int64_t Conn::run(std::string_view sql, const Params& params,
                       const std::function<void(const Row&)>& on_row) {
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
  Row row(stmt);
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
  std::int64_t changed = sqlite3_changes64(db_);
  sqlite3_reset(stmt);
  return changed;
}

std::int64_t Conn::insert(std::string_view sql, const Params& params) {
  run(sql, params);
  return sqlite3_last_insert_rowid(db_);
}

std::optional<std::int64_t> Conn::integer(std::string_view sql, const Params& params) {
  std::optional<std::int64_t> out;
  run(sql, params, [&](const Row& r) {
    if (!out) out = r.optional_integer(0);
  });
  return out;
}

std::optional<std::string> Conn::text(std::string_view sql, const Params& params) {
  std::optional<std::string> out;
  run(sql, params, [&](const Row& r) {
    if (!out && !r.is_null(0)) out = r.text(0);
  });
  return out;
}

void Conn::exec_script(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("SQL error: " + message);
  }
}

// ---------------------------------------------------------------------------------------------

Database::Database(std::string path) : path_(std::move(path)) {
  writer_ = std::make_unique<Conn>(path_, false);
  migrate(*writer_);
  // Fresh statistics at every start: a portal created moments ago would otherwise be planned
  // as if it held one person (a full scan of users per webhook call at 10,000 people). With
  // analysis_limit the sampling stays fast on large tables.
  writer_->exec_script("PRAGMA analysis_limit = 1000; ANALYZE;");
}

Database::~Database() {
  try {
    writer_->exec_script("PRAGMA optimize;");
  } catch (...) {
  }
}

Database::Lease::Lease(Database& d) : db(d) {
  {
    std::lock_guard lock(d.pool_mu_);
    if (!d.idle_readers_.empty()) {
      conn = std::move(d.idle_readers_.back());
      d.idle_readers_.pop_back();
    }
  }
  if (!conn) conn = std::make_unique<Conn>(d.path_, true);
}

Database::Lease::~Lease() {
  std::lock_guard lock(db.pool_mu_);
  db.idle_readers_.push_back(std::move(conn));
}

void Database::begin() {
  writer_->exec_script("BEGIN IMMEDIATE");
}
void Database::commit() {
  writer_->exec_script("COMMIT");
}
void Database::rollback() {
  try {
    writer_->exec_script("ROLLBACK");
  } catch (...) {
  }
}

void Database::backup_to(const std::string& target) {
  sqlite3* dest = nullptr;
  if (sqlite3_open(target.c_str(), &dest) != SQLITE_OK) {
    std::string message = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw std::runtime_error("Cannot create " + target + ": " + message);
  }
  Lease lease(*this);
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", lease.conn->handle(), "main");
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
