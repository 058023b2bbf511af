#include "search/index.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "search/query.h"
#include "search/terms.h"

namespace artel::search {

namespace {

bool is_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// PostgreSQL's limits on a tsvector (tsearch/ts_type.h): positions 1..16383 (larger ones are
// stored as 16383), 256 positions per lexeme, lexemes and positions under 1 MiB in all.
constexpr std::size_t kMaxPosition = 16383;
constexpr std::size_t kMaxPositionsPerLexeme = 255;
constexpr std::size_t kMaxTsvectorBytes = 1000000;

}  // namespace

Index::Index(std::string table) : table_(std::move(table)) {
  if (!is_identifier(table_))
    throw std::invalid_argument("search::Index: not a table name: " + table_);
}

void Index::put(db::Conn& conn, std::int64_t id, std::string_view text) const {
  if (conn.dialect() == db::Dialect::Sqlite) {
    // FTS5 has no ON CONFLICT upsert, but takes REPLACE for a rowid it holds.
    conn.run("INSERT OR REPLACE INTO " + table_ + "(rowid, body) VALUES (?, ?)",
             {id, std::string(text)});
    return;
  }
  conn.run("INSERT INTO " + table_ +
               "(id, terms) VALUES (?, CAST(? AS tsvector)) "
               "ON CONFLICT (id) DO UPDATE SET terms = excluded.terms",
           {id, tsvector_text(text)});
}

void Index::remove(db::Conn& conn, std::int64_t id) const {
  conn.run("DELETE FROM " + table_ +
               (conn.dialect() == db::Dialect::Sqlite ? " WHERE rowid = ?" : " WHERE id = ?"),
           {id});
}

std::optional<Index::Match> Index::match(db::Dialect dialect, std::string_view typed) const {
  if (dialect == db::Dialect::Sqlite) {
    std::string expression = match_expression(typed);
    if (expression.empty()) return std::nullopt;
    return Match{"SELECT rowid FROM " + table_ + " WHERE " + table_ + " MATCH ?",
                 std::move(expression)};
  }
  std::string query = tsquery_text(typed);
  if (query.empty()) return std::nullopt;
  return Match{"SELECT id FROM " + table_ + " WHERE terms @@ CAST(? AS tsquery)", std::move(query)};
}

std::vector<IndexTerm> index_terms(std::string_view text) {
  Stemmers& stemmers = Stemmers::for_this_thread();
  std::vector<IndexTerm> terms;
  terms.reserve(text.size() / 4);  // about a word in 7 bytes, and some have two terms
  std::string second;
  std::size_t position = 0;
  for_each_word(text, [&](std::size_t begin, std::size_t end) {
    IndexTerm& term = terms.emplace_back();
    term.position = position;
    stemmers.terms(text.substr(begin, end - begin), false, term.text, second);
    if (!second.empty()) terms.push_back({std::move(second), position});
    ++position;
  });
  return terms;
}

std::string tsvector_text(std::string_view text) {
  std::vector<IndexTerm> terms = index_terms(text);
  // (lexeme, position) in lexeme order. PostgreSQL counts each lexeme's bytes (aligned to 2)
  // plus 2 bytes per position and 2 for their count against its limit; an enormous text is cut
  // at the first word that would pass it.
  struct Seen {
    std::size_t positions = 0;
    std::size_t last = 0;
  };
  std::vector<std::pair<std::string_view, std::size_t>> entries;
  entries.reserve(terms.size());
  std::unordered_map<std::string_view, Seen> seen;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < terms.size();) {
    // One word: its term and its second term, at one position (never the same lexeme twice).
    std::size_t word_end = i + 1;
    while (word_end < terms.size() && terms[word_end].position == terms[i].position) ++word_end;
    std::size_t position = std::min(terms[i].position + 1, kMaxPosition);
    // Several words clamped to the last position count once; a lexeme keeps 255 positions.
    auto kept = [&](const Seen& s) {
      return position != s.last && s.positions < kMaxPositionsPerLexeme;
    };
    std::size_t cost = 0;
    for (std::size_t k = i; k < word_end; ++k) {
      std::string_view lexeme = terms[k].text;
      auto it = seen.find(lexeme);
      if (it == seen.end())
        cost += (lexeme.size() + 1) / 2 * 2 + 4;
      else if (kept(it->second))
        cost += 2;
    }
    if (bytes + cost > kMaxTsvectorBytes) break;
    bytes += cost;
    for (; i < word_end; ++i) {
      std::string_view lexeme = terms[i].text;
      auto [it, is_new] = seen.try_emplace(lexeme);
      Seen& s = it->second;
      if (!is_new && !kept(s)) continue;
      ++s.positions;
      s.last = position;
      entries.emplace_back(lexeme, position);
    }
  }
  std::sort(entries.begin(), entries.end());

  // 'lexeme':1,5 'other':2 — each lexeme once, quoted, with its positions.
  std::string out;
  for (std::size_t i = 0; i < entries.size();) {
    std::string_view lexeme = entries[i].first;
    if (!out.empty()) out += ' ';
    out += '\'';
    for (char c : lexeme) {
      if (c == '\'' || c == '\\') out += c;  // never in a term; escaped all the same
      out += c;
    }
    out += "':";
    for (bool first = true; i < entries.size() && entries[i].first == lexeme; ++i, first = false) {
      if (!first) out += ',';
      out += std::to_string(entries[i].second);
    }
  }
  return out;
}

}  // namespace artel::search
