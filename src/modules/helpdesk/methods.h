// The ticket desk's REST methods (docs/api-helpdesk.md), scope `helpdesk`.
#pragma once

#include "rest/method.h"

namespace artel::helpdesk {

void register_methods(rest::Registry& registry);

}  // namespace artel::helpdesk
