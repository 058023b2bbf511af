// Who a caller is at the ticket desk, and what that lets them see. The studio (every active
// employee) sees every company and ticket; a client (a contact of one company) sees only their
// company's, and an id of another company answers as a missing one, so that a client never
// learns that other clients exist.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "db/db.h"
#include "rest/list_query.h"
#include "rest/method.h"

namespace artel::helpdesk {

enum class Side { None, Studio, Client };

struct Desk {
  Side side = Side::None;
  std::int64_t user_id = 0;
  std::int64_t company_id = 0;  // a client's company
  bool admin = false;
  bool studio() const { return side == Side::Studio; }
  bool client() const { return side == Side::Client; }
  // The studio sees every company; a client only their own.
  bool sees_company(std::int64_t id) const { return studio() || company_id == id; }
};

Desk desk_of(db::Conn& conn, const rest::Caller& caller);
// As desk_of, but 403 for someone who is neither the studio nor a client.
Desk require_desk(db::Conn& conn, const rest::Caller& caller);
// 403 unless the caller is the studio; `what` completes "Only the studio may …".
void require_studio(const Desk& desk, std::string_view what);

// Limits a list to what the caller sees: for a client, rows whose `company_column` is theirs.
void restrict_to_desk(rest::ListQuery& query, const Desk& desk, std::string_view company_column);

// 400 ERROR_NOT_FOUND "<What> <id> is not found." — for missing and unseen ids alike.
ApiError not_seen(std::string_view what, std::int64_t id);

// The contacts of a company.
std::vector<std::int64_t> contacts_of(db::Conn& conn, std::int64_t company_id);
// Whom live messages about a company's tickets reach: its contacts and every active employee.
std::vector<std::int64_t> audience(db::Conn& conn, std::int64_t company_id);

}  // namespace artel::helpdesk
