#include "core/time.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <limits>
#include <thread>

namespace artel::timeutil {
namespace {

constexpr int kHour = 3600;

// Seconds since the epoch of a UTC date-time, via the parser under test's simplest path.
std::int64_t utc(std::string_view text) {
  auto t = parse_datetime(text, 0);
  EXPECT_TRUE(t) << text;
  return t.value_or(0);
}

int offset(std::string_view zone_name, std::string_view utc_time) {
  auto z = TimeZone::load(zone_name);
  EXPECT_TRUE(z) << zone_name;
  return z ? z->offset_at(utc(utc_time)) : -1;
}

// ---- Zones -------------------------------------------------------------------------------------

TEST(TimeZone, MoscowCurrentAndHistorical) {
  EXPECT_EQ(offset("Europe/Moscow", "2024-01-15T12:00:00Z"), 3 * kHour);
  EXPECT_EQ(offset("Europe/Moscow", "2024-07-15T12:00:00Z"), 3 * kHour);
  // Permanent "summer" time, March 2011 to October 2014.
  EXPECT_EQ(offset("Europe/Moscow", "2012-06-01T00:00:00Z"), 4 * kHour);
  EXPECT_EQ(offset("Europe/Moscow", "2013-01-01T00:00:00Z"), 4 * kHour);
  // Summer time in 2010.
  EXPECT_EQ(offset("Europe/Moscow", "2010-07-01T00:00:00Z"), 4 * kHour);
  EXPECT_EQ(offset("Europe/Moscow", "2010-01-01T00:00:00Z"), 3 * kHour);
  // Before the first transition: local mean time, +2:30:17.
  EXPECT_EQ(offset("Europe/Moscow", "1800-01-01T00:00:00Z"), 2 * kHour + 30 * 60 + 17);
}

TEST(TimeZone, BucharestAndNewYorkFollowSummerTime) {
  EXPECT_EQ(offset("Europe/Bucharest", "2024-01-15T12:00:00Z"), 2 * kHour);
  EXPECT_EQ(offset("Europe/Bucharest", "2024-07-15T12:00:00Z"), 3 * kHour);
  EXPECT_EQ(offset("America/New_York", "2024-01-15T12:00:00Z"), -5 * kHour);
  EXPECT_EQ(offset("America/New_York", "2024-07-15T12:00:00Z"), -4 * kHour);
  EXPECT_EQ(offset("Australia/Sydney", "2024-01-15T12:00:00Z"), 11 * kHour);
  EXPECT_EQ(offset("Australia/Sydney", "2024-07-15T12:00:00Z"), 10 * kHour);
  EXPECT_EQ(offset("Asia/Kolkata", "2024-07-15T12:00:00Z"), 5 * kHour + 30 * 60);
}

TEST(TimeZone, ChangesAtTheExactSecond) {
  auto ny = TimeZone::load("America/New_York");
  ASSERT_TRUE(ny);
  const std::int64_t change = 1710054000;  // 2024-03-10 02:00 EST
  EXPECT_EQ(change, utc("2024-03-10T07:00:00Z"));
  EXPECT_EQ(ny->offset_at(change - 1), -5 * kHour);
  EXPECT_EQ(ny->offset_at(change), -4 * kHour);
}

TEST(TimeZone, DatesAfterTheTableUseTheRule) {
  EXPECT_EQ(offset("America/New_York", "2080-01-15T12:00:00Z"), -5 * kHour);
  EXPECT_EQ(offset("America/New_York", "2080-07-15T12:00:00Z"), -4 * kHour);
  EXPECT_EQ(offset("Europe/Bucharest", "2100-07-15T12:00:00Z"), 3 * kHour);
  EXPECT_EQ(offset("Europe/Bucharest", "2100-12-15T12:00:00Z"), 2 * kHour);
  EXPECT_EQ(offset("Australia/Sydney", "2090-01-01T00:00:00Z"), 11 * kHour);
  EXPECT_EQ(offset("Europe/Moscow", "2090-07-01T00:00:00Z"), 3 * kHour);
}

TEST(TimeZone, NamesAndFallbacks) {
  EXPECT_EQ(TimeZone::load("")->name(), "UTC");
  EXPECT_EQ(TimeZone::load("UTC")->offset_at(0), 0);
  EXPECT_EQ(TimeZone::load("Etc/UTC")->offset_at(1700000000), 0);
  EXPECT_EQ(TimeZone::load("Etc/GMT-3")->offset_at(1700000000), 3 * kHour);
  EXPECT_EQ(TimeZone::load("Europe/Moscow")->name(), "Europe/Moscow");
}

TEST(TimeZone, RejectsUnknownAndUnsafeNames) {
  for (std::string_view bad :
       {"Nowhere/City", "Europe", "zone.tab", "tzdata.zi", "../../etc/passwd", "/etc/localtime",
        "Europe/../Europe/Moscow", "Europe/Moscow/", "Europe//Moscow", "Europe/Moscow\n",
        "Europe\\Moscow", "europe moscow", "."})
    EXPECT_FALSE(TimeZone::load(bad)) << bad;
}

TEST(TimeZone, CacheFallsBackToUtcAndReusesZones) {
  EXPECT_EQ(zone("Nowhere/City")->name(), "UTC");
  EXPECT_EQ(zone("../etc/passwd")->offset_at(0), 0);
  auto a = zone("Europe/Bucharest");
  EXPECT_EQ(a->name(), "Europe/Bucharest");
  EXPECT_EQ(a, zone("Europe/Bucharest"));
}

TEST(TimeZone, CacheIsSafeAcrossThreads) {
  std::vector<std::thread> threads;
  std::vector<int> offsets(8);
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&offsets, i] {
      const char* names[] = {"Asia/Tokyo", "Europe/Paris", "America/Chicago", "Asia/Dubai"};
      for (int k = 0; k < 200; ++k) offsets[i] = zone(names[i % 4])->offset_at(1720000000);
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(offsets[0], 9 * kHour);
  EXPECT_EQ(offsets[1], 2 * kHour);
  EXPECT_EQ(offsets[2], -5 * kHour);
  EXPECT_EQ(offsets[3], 4 * kHour);
}

// ---- TZif parsing on crafted data ----------------------------------------------------------

void put32(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>(v >> shift));
}
void put64(std::string& s, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) s.push_back(static_cast<char>(v >> shift));
}

// A version 2 file: an empty 32-bit block, then the given transitions, offsets and footer.
std::string make_tzif(const std::vector<std::int64_t>& times, const std::vector<int>& type_of,
                      const std::vector<int>& offsets, std::string_view footer,
                      std::uint32_t leapcnt = 0) {
  auto header = [](std::string& s, std::uint32_t timecnt, std::uint32_t typecnt,
                   std::uint32_t leaps) {
    s += "TZif2";
    s.append(15, '\0');
    put32(s, 0);  // isutcnt
    put32(s, 0);  // isstdcnt
    put32(s, leaps);
    put32(s, timecnt);
    put32(s, typecnt);
    put32(s, 4);  // charcnt: "ABC\0"
  };
  std::string s;
  header(s, 0, 1, 0);
  s.append(6, '\0');  // one type: offset 0
  s.append("ABC\0", 4);
  header(s, static_cast<std::uint32_t>(times.size()), static_cast<std::uint32_t>(offsets.size()),
         leapcnt);
  for (auto t : times) put64(s, static_cast<std::uint64_t>(t));
  for (auto i : type_of) s.push_back(static_cast<char>(i));
  for (auto off : offsets) {
    put32(s, static_cast<std::uint32_t>(off));
    s.push_back(0);
    s.push_back(0);
  }
  s.append("ABC\0", 4);
  for (std::uint32_t i = 0; i < leapcnt; ++i) {
    put64(s, 78796800);
    put32(s, 1);
  }
  s += "\n" + std::string(footer) + "\n";
  return s;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(TimeZoneFile, ParsesCraftedTransitions) {
  auto z = TimeZone::from_tzif("Test/Zone", make_tzif({1000, 2000}, {1, 0}, {3600, 7200}, ""));
  ASSERT_TRUE(z);
  EXPECT_EQ(z->name(), "Test/Zone");
  EXPECT_EQ(z->offset_at(999), 3600);  // type 0 before the first transition
  EXPECT_EQ(z->offset_at(1000), 7200);
  EXPECT_EQ(z->offset_at(1999), 7200);
  EXPECT_EQ(z->offset_at(2000), 3600);
  EXPECT_EQ(z->offset_at(1'000'000'000), 3600);  // no footer: the last offset continues
}

TEST(TimeZoneFile, ReadsVersionOneFiles) {
  // Version 1 has only the 32-bit block and no footer.
  std::string s = "TZif";
  s.append(16, '\0');
  for (std::uint32_t count : {0u, 0u, 0u, 1u, 2u, 4u}) put32(s, count);
  put32(s, static_cast<std::uint32_t>(-1000));  // a transition before 1970
  s.push_back(1);
  put32(s, 0);
  s.append(2, '\0');
  put32(s, static_cast<std::uint32_t>(-3600));
  s.append(2, '\0');
  s.append("ABC\0", 4);
  auto z = TimeZone::from_tzif("Old/Zone", s);
  ASSERT_TRUE(z);
  EXPECT_EQ(z->offset_at(-1001), 0);
  EXPECT_EQ(z->offset_at(-1000), -3600);
  EXPECT_EQ(z->offset_at(2'000'000'000), -3600);
}

TEST(TimeZoneFile, RejectsMalformedData) {
  EXPECT_FALSE(TimeZone::from_tzif("x", ""));
  EXPECT_FALSE(TimeZone::from_tzif("x", "TZif2 but not really"));
  const std::string good = make_tzif({1000, 2000}, {1, 0}, {3600, 7200}, "");
  for (std::size_t cut : {4ul, 44ul, 60ul, good.size() - 20})
    EXPECT_FALSE(TimeZone::from_tzif("x", good.substr(0, cut))) << cut;
  EXPECT_FALSE(TimeZone::from_tzif("x", make_tzif({2000, 1000}, {0, 0}, {0}, "")));  // unsorted
  EXPECT_FALSE(TimeZone::from_tzif("x", make_tzif({1000}, {5}, {0}, "")));           // no such type
  EXPECT_FALSE(TimeZone::from_tzif("x", make_tzif({}, {}, {100000}, "")));  // offset > 26 h
  EXPECT_FALSE(TimeZone::from_tzif("x", make_tzif({}, {}, {0}, "", 1)));    // leap seconds
  std::string real = read_file("/usr/share/zoneinfo/Europe/Moscow");
  ASSERT_GT(real.size(), 100u);
  EXPECT_FALSE(TimeZone::from_tzif("x", real.substr(0, real.size() / 2)));
}

TEST(TimeZoneFile, BadFooterFallsBackToTheLastOffset) {
  auto z = TimeZone::from_tzif("x", make_tzif({1000}, {1}, {0, 7200}, "not a rule"));
  ASSERT_TRUE(z);
  EXPECT_EQ(z->offset_at(2'000'000'000), 7200);
}

// The POSIX rule alone must reproduce the explicit transitions that Debian's files list up to
// 2037, for northern and southern zones, negative summer time (Dublin), odd offsets (Chatham,
// Lord Howe) and change times outside 0-24 h (Santiago, Nuuk).
TEST(TimeZoneFile, FooterRuleMatchesTheTable) {
  const std::int64_t from = utc("2025-01-01"), to = utc("2037-01-01");
  for (std::string name : {"America/New_York", "Europe/Bucharest", "Europe/Dublin",
                           "Australia/Sydney", "Pacific/Chatham", "Australia/Lord_Howe",
                           "America/Santiago", "America/Nuuk", "Asia/Tehran", "Europe/Moscow"}) {
    const std::string data = read_file("/usr/share/zoneinfo/" + name);
    const auto last_nl = data.rfind('\n', data.size() - 2);
    ASSERT_NE(last_nl, std::string::npos) << name;
    const std::string footer = data.substr(last_nl + 1, data.size() - last_nl - 2);
    auto table = TimeZone::load(name);
    auto rule = TimeZone::from_tzif(name, make_tzif({}, {}, {0}, footer));
    ASSERT_TRUE(table && rule) << name << " " << footer;
    int mismatches = 0;
    for (std::int64_t t = from; t < to && mismatches < 3; t += 1800)
      if (table->offset_at(t) != rule->offset_at(t)) {
        ++mismatches;
        ADD_FAILURE() << name << " (" << footer << ") at " << format_iso8601(t, 0) << ": table "
                      << table->offset_at(t) << ", rule " << rule->offset_at(t);
      }
  }
}

TEST(TimeZone, WallClockTimesAroundChanges) {
  auto z = TimeZone::load("Europe/Bucharest");
  ASSERT_TRUE(z);
  EXPECT_EQ(parse_datetime("2024-01-01 12:00", *z), utc("2024-01-01T10:00:00Z"));
  EXPECT_EQ(parse_datetime("2024-07-01 12:00", *z), utc("2024-07-01T09:00:00Z"));
  // 03:30 did not exist on 2024-03-31 (03:00 became 04:00): read as 04:30 summer time.
  EXPECT_EQ(parse_datetime("2024-03-31 03:30", *z), utc("2024-03-31T01:30:00Z"));
  // 03:30 happened twice on 2024-10-27: the first one, still in summer time.
  EXPECT_EQ(parse_datetime("2024-10-27 03:30", *z), utc("2024-10-27T00:30:00Z"));
  EXPECT_EQ(parse_datetime("2024-10-27 04:30", *z), utc("2024-10-27T02:30:00Z"));
  // An explicit offset wins over the zone.
  EXPECT_EQ(parse_datetime("2024-07-01T12:00:00Z", *z), utc("2024-07-01T12:00:00Z"));
  EXPECT_FALSE(parse_datetime("2024-02-30", *z));
}

// ---- Formatting --------------------------------------------------------------------------------

TEST(Format, Iso8601LikePhp) {
  EXPECT_EQ(format_iso8601(1724916859, 3 * kHour), "2024-08-29T10:34:19+03:00");
  EXPECT_EQ(format_iso8601(1724916859, 0), "2024-08-29T07:34:19+00:00");
  EXPECT_EQ(format_iso8601(1724916859, -4 * kHour), "2024-08-29T03:34:19-04:00");
  EXPECT_EQ(format_iso8601(1724916859, 5 * kHour + 45 * 60), "2024-08-29T13:19:19+05:45");
  EXPECT_EQ(format_iso8601(0, 0), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(format_iso8601(-1, 0), "1969-12-31T23:59:59+00:00");
  EXPECT_EQ(format_iso8601(951782400, 0), "2000-02-29T00:00:00+00:00");
  EXPECT_EQ(format_iso8601(253402300799, 0), "9999-12-31T23:59:59+00:00");
  EXPECT_EQ(format_iso8601(-2208988800, 0), "1900-01-01T00:00:00+00:00");
}

TEST(Format, ExtremeInstantsDoNotOverflow) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_FALSE(format_iso8601(kMax, 14 * kHour).empty());
  EXPECT_FALSE(format_date(kMin, -12 * kHour).empty());
  auto ny = TimeZone::load("America/New_York");
  ASSERT_TRUE(ny);
  EXPECT_EQ(ny->offset_at(kMin), ny->offset_at(utc("1800-01-01")));
  EXPECT_TRUE(ny->offset_at(kMax) == -5 * kHour || ny->offset_at(kMax) == -4 * kHour);
  EXPECT_EQ(ny->offset_for_local(kMin), ny->offset_at(kMin));
}

TEST(Format, DateOnly) {
  EXPECT_EQ(format_date(1724916859, 0), "2024-08-29");
  EXPECT_EQ(format_date(utc("2024-12-31T22:30:00Z"), 3 * kHour), "2025-01-01");
  EXPECT_EQ(format_date(utc("2024-01-01T02:00:00Z"), -5 * kHour), "2023-12-31");
}

// ---- Parsing -----------------------------------------------------------------------------------

TEST(Parse, AcceptedForms) {
  const std::int64_t midnight = 1704067200;  // 2024-01-01T00:00:00Z
  EXPECT_EQ(parse_datetime("2024-01-01", 0), midnight);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00", 0), midnight + 10 * kHour);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:05", 0), midnight + 10 * kHour + 5);
  EXPECT_EQ(parse_datetime("2024-01-01 10:00:05", 0), midnight + 10 * kHour + 5);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:05.123456", 0), midnight + 10 * kHour + 5);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:05,5Z", 0), midnight + 10 * kHour + 5);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:00Z", 7200), midnight + 10 * kHour);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:00+03:00", 0), midnight + 7 * kHour);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:00+0300", 0), midnight + 7 * kHour);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:00+03", 0), midnight + 7 * kHour);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00:00-05:30", 0), midnight + 15 * kHour + 1800);
  EXPECT_EQ(parse_datetime("2024-01-01T10:00+03:00", 0), midnight + 7 * kHour);
  EXPECT_EQ(parse_datetime("  2024-01-01T10:00:00Z \n", 0), midnight + 10 * kHour);
}

TEST(Parse, RussianPortalFormat) {
  const std::int64_t eve = 1735603200;  // 2024-12-31T00:00:00Z
  EXPECT_EQ(parse_datetime("31.12.2024", 0), eve);
  EXPECT_EQ(parse_datetime("31.12.2024 23:59", 0), eve + 23 * kHour + 59 * 60);
  EXPECT_EQ(parse_datetime("31.12.2024 23:59:59", 0), eve + 86399);
  EXPECT_EQ(parse_datetime("31.12.2024 23:59:59", 3 * kHour), eve + 86399 - 3 * kHour);
  EXPECT_EQ(parse_datetime("29.02.2024", 0), utc("2024-02-29"));
}

TEST(Parse, DefaultOffsetAppliesOnlyWithoutAnExplicitOne) {
  EXPECT_EQ(parse_datetime("2024-06-01T12:00:00", 3 * kHour), utc("2024-06-01T09:00:00Z"));
  EXPECT_EQ(parse_datetime("2024-06-01", -4 * kHour), utc("2024-06-01T04:00:00Z"));
  EXPECT_EQ(parse_datetime("2024-06-01T12:00:00+00:00", 3 * kHour), utc("2024-06-01T12:00:00Z"));
}

TEST(Parse, RejectsInvalidDates) {
  for (std::string_view bad : {"",
                               "   ",
                               "abc",
                               "2023-02-29",
                               "1900-02-29",
                               "2024-02-30",
                               "2024-04-31",
                               "2024-13-01",
                               "2024-00-10",
                               "2024-01-00",
                               "2024-01-32",
                               "2024-1-1",
                               "24-01-01",
                               "2024/01/01",
                               "2024-01-01T",
                               "2024-01-01T10",
                               "2024-01-01T24:00",
                               "2024-01-01T23:60",
                               "2024-01-01T23:59:60",
                               "2024-01-01T10:00:00.",
                               "2024-01-01T10:00:00+3:00",
                               "2024-01-01T10:00:00+19:00",
                               "2024-01-01T10:00:00+03:60",
                               "2024-01-01T10:00:00 +03:00",
                               "2024-01-01T10:00:00+03:00x",
                               "2024-01-01Z",
                               "2024-01-01x",
                               "2024-01-01T1:00",
                               "29.02.2023",
                               "32.12.2024",
                               "31.13.2024",
                               "31.12.24",
                               "1.1.2024",
                               "31.12.2024T10:00",
                               "31.12.2024 24:00",
                               "31.12.2024 10:00Z",
                               "31.12.2024 10:00:00.5",
                               "31-12-2024"})
    EXPECT_FALSE(parse_datetime(bad, 0)) << '"' << bad << '"';
  EXPECT_TRUE(parse_datetime("2000-02-29", 0));
  EXPECT_TRUE(parse_datetime("2024-02-29", 0));
}

TEST(Parse, RoundTripsFormattedTimes) {
  for (std::int64_t t :
       {std::int64_t{0}, std::int64_t{-86401}, std::int64_t{951782400}, std::int64_t{1724916859},
        std::int64_t{4102444799}, std::int64_t{-2208988800}})
    for (int off : {0, 3 * kHour, -5 * kHour, 5 * kHour + 30 * 60, 14 * kHour, -12 * kHour}) {
      const std::string text = format_iso8601(t, off);
      EXPECT_EQ(parse_datetime(text, 12345), t) << text;
      EXPECT_EQ(parse_datetime(format_date(t, off), off), t - ((t + off) % 86400 + 86400) % 86400)
          << text;
    }
}

TEST(Now, IsCurrent) {
  const std::int64_t a = now_seconds();
  const double f = now_float_seconds();
  EXPECT_GT(a, utc("2024-01-01"));
  EXPECT_NEAR(f, static_cast<double>(a), 2.0);
  // Sub-second resolution: two readings a few milliseconds apart differ.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double g = now_float_seconds();
  EXPECT_GT(g - f, 0.004);
  EXPECT_LT(g - f, 1.0);
}

}  // namespace
}  // namespace artel::timeutil
