// The feed as a page shows it (log.feed.get): posts and events mixed, newest first, filtered
// and searched; the counter of new entries in the menu; who may write to everyone (A8).
#pragma once

#include "rest/method.h"

namespace artel::feed {

void register_feed_methods(rest::Registry& registry);

}  // namespace artel::feed
