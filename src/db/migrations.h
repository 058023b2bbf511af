#pragma once

#include <string>
#include <vector>

#include "db/db.h"

namespace artel::db {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Generated at build time: src/db/migrations/NNNN_name.sql for SQLite and
// src/db/migrations/postgres/NNNN_name.sql for PostgreSQL, the same versions in both.
const std::vector<Migration>& builtin_migrations(Dialect dialect);

// Applies each migration of the connection's dialect not yet recorded in schema_migrations, each
// in its own write transaction (so that several processes starting at once apply each once).
void migrate(Conn& conn);

}  // namespace artel::db
