#include "core/json.h"

#include <charconv>

#include "core/error.h"

namespace artel {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}
}  // namespace

const json::value* find_ci(const json::object& object, std::string_view key) {
  if (auto it = object.find(key); it != object.end()) return &it->value();
  for (const auto& kv : object)
    if (iequals(kv.key(), key)) return &kv.value();
  return nullptr;
}

std::optional<std::int64_t> as_int(const json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    auto v = value.get_uint64();
    if (v > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(v);
  }
  if (value.is_double()) {
    double d = value.get_double();
    if (d != static_cast<double>(static_cast<std::int64_t>(d))) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (value.is_bool()) return value.get_bool() ? 1 : 0;
  if (value.is_string()) {
    std::string s = trim(value.get_string());
    if (s.empty()) return std::nullopt;
    std::int64_t out = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

std::optional<std::string> as_string(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_int64()) return std::to_string(value.get_int64());
  if (value.is_uint64()) return std::to_string(value.get_uint64());
  if (value.is_double()) return json::serialize(value);
  if (value.is_bool()) return value.get_bool() ? "Y" : "N";
  if (value.is_null()) return std::string();
  return std::nullopt;
}

std::optional<bool> as_flag(const json::value& value) {
  if (value.is_bool()) return value.get_bool();
  if (value.is_null()) return false;
  if (auto n = as_int(value)) {
    if (*n == 0 || *n == 1) return *n == 1;
    return std::nullopt;
  }
  if (value.is_string()) {
    std::string s = trim(value.get_string());
    if (iequals(s, "y") || iequals(s, "true") || iequals(s, "yes")) return true;
    if (iequals(s, "n") || iequals(s, "false") || iequals(s, "no") || s.empty()) return false;
  }
  return std::nullopt;
}

std::vector<const json::value*> as_list(const json::value& value) {
  std::vector<const json::value*> out;
  if (value.is_array()) {
    for (const auto& v : value.get_array()) out.push_back(&v);
  } else if (value.is_object()) {
    for (const auto& kv : value.get_object()) out.push_back(&kv.value());
  } else if (!value.is_null()) {
    out.push_back(&value);
  }
  return out;
}

std::optional<std::int64_t> int_param(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) return std::nullopt;
  auto n = as_int(*v);
  if (!n)
    throw bad_argument(std::string(name),
                       "Parameter " + std::string(name) + " must be an integer.");
  return n;
}

std::optional<std::string> string_param(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  if (!v || v->is_null()) return std::nullopt;
  auto s = as_string(*v);
  if (!s)
    throw bad_argument(std::string(name), "Parameter " + std::string(name) + " must be a string.");
  return s;
}

std::optional<bool> flag_param(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  if (!v) return std::nullopt;
  auto f = as_flag(*v);
  if (!f)
    throw bad_argument(std::string(name), "Parameter " + std::string(name) + " must be Y or N.");
  return f;
}

std::int64_t required_int(const json::object& params, std::string_view name) {
  auto n = int_param(params, name);
  if (!n)
    throw bad_argument(std::string(name),
                       "Required parameter " + std::string(name) + " is missing.");
  return *n;
}

std::string required_string(const json::object& params, std::string_view name) {
  auto s = string_param(params, name);
  if (!s || s->empty())
    throw bad_argument(std::string(name),
                       "Required parameter " + std::string(name) + " is missing.");
  return *s;
}

const json::object* object_param(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  if (!v || v->is_null()) return nullptr;
  if (v->is_array() && v->get_array().empty()) {
    static const json::object empty;
    return &empty;  // PHP clients send an empty map as []
  }
  if (!v->is_object())
    throw bad_argument(std::string(name), "Parameter " + std::string(name) + " must be an object.");
  return &v->get_object();
}

std::string to_text(std::int64_t number) {
  return std::to_string(number);
}

}  // namespace artel
