// The BB codes of Bitrix24 notices ([B], [I], [U], [S], [URL=…]…[/URL], [USER=5]Name[/USER],
// [BR]) turned into plain text for e-mails and search, and into safe HTML for the HTML part of
// e-mails and CONVERT_TEXT=Y. Anything else stays as typed; HTML in the text is escaped.
#pragma once

#include <string>
#include <string_view>

namespace artel::notify::bbcode {

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

}  // namespace artel::notify::bbcode
