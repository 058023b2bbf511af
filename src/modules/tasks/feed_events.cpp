#include "modules/tasks/feed_events.h"

#include "modules/feed/events.h"
#include "modules/tasks/store.h"

namespace artel::tasks {

namespace {

std::vector<std::string> codes_of(const Task& t, const std::vector<std::int64_t>& people) {
  std::vector<std::string> codes;
  for (auto id : people) codes.push_back("U" + std::to_string(id));
  // A group task is seen by the group's members as they come and go.
  if (t.group_id) codes.push_back("SG" + std::to_string(t.group_id));
  return codes;
}

}  // namespace

void tell_feed(db::Tx& tx, Portal& portal, std::int64_t task_id, std::string_view what,
               std::int64_t actor_id, const std::vector<std::int64_t>& people) {
  auto t = store::find(tx.conn, task_id);
  if (!t) return;
  auto codes = codes_of(*t, people);
  feed::retarget(tx, portal, "task", t->id, codes);
  const char* type = nullptr;
  if (what == "add")
    type = "task_created";
  else if (t->status == kCompleted &&
           !feed::has_event_since(tx.conn, "task_completed", "task", t->id, t->status_changed_date))
    type = "task_completed";
  if (type)
    feed::publish_event(tx, portal, {type, "task", t->id, actor_id, t->title, std::move(codes)});
}

void forget_in_feed(db::Tx& tx, Portal& portal, std::int64_t task_id) {
  feed::forget(tx, portal, "task", task_id);
}

}  // namespace artel::tasks
