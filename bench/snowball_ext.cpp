// A loadable SQLite extension that registers the server's FTS5 tokenizer "snowball" on a
// connection, so that a generator written in Python can insert into the search tables
// (feed_search, task_search) with the very terms the server makes. bench/generate-feed compiles
// it from the server's own sources:
//
//   g++ -std=c++20 -O2 -shared -fPIC -I src bench/snowball_ext.cpp src/search/snowball_tokenizer.cpp \
//       src/search/terms.cpp src/core/text.cpp -lstemmer -lsqlite3 -o snowball_ext.so
//
// It calls SQLite through the process's libsqlite3 (Python's sqlite3 module links the same
// system library), not through the extension API table.
#include <sqlite3.h>

#include "search/snowball_tokenizer.h"

extern "C" int sqlite3_snowballext_init(sqlite3* db, char**, const void*) {
  artel::search::register_snowball_tokenizer(db);
  return SQLITE_OK;
}
