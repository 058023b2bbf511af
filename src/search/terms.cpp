#include "search/terms.h"

#include <libstemmer.h>

#include <new>

#include "core/text.h"

namespace artel::search {

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return false;                      // Latin-1 punctuation, NBSP, « »
  if (c == 0xD7 || c == 0xF7) return false;        // × ÷
  if (c >= 0x2000 && c <= 0x2E7F) return false;    // punctuation, dashes, №, arrows, math, ...
  if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation
  if (c >= 0xD800 && c <= 0xDFFF) return false;    // surrogates (never decoded, see below)
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
  static constexpr char32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[extra] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
    ++i;
    return 0xFFFD;
  }
  i += extra + 1;
  return c;
}

namespace {

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

void cut_to_max(std::string& s) {
  if (s.size() <= kMaxWordBytes) return;
  std::size_t n = kMaxWordBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

}  // namespace

std::unique_ptr<Stemmers> Stemmers::create(const char* latin) {
  std::unique_ptr<Stemmers> s(new (std::nothrow) Stemmers);
  if (!s) return nullptr;
  s->russian_ = sb_stemmer_new("russian", "UTF_8");
  s->romanian_ = sb_stemmer_new("romanian", "UTF_8");
  s->latin_ = sb_stemmer_new(latin, "UTF_8");
  if (!s->russian_ || !s->romanian_ || !s->latin_) return nullptr;
  return s;
}

Stemmers& Stemmers::for_this_thread() {
  // Creating the three stemmers is cheap (about 0.5 µs, against 11 µs for the terms of a task's
  // title and three sentences), but a thread's are kept all the same: nothing to allocate per
  // call, and a thread never shares them.
  thread_local std::unique_ptr<Stemmers> stemmers;
  if (!stemmers) stemmers = create();
  if (!stemmers) throw std::bad_alloc();
  return *stemmers;
}

Stemmers::~Stemmers() {
  sb_stemmer_delete(russian_);
  sb_stemmer_delete(romanian_);
  sb_stemmer_delete(latin_);
}

void Stemmers::term(std::string_view word, bool prefix, std::string& out) {
  // Folding (with ё→е) comes before stemming: the stemmer knows lower case only, and «Отчёт»
  // must give the same stem as «отчет».
  out = fold_case(word);
  to_cedilla(out);
  cut_to_max(out);
  // A prefix stays as typed: stemming "работ*" to "рабо" would widen it.
  if (prefix) return;

  sb_stemmer* stemmer = latin_;
  bool romanian = false;
  for (std::size_t i = 0; i < out.size();) {
    char32_t c = decode_utf8(out, i);
    if (is_cyrillic(c)) {
      stemmer = russian_;
      romanian = false;
      break;
    }
    romanian = romanian || is_romanian(c);
  }
  if (romanian) stemmer = romanian_;
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(out.data()),
                                          static_cast<int>(out.size()));
  if (!stem) throw std::bad_alloc();
  std::string_view stemmed(reinterpret_cast<const char*>(stem),
                           static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  if (stemmed.empty()) return;  // never seen; the folded word is the better term then
  out.assign(stemmed.data(), stemmed.size());
}

}  // namespace artel::search
