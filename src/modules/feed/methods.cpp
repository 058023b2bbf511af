#include "modules/feed/methods.h"

#include "modules/feed/comments.h"
#include "modules/feed/feed.h"
#include "modules/feed/important.h"
#include "modules/feed/likes.h"
#include "modules/feed/polls.h"
#include "modules/feed/posts.h"

namespace artel::feed {

void register_methods(rest::Registry& registry) {
  register_post_methods(registry);
  register_feed_methods(registry);
  comments::register_methods(registry);
  likes::register_methods(registry);
  polls::register_methods(registry);
  important::register_methods(registry);
}

}  // namespace artel::feed
