// JSON values throughout Artel are Boost.JSON. Parameters arrive as one merged object; handlers
// return a value that the envelope wraps. These helpers read parameters the way Bitrix24 does:
// top-level names case-insensitively, numbers that arrive as strings, Y/N flags.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace artel {

namespace json = boost::json;

// Finds a key in an object ignoring ASCII case (Bitrix24 matches FILTER/filter, ID/id).
const json::value* find_ci(const json::object& object, std::string_view key);

// Coercions for values that may come as JSON numbers or as form strings.
std::optional<std::int64_t> as_int(const json::value& value);
std::optional<std::string> as_string(const json::value& value);
// "Y", "y", "1", "true", true, 1 → true; "N", "0", "false", "", false, 0 → false.
std::optional<bool> as_flag(const json::value& value);
// A list from a JSON array, an object with keys 0..n ("a[0]=x" forms), or a single scalar.
std::vector<const json::value*> as_list(const json::value& value);

// Parameter readers: throw ApiError ERROR_ARGUMENT naming the parameter when the value is
// present but of the wrong kind; return nullopt when absent.
std::optional<std::int64_t> int_param(const json::object& params, std::string_view name);
std::optional<std::string> string_param(const json::object& params, std::string_view name);
std::optional<bool> flag_param(const json::object& params, std::string_view name);
std::int64_t required_int(const json::object& params, std::string_view name);
std::string required_string(const json::object& params, std::string_view name);
// An object parameter (e.g. "fields"); nullptr when absent; ERROR_ARGUMENT when not an object.
const json::object* object_param(const json::object& params, std::string_view name);

std::string to_text(std::int64_t number);

}  // namespace artel
