#include "db/migrations.h"

#include <stdexcept>

#include "db/db.h"

namespace artel::db {

void migrate(Conn& conn) {
  conn.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  for (const auto& m : builtin_migrations()) {
    if (conn.integer("SELECT 1 FROM schema_migrations WHERE version = ?",
                     {std::int64_t{m.version}}))
      continue;
    conn.exec_script("BEGIN IMMEDIATE");
    try {
      conn.exec_script(m.sql);
      conn.run(
          "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, "
          "strftime('%s','now'))",
          {std::int64_t{m.version}, std::string(m.name)});
      conn.exec_script("COMMIT");
    } catch (const std::exception& e) {
      conn.exec_script("ROLLBACK");
      throw std::runtime_error(std::string("Migration ") + m.name + " failed: " + e.what());
    }
  }
}

}  // namespace artel::db
