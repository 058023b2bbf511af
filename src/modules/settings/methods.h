#pragma once

#include "rest/method.h"

namespace artel::settings {
// artel.settings.get / artel.settings.set (A8).
void register_methods(rest::Registry& registry);
}  // namespace artel::settings
