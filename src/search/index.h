// A full-text index of one kind of document (tasks now; the feed and people later) with the
// same word-form matching on both back ends. Each index is a table that a migration creates:
//
//   SQLite:      CREATE VIRTUAL TABLE task_search USING fts5(body, tokenize='snowball');
//                (rowid = the document's id)
//   PostgreSQL:  CREATE TABLE task_search (id BIGINT PRIMARY KEY, terms tsvector NOT NULL);
//                CREATE INDEX task_search_terms ON task_search USING gin (terms);
//
// On SQLite the snowball tokenizer turns words into terms; on PostgreSQL the same C++ code turns
// the text into terms (index_terms) that are stored as lexemes, so a word finds the same
// documents whichever database holds the portal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/db.h"

namespace artel::search {

class Index {
 public:
  // The table's name; it comes from the code, never from a caller (anything but [a-z0-9_] is
  // refused with std::invalid_argument).
  explicit Index(std::string table);

  // Replaces the document's text (inserting it when new). Runs in the caller's transaction.
  // SQLite stores the text and the tokenizer makes the terms; PostgreSQL stores
  // tsvector_text(text).
  void put(db::Conn& conn, std::int64_t id, std::string_view text) const;
  void remove(db::Conn& conn, std::int64_t id) const;

  // The ids of the documents that match what a person typed, as a subquery for
  // `<id column> IN (<sql>)` with one parameter; nullopt when nothing searchable was typed
  // (then the caller must not search). The parameter is match_expression(typed) for FTS5 MATCH
  // on SQLite and tsquery_text(typed) on PostgreSQL (search/query.h), so nothing typed becomes
  // SQL or query syntax.
  struct Match {
    std::string sql;
    db::Value param;
  };
  std::optional<Match> match(db::Dialect dialect, std::string_view typed) const;

  const std::string& table() const { return table_; }

 private:
  std::string table_;
};

// A term a text is indexed under and the position of its word (0, 1, 2, … in word order).
struct IndexTerm {
  std::string text;
  std::size_t position = 0;
  bool operator==(const IndexTerm&) const = default;
};

// The terms a text is indexed under, as the snowball tokenizer makes them (search/terms.h;
// english for plain Latin words, as in tokenize='snowball'): each word's term, in word order,
// followed at the same position by the word's second term when it has one (a plain-Latin word
// read as Romanian too).
std::vector<IndexTerm> index_terms(std::string_view text);

// index_terms(text) as tsvector text, each lexeme quoted with its positions (1, 2, … in word
// order; a word's two terms share its position): `'работ':1,3 'отчет':2`,
// `'lucr':1 'lucrar':1 'nou':2`. Cast to tsvector, it is stored as it is — PostgreSQL's parser
// and stemmer never see the text — and phrases (`'a' <-> 'b'`) match as on FTS5. PostgreSQL's
// limits apply past what a task holds: positions above 16383 are stored as 16383, a lexeme keeps
// 255 positions, and a text is cut at the word where lexemes and positions would pass 1 MB. FTS5
// has none of these limits, so only phrases deep inside a huge text can match differently.
std::string tsvector_text(std::string_view text);

}  // namespace artel::search
