// The BB codes of Bitrix24 texts (task descriptions, comments, later posts): [B] [I] [U] [S],
// [URL=…]…[/URL], [USER=5]Name[/USER], [QUOTE], [CODE], [LIST]/[*]. Turned into safe HTML for
// POST_MESSAGE_HTML and e-mails, into plain text for search and notices, and read for mentions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace artel::bbcode {

// HTML with every character of the text escaped; only the known codes become tags, links only
// for http(s), mailto and portal-relative addresses. Unknown codes and stray closing codes stay
// as text; a code left open is closed at the end.
std::string to_html(std::string_view text);

// The text without codes: "[B]Hi[/B] [USER=5]Ann[/USER]" → "Hi Ann".
std::string to_plain(std::string_view text);

// The people a text mentions with [USER=id], in order, without repeats.
std::vector<std::int64_t> mentions(std::string_view text);

// Escapes &, <, >, " and ' for HTML.
std::string escape_html(std::string_view text);

}  // namespace artel::bbcode
