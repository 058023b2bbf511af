#include "modules/helpdesk/methods.h"

#include "modules/helpdesk/desk.h"
#include "modules/helpdesk/directory.h"
#include "modules/helpdesk/hours.h"
#include "modules/helpdesk/tickets.h"

namespace artel::helpdesk {

namespace {

// Everyone may ask: the web client learns from it whether to show the desk, and to whom.
rest::CallResult settings_get(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = desk_of(conn, call.caller);
    json::object o = hours_json(read_hours(conn));
    o["ROLE"] = desk.studio() ? "studio" : desk.client() ? "client" : "none";
    o["COMPANY_ID"] = desk.client() ? json::value(std::to_string(desk.company_id)) : nullptr;
    return rest::CallResult{std::move(o)};
  });
}

rest::CallResult settings_set(rest::Call& call) {
  return call.portal.db.write([&](db::Tx& tx) {
    write_hours(tx.conn, parse_hours(call.params, read_hours(tx.conn)));
    return rest::CallResult{true};
  });
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"helpdesk.settings.get", "helpdesk", Access::User, settings_get});
  registry.add({"helpdesk.settings.set", "helpdesk", Access::Admin, settings_set});
  directory::register_methods(registry);
  register_ticket_methods(registry);
}

}  // namespace artel::helpdesk
