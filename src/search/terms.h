// How text becomes search terms. One implementation serves both databases: the FTS5 tokenizer
// "snowball" (SQLite) and index_terms / tsquery_text (PostgreSQL, where the terms are computed
// here and stored as lexemes), so a word finds the same documents on either.
//
// A word is a maximal run of word characters. Its term is the word folded (fold_case: case,
// ё→е; ș ț → ş ţ), cut to kMaxWordBytes, stemmed by Snowball — the stemmer chosen by script:
// Cyrillic → russian, Latin with ă â î ș ț ş ţ → romanian, anything else → english (or the
// language a table names) — then reduced by reduced_length() below and, unless Russian, written
// without Romanian diacritics (ă â → a, î → i, ş → s, ţ → t), as much Romanian text is. A prefix
// (the last word of a query typed with `*`) is folded, cut and written without them, but neither
// stemmed nor reduced.
//
// Romanian is written with and without diacritics, so a plain-Latin word (no Cyrillic, no
// Romanian letters) has two terms: the English one (or that of the table's language) and the
// Romanian one, unless the two are equal or the table's language is romanian. «lucrare» → lucrar
// and lucr, so it meets «lucrărilor» (lucr); «renovare» → renovar, renov meets «renovări»
// (renov); «pregatire» → pregatir, pregat meets «pregătiri» (pregat); «verificarea» →
// verificarea, verific. Both terms are indexed at the word's position and both are looked for,
// as alternatives: a document matches when either term of a typed word is in it, and a phrase
// takes either term at that place. English keeps its own matches (prepare/preparation,
// report/reports, care/cares) and gains some through the Romanian reading: «care» (car) now
// meets «car», «data» (dat) «date», «plan» «plane» — about one in fifty common English words
// finds such an extra word. To keep it at that, the Romanian term of a plain word is reduced only
// when Snowball removed an ending (lucrari → lucrar → lucr): header, linear, reader, which
// Snowball leaves whole, do not meet head, line, read. Snowball's Romanian suffixes with ă ş ţ
// (-ură, -ţie, -aţi) are not found in text without diacritics: «factura» (factur) and «factură»
// (fact) stay apart.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace artel::search {

// Letters, digits and combining marks are word characters; ASCII and Latin-1 punctuation,
// general punctuation, symbols, emoji and malformed bytes separate words.
bool is_word_char(char32_t c);

// Decodes the code point at s[i] and advances i. Malformed UTF-8 — a bad or truncated
// sequence, an overlong form, a surrogate, anything above U+10FFFF — yields U+FFFD (a
// separator) and advances by one byte, so every word is well-formed UTF-8 (PostgreSQL refuses
// anything else).
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Calls fn(begin, end) with the byte range of each word of text, in order.
template <class F>
void for_each_word(std::string_view text, F&& fn) {
  std::size_t start = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t at = i;
    bool word = is_word_char(decode_utf8(text, i));
    if (word && !in_word) start = at;
    if (!word && in_word) fn(start, at);
    in_word = word;
  }
  if (in_word) fn(start, text.size());
}

// A longer word is cut (at a character boundary) before stemming, on both databases alike:
// PostgreSQL refuses lexemes of 2 KiB and more, and nobody searches for such a word.
constexpr std::size_t kMaxWordBytes = 255;

// The language whose Snowball stemmer made a stem; it selects the reduction rules.
enum class StemLanguage { Russian, Romanian, Other };

// The reduction applied after the Snowball stem, returning how many bytes of `stem` (a Snowball
// stem in `language`) make the term. Snowball removes inflections but keeps derivational
// suffixes and the vowel of a verb's stem, so a verb and the noun made from it get different
// stems: подготовить → подготов but подготовка → подготовк; работа → работ but работать →
// работа. The reduction removes one such ending so that the pair meets:
//
//  Russian — the longest of these endings whose removal leaves at least 4 letters of which at
//  least 2 are vowels (two syllables), tried longest first:
//    verb formants, stem vowels  ирован ирова ован ова ева ыва ива а я
//                                (организова → организ, планирова → планир, работа → работ)
//    agent nouns                 ител ател чик щик (руководител → руковод, заказчик → заказ)
//    -ация, -ение nouns          ац ен (организац → организ, выполнен → выполн)
//    -ка nouns                   йк, and к after a consonant
//                                (подготовк → подготов, настройк → настро)
//    -ный, -ность                н after в or т (готовн → готов, отчетн → отчет)
//  and then an epenthetic л after б в м п ф goes, with the same guard (подготовл → подготов:
//  подготовленный, подготовлю).
//
//  Romanian — ăr âr ar îr ir er, leaving at least 4 letters: the plural of a long-infinitive noun
//  keeps them (lucrări → lucrăr, lucrari → lucrar, pregătiri → pregătir) while the singular loses
//  them (lucrare → lucr). The diacritics go after the reduction, so -ar and -ăr alike.
//
//  English and other languages — nothing: Porter2 already removes derivational suffixes
//  (prepare/preparation → prepar, organize/organization → organ, install/installation →
//  instal), and the rules it lacks would merge unrelated words (order/ord, question/quest,
//  apartment/apart).
//
// Limits: it is a heuristic over stems, not a dictionary. The guard keeps short roots apart
// (банк is not бан, строка is not строить, правка is not право, среда is not средство — no ств
// rule for that reason) but pays with some misses: решение (решен) and решить (реш), ссылка and
// ссылаться, дело and делать stay apart because too little would remain. Prefix words
// (`подготов*`) are matched against reduced terms, so a prefix longer than the reduced term
// (`подготовк*`) finds nothing where the whole word would.
std::size_t reduced_length(StemLanguage language, std::string_view stem);

// The Snowball stemmers of one thread or one FTS5 tokenizer: libstemmer instances are not
// thread-safe, so a Stemmers is never shared between threads.
class Stemmers {
 public:
  // `latin` is the Snowball language of Latin words without Romanian letters. nullptr for a
  // language libstemmer does not know, or when out of memory.
  static std::unique_ptr<Stemmers> create(const char* latin = "english");
  // This thread's stemmers with english for plain Latin, the tokenizer's default
  // (tokenize='snowball'); for the PostgreSQL side, which has no tokenizer.
  static Stemmers& for_this_thread();

  ~Stemmers();
  Stemmers(const Stemmers&) = delete;
  Stemmers& operator=(const Stemmers&) = delete;

  // Sets `out` to the term of one word (the bytes of a run of word characters) and `second` to
  // its second term — the Romanian one of a plain-Latin word — or to "" when it has only one.
  // Throws std::bad_alloc when out of memory.
  void terms(std::string_view word, bool prefix, std::string& out, std::string& second);

 private:
  Stemmers() = default;
  // Sets `out` to word_'s Snowball stem in `language`, reduced, and without Romanian diacritics
  // unless Russian. `guess`: a plain-Latin word read as Romanian, reduced only when Snowball
  // removed an ending.
  void stem(sb_stemmer* stemmer, StemLanguage language, bool guess, std::string& out);

  std::string word_;  // the word folded and cut
  sb_stemmer* russian_ = nullptr;
  sb_stemmer* romanian_ = nullptr;
  sb_stemmer* latin_ = nullptr;
  StemLanguage latin_language_ = StemLanguage::Other;
};

}  // namespace artel::search
