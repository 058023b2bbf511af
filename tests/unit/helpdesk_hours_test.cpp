#include "modules/helpdesk/hours.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace artel::helpdesk {
namespace {

const timeutil::TimeZone& moscow() {
  static auto zone = timeutil::TimeZone::load("Europe/Moscow");
  return *zone;
}

std::int64_t at(std::string_view text) {
  auto t = timeutil::parse_datetime(text, moscow());
  EXPECT_TRUE(t) << text;
  return t.value_or(0);
}

TEST(HelpdeskHours, WeekdaysInsideTheDayAreWorkingTime) {
  Hours h;                                                           // Mon–Fri 10:00–19:00
  EXPECT_FALSE(outside_hours(h, at("2026-12-07T10:00"), moscow()));  // Monday
  EXPECT_FALSE(outside_hours(h, at("2026-12-11T19:00"), moscow()));  // Friday, the last minute
  EXPECT_TRUE(outside_hours(h, at("2026-12-07T09:59"), moscow()));
  EXPECT_TRUE(outside_hours(h, at("2026-12-07T19:01"), moscow()));
  EXPECT_TRUE(outside_hours(h, at("2026-12-12T12:00"), moscow()));  // Saturday
  EXPECT_TRUE(outside_hours(h, at("2026-12-13T12:00"), moscow()));  // Sunday
}

TEST(HelpdeskHours, TheZoneDecidesTheDay) {
  Hours h;
  // Friday 22:30 UTC is Saturday 01:30 in Moscow.
  auto instant = timeutil::parse_datetime("2026-12-11T22:30:00Z", 0).value();
  EXPECT_TRUE(outside_hours(h, instant, moscow()));
  EXPECT_TRUE(outside_hours(h, instant, *timeutil::TimeZone::utc()));
  // Monday 08:00 UTC is 11:00 in Moscow: working there, not in UTC.
  auto morning = timeutil::parse_datetime("2026-12-07T08:00:00Z", 0).value();
  EXPECT_FALSE(outside_hours(h, morning, moscow()));
  EXPECT_TRUE(outside_hours(h, morning, *timeutil::TimeZone::utc()));
}

TEST(HelpdeskHours, ADateAloneMeansTheEndOfThatWorkingDay) {
  Hours h;
  EXPECT_EQ(parse_desired_date("2026-12-10", h, moscow()), at("2026-12-10T19:00"));
  EXPECT_EQ(parse_desired_date("10.12.2026", h, moscow()), at("2026-12-10T19:00"));
  EXPECT_EQ(parse_desired_date("2026-12-10T15:30", h, moscow()), at("2026-12-10T15:30"));
  EXPECT_FALSE(parse_desired_date("next week", h, moscow()));
  EXPECT_FALSE(parse_desired_date("2026-02-30", h, moscow()));
}

TEST(HelpdeskHours, ParsingChecksEveryField) {
  Hours h = parse_hours(json::parse(R"({"WORK_DAYS":[6,1,1,"2"],"WORK_FROM":"09:30"})").as_object(),
                        Hours{});
  EXPECT_EQ(h.days, (std::vector<int>{1, 2, 6}));
  EXPECT_EQ(h.from, 9 * 60 + 30);
  EXPECT_EQ(h.to, 19 * 60);
  auto bad = [](const char* text) {
    try {
      parse_hours(json::parse(text).as_object(), Hours{});
    } catch (const ApiError& e) {
      return e.argument();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(bad(R"({"WORK_DAYS":[0]})"), "WORK_DAYS");
  EXPECT_EQ(bad(R"({"WORK_DAYS":[]})"), "WORK_DAYS");
  EXPECT_EQ(bad(R"({"WORK_FROM":"9:30"})"), "WORK_FROM");
  EXPECT_EQ(bad(R"({"WORK_TO":"25:00"})"), "WORK_TO");
  EXPECT_EQ(bad(R"({"WORK_FROM":"19:00","WORK_TO":"10:00"})"), "WORK_TO");
  EXPECT_EQ(bad(R"({"WORK_FROM":{"h":1}})"), "WORK_FROM");
}

TEST(HelpdeskHours, TheAnswerWritesTimesAsHoursAndMinutes) {
  json::object o = hours_json(Hours{{1, 3}, 9 * 60 + 5, 18 * 60});
  EXPECT_EQ(json::serialize(o), R"({"WORK_DAYS":[1,3],"WORK_FROM":"09:05","WORK_TO":"18:00"})");
}

}  // namespace
}  // namespace artel::helpdesk
