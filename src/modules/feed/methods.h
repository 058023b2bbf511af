// The feed's REST methods (docs/api-feed.md), scope `log`.
#pragma once

#include "rest/method.h"

namespace artel::feed {

void register_methods(rest::Registry& registry);

}  // namespace artel::feed
