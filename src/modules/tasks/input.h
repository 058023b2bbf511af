// Reading what clients send to the task methods: the `fields` of tasks.task.add/update (upper
// case as documented, camelCase as Bitrix24 itself answers), task ids under their several
// names, and the positional parameters of the legacy task.*item.* methods.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/time.h"

namespace artel::tasks {

// What a call asks to set; absent means "leave as is". Dates: a value of 0 clears.
struct TaskInput {
  std::optional<std::string> title, description, mark, duration_type, xml_id;
  std::optional<int> status, priority;
  std::optional<std::int64_t> created_by, responsible_id, group_id, stage_id, parent_id;
  std::optional<std::int64_t> time_estimate;
  std::optional<std::int64_t> deadline, start_date_plan, end_date_plan;
  std::optional<bool> allow_change_deadline, allow_time_tracking, task_control, add_in_report,
      match_work_time;
  std::optional<std::vector<std::int64_t>> accomplices, auditors, depends_on;
  std::optional<std::vector<std::string>> tags, crm_links;
  std::optional<double> sorting;
  // The reason of a negative mark (C5); Artel posts it as a comment with the mark.
  std::optional<std::string> mark_comment;
  bool empty() const;
};

// Throws ERROR_ARGUMENT naming the field for a value of the wrong kind. Unknown fields (custom
// UF_ fields of other portals, read-only fields) are ignored, as Bitrix24 does.
TaskInput parse_task_fields(const json::object& fields, const timeutil::TimeZone& zone);

// "taskId", "TASKID", "id", "ID" or the first positional parameter "0".
std::int64_t task_id_param(const json::object& params);

// Positional (legacy task.*item.* methods: {"0": 17, "1": {...}}) or named parameter.
const json::value* positional(const json::object& params, std::size_t index, std::string_view name);

// An object whose keys are field names possibly in camelCase and possibly with a filter
// operator in front (">=createdDate") → the same with UPPER_SNAKE names (">=CREATED_DATE").
json::value normalized_keys(const json::value* object);

// A list of ids from [1, "2"] or "1,2", at most `max_items` of them; ERROR_ARGUMENT naming
// `field` otherwise.
std::vector<std::int64_t> id_list(const json::value& value, std::string_view field,
                                  std::size_t max_items = 500);

}  // namespace artel::tasks
