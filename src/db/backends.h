// The two back ends behind db::Conn. Only db/*.cpp and the unit tests include this.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "db/db.h"

namespace artel::db {

// SQLite (sqlite.cpp): WAL, synchronous=NORMAL, foreign keys, memory-mapped reads.
std::unique_ptr<Conn> open_sqlite(const std::string& path, bool read_only);
// SQLite's online backup of the database behind `conn` (an SQLite connection) into `target`.
void sqlite_backup(Conn& conn, const std::string& target);

// PostgreSQL (postgres.cpp) through libpq. The database must exist and use UTF8.
std::unique_ptr<Conn> open_postgres(const std::string& url, bool read_only);

// LISTEN on `channel` (postgres_listen.cpp); on_message runs on the listener's thread.
std::unique_ptr<Listener> listen_postgres(const std::string& url, const std::string& channel,
                                          std::function<void(const std::string&)> on_message);

// Rewrites the `?` placeholders of a statement to PostgreSQL's $1, $2, … — outside string
// literals ('…', E'…', $tag$…$tag$), quoted identifiers and comments. PostgreSQL's jsonb `?`
// operators therefore cannot be written in stores (jsonb_exists() can).
std::string postgres_placeholders(std::string_view sql);

}  // namespace artel::db
