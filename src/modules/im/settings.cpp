#include "modules/im/settings.h"

#include <string>

#include "modules/im/catalogue.h"

namespace artel::notify::settings {

namespace {

Choice default_of(const EventType* type) {
  return type ? Choice{type->portal_default, type->email_default} : Choice{};
}

}  // namespace

Choice effective(db::Conn& conn, std::int64_t user_id, std::string_view module,
                 std::string_view event) {
  Choice c = default_of(find_event_type(module, event));
  conn.run(
      "SELECT portal, email FROM notice_settings WHERE user_id = ? AND module = ? AND event = ?",
      {user_id, std::string(module), std::string(event)}, [&](const db::Row& r) {
        c.portal = r.integer(0) != 0;
        c.email = r.integer(1) != 0;
      });
  return c;
}

std::vector<TypeChoice> all_of(db::Conn& conn, std::int64_t user_id) {
  std::vector<TypeChoice> out;
  for (const auto& t : event_types()) out.push_back({&t, default_of(&t)});
  conn.run("SELECT module, event, portal, email FROM notice_settings WHERE user_id = ?", {user_id},
           [&](const db::Row& r) {
             std::string module = r.text(0), event = r.text(1);
             for (auto& tc : out)
               if (tc.type->module == module && tc.type->event == event)
                 tc.choice = {r.integer(2) != 0, r.integer(3) != 0};
           });
  return out;
}

void put(db::Conn& conn, std::int64_t user_id, const EventType& type, Choice choice) {
  conn.run(
      "INSERT INTO notice_settings(user_id, module, event, portal, email) VALUES (?,?,?,?,?) "
      "ON CONFLICT(user_id, module, event) DO UPDATE SET portal = excluded.portal, "
      "email = excluded.email",
      {user_id, std::string(type.module), std::string(type.event),
       std::int64_t{choice.portal ? 1 : 0}, std::int64_t{choice.email ? 1 : 0}});
}

}  // namespace artel::notify::settings
