// The Bitrix24 response envelopes.
#pragma once

#include <string>

#include "core/error.h"
#include "rest/method.h"

namespace artel::rest {

struct Timing {
  double start = 0;  // Unix seconds with fractions
  double finish = 0;
  int tz_offset = 0;
};

// {"result":…, "total":N, "next":N, "time":{…}} — time is on every success (the JS SDK needs it).
std::string success_body(const CallResult& r, const Timing& timing);
json::object time_object(const Timing& timing);
// {"error":"CODE","error_description":"…"} (+ "argument" for ERROR_ARGUMENT).
std::string error_body(const ApiError& e);
json::object error_object(const ApiError& e);

}  // namespace artel::rest
