#include "modules/tasks/schedule.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace artel::tasks {

namespace {

// Days since 1970-01-01 of a civil date and back (proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t y;
  unsigned m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

// 1 Monday … 7 Sunday; 1970-01-01 was a Thursday.
int weekday(std::int64_t day) {
  std::int64_t w = (day + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

std::int64_t local_day(std::int64_t instant, const timeutil::TimeZone& zone) {
  std::int64_t local = instant + zone.offset_at(instant);
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

std::int64_t instant_of(std::int64_t day, int minute, const timeutil::TimeZone& zone) {
  std::int64_t local = day * 86400 + minute * 60;
  return local - zone.offset_for_local(local);
}

bool matches(const Schedule& s, std::int64_t day, std::int64_t anchor) {
  if (day < anchor) return false;
  Civil c = civil_from_days(day);
  Civil a = civil_from_days(anchor);
  switch (s.period) {
    case Schedule::Period::Daily:
      return (day - anchor) % s.every == 0;
    case Schedule::Period::Weekly: {
      std::vector<int> days = s.week_days;
      if (days.empty()) days.push_back(weekday(anchor));
      if (std::find(days.begin(), days.end(), weekday(day)) == days.end()) return false;
      std::int64_t week = (day - (weekday(day) - 1) - (anchor - (weekday(anchor) - 1))) / 7;
      return week % s.every == 0;
    }
    case Schedule::Period::Monthly: {
      unsigned want =
          std::min<unsigned>(static_cast<unsigned>(s.month_day), days_in_month(c.y, c.m));
      if (c.d != want) return false;
      std::int64_t months = (c.y - a.y) * 12 + static_cast<std::int64_t>(c.m) - a.m;
      return months % s.every == 0;
    }
    case Schedule::Period::Yearly: {
      if (c.m != static_cast<unsigned>(s.month)) return false;
      unsigned want =
          std::min<unsigned>(static_cast<unsigned>(s.month_day), days_in_month(c.y, c.m));
      if (c.d != want) return false;
      return (c.y - a.y) % s.every == 0;
    }
  }
  return false;
}

int int_param(const json::object& p, std::string_view name, int fallback, int lo, int hi) {
  const json::value* v = find_ci(p, name);
  if (!v) return fallback;
  auto n = as_int(*v);
  if (!n || *n < lo || *n > hi)
    throw bad_argument(std::string(name), std::string(name) + " must be a number from " +
                                              std::to_string(lo) + " to " + std::to_string(hi) +
                                              ".");
  return static_cast<int>(*n);
}

std::int64_t date_param(const json::object& p, std::string_view name,
                        const timeutil::TimeZone& zone) {
  const json::value* v = find_ci(p, name);
  if (!v || v->is_null() || (v->is_string() && trim(v->get_string()).empty())) return 0;
  auto s = as_string(*v);
  auto t = s ? timeutil::parse_datetime(*s, zone) : std::nullopt;
  if (!t)
    throw bad_argument(std::string(name),
                       std::string(name) + " must be a date such as 2026-01-31.");
  return *t;
}

}  // namespace

Schedule parse_schedule(const json::object& p, const timeutil::TimeZone& zone) {
  Schedule s;
  std::string period = to_lower_ascii(
      as_string(find_ci(p, "PERIOD") ? *find_ci(p, "PERIOD") : json::value("daily")).value_or(""));
  if (period == "daily") {
    s.period = Schedule::Period::Daily;
    s.every = int_param(p, "EVERY_DAY", 1, 1, 366);
  } else if (period == "weekly") {
    s.period = Schedule::Period::Weekly;
    s.every = int_param(p, "EVERY_WEEK", 1, 1, 52);
    if (const json::value* v = find_ci(p, "WEEK_DAYS")) {
      for (const json::value* d : as_list(*v)) {
        auto n = as_int(*d);
        if (!n || *n < 1 || *n > 7)
          throw bad_argument("WEEK_DAYS",
                             "WEEK_DAYS holds weekdays from 1 (Monday) to 7 (Sunday).");
        if (std::find(s.week_days.begin(), s.week_days.end(), *n) == s.week_days.end())
          s.week_days.push_back(static_cast<int>(*n));
      }
      std::sort(s.week_days.begin(), s.week_days.end());
    }
  } else if (period == "monthly") {
    s.period = Schedule::Period::Monthly;
    s.month_day = int_param(p, "MONTHLY_DAY_NUM", 1, 1, 31);
    s.every = int_param(p, "MONTHLY_MONTH_NUM_1", 1, 1, 12);
  } else if (period == "yearly") {
    s.period = Schedule::Period::Yearly;
    s.month_day = int_param(p, "YEARLY_DAY_NUM", 1, 1, 31);
    s.month = int_param(p, "YEARLY_MONTH_1", 1, 1, 12);
    s.every = 1;
  } else {
    throw bad_argument("PERIOD", "PERIOD must be daily, weekly, monthly or yearly.");
  }
  if (const json::value* v = find_ci(p, "TIME")) {
    std::string t(trim(as_string(*v).value_or("")));
    int h = -1, m = -1;
    if (t.size() >= 4 && t.size() <= 8 && std::sscanf(t.c_str(), "%d:%d", &h, &m) == 2 && h >= 0 &&
        h < 24 && m >= 0 && m < 60)
      s.minute_of_day = h * 60 + m;
    else
      throw bad_argument("TIME", "TIME must be a time of day such as 09:00.");
  }
  s.start = date_param(p, "START_DATE", zone);
  s.end = date_param(p, "END_DATE", zone);
  std::string till = to_lower_ascii(
      as_string(find_ci(p, "REPEAT_TILL") ? *find_ci(p, "REPEAT_TILL") : json::value(""))
          .value_or(""));
  if (till == "times") s.times = int_param(p, "TIMES", 1, 1, 100000);
  if (till == "endless") s.end = 0;
  if (s.end && s.start && s.end < s.start)
    throw bad_argument("END_DATE", "END_DATE is before START_DATE.");
  return s;
}

json::object schedule_json(const Schedule& s, int tz) {
  const char* period = s.period == Schedule::Period::Daily     ? "daily"
                       : s.period == Schedule::Period::Weekly  ? "weekly"
                       : s.period == Schedule::Period::Monthly ? "monthly"
                                                               : "yearly";
  char time[8];
  std::snprintf(time, sizeof time, "%02d:%02d", s.minute_of_day / 60, s.minute_of_day % 60);
  json::object o{{"PERIOD", period}, {"TIME", time}};
  if (s.period == Schedule::Period::Daily) o["EVERY_DAY"] = std::to_string(s.every);
  if (s.period == Schedule::Period::Weekly) {
    o["EVERY_WEEK"] = std::to_string(s.every);
    json::array days;
    for (int d : s.week_days) days.push_back(json::string(std::to_string(d)));
    o["WEEK_DAYS"] = std::move(days);
  }
  if (s.period == Schedule::Period::Monthly) {
    o["MONTHLY_DAY_NUM"] = std::to_string(s.month_day);
    o["MONTHLY_MONTH_NUM_1"] = std::to_string(s.every);
  }
  if (s.period == Schedule::Period::Yearly) {
    o["YEARLY_DAY_NUM"] = std::to_string(s.month_day);
    o["YEARLY_MONTH_1"] = std::to_string(s.month);
  }
  o["START_DATE"] = s.start ? json::value(timeutil::format_iso8601(s.start, tz)) : nullptr;
  o["END_DATE"] = s.end ? json::value(timeutil::format_iso8601(s.end, tz)) : nullptr;
  o["REPEAT_TILL"] = s.times ? "times" : s.end ? "date" : "endless";
  o["TIMES"] = std::to_string(s.times);
  return o;
}

std::optional<std::int64_t> next_run(const Schedule& s, std::int64_t after, int done,
                                     const timeutil::TimeZone& zone) {
  if (s.times && done >= s.times) return std::nullopt;
  std::int64_t anchor = local_day(s.start ? s.start : after, zone);
  std::int64_t first = std::max(anchor, local_day(after, zone));
  // Enough days for any rule: a yearly run on the 29th of February may be four years away.
  std::int64_t limit = first + 366 * 4 * std::max(1, s.every) + 7;
  for (std::int64_t day = first; day <= limit; ++day) {
    if (!matches(s, day, anchor)) continue;
    std::int64_t at = instant_of(day, s.minute_of_day, zone);
    if (at <= after) continue;
    if (s.end && at > s.end) return std::nullopt;
    return at;
  }
  return std::nullopt;
}

}  // namespace artel::tasks
