// The studio's working hours (M7): shown to clients, and a desired date outside them is marked
// (and warned about in the browser) rather than refused — the studio decides in the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/time.h"
#include "db/db.h"

namespace artel::helpdesk {

struct Hours {
  std::vector<int> days = {1, 2, 3, 4, 5};  // ISO weekdays, 1 = Monday
  int from = 10 * 60;                       // minutes from midnight, portal time
  int to = 19 * 60;
};

Hours read_hours(db::Conn& conn);
void write_hours(db::Conn& conn, const Hours& hours);

// WORK_DAYS, WORK_FROM, WORK_TO of `params` over `current`; ERROR_ARGUMENT naming the field.
Hours parse_hours(const json::object& params, Hours current);
// {WORK_DAYS: [1, …], WORK_FROM: "10:00", WORK_TO: "19:00"}
json::object hours_json(const Hours& hours);

// True when the instant falls on a day off or outside the day's hours.
bool outside_hours(const Hours& hours, std::int64_t instant, const timeutil::TimeZone& zone);

// A desired date as a person sends it; a date without a time means the end of that working day.
std::optional<std::int64_t> parse_desired_date(std::string_view text, const Hours& hours,
                                               const timeutil::TimeZone& zone);

}  // namespace artel::helpdesk
