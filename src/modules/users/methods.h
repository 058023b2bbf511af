#pragma once

#include "rest/method.h"

namespace artel::users {
// user.get, user.current, user.search, user.fields, user.add, user.update, profile.
void register_methods(rest::Registry& registry);
}  // namespace artel::users
