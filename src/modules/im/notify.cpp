#include "modules/im/notify.h"

#include "core/time.h"
#include "events/live.h"
#include "modules/im/delivery.h"
#include "modules/im/digest.h"
#include "modules/im/settings.h"
#include "modules/im/store.h"
#include "modules/im/view.h"
#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::notify {

namespace {

// Past this many ids a live message says "reload" instead of listing them.
constexpr std::size_t kMaxLiveIds = 200;

json::value ids_or_null(const std::vector<std::int64_t>& ids) {
  if (ids.empty() || ids.size() > kMaxLiveIds) return nullptr;
  json::array a;
  for (auto id : ids) a.push_back(id);
  return a;
}

void publish_added(db::Tx& tx, Portal& portal, const users::User& person, std::int64_t id) {
  auto entry = store::find(tx.conn, id);
  if (!entry) return;
  int tz = portal.settings.snapshot()->tz_offset_now();
  json::object data;
  data["notification"] = view::entry(*entry, tz, false);
  data["users"] = view::authors(tx.conn, {*entry}, view::caller_of(person), "", portal.hub, tz);
  data["counter"] = store::unread_count(tx.conn, person.id);
  live::publish_after_commit(tx, portal, {person.id}, "notify.added", std::move(data));
}

}  // namespace

std::int64_t deliver(db::Tx& tx, Portal& portal, const Notice& n, const Origin& origin) {
  if (n.to_user <= 0 || n.to_user == n.from_user) return 0;
  auto person = users::store::find(tx.conn, n.to_user);
  if (!person || !person->active) return 0;
  auto choice = settings::effective(tx.conn, n.to_user, n.module, n.event);
  std::int64_t id = 0;
  if (choice.portal) {
    store::Entry e;
    e.user_id = n.to_user;
    e.author_id = n.from_user;
    e.module = n.module;
    e.event = n.event;
    e.tag = n.tag;
    e.sub_tag = n.sub_tag;
    e.message = n.message;
    e.message_out = n.message_out;
    e.link = n.link;
    e.attach = origin.attach;
    e.app = origin.app;
    auto now = timeutil::now_seconds();
    if (auto existing =
            n.tag.empty() ? std::nullopt : store::unread_with_tag(tx.conn, n.to_user, n.tag)) {
      store::absorb(tx.conn, *existing, e, now);
      id = *existing;
    } else {
      id = store::insert(tx.conn, e, now);
    }
    publish_added(tx, portal, *person, id);
  }
  // Someone invited but not yet in has agreed to no e-mail but the invitation.
  if (choice.email && !person->invited && !person->email.empty())
    digest::enqueue(tx, portal, n.to_user, n.tag, n.from_user,
                    n.message_out.empty() ? n.message : n.message_out, n.link, origin.base_url);
  return id;
}

void send(db::Tx& tx, Portal& portal, const Notice& notice) {
  deliver(tx, portal, notice);
}

void publish_read(db::Tx& tx, Portal& portal, std::int64_t user_id,
                  const std::vector<std::int64_t>& ids, bool read) {
  json::object data;
  data["ids"] = ids_or_null(ids);
  data["read"] = read;
  data["counter"] = store::unread_count(tx.conn, user_id);
  live::publish_after_commit(tx, portal, {user_id}, "notify.read", std::move(data));
}

void publish_deleted(db::Tx& tx, Portal& portal, std::int64_t user_id,
                     const std::vector<std::int64_t>& ids) {
  json::object data;
  data["ids"] = ids_or_null(ids);
  data["counter"] = store::unread_count(tx.conn, user_id);
  live::publish_after_commit(tx, portal, {user_id}, "notify.deleted", std::move(data));
}

}  // namespace artel::notify
