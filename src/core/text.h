// Text helpers that SQLite lacks without ICU: its lower()/LIKE fold ASCII only, so "РАБОТА"
// would not match "работа". Artel folds Latin, Cyrillic and Romanian letters itself.
#pragma once

#include <string>
#include <string_view>

namespace artel {

// Lower-cases ASCII, Latin-1, Latin Extended-A, Romanian Ș/Ț and Cyrillic; folds ё to е.
std::string fold_case(std::string_view utf8);

// True when the bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Every `key` in `text` replaced by `value` (a sentence's {placeholders}).
std::string replace_all(std::string text, std::string_view key, std::string_view value);

// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

std::string to_upper_ascii(std::string_view s);
std::string to_lower_ascii(std::string_view s);

}  // namespace artel
