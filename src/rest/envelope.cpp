#include "rest/envelope.h"

#include <cmath>
#include <cstdio>

#include "core/time.h"

namespace artel::rest {

json::object time_object(const Timing& t) {
  json::object time;
  double duration = std::max(0.0, t.finish - t.start);
  time["start"] = t.start;
  time["finish"] = t.finish;
  time["duration"] = duration;
  time["processing"] = duration;
  time["date_start"] =
      timeutil::format_iso8601(static_cast<std::int64_t>(std::floor(t.start)), t.tz_offset);
  time["date_finish"] =
      timeutil::format_iso8601(static_cast<std::int64_t>(std::floor(t.finish)), t.tz_offset);
  return time;
}

// The time block is written by hand: Boost.JSON prints doubles in exponent form, and clients
// written against Bitrix24 see PHP's plain decimals (1724916859.421475).
std::string time_text(const Timing& t) {
  double duration = std::max(0.0, t.finish - t.start);
  char buf[400];
  std::snprintf(
      buf, sizeof buf,
      "{\"start\":%.6f,\"finish\":%.6f,\"duration\":%.6f,\"processing\":%.6f,"
      "\"date_start\":\"%s\",\"date_finish\":\"%s\"}",
      t.start, t.finish, duration, duration,
      timeutil::format_iso8601(static_cast<std::int64_t>(std::floor(t.start)), t.tz_offset).c_str(),
      timeutil::format_iso8601(static_cast<std::int64_t>(std::floor(t.finish)), t.tz_offset)
          .c_str());
  return buf;
}

std::string success_body(const CallResult& r, const Timing& timing) {
  std::string body = "{\"result\":" + json::serialize(r.result);
  if (r.total) body += ",\"total\":" + std::to_string(*r.total);
  if (r.next) body += ",\"next\":" + std::to_string(*r.next);
  body += ",\"time\":" + time_text(timing) + "}";
  return body;
}

json::object error_object(const ApiError& e) {
  json::object body;
  body["error"] = e.code();
  body["error_description"] = e.description();
  if (!e.argument().empty()) body["argument"] = e.argument();
  return body;
}

std::string error_body(const ApiError& e) {
  return json::serialize(error_object(e));
}

}  // namespace artel::rest
