// Time zones, ISO 8601 formatting and date parsing without global state.
//
// Portal and user time zones differ per request, so nothing here touches TZ or localtime(): a
// TimeZone is read from the system's TZif files and answers offset questions by itself. (The
// C++20 chrono time-zone database is not available in the libstdc++ of GCC 12.)
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace artel::timeutil {

class TimeZone {
 public:
  // The zone /usr/share/zoneinfo/<iana_name>, e.g. "Europe/Moscow". "UTC" and "" give UTC
  // without reading a file. nullptr when the name is unknown, is not a TZif file, or could
  // escape the zone directory (contains "..", starts with "/", or has unusual characters).
  static std::shared_ptr<const TimeZone> load(std::string_view iana_name);

  // Parses TZif bytes (RFC 8536, versions 1 to 4). nullptr when they are malformed. Exposed so
  // that the parser can be tested on crafted data.
  static std::shared_ptr<const TimeZone> from_tzif(std::string name, std::string_view data);

  static std::shared_ptr<const TimeZone> utc();

  // Seconds east of UTC in force at the instant, e.g. 10800 for Moscow in 2024.
  int offset_at(std::int64_t unix_seconds) const;

  // The offset that turns a wall-clock time in this zone (seconds since 1970-01-01 00:00 local)
  // into an instant: unix = local - offset. An ambiguous time (clocks going back) takes the
  // earlier instant; a time skipped by clocks going forward takes the offset from before the
  // change, so 02:30 on a spring-forward night reads as 03:30, as PHP and Java do.
  int offset_for_local(std::int64_t local_seconds) const;

  const std::string& name() const { return name_; }

  struct Rule;  // a POSIX TZ rule ("EET-2EEST,M3.5.0/3,M10.5.0/4"), defined in time.cpp

 private:
  TimeZone() = default;

  std::string name_;
  std::vector<std::int64_t> transitions_;  // ascending instants at which the offset changes
  std::vector<int> offsets_;               // offsets_[i] is in force from transitions_[i]
  int initial_offset_ = 0;                 // in force before the first transition
  std::shared_ptr<const Rule> rule_;       // after the last transition, when the file has one
};

// A process-wide cache over TimeZone::load, safe to use from any thread. Unknown names give
// UTC, so the result is never null; validate user input with TimeZone::load instead.
std::shared_ptr<const TimeZone> zone(std::string_view iana_name);

// "2024-08-29T10:34:19+03:00" (and "+00:00" for UTC), as PHP's date('c') writes it. Offsets
// are written in whole minutes; only pre-1900 local mean times have seconds, which are dropped.
std::string format_iso8601(std::int64_t unix_seconds, int offset_seconds);

// "2024-08-29": the calendar date at the instant in the given offset.
std::string format_date(std::int64_t unix_seconds, int offset_seconds);

// Reads a date or date-time that a REST client or a person may send:
//   2024-01-01   2024-01-01T10:00   2024-01-01T10:00:00   2024-01-01 10:00:00
//   with optional fractional seconds (dropped) and an optional Z, +03:00, +0300 or +03;
//   31.12.2024   31.12.2024 23:59   31.12.2024 23:59:59   (the Russian portal format).
// Fields are range-checked (2023-02-29 and 24:00 are rejected). Values without an offset are
// read in default_offset_seconds. nullopt for anything else. Surrounding spaces are ignored.
std::optional<std::int64_t> parse_datetime(std::string_view text, int default_offset_seconds);

// As above, but values without an offset are wall-clock times in the zone, so a summer date
// gets the summer offset.
std::optional<std::int64_t> parse_datetime(std::string_view text, const TimeZone& zone);

std::int64_t now_seconds();

// Seconds since the epoch with microseconds, for the "time" block of REST responses.
double now_float_seconds();

}  // namespace artel::timeutil
