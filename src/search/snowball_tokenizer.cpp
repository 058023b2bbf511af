#include "search/snowball_tokenizer.h"

#include <sqlite3.h>

#include <memory>
#include <new>
#include <string>

#include "search/terms.h"

namespace artel::search {

namespace {

// One per table per connection (FTS5 calls xCreate for each), so a connection's stemmers are
// never used by two threads at once: libstemmer instances are not thread-safe.
struct Tokenizer {
  std::unique_ptr<Stemmers> stemmers;
};

int create(void*, const char** args, int nargs, Fts5Tokenizer** out) {
  if (nargs > 1) return SQLITE_ERROR;
  auto* t = new (std::nothrow) Tokenizer;
  if (!t) return SQLITE_NOMEM;
  t->stemmers = Stemmers::create(nargs == 1 ? args[0] : "english");
  if (!t->stemmers) {  // unknown language, or out of memory
    delete t;
    return SQLITE_ERROR;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) {
  delete reinterpret_cast<Tokenizer*>(t);
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize_words(Stemmers& stemmers, void* ctx, int flags, std::string_view text,
                   TokenCallback emit) {
  // Each word is emitted once the next one is found: with FTS5_TOKENIZE_PREFIX only the last
  // word is the prefix.
  std::string token, second;
  std::size_t begin = 0, end = 0;
  bool pending = false;
  int rc = SQLITE_OK;
  auto emit_pending = [&](bool last) {
    stemmers.terms(text.substr(begin, end - begin), last && (flags & FTS5_TOKENIZE_PREFIX), token,
                   second);
    // Offsets are into the original text, so highlight() marks what the user wrote.
    rc = emit(ctx, 0, token.data(), static_cast<int>(token.size()), static_cast<int>(begin),
              static_cast<int>(end));
    // A word's second term is its synonym at the same position: in a document both are indexed,
    // in a query either matches (and a phrase takes either at that place).
    if (rc == SQLITE_OK && !second.empty())
      rc = emit(ctx, FTS5_TOKEN_COLOCATED, second.data(), static_cast<int>(second.size()),
                static_cast<int>(begin), static_cast<int>(end));
  };
  for_each_word(text, [&](std::size_t b, std::size_t e) {
    if (pending && rc == SQLITE_OK) emit_pending(false);
    begin = b;
    end = e;
    pending = true;
  });
  if (pending && rc == SQLITE_OK) emit_pending(true);
  return rc;
}

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int size,
             TokenCallback emit) {
  try {  // no C++ exception may cross into SQLite
    return tokenize_words(*reinterpret_cast<Tokenizer*>(t)->stemmers, ctx, flags,
                          std::string_view(text, size < 0 ? 0 : static_cast<std::size_t>(size)),
                          emit);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

fts5_tokenizer kTokenizer = {create, destroy, tokenize};

}  // namespace

void register_snowball_tokenizer(sqlite3* db) {
  // The documented way to reach the FTS5 API of a connection: SELECT fts5(?) hands back a pointer.
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api) api->xCreateTokenizer(api, "snowball", nullptr, &kTokenizer, nullptr);
}

}  // namespace artel::search
