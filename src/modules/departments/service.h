// The rules of the company structure: one root, no cycles, a head who is an active employee,
// and no deleting a department that still has people or sub-departments.
#pragma once

#include "rest/method.h"

namespace artel::departments {

void register_methods(rest::Registry& registry);

}  // namespace artel::departments
