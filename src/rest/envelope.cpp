#include "rest/envelope.h"

#include <cmath>

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

std::string success_body(const CallResult& r, const Timing& timing) {
  json::object body;
  body["result"] = r.result;
  if (r.total) body["total"] = *r.total;
  if (r.next) body["next"] = *r.next;
  body["time"] = time_object(timing);
  return json::serialize(body);
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
