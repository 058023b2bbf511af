#pragma once

#include <string>
#include <vector>

namespace artel::db {

class Conn;

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Generated at build time from src/db/migrations/*.sql.
const std::vector<Migration>& builtin_migrations();

// Applies each migration not yet recorded in schema_migrations, each in its own transaction.
void migrate(Conn& conn);

}  // namespace artel::db
