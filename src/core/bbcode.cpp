#include "core/bbcode.h"

#include <algorithm>
#include <memory>

#include "core/text.h"

namespace artel::bbcode {

namespace {

struct Node {
  bool element = false;
  std::string name;  // upper case: B, I, U, S, URL, USER, QUOTE, CODE, LIST, *
  std::string arg;
  std::string source;  // the opening tag as written ([CODE] without its end stays text)
  std::string text;
  std::vector<Node> children;
};

bool known(std::string_view name) {
  static const std::vector<std::string_view> names = {"B",    "I",     "U",    "S",    "URL",
                                                      "USER", "QUOTE", "CODE", "LIST", "*"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

struct Tag {
  bool closing = false;
  std::string name;
  std::string arg;
  std::size_t length = 0;
};

// A tag at s[i] ('['), or length 0 when there is none.
Tag read_tag(std::string_view s, std::size_t i) {
  Tag t;
  auto end = s.find(']', i + 1);
  if (end == std::string_view::npos || end - i > 300) return t;
  std::string_view inner = s.substr(i + 1, end - i - 1);
  if (!inner.empty() && inner[0] == '/') {
    t.closing = true;
    inner.remove_prefix(1);
  }
  auto eq = inner.find('=');
  std::string name = to_upper_ascii(inner.substr(0, eq));
  if (!known(name)) return t;
  if (t.closing && eq != std::string_view::npos) return t;
  t.name = name;
  if (eq != std::string_view::npos) {
    std::string_view arg = inner.substr(eq + 1);
    if (arg.size() >= 2 && (arg.front() == '"' || arg.front() == '\'') && arg.back() == arg.front())
      arg = arg.substr(1, arg.size() - 2);
    t.arg = std::string(arg);
  }
  t.length = end - i + 1;
  return t;
}

std::vector<Node> parse(std::string_view s) {
  Node root;
  root.element = true;
  std::vector<Node*> stack{&root};
  std::string text;
  auto flush = [&] {
    if (text.empty()) return;
    Node n;
    n.text = std::move(text);
    stack.back()->children.push_back(std::move(n));
    text.clear();
  };
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '[') {
      text += s[i++];
      continue;
    }
    Tag tag = read_tag(s, i);
    if (!tag.length) {
      text += s[i++];
      continue;
    }
    if (tag.closing) {
      if (stack.size() > 1 && stack.back()->name == tag.name) {
        flush();
        stack.pop_back();
      } else {
        text.append(s.substr(i, tag.length));
      }
      i += tag.length;
      continue;
    }
    flush();
    Node n;
    n.element = true;
    n.name = tag.name;
    n.arg = tag.arg;
    n.source = std::string(s.substr(i, tag.length));
    i += tag.length;
    if (n.name == "*") {  // a list point: never closed
      stack.back()->children.push_back(std::move(n));
      continue;
    }
    if (n.name == "CODE") {  // nothing inside code is a tag
      auto close = s.size();
      for (std::size_t j = i; j + 6 < s.size() + 1; ++j) {
        if (s[j] == '[' && to_upper_ascii(s.substr(j, 7)) == "[/CODE]") {
          close = j;
          break;
        }
      }
      if (close == s.size()) {
        text = n.source;
        continue;
      }
      Node inner;
      inner.text = std::string(s.substr(i, close - i));
      n.children.push_back(std::move(inner));
      stack.back()->children.push_back(std::move(n));
      i = close + 7;
      continue;
    }
    stack.back()->children.push_back(std::move(n));
    stack.push_back(&stack.back()->children.back());
  }
  flush();
  // Elements left open are closed at the end of the text.
  return root.children;
}

bool safe_url(std::string_view url) {
  std::string lower = to_lower_ascii(trim(url));
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 ||
      lower.rfind("mailto:", 0) == 0)
    return true;
  return lower.size() > 1 && lower[0] == '/' && lower[1] != '/' && lower[1] != '\\';
}

void plain(const std::vector<Node>& nodes, std::string& out) {
  for (const auto& n : nodes) {
    if (!n.element) {
      out += n.text;
    } else if (n.name == "*") {
      out += "\n• ";
    } else {
      plain(n.children, out);
    }
  }
}

void html(const std::vector<Node>& nodes, std::string& out);

void element_html(const Node& n, std::string& out) {
  std::string inner;
  html(n.children, inner);
  const std::string& name = n.name;
  if (name == "B" || name == "I" || name == "U" || name == "S") {
    std::string tag = to_lower_ascii(name);
    out += "<" + tag + ">" + inner + "</" + tag + ">";
  } else if (name == "URL") {
    std::string plain_inner;
    plain(n.children, plain_inner);
    std::string href = n.arg.empty() ? plain_inner : n.arg;
    if (safe_url(href))
      out += "<a href=\"" + escape_html(trim(href)) + "\" rel=\"noopener noreferrer\">" + inner +
             "</a>";
    else
      out += inner;
  } else if (name == "USER") {
    std::string id;
    for (char c : n.arg)
      if (c >= '0' && c <= '9') id += c;
    if (id.empty() || id.size() > 18)
      out += inner;
    else
      out += "<a href=\"/company/personal/user/" + id + "/\" class=\"mention\" data-user=\"" + id +
             "\">" + inner + "</a>";
  } else if (name == "QUOTE") {
    out += "<blockquote>" + inner + "</blockquote>";
  } else if (name == "CODE") {
    out += "<pre><code>" + inner + "</code></pre>";
  } else if (name == "LIST") {
    out += "<ul>" + inner + "</ul>";
  } else if (name == "*") {
    out += "<li>";
  }
}

void html(const std::vector<Node>& nodes, std::string& out) {
  for (const auto& n : nodes) {
    if (!n.element) {
      std::string escaped = escape_html(n.text);
      for (char c : escaped) {
        if (c == '\n')
          out += "<br>";
        else if (c != '\r')
          out += c;
      }
    } else {
      element_html(n, out);
    }
  }
}

void collect_mentions(const std::vector<Node>& nodes, std::vector<std::int64_t>& out) {
  for (const auto& n : nodes) {
    if (!n.element) continue;
    if (n.name == "USER") {
      std::string digits;
      for (char c : n.arg)
        if (c >= '0' && c <= '9') digits += c;
      if (!digits.empty() && digits.size() < 19) {
        std::int64_t id = std::stoll(digits);
        if (id > 0 && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      }
    }
    collect_mentions(n.children, out);
  }
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
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

std::string to_html(std::string_view text) {
  std::string out;
  html(parse(text), out);
  return out;
}

std::string to_plain(std::string_view text) {
  std::string out;
  plain(parse(text), out);
  return out;
}

std::vector<std::int64_t> mentions(std::string_view text) {
  std::vector<std::int64_t> out;
  collect_mentions(parse(text), out);
  return out;
}

}  // namespace artel::bbcode
