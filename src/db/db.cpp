// What both back ends share: the helpers of Conn, and Database with its writer and reader pool.
#include "db/db.h"

#include <stdexcept>

#include "db/backends.h"
#include "db/migrations.h"

namespace artel::db {

std::string in_list(std::size_t n) {
  std::string s = "(";
  s.reserve(2 * n + 1);
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

Params values(const std::vector<std::int64_t>& ids) {
  return Params(ids.begin(), ids.end());
}

bool reaches(Conn& conn, std::string_view table, std::string_view link, std::string_view next,
             std::int64_t from, std::int64_t to) {
  // The seed is cast: PostgreSQL types a bare "SELECT ?" as text, and the join with a BIGINT
  // column then fails.
  std::string sql = "WITH RECURSIVE walk(id) AS (SELECT CAST(? AS BIGINT) UNION SELECT e." +
                    std::string(next) + " FROM " + std::string(table) + " e JOIN walk w ON e." +
                    std::string(link) + " = w.id) SELECT 1 FROM walk WHERE id = ? LIMIT 1";
  return conn.integer(sql, {from, to}).has_value();
}

std::int64_t Conn::insert(std::string_view sql, const Params& params) {
  std::optional<std::int64_t> id;
  run(std::string(sql) + " RETURNING id", params, [&](const Row& r) { id = r.integer(0); });
  if (!id) throw std::runtime_error("SQL error: no id returned by [" + std::string(sql) + "]");
  return *id;
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

bool is_postgres_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string display_location(std::string_view location) {
  if (!is_postgres_url(location)) return std::string(location);
  // scheme://user:password@host… → scheme://user@host…
  std::size_t start = location.find("://") + 3;
  std::size_t at = location.find('@', start);
  std::size_t slash = location.find('/', start);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at))
    return std::string(location);
  std::size_t colon = location.find(':', start);
  if (colon == std::string_view::npos || colon > at) return std::string(location);
  return std::string(location.substr(0, colon)) + std::string(location.substr(at));
}

// ---------------------------------------------------------------------------------------------

Database::Database(std::string location)
    : location_(std::move(location)),
      dialect_(is_postgres_url(location_) ? Dialect::Postgres : Dialect::Sqlite) {
  writer_ = open(false);
  migrate(*writer_);
  // SQLite: fresh statistics at every start: a portal created moments ago would otherwise be
  // planned as if it held one person (a full scan of users per webhook call at 10,000 people).
  // With analysis_limit the sampling stays fast on large tables. PostgreSQL's autovacuum
  // analyzes tables as they grow.
  if (dialect_ == Dialect::Sqlite) writer_->exec_script("PRAGMA analysis_limit = 1000; ANALYZE;");
}

Database::~Database() = default;

std::unique_ptr<Listener> Database::listen(
    const std::string& channel, std::function<void(const std::string&)> on_message) const {
  if (dialect_ != Dialect::Postgres) return nullptr;
  return listen_postgres(location_, channel, std::move(on_message));
}

std::unique_ptr<Conn> Database::open(bool read_only) const {
  return dialect_ == Dialect::Postgres ? open_postgres(location_, read_only)
                                       : open_sqlite(location_, read_only);
}

Database::Lease::Lease(Database& d) : db(d) {
  {
    std::lock_guard lock(d.pool_mu_);
    if (!d.idle_readers_.empty()) {
      conn = std::move(d.idle_readers_.back());
      d.idle_readers_.pop_back();
    }
  }
  if (!conn) conn = d.open(true);
}

Database::Lease::~Lease() {
  if (!conn->healthy()) return;  // a lost connection is not handed out again
  std::lock_guard lock(db.pool_mu_);
  db.idle_readers_.push_back(std::move(conn));
}

void Database::backup_to(const std::string& target) {
  if (dialect_ != Dialect::Sqlite)
    throw std::runtime_error(
        "Backups of a portal on PostgreSQL are taken with pg_dump; artel backup copies SQLite "
        "portals.");
  Lease lease(*this);
  sqlite_backup(*lease.conn, target);
}

}  // namespace artel::db
