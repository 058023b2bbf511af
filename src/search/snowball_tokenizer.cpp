#include "search/snowball_tokenizer.h"

#include <libstemmer.h>
#include <sqlite3.h>

#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"

namespace artel::search {

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return false;                      // Latin-1 punctuation, NBSP, « »
  if (c == 0xD7 || c == 0xF7) return false;        // × ÷
  if (c >= 0x2000 && c <= 0x2E7F) return false;    // punctuation, dashes, №, arrows, math, ...
  if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE6F) return false;    // variation selectors, punctuation forms
  if (c >= 0xFEFF && c <= 0xFF0F) return false;    // BOM, fullwidth punctuation
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;    // specials, U+FFFD
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji
  return c < 0xE0000;                              // tags, private use
}

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= s.size()) {
    ++i;
    return extra == 0 ? b : 0xFFFD;
  }
  char32_t c = b & (0x7F >> (extra + (extra > 0)));
  for (int k = 1; k <= extra; ++k) {
    auto cb = static_cast<unsigned char>(s[i + k]);
    if ((cb & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (cb & 0x3F);
  }
  i += extra + 1;
  return c;
}

namespace {

// One per table per connection (FTS5 calls xCreate for each), so a connection's stemmers are
// never used by two threads at once: libstemmer instances are not thread-safe.
struct Tokenizer {
  sb_stemmer* russian = nullptr;
  sb_stemmer* romanian = nullptr;
  sb_stemmer* latin = nullptr;  // english unless the table names another language
  ~Tokenizer() {
    sb_stemmer_delete(russian);
    sb_stemmer_delete(romanian);
    sb_stemmer_delete(latin);
  }
};

bool is_cyrillic(char32_t c) {
  return c >= 0x400 && c <= 0x52F;
}
// Folded Romanian letters: ă â î ș ț and the older cedilla forms ş ţ.
bool is_romanian(char32_t c) {
  return c == 0x103 || c == 0xE2 || c == 0xEE || c == 0x219 || c == 0x21B || c == 0x15F ||
         c == 0x163;
}

// libstemmer 2.2's romanian knows only the cedilla letters ş ţ: "activități" would keep its
// suffix. Both spellings are in use, so both become the cedilla form (ș C8 99 → ş C5 9F,
// ț C8 9B → ţ C5 A3).
void to_cedilla(std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '\xC8') continue;
    if (s[i + 1] == '\x99') s.replace(i, 2, "\xC5\x9F");
    if (s[i + 1] == '\x9B') s.replace(i, 2, "\xC5\xA3");
  }
}

sb_stemmer* stemmer_for(const Tokenizer& t, std::string_view folded) {
  bool romanian = false;
  for (std::size_t i = 0; i < folded.size();) {
    char32_t c = decode_utf8(folded, i);
    if (is_cyrillic(c)) return t.russian;
    romanian = romanian || is_romanian(c);
  }
  return romanian ? t.romanian : t.latin;
}

int create(void*, const char** args, int nargs, Fts5Tokenizer** out) {
  if (nargs > 1) return SQLITE_ERROR;
  auto* t = new (std::nothrow) Tokenizer;
  if (!t) return SQLITE_NOMEM;
  t->russian = sb_stemmer_new("russian", "UTF_8");
  t->romanian = sb_stemmer_new("romanian", "UTF_8");
  t->latin = sb_stemmer_new(nargs == 1 ? args[0] : "english", "UTF_8");
  if (!t->russian || !t->romanian || !t->latin) {  // unknown language, or out of memory
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

int tokenize_words(const Tokenizer& t, void* ctx, int flags, std::string_view text,
                   TokenCallback emit) {
  // Word boundaries first: with FTS5_TOKENIZE_PREFIX only the last token is the prefix.
  std::vector<std::pair<std::size_t, std::size_t>> words;
  std::size_t start = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    bool word = is_word_char(decode_utf8(text, i));
    if (word && !in_word) start = at;
    if (!word && in_word) words.emplace_back(start, at);
    in_word = word;
  }
  if (in_word) words.emplace_back(start, text.size());

  for (std::size_t w = 0; w < words.size(); ++w) {
    auto [begin, end] = words[w];
    // Folding (with ё→е) comes before stemming: the stemmer knows lower case only, and «Отчёт»
    // must give the same stem as «отчет».
    std::string folded = fold_case(text.substr(begin, end - begin));
    to_cedilla(folded);
    const char* token = folded.data();
    int size = static_cast<int>(folded.size());
    // A prefix stays as typed: stemming "работ*" to "рабо" would widen it.
    bool prefix = (flags & FTS5_TOKENIZE_PREFIX) && w + 1 == words.size();
    if (!prefix) {
      sb_stemmer* stemmer = stemmer_for(t, folded);
      const sb_symbol* stem =
          sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(token), size);
      if (!stem) return SQLITE_NOMEM;
      token = reinterpret_cast<const char*>(stem);
      size = sb_stemmer_length(stemmer);
    }
    // Offsets are into the original text, so highlight() marks what the user wrote.
    int rc = emit(ctx, 0, token, size, static_cast<int>(begin), static_cast<int>(end));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int size,
             TokenCallback emit) {
  try {  // no C++ exception may cross into SQLite
    return tokenize_words(*reinterpret_cast<Tokenizer*>(t), ctx, flags,
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
