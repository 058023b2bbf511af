// Decoding of REST parameters as Bitrix24 clients send them: the query string, a form body with
// PHP-style nesting (fields[TITLE]=x, filter[>ID]=5, select[]=ID), multipart forms, or a JSON
// body — merged into one object, the body winning at the top level (PHP's array_replace).
#pragma once

#include <string>
#include <string_view>

#include "core/json.h"

namespace artel::rest {

// Percent-decoding; '+' becomes a space when plus_is_space (form encoding).
std::string url_decode(std::string_view text, bool plus_is_space = true);
std::string url_encode(std::string_view text);

// PHP parse_str: "a[b][]=1&a[b][]=2&c=3" → {"a":{"b":["1","2"]},"c":"3"}. Objects whose keys are
// exactly 0..n-1 in order become arrays, below the top level (the top level keeps "0", "1" for
// the positional parameters of the task.* methods).
void parse_query_into(std::string_view query, json::object& into);

// Raw body → object, by content type. Throws ApiError(400) for malformed JSON or multipart.
json::object parse_body(std::string_view content_type, std::string_view body);

// The whole decoding: query string plus body.
json::object decode_params(std::string_view query, std::string_view content_type,
                           std::string_view body);

// Arrays with keys 0..n-1 (from "a[0]=x&a[1]=y") as JSON arrays, recursively.
json::value normalize_lists(json::value value);

}  // namespace artel::rest
