#include "search/terms.h"

#include <libstemmer.h>

#include <array>
#include <new>
#include <utility>

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

// ---------------------------------------------------------------------------------------------
// The reduction after the Snowball stem (see terms.h for the rules and their limits).

namespace {

bool russian_vowel(char32_t c) {
  return c == U'а' || c == U'е' || c == U'ё' || c == U'и' || c == U'о' || c == U'у' || c == U'ы' ||
         c == U'э' || c == U'ю' || c == U'я';
}
bool russian_consonant(char32_t c) {
  return c >= U'а' && c <= U'я' && !russian_vowel(c) && c != U'ь' && c != U'ъ';
}
bool romanian_vowel(char32_t c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 0x103 || c == 0xE2 ||
         c == 0xEE;
}

enum class Before { Any, Consonant, VeOrTe };

struct Rule {
  std::u32string_view suffix;
  Before before = Before::Any;
};

// Longest first where one ending contains another: the first that leaves enough is taken.
constexpr std::array kRussian = {
    // verb formants (организова, планирова, согласован)
    Rule{U"ирован"}, Rule{U"ирова"}, Rule{U"ован"},
    // agent nouns (руководител, покупател)
    Rule{U"ител"}, Rule{U"ател"},
    // verb formants (организова, записыва)
    Rule{U"ова"}, Rule{U"ева"}, Rule{U"ыва"}, Rule{U"ива"},
    // agent nouns (заказчик, разработчик)
    Rule{U"чик"}, Rule{U"щик"},
    // -ация and -ение nouns (организац, выполнен)
    Rule{U"ац"}, Rule{U"ен"},
    // -ка nouns (настройк, подготовк)
    Rule{U"йк"}, Rule{U"к", Before::Consonant},
    // -ный, -ность (готовн, отчетн)
    Rule{U"н", Before::VeOrTe},
    // the vowel of a verb's stem (работа, изменя)
    Rule{U"а"}, Rule{U"я"}};
// With and without diacritics alike (lucrări → lucrăr, lucrari → lucrar): a Romanian term loses
// its diacritics after the reduction, so the two spellings must be reduced alike.
constexpr std::array kRomanian = {Rule{U"ăr"}, Rule{U"âr"}, Rule{U"ar"},
                                  Rule{U"îr"}, Rule{U"ir"}, Rule{U"er"}};

}  // namespace

std::size_t reduced_length(StemLanguage language, std::string_view stem) {
  if (language == StemLanguage::Other) return stem.size();
  // The stem's letters and the byte offset after each.
  std::array<char32_t, kMaxWordBytes> letter{};
  std::array<std::size_t, kMaxWordBytes> end{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < stem.size();) {
    if (n == letter.size()) return stem.size();  // longer than any word gets: left alone
    letter[n] = decode_utf8(stem, i);
    end[n++] = i;
  }
  bool russian = language == StemLanguage::Russian;
  // Enough remains: 4 letters, and two syllables in Russian (one in Romanian, whose stems are
  // shorter: lucrare → lucr).
  auto leaves_enough = [&](std::size_t keep) {
    if (keep < 4) return false;
    std::size_t vowels = 0;
    for (std::size_t k = 0; k < keep; ++k)
      vowels += russian ? russian_vowel(letter[k]) : romanian_vowel(letter[k]);
    return vowels >= (russian ? 2u : 1u);
  };
  auto ends_with = [&](std::size_t keep, std::u32string_view suffix) {
    if (suffix.size() > keep) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k)
      if (letter[keep - suffix.size() + k] != suffix[k]) return false;
    return true;
  };

  std::size_t keep = n;
  auto try_rules = [&](const auto& rules) {
    for (const Rule& rule : rules) {
      if (!ends_with(n, rule.suffix)) continue;
      std::size_t rest = n - rule.suffix.size();
      if (rule.before == Before::Consonant && (rest == 0 || !russian_consonant(letter[rest - 1])))
        continue;
      if (rule.before == Before::VeOrTe &&
          (rest == 0 || (letter[rest - 1] != U'в' && letter[rest - 1] != U'т')))
        continue;
      if (!leaves_enough(rest)) continue;
      keep = rest;
      return;
    }
  };
  if (russian) {
    try_rules(kRussian);
    // подготовл(енный) → подготов: л inserted after a labial before some endings.
    if (keep >= 2 && letter[keep - 1] == U'л' && leaves_enough(keep - 1)) {
      char32_t c = letter[keep - 2];
      if (c == U'б' || c == U'в' || c == U'м' || c == U'п' || c == U'ф') --keep;
    }
  } else {
    try_rules(kRomanian);
  }
  return keep == 0 ? 0 : end[keep - 1];
}

// ---------------------------------------------------------------------------------------------

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

// A Romanian term is written without diacritics (ă â → a, î → i, ş → s, ţ → t; after
// to_cedilla), as much Romanian text is: «pregătiri» and «pregatire» must meet. Only the Russian
// term of a word that mixes them with Cyrillic keeps these letters, so a prefix loses them too.
void drop_romanian_diacritics(std::string& s) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto lead = static_cast<unsigned char>(c);
    if (lead >= 0xC3 && lead <= 0xC5 && i + 1 < s.size()) {  // the lead bytes of ă â î ş ţ
      char plain = 0;
      switch (lead << 8 | static_cast<unsigned char>(s[i + 1])) {
        case 0xC483:  // ă
        case 0xC3A2:  // â
          plain = 'a';
          break;
        case 0xC3AE:  // î
          plain = 'i';
          break;
        case 0xC59F:  // ş
          plain = 's';
          break;
        case 0xC5A3:  // ţ
          plain = 't';
          break;
      }
      if (plain) {
        c = plain;
        ++i;
      }
    }
    s[out++] = c;
  }
  s.resize(out);
}

void cut_to_max(std::string& s) {
  if (s.size() <= kMaxWordBytes) return;
  std::size_t n = kMaxWordBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

StemLanguage language_named(std::string_view name) {
  if (name == "russian" || name == "ru" || name == "rus") return StemLanguage::Russian;
  if (name == "romanian" || name == "ro" || name == "ron" || name == "rum")
    return StemLanguage::Romanian;
  return StemLanguage::Other;
}

}  // namespace

std::unique_ptr<Stemmers> Stemmers::create(const char* latin) {
  std::unique_ptr<Stemmers> s(new (std::nothrow) Stemmers);
  if (!s) return nullptr;
  s->russian_ = sb_stemmer_new("russian", "UTF_8");
  s->romanian_ = sb_stemmer_new("romanian", "UTF_8");
  s->latin_ = sb_stemmer_new(latin, "UTF_8");
  s->latin_language_ = language_named(latin);
  if (!s->russian_ || !s->romanian_ || !s->latin_) return nullptr;
  return s;
}

Stemmers& Stemmers::for_this_thread() {
  // Creating the three stemmers is cheap (about 0.5 µs, against 12–17 µs for the terms of a
  // task's title and three sentences), but a thread's are kept all the same: nothing to allocate
  // per call, and a thread never shares them.
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

void Stemmers::stem(sb_stemmer* stemmer, StemLanguage language, bool guess, std::string& out) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word_.data()),
                                          static_cast<int>(word_.size()));
  if (!stem) throw std::bad_alloc();
  std::string_view stemmed(reinterpret_cast<const char*>(stem),
                           static_cast<std::size_t>(sb_stemmer_length(stemmer)));
  if (stemmed.empty()) {  // never seen; the folded word is the better term then
    out = word_;
  } else {
    // A guess is reduced only when Snowball removed an ending (lucrari → lucrar → lucr): an
    // English word Snowball leaves whole would lose its -er, -ar (header → head, linear → line).
    bool whole = stemmed.size() >= word_.size();
    std::size_t keep = guess && whole ? stemmed.size() : reduced_length(language, stemmed);
    out.assign(stemmed.data(), keep == 0 ? stemmed.size() : keep);
  }
  if (language != StemLanguage::Russian) drop_romanian_diacritics(out);  // Cyrillic has none
}

void Stemmers::terms(std::string_view word, bool prefix, std::string& out, std::string& second) {
  second.clear();
  // Folding (with ё→е) comes before stemming: the stemmer knows lower case only, and «Отчёт»
  // must give the same stem as «отчет».
  word_ = fold_case(word);
  to_cedilla(word_);
  cut_to_max(word_);
  // A prefix stays as typed (stemming "работ*" to "рабо" would widen it) but for the Romanian
  // diacritics, which Romanian terms do not have.
  if (prefix) {
    out = word_;
    drop_romanian_diacritics(out);
    return;
  }

  bool cyrillic = false, romanian = false;
  for (std::size_t i = 0; i < word_.size() && !cyrillic;) {
    char32_t c = decode_utf8(word_, i);
    cyrillic = is_cyrillic(c);
    romanian = romanian || is_romanian(c);
  }
  if (cyrillic) return stem(russian_, StemLanguage::Russian, false, out);
  if (romanian) return stem(romanian_, StemLanguage::Romanian, false, out);
  if (latin_language_ == StemLanguage::Romanian) return stem(latin_, latin_language_, false, out);
  // Plain Latin: English (or the table's language), and Romanian written without diacritics —
  // a second term unless the two are equal.
  stem(latin_, latin_language_, false, out);
  stem(romanian_, StemLanguage::Romanian, true, second);
  if (second == out) second.clear();
}

}  // namespace artel::search
