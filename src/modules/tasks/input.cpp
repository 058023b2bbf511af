#include "modules/tasks/input.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "modules/tasks/model.h"

namespace artel::tasks {

namespace {

constexpr std::size_t kMaxTitle = 250;
constexpr std::size_t kMaxDescription = 200'000;
constexpr std::size_t kMaxTag = 100;
constexpr std::size_t kMaxListItems = 500;

ApiError wrong(std::string_view field, std::string_view expects) {
  return bad_argument(std::string(field),
                      "Field " + std::string(field) + " expects " + std::string(expects) + ".");
}

std::string text(const json::value& v, std::string_view field, std::size_t max_length) {
  if (v.is_null()) return {};
  auto s = as_string(v);
  if (!s || v.is_object() || v.is_array()) throw wrong(field, "text");
  if (!is_valid_utf8(*s)) throw wrong(field, "UTF-8 text");
  if (s->size() > max_length)
    throw bad_argument(std::string(field), "Field " + std::string(field) + " is longer than " +
                                               std::to_string(max_length) + " characters.");
  return *s;
}

std::int64_t id(const json::value& v, std::string_view field) {
  if (v.is_null()) return 0;
  auto n = as_int(v);
  if (!n || *n < 0) throw wrong(field, "an id (a whole number)");
  return *n;
}

bool flag(const json::value& v, std::string_view field) {
  auto f = as_flag(v);
  if (!f) throw wrong(field, "Y or N");
  return *f;
}

// 0 clears the date.
std::int64_t date(const json::value& v, std::string_view field, const timeutil::TimeZone& zone) {
  if (v.is_null()) return 0;
  if (v.is_string() && trim(v.get_string()).empty()) return 0;
  auto s = as_string(v);
  if (!s || !v.is_string()) throw wrong(field, "a date such as 2025-12-31T18:00:00+03:00");
  auto t = timeutil::parse_datetime(*s, zone);
  if (!t) throw wrong(field, "a date such as 2025-12-31T18:00:00+03:00");
  return *t;
}

std::vector<std::string> word_list(const json::value& v, std::string_view field) {
  std::vector<std::string> out;
  std::vector<std::string> raw;
  if (v.is_string()) {
    // "a, b" as one string: Bitrix24's own form posts tags like that.
    std::string s(v.get_string());
    std::size_t pos = 0;
    while (pos <= s.size()) {
      auto comma = s.find(',', pos);
      raw.push_back(s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  } else if (!v.is_null()) {
    if (!v.is_array() && !v.is_object()) throw wrong(field, "a list of words");
    for (const json::value* item : as_list(v)) {
      if (item->is_object() || item->is_array()) throw wrong(field, "a list of words");
      raw.push_back(as_string(*item).value_or(""));
    }
  }
  for (auto& w : raw) {
    std::string t(trim(w));
    if (t.empty()) continue;
    if (!is_valid_utf8(t) || t.size() > kMaxTag)
      throw wrong(field, "words of up to 100 characters");
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  if (out.size() > kMaxListItems) throw wrong(field, "at most 500 entries");
  return out;
}

// L_4, D_10, C_7, CO_5, SI_7, T8f_3 (a smart process: T + hex type id).
bool is_crm_item(std::string_view s) {
  auto underscore = s.find('_');
  if (underscore == std::string_view::npos || underscore == 0 || underscore + 1 == s.size())
    return false;
  std::string_view type = s.substr(0, underscore), number = s.substr(underscore + 1);
  if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (type == "L" || type == "D" || type == "C" || type == "CO" || type == "SI" || type == "Q")
    return true;
  return type.size() > 1 && type[0] == 'T' && std::all_of(type.begin() + 1, type.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

bool TaskInput::empty() const {
  return !title && !description && !mark && !duration_type && !xml_id && !status && !priority &&
         !created_by && !responsible_id && !group_id && !stage_id && !parent_id && !time_estimate &&
         !deadline && !start_date_plan && !end_date_plan && !allow_change_deadline &&
         !allow_time_tracking && !task_control && !add_in_report && !match_work_time &&
         !accomplices && !auditors && !depends_on && !tags && !crm_links && !sorting &&
         !mark_comment;
}

std::vector<std::int64_t> id_list(const json::value& v, std::string_view field,
                                  std::size_t max_items) {
  std::vector<std::int64_t> out;
  std::vector<const json::value*> items;
  json::array split;
  if (v.is_string()) {
    std::string s(v.get_string());
    std::size_t pos = 0;
    while (pos < s.size()) {
      auto comma = s.find(',', pos);
      std::string part(
          trim(s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos)));
      if (!part.empty()) split.emplace_back(json::string(part));
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
    for (const auto& p : split) items.push_back(&p);
  } else if (!v.is_null()) {
    if (!v.is_array() && !v.is_object() && !v.is_number()) throw wrong(field, "a list of ids");
    items = as_list(v);
  }
  for (const json::value* item : items) {
    auto n = as_int(*item);
    if (!n || *n <= 0) throw wrong(field, "a list of ids");
    if (std::find(out.begin(), out.end(), *n) == out.end()) out.push_back(*n);
  }
  if (out.size() > max_items) throw wrong(field, "at most " + std::to_string(max_items) + " ids");
  return out;
}

TaskInput parse_task_fields(const json::object& fields, const timeutil::TimeZone& zone) {
  TaskInput in;
  for (const auto& kv : fields) {
    std::string key = api_name(kv.key());
    const json::value& v = kv.value();
    if (key == "TITLE") {
      in.title = std::string(trim(text(v, key, kMaxTitle * 4)));
      if (in.title->empty()) throw bad_argument("TITLE", "The task needs a title.");
      // Counted in code points, as a person counts letters.
      std::size_t letters = 0;
      for (unsigned char c : *in.title) letters += (c & 0xC0) != 0x80;
      if (letters > kMaxTitle)
        throw bad_argument("TITLE", "The title is longer than 250 characters.");
    } else if (key == "DESCRIPTION") {
      in.description = text(v, key, kMaxDescription);
    } else if (key == "STATUS" || key == "REAL_STATUS") {
      auto n = as_int(v);
      if (!n || !is_valid_status(static_cast<int>(*n))) throw wrong(key, "a status from 1 to 7");
      in.status = static_cast<int>(*n);
    } else if (key == "PRIORITY") {
      auto n = as_int(v);
      if (!n || *n < 0 || *n > 2) throw wrong(key, "0 (low), 1 (normal) or 2 (high)");
      in.priority = static_cast<int>(*n);
    } else if (key == "MARK") {
      std::string m = to_upper_ascii(trim(text(v, key, 10)));
      if (!m.empty() && m != "P" && m != "N")
        throw wrong(key, "P (positive), N (negative) or empty");
      in.mark = m;
    } else if (key == "MARK_COMMENT") {
      in.mark_comment = std::string(trim(text(v, key, kMaxDescription)));
    } else if (key == "CREATED_BY") {
      in.created_by = id(v, key);
      if (!*in.created_by) throw wrong(key, "a person's id");
    } else if (key == "RESPONSIBLE_ID") {
      in.responsible_id = id(v, key);
      if (!*in.responsible_id) throw wrong(key, "a person's id");
    } else if (key == "ACCOMPLICES") {
      in.accomplices = id_list(v, key);
    } else if (key == "AUDITORS") {
      in.auditors = id_list(v, key);
    } else if (key == "GROUP_ID") {
      in.group_id = id(v, key);
    } else if (key == "STAGE_ID") {
      in.stage_id = id(v, key);
    } else if (key == "PARENT_ID") {
      in.parent_id = id(v, key);
    } else if (key == "DEADLINE") {
      in.deadline = date(v, key, zone);
    } else if (key == "START_DATE_PLAN") {
      in.start_date_plan = date(v, key, zone);
    } else if (key == "END_DATE_PLAN") {
      in.end_date_plan = date(v, key, zone);
    } else if (key == "ALLOW_CHANGE_DEADLINE") {
      in.allow_change_deadline = flag(v, key);
    } else if (key == "ALLOW_TIME_TRACKING") {
      in.allow_time_tracking = flag(v, key);
    } else if (key == "TASK_CONTROL") {
      in.task_control = flag(v, key);
    } else if (key == "ADD_IN_REPORT") {
      in.add_in_report = flag(v, key);
    } else if (key == "MATCH_WORK_TIME") {
      in.match_work_time = flag(v, key);
    } else if (key == "TIME_ESTIMATE") {
      auto n = as_int(v);
      if (!n || *n < 0 || *n > 100LL * 365 * 24 * 3600) throw wrong(key, "seconds (0 or more)");
      in.time_estimate = *n;
    } else if (key == "DURATION_TYPE") {
      std::string d = to_lower_ascii(trim(text(v, key, 10)));
      static const std::vector<std::string> types = {"secs",  "mins",  "hours", "days",
                                                     "weeks", "monts", "years"};
      if (std::find(types.begin(), types.end(), d) == types.end())
        throw wrong(key, "secs, mins, hours, days, weeks, monts or years");
      in.duration_type = d;
    } else if (key == "TAGS") {
      in.tags = word_list(v, key);
    } else if (key == "UF_CRM_TASK") {
      in.crm_links = word_list(v, key);
      for (const auto& item : *in.crm_links)
        if (!is_crm_item(item))
          throw bad_argument("UF_CRM_TASK",
                             "UF_CRM_TASK holds CRM items such as L_4, D_10, C_7 "
                             "or CO_5, not \"" +
                                 item + "\".");
    } else if (key == "DEPENDS_ON") {
      in.depends_on = id_list(v, key);
    } else if (key == "XML_ID") {
      in.xml_id = text(v, key, 255);
    } else if (key == "SORTING") {
      if (v.is_null()) continue;
      if (v.is_double()) {
        in.sorting = v.get_double();
      } else if (auto n = as_int(v)) {
        in.sorting = static_cast<double>(*n);
      } else {
        throw wrong(key, "a number");
      }
    }
  }
  return in;
}

const json::value* positional(const json::object& params, std::size_t index,
                              std::string_view name) {
  if (const json::value* v = find_ci(params, name)) return v;
  if (auto it = params.find(std::to_string(index)); it != params.end()) return &it->value();
  return nullptr;
}

std::int64_t task_id_param(const json::object& params) {
  for (const char* name : {"taskId", "TASK_ID", "id"}) {
    if (const json::value* v = find_ci(params, name)) {
      auto n = as_int(*v);
      if (!n || *n <= 0)
        throw bad_argument(
            name, "wrong task id: " + std::string(name) + " must be the number of a task.");
      return *n;
    }
  }
  if (auto it = params.find("0"); it != params.end()) {
    auto n = as_int(it->value());
    if (!n || *n <= 0) throw bad_argument("TASKID", "wrong task id: TASKID must be a number.");
    return *n;
  }
  throw bad_argument("taskId", "The task id (taskId) is required.");
}

json::value normalized_keys(const json::value* v) {
  if (!v || !v->is_object()) return v ? *v : json::value(nullptr);
  json::object out;
  for (const auto& kv : v->get_object()) {
    std::string_view key = kv.key();
    std::size_t op = 0;
    while (op < key.size() && std::string_view("!=<>%@").find(key[op]) != std::string_view::npos)
      ++op;
    std::string name(key.substr(op));
    // "::SUBFILTER-PARAMS" and the like keep their spelling.
    std::string normal = name.rfind("::", 0) == 0 ? name : api_name(name);
    out[std::string(key.substr(0, op)) + normal] = kv.value();
  }
  return out;
}

}  // namespace artel::tasks
