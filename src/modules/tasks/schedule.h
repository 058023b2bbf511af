// The schedule of a recurring task template (C11), in Bitrix24's REPLICATE_PARAMS terms: every
// N days; every N weeks on some weekdays; every N months on a day of the month; every N years on
// a date — at a time of day in the portal's time zone, from a start date, until an end date or
// a number of times.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/json.h"
#include "core/time.h"

namespace artel::tasks {

struct Schedule {
  enum class Period { Daily, Weekly, Monthly, Yearly };
  Period period = Period::Daily;
  int every = 1;
  std::vector<int> week_days;  // 1 Monday … 7 Sunday
  int month_day = 1;           // monthly and yearly; past the month's end means its last day
  int month = 1;               // yearly
  int minute_of_day = 9 * 60;  // local time
  std::int64_t start = 0;      // the first day (local midnight as an instant); 0 = from creation
  std::int64_t end = 0;        // no run after this instant; 0 = never
  int times = 0;               // at most this many runs; 0 = no limit
};

// Reads REPLICATE_PARAMS: PERIOD (daily/weekly/monthly/yearly), EVERY_DAY, EVERY_WEEK,
// WEEK_DAYS, MONTHLY_DAY_NUM, MONTHLY_MONTH_NUM_1, YEARLY_DAY_NUM, YEARLY_MONTH_1, TIME
// ("09:00"), START_DATE, END_DATE, REPEAT_TILL (endless/date/times), TIMES. Throws
// ERROR_ARGUMENT naming the parameter.
Schedule parse_schedule(const json::object& params, const timeutil::TimeZone& zone);
json::object schedule_json(const Schedule& schedule, int tz_offset);

// The first run strictly after `after`, given how many runs were made; nullopt when the
// schedule has ended.
std::optional<std::int64_t> next_run(const Schedule& schedule, std::int64_t after, int done,
                                     const timeutil::TimeZone& zone);

}  // namespace artel::tasks
