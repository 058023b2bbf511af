// The BB codes of Bitrix24 texts — notices, task descriptions and comments, later posts: [B],
// [I], [U], [S], [URL=…]…[/URL], [USER=5]Name[/USER], [BR], [QUOTE], [CODE], [LIST] with [*]
// points. Turned into plain text for e-mails and search, into safe HTML (e-mails,
// POST_MESSAGE_HTML, CONVERT_TEXT=Y), and read for the people a text mentions. Anything else
// stays as typed; HTML in the text is escaped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace artel::bbcode {

// "[B]Done[/B]: [URL=/tasks/1/]Task 1[/URL]" → "Done: Task 1 (/tasks/1/)".
std::string to_plain(std::string_view text);

// The same as HTML: <b>, <i>, <u>, <s>, <a href>, <br>. Links go only to http(s), mailto or a
// path of the portal ("/tasks/1/", prefixed with base_url when one is given); a [URL] to
// anything else (javascript:…) keeps its text and loses the link. Tags left open are closed.
std::string to_html(std::string_view text, std::string_view base_url = {});

std::string html_escape(std::string_view text);

// The address a link of a notice has outside the portal: a path gets base_url in front; an
// http(s) or mailto address stays; anything else gives "".
std::string safe_href(std::string_view link, std::string_view base_url);

// The people a text mentions with [USER=id], in order, without repeats.
std::vector<std::int64_t> mentions(std::string_view text);

}  // namespace artel::bbcode
