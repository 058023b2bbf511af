// Turns what a person typed into a search box into an FTS5 MATCH expression (SQLite) or a tsquery
// (PostgreSQL) with the same meaning. FTS5 gives meaning to quotes, parentheses, ':', '^', '+',
// '-', '*' and to the words AND, OR, NOT and NEAR, tsquery to quotes, '\', & | ! ( ) : * < >;
// passed through raw, such input fails with a syntax error or changes the query.
#pragma once

#include <string>
#include <string_view>

namespace artel::search {

// Every whitespace-separated word becomes one quoted term and the terms are ANDed:
// `работа клиент` → `"работа" "клиент"`. Inside a word only letters and digits are kept (the
// tokenizer drops the rest anyway), so `foo-bar` becomes the phrase `"foo bar"` and an operator
// typed as text (`OR`, `(`, `"`) is either a plain term or nothing. A word ending in `*` is a
// prefix query: `раб*` → `"раб"*`. The result contains only letters, digits, spaces, `"` and
// `*`. Returns "" when nothing searchable is left; the caller then must not search (an empty
// MATCH is an error).
std::string match_expression(std::string_view typed);

// The same query for PostgreSQL, as tsquery text for `terms @@ CAST(? AS tsquery)`: each word's
// term as the tokenizer would make it (search/terms.h: folded, stemmed, reduced; the last part
// of a `*` word folded only), quoted, or both its terms as alternatives when it has two; a word
// of several parts is a phrase of adjacent lexemes and the words are ANDed: `Отчёт foo-bar раб*`
// → `'отчет' & ('foo' <-> 'bar') & 'раб':*`, `lucrare` → `('lucrar' | 'lucr')`. The result is
// built from terms only, so nothing typed acts as a tsquery operator. "" exactly when
// match_expression() gives "".
std::string tsquery_text(std::string_view typed);

}  // namespace artel::search
