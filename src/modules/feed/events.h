// Events of the portal in the feed (E4): other modules call these inside the transaction of
// the change, so an event exists exactly when its change committed. An event's audience is its
// object's: the module that owns the object says who sees it, now and whenever that changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/portal.h"
#include "db/db.h"

namespace artel::feed {

struct Event {
  std::string type;         // task_created, task_completed, group_created, user_joined
  std::string object_type;  // task, group, user
  std::int64_t object_id = 0;
  std::int64_t actor_id = 0;
  std::string title;               // the object's name as the entry shows it
  std::vector<std::string> codes;  // who sees it: UA, U<id>, SG<id>, DR<id>
};

void publish_event(db::Tx& tx, Portal& portal, const Event& event);

// Whether the object already has an event of the type from `since` on (so that a completed task
// that is saved again is not announced twice).
bool has_event_since(db::Conn& conn, std::string_view type, std::string_view object_type,
                     std::int64_t object_id, std::int64_t since);

// The object's audience changed (a task's people, a group made hidden): its events follow.
void retarget(db::Tx& tx, Portal& portal, std::string_view object_type, std::int64_t object_id,
              const std::vector<std::string>& codes);

// The object is gone: its events go too.
void forget(db::Tx& tx, Portal& portal, std::string_view object_type, std::int64_t object_id);

}  // namespace artel::feed
