// Registration of every REST method of the tasks module. Each area registers its own from its
// own file; register_methods here calls them all.
#pragma once

#include "core/portal.h"
#include "rest/method.h"

namespace artel::tasks {

namespace actions {
void register_methods(rest::Registry& registry);  // start, pause, complete, watch, mute, …
}
namespace dependencies {
void register_methods(rest::Registry& registry);  // task.dependence.*
}
namespace stages {
void register_methods(rest::Registry& registry);  // task.stages.* (My Plan)
}
namespace counters {
void register_methods(rest::Registry& registry);  // tasks.task.counters.get
}
namespace templates {
void register_methods(rest::Registry& registry);  // tasks.template.*, copies
void register_jobs(Portal& portal);               // recurring tasks
}  // namespace templates
namespace filters {
void register_methods(rest::Registry& registry);  // artel.task.filter.* (saved presets)
}
namespace reports {
void register_methods(rest::Registry& registry);  // artel.task.report.*
}
namespace deadlines {
void register_jobs(Portal& portal);  // "deadline soon" and "overdue" notices
}

// Every method and job of the module (runtime.cpp calls these).
void register_methods(rest::Registry& registry);
void register_jobs(Portal& portal);

}  // namespace artel::tasks
