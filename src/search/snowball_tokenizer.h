// The FTS5 tokenizer "snowball": full-text search that finds «работы» for «работа» and "worked"
// for "work". SQLite's own tokenizers cannot do this: unicode61 does not stem, porter stems only
// English, and neither folds ё to е.
//
// Tables use it as `tokenize='snowball'`. The stemmer is chosen per token by script, so one
// index serves a mixed Russian/English portal with no configuration:
//   Cyrillic → russian; Latin with ă â î ș ț ş ţ → romanian; anything else → english.
// An optional argument replaces english as the stemmer for plain Latin tokens
// (`tokenize='snowball romanian'`): Romanian words without diacritics ("lucrare") look English.
// Changing it means recreating the table or running 'rebuild'.
#pragma once

#include <cstddef>
#include <string_view>

struct sqlite3;

namespace artel::search {

// Makes "snowball" available on this connection. The schema stores only the tokenizer's name, so
// every connection that touches an FTS table needs this (sqlite.cpp calls it for each one). Does
// nothing if SQLite was built without FTS5; creating the table then fails with
// "no such tokenizer: snowball".
void register_snowball_tokenizer(sqlite3* db);

// Shared with the query builder so that a typed query is split exactly as the index was.
// Letters, digits and combining marks are word characters; ASCII and Latin-1 punctuation,
// general punctuation, symbols, emoji and malformed bytes separate words.
bool is_word_char(char32_t c);

// Decodes the code point at s[i] and advances i; a malformed byte yields U+FFFD (a separator)
// and advances by one.
char32_t decode_utf8(std::string_view s, std::size_t& i);

}  // namespace artel::search
