#include "search/query.h"

#include "search/terms.h"

namespace artel::search {

namespace {

bool is_space(char32_t c) {
  return c <= 0x20 || c == 0x7F || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// One typed word as a term: its runs of word characters, space-separated inside quotes.
std::string term(std::string_view word) {
  std::string out;
  bool in_run = false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t at = i;
    bool keep = is_word_char(decode_utf8(word, i));
    if (keep && !in_run && !out.empty()) out += ' ';
    if (keep) out.append(word.substr(at, i - at));
    in_run = keep;
  }
  if (out.empty()) return out;
  return '"' + out + (word.back() == '*' ? "\"*" : "\"");
}

}  // namespace

std::string match_expression(std::string_view typed) {
  std::string out;
  std::size_t start = 0;
  bool in_word = false;
  auto flush = [&](std::size_t end) {
    std::string t = term(typed.substr(start, end - start));
    if (t.empty()) return;
    if (!out.empty()) out += ' ';  // FTS5 ANDs adjacent terms
    out += t;
  };
  for (std::size_t i = 0; i < typed.size();) {
    std::size_t at = i;
    bool space = is_space(decode_utf8(typed, i));
    if (!space && !in_word) start = at;
    if (space && in_word) flush(at);
    in_word = !space;
  }
  if (in_word) flush(typed.size());
  return out;
}

}  // namespace artel::search
