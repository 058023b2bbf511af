#include "modules/tasks/methods.h"

#include "modules/tasks/attachments.h"
#include "modules/tasks/checklist.h"
#include "modules/tasks/comments.h"
#include "modules/tasks/history.h"
#include "modules/tasks/service.h"
#include "modules/tasks/timetracking.h"

namespace artel::tasks {

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"tasks.task.add", "task", Access::User, add});
  registry.add({"tasks.task.update", "task", Access::User, update});
  registry.add({"tasks.task.get", "task", Access::User, get});
  registry.add({"tasks.task.list", "task", Access::User, list});
  registry.add({"tasks.task.delete", "task", Access::User, remove});
  registry.add({"tasks.task.getfields", "task", Access::User, get_fields});
  registry.add({"tasks.task.getaccess", "task", Access::User, get_access});
  registry.add({"tasks.task.history.list", "task", Access::User, history::list});
  actions::register_methods(registry);
  comments::register_methods(registry);
  checklist::register_methods(registry);
  attachments::register_methods(registry);
  timetracking::register_methods(registry);
  dependencies::register_methods(registry);
  stages::register_methods(registry);
  counters::register_methods(registry);
  templates::register_methods(registry);
  filters::register_methods(registry);
  reports::register_methods(registry);
}

void register_jobs(Portal& portal) {
  templates::register_jobs(portal);
  deadlines::register_jobs(portal);
}

}  // namespace artel::tasks
