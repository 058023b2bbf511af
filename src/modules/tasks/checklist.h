// Checklists inside a task (C3): lists (items with PARENT_ID 0) and their points, as the
// task.checklistitem.* methods of Bitrix24 keep them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::tasks::checklist {

struct Item {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::int64_t parent_id = 0;
  std::string title;
  std::int64_t sort_index = 0;
  bool complete = false;
  bool important = false;
  std::int64_t created_by = 0;
  std::int64_t toggled_by = 0;
  std::int64_t toggled_date = 0;
};

std::vector<Item> load(db::Conn& conn, std::int64_t task_id);
// The `checklist` of a task object: {id: {id, taskId, parentId, title, …}} in camelCase.
json::object tree_json(db::Conn& conn, std::int64_t task_id, int tz);
// Copies a task's checklist onto another task (copying a task, creating one from a template).
void copy(db::Conn& conn, std::int64_t from_task, std::int64_t to_task, std::int64_t user_id);
// Adds points given as [{TITLE, IS_COMPLETE?, IS_IMPORTANT?}] or ["text", …] under one list.
void add_points(db::Conn& conn, std::int64_t task_id, const json::value& points,
                std::int64_t user_id, std::string_view language);

void register_methods(rest::Registry& registry);

}  // namespace artel::tasks::checklist
