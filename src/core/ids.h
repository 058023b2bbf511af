// Ids that callers send: a positive integer (as a number or a string) under a parameter's name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/json.h"

namespace artel {

// The id under `name`; 400 ERROR_ARGUMENT naming it when absent, not a number, or not positive.
inline std::int64_t positive_id(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  auto id = v ? as_int(*v) : std::nullopt;
  if (!id || *id <= 0)
    throw bad_argument(std::string(name), std::string(name) + " must be a positive id.");
  return *id;
}

}  // namespace artel
