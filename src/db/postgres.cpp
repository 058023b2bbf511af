// The PostgreSQL back end through libpq: blocking calls (handlers run on the worker pool, never
// on an I/O thread), text format, and a cache of prepared statements per connection.
#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include "db/backends.h"

namespace artel::db {

namespace {

// Writers of every process on one database take this transaction-level advisory lock, so that
// they run one at a time, as on SQLite. ("Artel" in ASCII.)
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(418264769644)";

constexpr std::size_t kMaxStatements = 500;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

class PgRow final : public Row {
 public:
  explicit PgRow(const PGresult* result) : result_(result) {}
  int row = 0;

  std::int64_t integer(int c) const override {
    if (is_null(c)) return 0;
    const char* v = PQgetvalue(result_, row, c);
    std::size_t n = static_cast<std::size_t>(PQgetlength(result_, row, c));
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(v, v + n, out);
    if (ec == std::errc() && end == v + n) return out;
    if (n == 1 && (*v == 't' || *v == 'f')) return *v == 't';   // boolean
    return static_cast<std::int64_t>(std::strtod(v, nullptr));  // numeric, as SQLite would
  }
  double real(int c) const override {
    return is_null(c) ? 0.0 : std::strtod(PQgetvalue(result_, row, c), nullptr);
  }
  std::string text(int c) const override {
    if (is_null(c)) return {};
    return std::string(PQgetvalue(result_, row, c),
                       static_cast<std::size_t>(PQgetlength(result_, row, c)));
  }
  bool is_null(int c) const override { return PQgetisnull(result_, row, c) != 0; }
  int columns() const override { return PQnfields(result_); }

 private:
  const PGresult* result_;
};

void ignore_notice(void*, const char*) {}

class PgConn final : public Conn {
 public:
  PgConn(const std::string& url, bool read_only) : url_(url), read_only_(read_only) {
    pg_ = PQconnectdb(url.c_str());
    if (!pg_) throw std::runtime_error("Cannot connect to PostgreSQL: out of memory");
    if (PQstatus(pg_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(pg_);
      PQfinish(pg_);
      throw std::runtime_error("Cannot connect to PostgreSQL at " + display_location(url) + ": " +
                               trimmed(message));
    }
    try {
      set_up_session();
    } catch (...) {
      PQfinish(pg_);
      throw;
    }
  }

  ~PgConn() override { PQfinish(pg_); }

  Dialect dialect() const override { return Dialect::Postgres; }
  bool healthy() const override { return PQstatus(pg_) == CONNECTION_OK; }

  std::int64_t run(std::string_view sql, const Params& params,
                   const std::function<void(const Row&)>& on_row) override {
    // A reader only reads, so a statement that met a connection lost while it sat in the pool
    // (a restarted server) is run again on a new one. The writer's statements are not: they run
    // inside a transaction, which is gone with its connection.
    if (!read_only_) return run_once(sql, params, on_row);
    try {
      return run_once(sql, params, on_row);
    } catch (const std::runtime_error&) {
      if (PQstatus(pg_) == CONNECTION_OK) throw;
    }
    return run_once(sql, params, on_row);
  }

  void exec_script(std::string_view sql) override {
    reconnect_if_lost();
    exec(std::string(sql));
  }

  void begin_write() override {
    for (int attempt = 1;; ++attempt) {
      reconnect_if_lost();
      try {
        exec(kBeginWrite);
        break;
      } catch (const std::runtime_error&) {
        rollback();  // BEGIN may have succeeded before the lock failed
        // Nothing was written yet: on a connection found lost, begin again on a new one.
        if (attempt > 1 || PQstatus(pg_) == CONNECTION_OK) throw;
      }
    }
    in_transaction_ = true;
  }

  void commit() override {
    in_transaction_ = false;
    Result r(PQexec(pg_, "COMMIT"));
    check(r.get(), "COMMIT");
    // COMMIT of a transaction that an error aborted answers ROLLBACK instead of failing.
    if (std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0)
      throw std::runtime_error("SQL error: the transaction was rolled back by an earlier error");
  }

  void rollback() override {
    in_transaction_ = false;
    if (PQstatus(pg_) == CONNECTION_OK) Result(PQexec(pg_, "ROLLBACK"));
  }

 private:
  std::int64_t run_once(std::string_view sql, const Params& params,
                        const std::function<void(const Row&)>& on_row) {
    reconnect_if_lost();
    const std::string& name = prepare(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto* n = std::get_if<std::int64_t>(&v))
        storage[i] = std::to_string(*n);
      else if (auto* d = std::get_if<double>(&v))
        storage[i] = format_double(*d);
      else
        storage[i] = std::get<std::string>(v);
      values[i] = storage[i].c_str();
    }
    Result r(PQexecPrepared(pg_, name.c_str(), static_cast<int>(params.size()), values.data(),
                            nullptr, nullptr, 0));
    check(r.get(), sql);
    if (on_row) {
      PgRow row(r.get());
      int rows = PQntuples(r.get());
      for (row.row = 0; row.row < rows; ++row.row) on_row(row);
    }
    const char* changed = PQcmdTuples(r.get());
    return changed && *changed ? std::atoll(changed) : 0;
  }

  static std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

  static std::string format_double(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, end);
  }

  void set_up_session() {
    PQsetNoticeProcessor(pg_, ignore_notice, nullptr);
    if (PQsetClientEncoding(pg_, "UTF8") != 0)
      throw std::runtime_error("PostgreSQL: cannot set the client encoding to UTF8");
    const char* encoding = PQparameterStatus(pg_, "server_encoding");
    if (!encoding || std::string_view(encoding) != "UTF8")
      throw std::runtime_error("The PostgreSQL database " + display_location(url_) + " uses " +
                               (encoding ? encoding : "an unknown") +
                               " encoding; Artel needs UTF8 (CREATE DATABASE … ENCODING 'UTF8').");
    exec(read_only_ ? "SET standard_conforming_strings = on; SET default_transaction_read_only = on"
                    : "SET standard_conforming_strings = on");
  }

  // After the server restarted or the network dropped: reconnect between transactions, never
  // inside one (its earlier statements are gone, so what follows must not run on its own).
  void reconnect_if_lost() {
    if (PQstatus(pg_) == CONNECTION_OK) return;
    if (in_transaction_)
      throw std::runtime_error("The connection to PostgreSQL was lost during a transaction.");
    statements_.clear();
    PQreset(pg_);
    if (PQstatus(pg_) != CONNECTION_OK)
      throw std::runtime_error("Cannot reconnect to PostgreSQL at " + display_location(url_) +
                               ": " + trimmed(PQerrorMessage(pg_)));
    set_up_session();
  }

  void check(const PGresult* r, std::string_view sql) {
    auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(pg_);
    throw std::runtime_error("SQL error: " + trimmed(message) + " in [" + std::string(sql) + "]");
  }

  void exec(const std::string& sql) {
    Result r(PQexec(pg_, sql.c_str()));
    check(r.get(), sql);
  }

  const std::string& prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    // Statements built from filters vary; keep the cache from growing without bound.
    if (statements_.size() >= kMaxStatements) {
      exec("DEALLOCATE ALL");
      statements_.clear();
    }
    std::string name = "artel_" + std::to_string(++statement_counter_);
    Result r(PQprepare(pg_, name.c_str(), postgres_placeholders(sql).c_str(), 0, nullptr));
    check(r.get(), sql);
    return statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  std::string url_;
  bool read_only_;
  PGconn* pg_ = nullptr;
  bool in_transaction_ = false;
  std::uint64_t statement_counter_ = 0;
  std::unordered_map<std::string, std::string> statements_;  // SQL → prepared statement name
};

}  // namespace

std::unique_ptr<Conn> open_postgres(const std::string& url, bool read_only) {
  return std::make_unique<PgConn>(url, read_only);
}

std::string postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int count = 0;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  auto copy_until = [&](std::size_t end) {  // copies sql[i, end) and moves i there
    end = std::min(end, n);
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < n) {
    char c = sql[i];
    char next = i + 1 < n ? sql[i + 1] : '\0';
    bool after_ident = i > 0 && ident_char(sql[i - 1]);
    if (c == '\'') {
      // '…' with '' inside; E'…' also with backslash escapes.
      bool backslashes =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !ident_char(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < n) {
        if (backslashes && sql[j] == '\\') {
          j += 2;
        } else if (sql[j] == '\'') {
          if (j + 1 < n && sql[j + 1] == '\'') {
            j += 2;
          } else {
            ++j;
            break;
          }
        } else {
          ++j;
        }
      }
      copy_until(j);
    } else if (c == '"') {
      std::size_t j = i + 1;
      while (j < n) {
        if (sql[j] == '"') {
          if (j + 1 < n && sql[j + 1] == '"') {
            j += 2;
            continue;
          }
          ++j;
          break;
        }
        ++j;
      }
      copy_until(j);
    } else if (c == '-' && next == '-') {
      std::size_t end = sql.find('\n', i);
      copy_until(end == std::string_view::npos ? n : end);
    } else if (c == '/' && next == '*') {
      // Block comments nest in PostgreSQL.
      int depth = 0;
      std::size_t j = i;
      while (j < n) {
        if (sql[j] == '/' && j + 1 < n && sql[j + 1] == '*') {
          ++depth;
          j += 2;
        } else if (sql[j] == '*' && j + 1 < n && sql[j + 1] == '/') {
          j += 2;
          if (--depth == 0) break;
        } else {
          ++j;
        }
      }
      copy_until(j);
    } else if (c == '$' && !after_ident && !(next >= '0' && next <= '9')) {
      // $tag$ … $tag$ (dollar quoting); a lone $ is copied as it is.
      std::size_t close = i + 1;
      while (close < n && ident_char(sql[close]) && sql[close] != '$') ++close;
      if (close < n && sql[close] == '$') {
        std::string_view tag = sql.substr(i, close - i + 1);
        std::size_t end = sql.find(tag, close + 1);
        copy_until(end == std::string_view::npos ? n : end + tag.size());
      } else {
        out += c;
        ++i;
      }
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace artel::db
