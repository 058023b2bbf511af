#pragma once

#include "rest/method.h"

namespace artel::rest {

// batch, methods, method.get, scope, server.time.
void register_builtin_methods(Registry& registry);

// Replaces $result[key][field]… references in a batch command's parameters (exposed for tests).
json::value substitute_references(const json::value& value, const json::object& results);

}  // namespace artel::rest
