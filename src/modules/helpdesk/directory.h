// The studio's client directory: companies, their sites, their contacts (who get a login).
#pragma once

#include "rest/method.h"

namespace artel::helpdesk::directory {

void register_methods(rest::Registry& registry);

}  // namespace artel::helpdesk::directory
