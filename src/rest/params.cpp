#include "rest/params.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"

namespace artel::rest {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Splits "a[b][][c]" into base "a" and segments {"b", "", "c"} as PHP does: an unmatched '['
// makes the rest part of the base name.
void split_key(std::string_view key, std::string& base, std::vector<std::string>& segments) {
  auto open = key.find('[');
  if (open == std::string_view::npos || open == 0) {
    base = std::string(key);
    return;
  }
  base = std::string(key.substr(0, open));
  std::size_t pos = open;
  while (pos < key.size() && key[pos] == '[') {
    auto close = key.find(']', pos);
    if (close == std::string_view::npos) break;
    segments.emplace_back(key.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
}

std::string next_index(const json::object& o) {
  std::int64_t next = 0;
  for (const auto& kv : o) {
    std::int64_t n = 0;
    std::string_view k = kv.key();
    bool numeric = !k.empty();
    for (char c : k) {
      if (c < '0' || c > '9') {
        numeric = false;
        break;
      }
      n = n * 10 + (c - '0');
      if (n > 1'000'000'000) {
        numeric = false;
        break;
      }
    }
    if (numeric && n >= next) next = n + 1;
  }
  return std::to_string(next);
}

void assign(json::object& root, std::string_view raw_key, json::value value) {
  std::string base;
  std::vector<std::string> segments;
  split_key(raw_key, base, segments);
  if (base.empty()) return;
  if (segments.size() > 32)
    throw bad_request("INVALID_REQUEST", "Parameters are nested too deeply.");
  if (segments.empty()) {
    root[base] = std::move(value);
    return;
  }
  json::value* slot = &root[base];
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (!slot->is_object()) *slot = json::object();
    json::object& obj = slot->get_object();
    std::string key = segments[i].empty() ? next_index(obj) : segments[i];
    slot = &obj[key];
  }
  *slot = std::move(value);
}

bool is_sequential(const json::object& o) {
  std::size_t i = 0;
  for (const auto& kv : o) {
    if (kv.key() != std::to_string(i)) return false;
    ++i;
  }
  return !o.empty();
}

std::string_view header_param(std::string_view header, std::string_view name) {
  // e.g. multipart/form-data; boundary=----x   or  form-data; name="a"; filename="b.png"
  std::size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::string_view rest = trim(header.substr(pos));
    if (rest.size() > name.size() && to_lower_ascii(rest.substr(0, name.size())) == name &&
        rest[name.size()] == '=') {
      std::string_view v = rest.substr(name.size() + 1);
      if (!v.empty() && v.front() == '"') {
        auto end = v.find('"', 1);
        return v.substr(1, end == std::string_view::npos ? v.size() - 1 : end - 1);
      }
      auto end = v.find(';');
      return trim(v.substr(0, end));
    }
  }
  return {};
}

// multipart/form-data: fields become values; files become ["name", "<base64>"], the same shape
// Bitrix24 clients use for files inside JSON.
void parse_multipart(std::string_view content_type, std::string_view body, json::object& into) {
  std::string boundary(header_param(content_type, "boundary"));
  if (boundary.empty()) throw bad_request("INVALID_REQUEST", "The multipart body has no boundary.");
  std::string delimiter = "--" + boundary;
  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos)
    throw bad_request("INVALID_REQUEST", "The multipart body is malformed.");
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return;
    if (body.substr(pos, 2) != "\r\n")
      throw bad_request("INVALID_REQUEST", "The multipart body is malformed.");
    pos += 2;
    auto header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos)
      throw bad_request("INVALID_REQUEST", "The multipart body is malformed.");
    std::string_view headers = body.substr(pos, header_end - pos);
    std::size_t content_start = header_end + 4;
    auto next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos)
      throw bad_request("INVALID_REQUEST", "The multipart body is malformed.");
    std::string_view content = body.substr(content_start, next - content_start);
    std::string_view disposition;
    std::size_t line_start = 0;
    while (line_start < headers.size()) {
      auto line_end = headers.find("\r\n", line_start);
      std::string_view line = headers.substr(line_start, line_end - line_start);
      if (to_lower_ascii(line.substr(0, 20)) == "content-disposition:") disposition = line;
      if (line_end == std::string_view::npos) break;
      line_start = line_end + 2;
    }
    std::string name(header_param(disposition, "name"));
    if (!name.empty()) {
      auto filename_pos = disposition.find("filename=");
      if (filename_pos != std::string_view::npos) {
        std::string filename(header_param(disposition, "filename"));
        json::array file{json::string(filename), json::string(crypto::base64_encode(content))};
        assign(into, name, std::move(file));
      } else {
        assign(into, name, json::string(content));
      }
    }
    pos = next + 2;
  }
}

}  // namespace

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

json::value normalize_lists(json::value value) {
  if (value.is_object()) {
    json::object& o = value.get_object();
    for (auto& kv : o) kv.value() = normalize_lists(std::move(kv.value()));
    if (is_sequential(o)) {
      json::array a;
      a.reserve(o.size());
      for (auto& kv : o) a.push_back(std::move(kv.value()));
      return a;
    }
  } else if (value.is_array()) {
    for (auto& v : value.get_array()) v = normalize_lists(std::move(v));
  }
  return value;
}

void parse_query_into(std::string_view query, json::object& into) {
  json::object parsed;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto amp = query.find('&', pos);
    std::string_view pair = query.substr(pos, amp == std::string_view::npos ? amp : amp - pos);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      std::string key = url_decode(pair.substr(0, eq));
      std::string value =
          eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
      if (!is_valid_utf8(value) || !is_valid_utf8(key))
        throw bad_request("WRONG_ENCODING", "Parameters must be UTF-8 text.");
      assign(parsed, key, json::string(value));
    }
    if (amp == std::string_view::npos) break;
    pos = amp + 1;
  }
  for (auto& kv : parsed) into[kv.key()] = normalize_lists(std::move(kv.value()));
}

json::object parse_body(std::string_view content_type, std::string_view body) {
  json::object out;
  std::string type = to_lower_ascii(trim(content_type.substr(0, content_type.find(';'))));
  if (body.empty()) return out;
  if (type == "application/json" || type == "text/json") {
    boost::system::error_code ec;
    json::value v = json::parse(body, ec);
    if (ec)
      throw bad_request("INVALID_REQUEST",
                        "The request body is not valid JSON: " + ec.message() + ".");
    if (v.is_object()) return std::move(v.get_object());
    if (v.is_array()) {
      // The JS SDK turns positional parameter arrays into {"0":…,"1":…}; accept both.
      std::size_t i = 0;
      for (auto& item : v.get_array()) out[std::to_string(i++)] = std::move(item);
      return out;
    }
    if (v.is_null()) return out;
    throw bad_request("INVALID_REQUEST", "The JSON body must be an object of parameters.");
  }
  if (type == "multipart/form-data") {
    json::object parsed;
    parse_multipart(content_type, body, parsed);
    for (auto& kv : parsed) out[kv.key()] = normalize_lists(std::move(kv.value()));
    return out;
  }
  parse_query_into(body, out);
  return out;
}

json::object decode_params(std::string_view query, std::string_view content_type,
                           std::string_view body) {
  json::object params;
  parse_query_into(query, params);
  json::object from_body = parse_body(content_type, body);
  for (auto& kv : from_body) params[kv.key()] = std::move(kv.value());
  return params;
}

}  // namespace artel::rest
