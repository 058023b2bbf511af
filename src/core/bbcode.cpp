#include "core/bbcode.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/text.h"

namespace artel::bbcode {

namespace {

struct Tag {
  std::string name;   // upper case
  std::string value;  // after '=', without quotes
  bool has_value = false;
  bool closing = false;
  std::size_t length = 0;  // of the whole "[…]"
};

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Reads "[B]", "[/URL]", "[URL=x]" at text[at] (which is '[').
std::optional<Tag> read_tag(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  Tag tag;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  std::size_t start = i;
  if (i < text.size() && text[i] == '*' && !tag.closing) ++i;  // a [*] list point
  while (i < text.size() && is_letter(text[i]) && i - start < 8) ++i;
  if (i == start || i >= text.size()) return std::nullopt;
  tag.name = to_upper_ascii(text.substr(start, i - start));
  if (text[i] == '=' && !tag.closing) {
    auto end = text.find(']', i + 1);
    if (end == std::string_view::npos || end - i > 2048) return std::nullopt;
    std::string_view value = text.substr(i + 1, end - i - 1);
    if (value.find('\n') != std::string_view::npos) return std::nullopt;
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    tag.value = std::string(trim(value));
    tag.has_value = true;
    i = end;
  }
  if (text[i] != ']') return std::nullopt;
  tag.length = i + 1 - at;
  return tag;
}

bool is_style(const std::string& name) {
  return name == "B" || name == "I" || name == "U" || name == "S";
}

// Blocks that wrap text like a style: [QUOTE] → <blockquote>, [LIST] → <ul>.
const char* block_html(const std::string& name) {
  if (name == "QUOTE") return "blockquote";
  if (name == "LIST") return "ul";
  return nullptr;
}

// Where "[/NAME]" starts at or after `from`, ignoring case; npos when absent.
std::size_t find_closer(std::string_view text, std::size_t from, std::string_view name) {
  for (std::size_t i = text.find('[', from); i != std::string_view::npos;
       i = text.find('[', i + 1)) {
    auto tag = read_tag(text, i);
    if (tag && tag->closing && tag->name == name) return i;
  }
  return std::string_view::npos;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() < 19 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string safe_href(std::string_view link, std::string_view base_url) {
  link = trim(link);
  for (char c : link)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return {};
  std::string lower = to_lower_ascii(link.substr(0, 8));
  if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
    return std::string(link);
  if (link.starts_with("/") && !link.starts_with("//") && !link.starts_with("/\\"))
    return std::string(base_url) + std::string(link);
  return {};
}

std::string to_plain(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '[') {
      out += text[i++];
      continue;
    }
    auto tag = read_tag(text, i);
    if (!tag) {
      out += text[i++];
      continue;
    }
    if (is_style(tag->name) || tag->name == "USER" || block_html(tag->name) ||
        tag->name == "CODE") {
      i += tag->length;  // the words stay, the markup goes
    } else if (tag->name == "*") {
      out += "\n• ";
      i += tag->length;
    } else if (tag->name == "BR" && !tag->closing) {
      out += '\n';
      i += tag->length;
    } else if (tag->name == "URL" && !tag->closing) {
      auto close = find_closer(text, i + tag->length, "URL");
      if (close == std::string_view::npos) {
        out += text[i++];
        continue;
      }
      std::string inner = to_plain(text.substr(i + tag->length, close - i - tag->length));
      std::string href = tag->has_value ? tag->value : inner;
      out += inner;
      if (!href.empty() && href != inner) out += " (" + href + ")";
      i = close + 6;  // "[/URL]"
    } else if (tag->name == "URL") {
      i += tag->length;  // a stray closer
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string to_html(std::string_view text, std::string_view base_url) {
  std::string out;
  std::vector<std::string> open;  // the styles and links open now, innermost last
  auto close_html = [](const std::string& name) {
    if (name == "URL" || name == "USER") return std::string("</a>");
    if (name == "URL-") return std::string();  // a link without a safe address
    if (const char* block = block_html(name)) return "</" + std::string(block) + ">";
    return "</" + to_lower_ascii(name) + ">";
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      out += "<br>";
      ++i;
      continue;
    }
    if (c == '\r') {
      ++i;
      continue;
    }
    if (c != '[') {
      out += html_escape(std::string_view(&text[i], 1));
      ++i;
      continue;
    }
    auto tag = read_tag(text, i);
    if (!tag) {
      out += '[';
      ++i;
      continue;
    }
    if (tag->closing) {
      std::string name = tag->name;
      bool found = false;
      for (const auto& o : open)
        if (o == name || (name == "URL" && o == "URL-")) found = true;
      if (!found) {
        out += html_escape(text.substr(i, tag->length));
      } else {
        while (!open.empty()) {
          std::string top = open.back();
          open.pop_back();
          out += close_html(top);
          if (top == name || (name == "URL" && top == "URL-")) break;
        }
      }
      i += tag->length;
      continue;
    }
    if (is_style(tag->name) && !tag->has_value) {
      out += "<" + to_lower_ascii(tag->name) + ">";
      open.push_back(tag->name);
      i += tag->length;
    } else if (tag->name == "BR" && !tag->has_value) {
      out += "<br>";
      i += tag->length;
    } else if (block_html(tag->name) && !tag->has_value) {
      out += "<" + std::string(block_html(tag->name)) + ">";
      open.push_back(tag->name);
      i += tag->length;
    } else if (tag->name == "*" && !tag->has_value) {
      out += "<li>";
      i += tag->length;
    } else if (tag->name == "CODE" && !tag->has_value) {
      // Nothing inside code is a tag; its line breaks stay as they are.
      auto close = find_closer(text, i + tag->length, "CODE");
      if (close == std::string_view::npos) {
        out += '[';
        ++i;
        continue;
      }
      out += "<pre><code>" + html_escape(text.substr(i + tag->length, close - i - tag->length)) +
             "</code></pre>";
      i = close + 7;  // "[/CODE]"
    } else if (tag->name == "URL" && tag->has_value) {
      std::string href = safe_href(tag->value, base_url);
      bool in_link = false;  // a link inside a link is not HTML: the inner one stays text
      for (const auto& o : open)
        if (o == "URL" || o == "URL-" || o == "USER") in_link = true;
      if (href.empty() || in_link) {
        open.push_back("URL-");
      } else {
        out += "<a href=\"" + html_escape(href) + "\">";
        open.push_back("URL");
      }
      i += tag->length;
    } else if (tag->name == "URL") {
      auto close = find_closer(text, i + tag->length, "URL");
      if (close == std::string_view::npos) {
        out += '[';
        ++i;
        continue;
      }
      std::string_view inner = text.substr(i + tag->length, close - i - tag->length);
      std::string href = safe_href(inner, base_url);
      if (href.empty())
        out += html_escape(inner);
      else
        out += "<a href=\"" + html_escape(href) + "\">" + html_escape(inner) + "</a>";
      i = close + 6;
    } else if (tag->name == "USER" && all_digits(tag->value)) {
      std::string href = std::string(base_url) + "/company/personal/user/" + tag->value + "/";
      out += "<a class=\"mention\" href=\"" + html_escape(href) + "\">";
      open.push_back("USER");
      i += tag->length;
    } else {
      out += '[';
      ++i;
    }
  }
  while (!open.empty()) {
    out += close_html(open.back());
    open.pop_back();
  }
  return out;
}

std::vector<std::int64_t> mentions(std::string_view text) {
  std::vector<std::int64_t> out;
  for (std::size_t i = text.find('['); i != std::string_view::npos; i = text.find('[', i + 1)) {
    auto tag = read_tag(text, i);
    if (!tag || tag->closing || tag->name != "USER" || !all_digits(tag->value)) continue;
    std::int64_t id = std::stoll(tag->value);
    if (id > 0 && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace artel::bbcode
