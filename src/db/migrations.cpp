#include "db/migrations.h"

#include <set>
#include <stdexcept>

#include "core/time.h"

namespace artel::db {

namespace {

template <class F>
void in_write_transaction(Conn& conn, F&& fn) {
  conn.begin_write();
  try {
    fn();
    conn.commit();
  } catch (...) {
    conn.rollback();
    throw;
  }
}

}  // namespace

void migrate(Conn& conn) {
  in_write_transaction(conn, [&] {
    conn.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  });
  std::set<std::int64_t> applied;
  conn.run("SELECT version FROM schema_migrations", {},
           [&](const Row& r) { applied.insert(r.integer(0)); });
  for (const auto& m : builtin_migrations(conn.dialect())) {
    if (applied.count(m.version)) continue;
    try {
      in_write_transaction(conn, [&] {
        // Another process may have applied it since the list above was read.
        if (conn.integer("SELECT 1 FROM schema_migrations WHERE version = ?",
                         {std::int64_t{m.version}}))
          return;
        conn.exec_script(m.sql);
        conn.run("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                 {std::int64_t{m.version}, std::string(m.name), timeutil::now_seconds()});
      });
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("Migration ") + m.name + " failed: " + e.what());
    }
  }
}

}  // namespace artel::db
