// Turns what a person typed into a search box into an FTS5 MATCH expression. FTS5 gives meaning
// to quotes, parentheses, ':', '^', '+', '-', '*' and to the words AND, OR, NOT and NEAR; passed
// through raw, such input fails with a syntax error or changes the query.
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

}  // namespace artel::search
