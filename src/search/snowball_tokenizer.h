// The FTS5 tokenizer "snowball": full-text search that finds «работы» for «работа» and "worked"
// for "work". SQLite's own tokenizers cannot do this: unicode61 does not stem, porter stems only
// English, and neither folds ё to е.
//
// Tables use it as `tokenize='snowball'`. A token is a word's term as search/terms.h makes it
// (folded, stemmed by the stemmer its script picks, reduced), so one index serves a mixed
// Russian/English portal with no configuration:
//   Cyrillic → russian; Latin with ă â î ș ț ş ţ → romanian; anything else → english.
// An optional argument replaces english as the stemmer for plain Latin tokens
// (`tokenize='snowball romanian'`): Romanian words without diacritics ("lucrare") look English.
// Changing it means recreating the table or running 'rebuild'.
#pragma once

struct sqlite3;

namespace artel::search {

// Makes "snowball" available on this connection. The schema stores only the tokenizer's name, so
// every connection that touches an FTS table needs this (sqlite.cpp calls it for each one). Does
// nothing if SQLite was built without FTS5; creating the table then fails with
// "no such tokenizer: snowball".
void register_snowball_tokenizer(sqlite3* db);

}  // namespace artel::search
