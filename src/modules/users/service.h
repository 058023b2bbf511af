// The rules for people: who sees whom, who may change what, inviting, adding, dismissing.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/users/model.h"
#include "rest/list_query.h"
#include "rest/method.h"

namespace artel::users {

// Limits a user query to the people the caller may see. Administrators see everyone; employees
// every employee and the outside people of their groups; an extranet person only themselves and
// the people of their groups.
void restrict_to_visible(rest::ListQuery& query, const rest::Caller& caller);
bool can_see(db::Conn& conn, const rest::Caller& caller, std::int64_t user_id);

rest::CallResult get(rest::Call& call);     // user.get
rest::CallResult search(rest::Call& call);  // user.search
json::object current(rest::Call& call);     // user.current
json::object profile(rest::Call& call);     // profile

// user.add: with PASSWORD the account is active at once; without, an invitation is e-mailed.
// EXTRANET "Y" with SONET_GROUP_ID makes an outside person in those groups; an employee may do
// that much for groups they may invite into, the rest is the administrator's.
std::int64_t add(rest::Call& call);
// user.update: the owner edits their profile; the administrator also departments, ACTIVE
// (dismiss/restore), e-mail and administrator rights.
void update(rest::Call& call);

// An active person with a password: the portal's first administrator (who also names the
// company and heads its top department) or a self-registered employee.
struct NewPerson {
  std::string email, password, name, last_name, portal_name;
  bool as_admin = false;
};
std::int64_t create_person(Portal& portal, const NewPerson& person);

// An outside (extranet) person with a password, active at once, in no group: a client's contact
// at the ticket desk (M1). Profile fields as in user.add (NAME, LAST_NAME, PERSONAL_PHONE…).
// Inside the caller's transaction; throws for a bad or taken e-mail.
std::int64_t create_outsider(db::Tx& tx, Portal& portal, const std::string& email,
                             const std::string& password, const json::object& fields,
                             std::int64_t actor_id);

// Shared by setup, registration and invitations.
void validate_email(const std::string& email);
void validate_password(const std::string& password);
// Applies profile fields (names, phones, photo, language…) the actor may change.
std::vector<std::pair<std::string, db::Value>> profile_columns(db::Tx& tx, Portal& portal,
                                                               const json::object& fields,
                                                               bool by_admin,
                                                               std::int64_t actor_id);
// A new employee has joined (accepted an invitation, registered, or was added with a password):
// the feed tells everyone (E4). Outside people arrive unannounced.
void announce_arrival(db::Tx& tx, Portal& portal, std::int64_t user_id);

// Sends user.updated to everyone who may see the person (after commit).
void publish_updated(db::Tx& tx, Portal& portal, std::int64_t user_id);

}  // namespace artel::users
