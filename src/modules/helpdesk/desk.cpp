#include "modules/helpdesk/desk.h"

#include "modules/users/store.h"

namespace artel::helpdesk {

Desk desk_of(db::Conn& conn, const rest::Caller& caller) {
  Desk d;
  d.user_id = caller.user_id;
  d.admin = caller.is_admin;
  if (!caller.authenticated()) return d;
  if (!caller.is_extranet) {
    d.side = Side::Studio;
    return d;
  }
  if (auto company = conn.integer(
          "SELECT c.company_id FROM helpdesk_contacts c JOIN users u ON u.id = c.user_id WHERE "
          "c.user_id = ? AND u.active = 1",
          {caller.user_id})) {
    d.side = Side::Client;
    d.company_id = *company;
  }
  return d;
}

Desk require_desk(db::Conn& conn, const rest::Caller& caller) {
  Desk d = desk_of(conn, caller);
  if (d.side == Side::None)
    throw access_denied("The ticket desk is for the studio and its clients' contacts.");
  return d;
}

void require_studio(const Desk& desk, std::string_view what) {
  if (!desk.studio()) throw access_denied("Only the studio may " + std::string(what) + ".");
}

void restrict_to_desk(rest::ListQuery& query, const Desk& desk, std::string_view company_column) {
  if (desk.client()) query.add_condition(std::string(company_column) + " = ?", {desk.company_id});
}

ApiError not_seen(std::string_view what, std::int64_t id) {
  return not_found(std::string(what) + " " + std::to_string(id) + " is not found.");
}

std::vector<std::int64_t> contacts_of(db::Conn& conn, std::int64_t company_id) {
  std::vector<std::int64_t> ids;
  conn.run(
      "SELECT c.user_id FROM helpdesk_contacts c JOIN users u ON u.id = c.user_id WHERE "
      "c.company_id = ? AND u.active = 1 ORDER BY c.user_id",
      {company_id}, [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  return ids;
}

std::vector<std::int64_t> audience(db::Conn& conn, std::int64_t company_id) {
  std::vector<std::int64_t> ids = users::store::active_employee_ids(conn);
  for (auto id : contacts_of(conn, company_id)) ids.push_back(id);
  return ids;
}

}  // namespace artel::helpdesk
