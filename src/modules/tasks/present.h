// How a task looks in the API: Bitrix24's camelCase object whose values are strings (ids,
// numbers, Y/N flags), dates in ISO 8601 with the portal's offset, people as small objects.
// Everything a page needs besides the rows (people, the viewer's state of each task, counts)
// is loaded once per page, never per row.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "modules/groups/access.h"
#include "modules/tasks/access.h"
#include "modules/tasks/model.h"

namespace artel {
class FileStore;
}

namespace artel::tasks {

// The `select` of a call: UPPER_SNAKE names (camelCase accepted); empty or "*" means the
// standard fields.
class Selection {
 public:
  static Selection from(const json::value* select);
  static Selection everything();
  bool has(std::string_view field) const;
  bool all() const { return all_; }

 private:
  bool all_ = true;
  std::set<std::string, std::less<>> fields_;
};

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::string work_position;
  std::string photo_url;  // absolute, or ""
};

struct ViewerState {
  std::int64_t viewed_at = 0;
  bool favorite = false;
  bool muted = false;
};

struct PageContext {
  std::map<std::int64_t, groups::Brief> groups;  // the page's workgroups
  int tz = 0;
  std::int64_t now = 0;
  std::string base_url;
  std::int64_t viewer_id = 0;
  std::map<std::int64_t, Person> people;
  std::map<std::int64_t, ViewerState> state;
  std::map<std::int64_t, std::int64_t> new_comments;
  std::map<std::int64_t, std::int64_t> deadline_moves;
  std::map<std::int64_t, std::int64_t> plan_stage;
  std::map<std::int64_t, Relation> relations;  // filled when actions are wanted
  std::map<std::int64_t, json::object> checklists;
  std::map<std::int64_t, json::array> files;
  std::map<std::int64_t, std::int64_t> subtask_counts;
  std::int64_t timer_task = 0;  // the task whose timer the viewer runs, if any
  std::int64_t timer_started = 0;
  bool with_actions = false;
};

struct ContextOptions {
  bool actions = false;  // the `action` map (tasks.task.get, lists that select ACTION)
  bool details = false;  // checklist and files (tasks.task.get)
};

PageContext load_context(db::Conn& conn, const Viewer& viewer, const std::vector<Task>& tasks,
                         const Selection& selection, const ContextOptions& options, int tz,
                         std::string_view base_url, const FileStore& files);

json::object present(const Task& task, const PageContext& context, const Selection& selection);

// A person as the task object shows them: {id, name, link, icon, workPosition}.
json::object person_json(const PageContext& context, std::int64_t user_id);

// subStatus for the viewer: -1 overdue, -2 not viewed, -3 almost overdue, else the status.
int sub_status(const Task& task, const PageContext& context);
// notViewed: a new task for its responsible or co-executor that they have not opened yet.
bool not_viewed(const Task& task, const PageContext& context);

}  // namespace artel::tasks
