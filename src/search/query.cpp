#include "search/query.h"

#include <vector>

#include "search/terms.h"

namespace artel::search {

namespace {

bool is_space(char32_t c) {
  return c <= 0x20 || c == 0x7F || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// One whitespace-separated word as typed: its runs of word characters (the tokenizer's words;
// the rest is dropped) and whether it ends in '*', which makes its last run a prefix.
struct TypedWord {
  std::vector<std::string_view> runs;
  bool prefix = false;
};

std::vector<TypedWord> typed_words(std::string_view typed) {
  std::vector<TypedWord> words;
  auto add = [&](std::string_view chunk) {
    TypedWord word;
    for_each_word(
        chunk, [&](std::size_t b, std::size_t e) { word.runs.push_back(chunk.substr(b, e - b)); });
    if (word.runs.empty()) return;
    word.prefix = chunk.back() == '*';
    words.push_back(std::move(word));
  };
  std::size_t start = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < typed.size();) {
    std::size_t at = i;
    bool space = is_space(decode_utf8(typed, i));
    if (!space && !in_word) start = at;
    if (space && in_word) add(typed.substr(start, at - start));
    in_word = !space;
  }
  if (in_word) add(typed.substr(start));
  return words;
}

// A lexeme as a tsquery operand: quoted, with ' and \ escaped (terms hold only word
// characters, so there are none; the quoting makes sure of it).
void append_lexeme(std::string& out, std::string_view lexeme) {
  out += '\'';
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
}

}  // namespace

std::string match_expression(std::string_view typed) {
  std::string out;
  for (const TypedWord& word : typed_words(typed)) {
    if (!out.empty()) out += ' ';  // FTS5 ANDs adjacent terms
    out += '"';
    for (std::size_t r = 0; r < word.runs.size(); ++r) {
      if (r > 0) out += ' ';
      out += word.runs[r];
    }
    out += word.prefix ? "\"*" : "\"";
  }
  return out;
}

std::string tsquery_text(std::string_view typed) {
  Stemmers& stemmers = Stemmers::for_this_thread();
  std::string out;
  std::string term, second;
  for (const TypedWord& word : typed_words(typed)) {
    if (!out.empty()) out += " & ";
    bool phrase = word.runs.size() > 1;
    if (phrase) out += '(';
    for (std::size_t r = 0; r < word.runs.size(); ++r) {
      bool prefix = word.prefix && r + 1 == word.runs.size();
      stemmers.terms(word.runs[r], prefix, term, second);
      if (r > 0) out += " <-> ";
      if (!second.empty()) out += '(';  // either term, also as one place of a phrase
      append_lexeme(out, term);
      if (prefix) out += ":*";  // a prefix has one term
      if (!second.empty()) {
        out += " | ";
        append_lexeme(out, second);
        out += ')';
      }
    }
    if (phrase) out += ')';
  }
  return out;
}

}  // namespace artel::search
