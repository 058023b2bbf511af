#include "core/time.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>

namespace artel::timeutil {

namespace {

constexpr std::int64_t kDay = 86400;

// Instants are clamped to about ±250 million years before calendar arithmetic, so that adding
// an offset can never overflow, whatever a caller passes.
std::int64_t limit(std::int64_t t) {
  constexpr std::int64_t kBound = std::int64_t{8} << 50;
  return std::clamp(t, -kBound, kBound);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool is_leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(std::int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; exact for any
// year, no tables, no overflow in the ranges used here).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  int month, day, hour, minute, second;
};

Civil civil_from_seconds(std::int64_t local_seconds) {
  const std::int64_t days = floor_div(local_seconds, kDay);
  const std::int64_t secs = local_seconds - days * kDay;
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2),
          m,
          d,
          static_cast<int>(secs / 3600),
          static_cast<int>(secs / 60 % 60),
          static_cast<int>(secs % 60)};
}

}  // namespace

// ---- POSIX TZ rules (the footer of TZif version 2+ files) -------------------------------------

struct TimeZone::Rule {
  // A day of the year: Jn (1-365, February 29 never counted), n (0-365) or Mm.w.d (weekday d of
  // week w, 5 meaning last, of month m).
  struct Day {
    enum Kind { kJulian1, kJulian0, kMonthWeek } kind = kMonthWeek;
    int n = 0, month = 0, week = 0, weekday = 0;
  };

  int std_offset = 0;  // seconds east of UTC, unlike the POSIX text, which counts west
  bool has_dst = false;
  int dst_offset = 0;
  Day start, end;
  int start_time = 7200, end_time = 7200;  // local seconds after midnight; may exceed 24 h

  int offset_at(std::int64_t t) const;
};

namespace {

using Rule = TimeZone::Rule;

bool take(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

bool number(std::string_view& s, int max_digits, int& out) {
  int n = 0, digits = 0;
  while (!s.empty() && digits < max_digits && s.front() >= '0' && s.front() <= '9') {
    n = n * 10 + (s.front() - '0');
    s.remove_prefix(1);
    ++digits;
  }
  out = n;
  return digits > 0;
}

// A zone abbreviation: three or more letters, or anything in angle brackets ("<+03>").
bool rule_name(std::string_view& s) {
  if (take(s, '<')) {
    auto close = s.find('>');
    if (close == std::string_view::npos || close == 0) return false;
    s.remove_prefix(close + 1);
    return true;
  }
  std::size_t n = 0;
  while (n < s.size() && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z'))) ++n;
  if (n < 3) return false;
  s.remove_prefix(n);
  return true;
}

// [+|-]hh[:mm[:ss]] in seconds. Offsets allow 24 hours; RFC 8536 lets rule times reach 167.
bool rule_duration(std::string_view& s, int max_hours, int& out) {
  int sign = 1;
  if (take(s, '-'))
    sign = -1;
  else
    take(s, '+');
  int h = 0, m = 0, sec = 0;
  if (!number(s, 3, h) || h > max_hours) return false;
  if (take(s, ':') && (!number(s, 2, m) || m > 59)) return false;
  if (take(s, ':') && (!number(s, 2, sec) || sec > 59)) return false;
  out = sign * (h * 3600 + m * 60 + sec);
  return true;
}

bool rule_day(std::string_view& s, Rule::Day& day) {
  if (take(s, 'J')) {
    day.kind = Rule::Day::kJulian1;
    return number(s, 3, day.n) && day.n >= 1 && day.n <= 365;
  }
  if (take(s, 'M')) {
    day.kind = Rule::Day::kMonthWeek;
    return number(s, 2, day.month) && day.month >= 1 && day.month <= 12 && take(s, '.') &&
           number(s, 1, day.week) && day.week >= 1 && day.week <= 5 && take(s, '.') &&
           number(s, 1, day.weekday) && day.weekday <= 6;
  }
  day.kind = Rule::Day::kJulian0;
  return number(s, 3, day.n) && day.n <= 365;
}

bool rule_change(std::string_view& s, Rule::Day& day, int& time) {
  if (!take(s, ',') || !rule_day(s, day)) return false;
  if (take(s, '/')) return rule_duration(s, 167, time);
  return true;
}

std::shared_ptr<const Rule> parse_rule(std::string_view s) {
  auto rule = std::make_shared<Rule>();
  int west = 0;
  if (!rule_name(s) || !rule_duration(s, 24, west)) return nullptr;
  rule->std_offset = -west;
  if (s.empty()) return rule;

  if (!rule_name(s)) return nullptr;
  rule->has_dst = true;
  rule->dst_offset = rule->std_offset + 3600;
  if (!s.empty() && s.front() != ',') {
    if (!rule_duration(s, 24, west)) return nullptr;
    rule->dst_offset = -west;
  }
  if (s.empty()) {
    // POSIX leaves the default to the implementation; TZif footers always spell the rule
    // out, so this only matters for hand-written strings. glibc uses the US rule.
    rule->start = {Rule::Day::kMonthWeek, 0, 3, 2, 0};
    rule->end = {Rule::Day::kMonthWeek, 0, 11, 1, 0};
    return rule;
  }
  if (!rule_change(s, rule->start, rule->start_time) || !rule_change(s, rule->end, rule->end_time))
    return nullptr;
  return s.empty() ? rule : nullptr;
}

// Days since the epoch of the rule's day in the given year.
std::int64_t rule_day_in_year(const Rule::Day& day, std::int64_t year) {
  const std::int64_t jan1 = days_from_civil(year, 1, 1);
  switch (day.kind) {
    case Rule::Day::kJulian1:
      return jan1 + day.n - 1 + (is_leap(year) && day.n >= 60 ? 1 : 0);
    case Rule::Day::kJulian0:
      return jan1 + day.n;
    case Rule::Day::kMonthWeek: {
      const std::int64_t first = days_from_civil(year, day.month, 1);
      const int first_weekday =
          static_cast<int>(((first + 4) % 7 + 7) % 7);  // 1970-01-01: Thursday
      int mday = 1 + (day.weekday - first_weekday + 7) % 7 + (day.week - 1) * 7;
      while (mday > days_in_month(year, day.month)) mday -= 7;
      return first + mday - 1;
    }
  }
  return jan1;
}

}  // namespace

int Rule::offset_at(std::int64_t t) const {
  if (!has_dst) return std_offset;
  t = limit(t);
  const std::int64_t year = civil_from_seconds(t + std_offset).year;
  // The change to summer time is stated in standard local time, the change back in summer time.
  const std::int64_t begin = rule_day_in_year(start, year) * kDay + start_time - std_offset;
  const std::int64_t finish = rule_day_in_year(end, year) * kDay + end_time - dst_offset;
  const bool summer = begin < finish ? (t >= begin && t < finish)   // northern hemisphere
                                     : (t < finish || t >= begin);  // southern: spans new year
  return summer ? dst_offset : std_offset;
}

// ---- TZif ----------------------------------------------------------------------------------

namespace {

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool has(std::size_t n) const { return data_.size() - pos_ >= n; }
  void skip(std::size_t n) { pos_ += n; }
  std::uint8_t u8() { return static_cast<std::uint8_t>(data_[pos_++]); }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = v << 8 | u8();
    return v;
  }
  std::int64_t i64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | u8();
    return static_cast<std::int64_t>(v);
  }
  std::string_view rest() const { return data_.substr(pos_); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

struct Header {
  char version = 0;
  std::uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;

  std::size_t body_size(std::size_t time_size) const {
    return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
           isstdcnt + isutcnt;
  }
};

bool read_header(Reader& r, Header& h) {
  if (!r.has(44) || r.rest().substr(0, 4) != "TZif") return false;
  r.skip(4);
  h.version = static_cast<char>(r.u8());
  r.skip(15);
  h.isutcnt = r.u32();
  h.isstdcnt = r.u32();
  h.leapcnt = r.u32();
  h.timecnt = r.u32();
  h.typecnt = r.u32();
  h.charcnt = r.u32();
  // Generous limits that no real file approaches; they keep the size arithmetic from overflowing.
  return h.typecnt >= 1 && h.typecnt <= 256 && h.timecnt <= 100000 && h.charcnt <= 65536 &&
         h.leapcnt <= 10000 && (h.isutcnt == 0 || h.isutcnt == h.typecnt) &&
         (h.isstdcnt == 0 || h.isstdcnt == h.typecnt) && r.has(h.body_size(h.version ? 8 : 4));
}

}  // namespace

std::shared_ptr<const TimeZone> TimeZone::from_tzif(std::string name, std::string_view data) {
  Reader r(data);
  Header h;
  if (!read_header(r, h)) return nullptr;
  std::size_t time_size = 4;
  if (h.version != 0) {
    // Version 2+ repeats the data with 64-bit times; the 32-bit block is only for old readers.
    r.skip(h.body_size(4));
    if (!read_header(r, h)) return nullptr;
    time_size = 8;
  }
  // Leap-second records mean the "right/" zones, whose times count leap seconds and so are not
  // Unix times; a portal has no use for them.
  if (h.leapcnt != 0) return nullptr;

  std::vector<std::int64_t> times(h.timecnt);
  for (auto& t : times) t = time_size == 8 ? r.i64() : static_cast<std::int32_t>(r.u32());
  std::vector<std::uint8_t> indices(h.timecnt);
  for (auto& i : indices) i = r.u8();
  std::vector<int> type_offsets(h.typecnt);
  for (auto& off : type_offsets) {
    const auto utoff = static_cast<std::int32_t>(r.u32());
    r.skip(2);                                            // isdst, abbreviation index
    if (utoff < -89999 || utoff > 93599) return nullptr;  // the range RFC 8536 allows
    off = utoff;
  }
  r.skip(h.charcnt + h.isstdcnt + h.isutcnt);

  for (std::size_t i = 0; i < times.size(); ++i) {
    if (indices[i] >= h.typecnt) return nullptr;
    if (i > 0 && times[i] <= times[i - 1]) return nullptr;
  }

  std::shared_ptr<TimeZone> zone(new TimeZone());
  zone->name_ = std::move(name);
  zone->transitions_ = std::move(times);
  zone->offsets_.reserve(indices.size());
  for (auto i : indices) zone->offsets_.push_back(type_offsets[i]);
  zone->initial_offset_ = type_offsets[0];

  // The footer ("\nEET-2EEST,M3.5.0/3,M10.5.0/4\n") extends the table beyond its last entry.
  // Debian ships "fat" files with explicit transitions up to 2037, so the rule matters for
  // later dates only; without a usable footer the last offset simply continues.
  if (time_size == 8) {
    std::string_view rest = r.rest();
    if (rest.size() >= 2 && rest.front() == '\n') {
      rest.remove_prefix(1);
      auto nl = rest.find('\n');
      if (nl != std::string_view::npos && nl > 0) zone->rule_ = parse_rule(rest.substr(0, nl));
    }
  }
  return zone;
}

std::shared_ptr<const TimeZone> TimeZone::utc() {
  static const std::shared_ptr<const TimeZone> kUtc = [] {
    std::shared_ptr<TimeZone> z(new TimeZone());
    z->name_ = "UTC";
    return z;
  }();
  return kUtc;
}

namespace {

bool safe_zone_name(std::string_view name) {
  if (name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string_view::npos || name.find("//") != std::string_view::npos)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+' || c == '.';
  });
}

}  // namespace

std::shared_ptr<const TimeZone> TimeZone::load(std::string_view iana_name) {
  if (iana_name.empty() || iana_name == "UTC") return utc();
  if (!safe_zone_name(iana_name)) return nullptr;
  std::ifstream in("/usr/share/zoneinfo/" + std::string(iana_name), std::ios::binary);
  if (!in) return nullptr;
  // The largest zone file is a few kilobytes; a bounded read guards against odd files.
  constexpr std::size_t kMaxSize = 1 << 20;
  std::string data(kMaxSize + 1, '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (in.bad() || static_cast<std::size_t>(in.gcount()) > kMaxSize) return nullptr;
  data.resize(static_cast<std::size_t>(in.gcount()));
  return from_tzif(std::string(iana_name), data);
}

int TimeZone::offset_at(std::int64_t unix_seconds) const {
  if (transitions_.empty()) return rule_ ? rule_->offset_at(unix_seconds) : initial_offset_;
  if (unix_seconds < transitions_.front()) return initial_offset_;
  if (unix_seconds >= transitions_.back() && rule_) return rule_->offset_at(unix_seconds);
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), unix_seconds);
  return offsets_[static_cast<std::size_t>(it - transitions_.begin()) - 1];
}

int TimeZone::offset_for_local(std::int64_t local_seconds) const {
  // Offsets stay within ±26 hours, so the offsets a day either side bracket any single change
  // around this wall-clock time. A candidate is right when the instant it gives has it.
  local_seconds = limit(local_seconds);
  const int before = offset_at(local_seconds - kDay);
  const int after = offset_at(local_seconds + kDay);
  const bool before_fits = offset_at(local_seconds - before) == before;
  const bool after_fits = offset_at(local_seconds - after) == after;
  if (before_fits && after_fits) return std::max(before, after);  // larger offset: earlier instant
  if (after_fits) return after;
  if (before_fits) return before;
  const int here = offset_at(local_seconds);
  if (offset_at(local_seconds - here) == here) return here;
  return before;  // the time was skipped: read it with the offset from before the change
}

std::shared_ptr<const TimeZone> zone(std::string_view iana_name) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const TimeZone>, std::less<>> cache;
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(iana_name); it != cache.end()) return it->second;
  }
  auto loaded = TimeZone::load(iana_name);
  // Misses are not cached: the set of valid names is bounded, the set of invalid ones is not.
  if (!loaded) return TimeZone::utc();
  std::lock_guard lock(mu);
  return cache.emplace(std::string(iana_name), std::move(loaded)).first->second;
}

// ---- Formatting ------------------------------------------------------------------------------

std::string format_date(std::int64_t unix_seconds, int offset_seconds) {
  const Civil c = civil_from_seconds(limit(unix_seconds) + offset_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

std::string format_iso8601(std::int64_t unix_seconds, int offset_seconds) {
  const Civil c = civil_from_seconds(limit(unix_seconds) + offset_seconds);
  const int abs_offset = offset_seconds < 0 ? -offset_seconds : offset_seconds;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                static_cast<long long>(c.year), c.month, c.day, c.hour, c.minute, c.second,
                offset_seconds < 0 ? '-' : '+', abs_offset / 3600, abs_offset / 60 % 60);
  return buf;
}

// ---- Parsing ---------------------------------------------------------------------------------

namespace {

// Exactly n digits.
bool digits(std::string_view& s, std::size_t n, int& out) {
  if (s.size() < n) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  s.remove_prefix(n);
  out = v;
  return true;
}

struct Parsed {
  std::int64_t local = 0;     // seconds since 1970-01-01 00:00 in the text's own offset
  std::optional<int> offset;  // present when the text names one
};

// HH:MM[:SS[.fraction]]
bool parse_clock(std::string_view& s, int& seconds, bool allow_fraction) {
  int h = 0, m = 0, sec = 0;
  if (!digits(s, 2, h) || !take(s, ':') || !digits(s, 2, m)) return false;
  if (take(s, ':')) {
    if (!digits(s, 2, sec)) return false;
    if (allow_fraction && !s.empty() && (s.front() == '.' || s.front() == ',')) {
      s.remove_prefix(1);
      std::size_t n = 0;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
      if (n == 0) return false;
      s.remove_prefix(n);  // sub-second precision is not kept
    }
  }
  if (h > 23 || m > 59 || sec > 59) return false;
  seconds = h * 3600 + m * 60 + sec;
  return true;
}

// Z, +HH:MM, +HHMM or +HH.
bool parse_offset(std::string_view& s, std::optional<int>& offset) {
  if (s.empty()) return true;
  if (take(s, 'Z') || take(s, 'z')) {
    offset = 0;
    return true;
  }
  int sign = 0;
  if (take(s, '+'))
    sign = 1;
  else if (take(s, '-'))
    sign = -1;
  else
    return false;
  int h = 0, m = 0;
  if (!digits(s, 2, h)) return false;
  if (!s.empty()) {
    take(s, ':');
    if (!digits(s, 2, m)) return false;
  }
  if (h > 18 || m > 59) return false;
  offset = sign * (h * 3600 + m * 60);
  return true;
}

bool valid_date(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<Parsed> parse_text(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);

  Parsed p;
  int y = 0, mo = 0, d = 0, clock = 0;
  if (s.size() >= 10 && s[2] == '.') {
    // 31.12.2024[ 23:59[:59]]: the portal's own display format, without offsets or fractions.
    if (!digits(s, 2, d) || !take(s, '.') || !digits(s, 2, mo) || !take(s, '.') || !digits(s, 4, y))
      return std::nullopt;
    if (take(s, ' ') && !parse_clock(s, clock, false)) return std::nullopt;
    if (!s.empty()) return std::nullopt;
  } else {
    if (!digits(s, 4, y) || !take(s, '-') || !digits(s, 2, mo) || !take(s, '-') || !digits(s, 2, d))
      return std::nullopt;
    if (!s.empty()) {
      if (!take(s, 'T') && !take(s, 't') && !take(s, ' ')) return std::nullopt;
      if (!parse_clock(s, clock, true) || !parse_offset(s, p.offset) || !s.empty())
        return std::nullopt;
    }
  }
  if (!valid_date(y, mo, d)) return std::nullopt;
  p.local = days_from_civil(y, mo, d) * kDay + clock;
  return p;
}

}  // namespace

std::optional<std::int64_t> parse_datetime(std::string_view text, int default_offset_seconds) {
  auto p = parse_text(text);
  if (!p) return std::nullopt;
  return p->local - p->offset.value_or(default_offset_seconds);
}

std::optional<std::int64_t> parse_datetime(std::string_view text, const TimeZone& zone) {
  auto p = parse_text(text);
  if (!p) return std::nullopt;
  return p->local - (p->offset ? *p->offset : zone.offset_for_local(p->local));
}

std::int64_t now_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

double now_float_seconds() {
  using namespace std::chrono;
  return static_cast<double>(
             duration_cast<microseconds>(system_clock::now().time_since_epoch()).count()) /
         1e6;
}

}  // namespace artel::timeutil
