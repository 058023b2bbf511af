#include "modules/feed/events.h"

#include <algorithm>

#include "core/time.h"
#include "modules/feed/posts.h"
#include "modules/feed/store.h"

namespace artel::feed {

void publish_event(db::Tx& tx, Portal& portal, const Event& event) {
  Entry e;
  e.entry_type = "event";
  e.author_id = event.actor_id;
  e.title = event.title;
  e.event_type = event.type;
  e.object_type = event.object_type;
  e.object_id = event.object_id;
  e.created_at = e.updated_at = timeutil::now_seconds();
  e.id = store::insert(tx.conn, e);
  e.codes = event.codes;
  e.codes.push_back("U" + std::to_string(event.actor_id));
  store::add_codes(tx.conn, e.id, e.codes);
  store::search_index().put(tx.conn, e.id, e.title);
  announce(tx, portal, e, "add", event.actor_id);
}

bool has_event_since(db::Conn& conn, std::string_view type, std::string_view object_type,
                     std::int64_t object_id, std::int64_t since) {
  return conn
      .integer(
          "SELECT 1 FROM feed_entries WHERE object_type = ? AND object_id = ? AND event_type = ? "
          "AND created_at >= ? LIMIT 1",
          {std::string(object_type), object_id, std::string(type), since})
      .has_value();
}

void retarget(db::Tx& tx, Portal& portal, std::string_view object_type, std::int64_t object_id,
              const std::vector<std::string>& codes) {
  for (auto id : store::entries_about(tx.conn, object_type, object_id)) {
    auto e = store::find(tx.conn, id);
    if (!e) continue;
    std::vector<std::string> next = codes;
    next.push_back("U" + std::to_string(e->author_id));
    std::vector<std::string> before = e->codes;
    std::sort(before.begin(), before.end());
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    if (before == next) continue;
    store::set_codes(tx.conn, id, next);
    // Both the old and the new audience re-read it: one gains the entry, the other loses it.
    Entry both = *e;
    both.codes.insert(both.codes.end(), next.begin(), next.end());
    announce(tx, portal, both, "update", e->author_id);
  }
}

void forget(db::Tx& tx, Portal& portal, std::string_view object_type, std::int64_t object_id) {
  for (auto id : store::entries_about(tx.conn, object_type, object_id)) {
    auto e = store::find(tx.conn, id);
    if (!e) continue;
    announce(tx, portal, *e, "delete", e->author_id);
    store::remove(tx.conn, id);
  }
}

}  // namespace artel::feed
