#include "modules/helpdesk/hours.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/error.h"
#include "core/text.h"

namespace artel::helpdesk {

namespace {

std::string clock(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

// "HH:MM" → minutes; nullopt for anything else.
std::optional<int> minutes_of(std::string_view text) {
  text = trim(text);
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

int minutes_param(const json::object& params, std::string_view name, int current) {
  const json::value* v = find_ci(params, name);
  if (!v) return current;
  auto text = as_string(*v);
  auto minutes = text ? minutes_of(*text) : std::nullopt;
  if (!minutes || v->is_object() || v->is_array())
    throw bad_argument(std::string(name), std::string(name) + " must be a time as HH:MM.");
  return *minutes;
}

}  // namespace

Hours read_hours(db::Conn& conn) {
  Hours h;
  conn.run("SELECT work_days, work_from, work_to FROM helpdesk_hours WHERE id = 1", {},
           [&](const db::Row& r) {
             h.days.clear();
             std::string days = r.text(0);
             for (char c : days)
               if (c >= '1' && c <= '7') h.days.push_back(c - '0');
             h.from = static_cast<int>(r.integer(1));
             h.to = static_cast<int>(r.integer(2));
           });
  return h;
}

void write_hours(db::Conn& conn, const Hours& hours) {
  std::string days;
  for (int d : hours.days) days += (days.empty() ? "" : ",") + std::to_string(d);
  conn.run(
      "INSERT INTO helpdesk_hours(id, work_days, work_from, work_to) VALUES (1, ?, ?, ?) ON "
      "CONFLICT (id) DO UPDATE SET work_days = excluded.work_days, work_from = "
      "excluded.work_from, work_to = excluded.work_to",
      {days, std::int64_t{hours.from}, std::int64_t{hours.to}});
}

Hours parse_hours(const json::object& params, Hours current) {
  if (const json::value* v = find_ci(params, "WORK_DAYS")) {
    std::vector<int> days;
    for (const json::value* item : as_list(*v)) {
      auto d = as_int(*item);
      if (!d || *d < 1 || *d > 7)
        throw bad_argument("WORK_DAYS", "WORK_DAYS must list weekdays from 1 (Monday) to 7.");
      if (std::find(days.begin(), days.end(), *d) == days.end())
        days.push_back(static_cast<int>(*d));
    }
    if (days.empty())
      throw bad_argument("WORK_DAYS", "WORK_DAYS must name at least one working day.");
    std::sort(days.begin(), days.end());
    current.days = days;
  }
  current.from = minutes_param(params, "WORK_FROM", current.from);
  current.to = minutes_param(params, "WORK_TO", current.to);
  if (current.from >= current.to)
    throw bad_argument("WORK_TO", "The working day must end (WORK_TO) after it starts.");
  return current;
}

json::object hours_json(const Hours& hours) {
  json::array days;
  for (int d : hours.days) days.push_back(d);
  return json::object{
      {"WORK_DAYS", days}, {"WORK_FROM", clock(hours.from)}, {"WORK_TO", clock(hours.to)}};
}

bool outside_hours(const Hours& hours, std::int64_t instant, const timeutil::TimeZone& zone) {
  std::int64_t local = instant + zone.offset_at(instant);
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;  // 1970-01-01 was a Thursday
  int minute = static_cast<int>((local - days * 86400) / 60);
  bool working_day = std::find(hours.days.begin(), hours.days.end(), weekday) != hours.days.end();
  return !working_day || minute < hours.from || minute > hours.to;
}

std::optional<std::int64_t> parse_desired_date(std::string_view text, const Hours& hours,
                                               const timeutil::TimeZone& zone) {
  text = trim(text);
  // 2026-12-10 or 10.12.2026: the end of that working day.
  if (text.size() == 10) {
    std::string with_time(text);
    with_time += (text[4] == '-' ? "T" : " ") + clock(std::min(hours.to, 23 * 60 + 59));
    return timeutil::parse_datetime(with_time, zone);
  }
  return timeutil::parse_datetime(text, zone);
}

}  // namespace artel::helpdesk
