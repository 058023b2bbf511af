#include "modules/users/invitations.h"

#include "core/bbcode.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/time.h"
#include "events/mail_outbox.h"
#include "modules/groups/access.h"
#include "modules/settings/store.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::users {

namespace {

constexpr std::int64_t kInvitationLifetime = 30 * 24 * 3600;

// `groups`: the workgroups an outside person is invited into (their names), empty for an
// employee; the mail says where they will work (seed 000: "…to work together on the tasks of
// your project").
OutgoingMail invitation_mail(const std::string& language, const std::string& portal_name,
                             const std::string& inviter, const std::string& link,
                             const std::vector<std::string>& groups) {
  std::string quoted;
  for (const auto& g : groups) quoted += (quoted.empty() ? "«" : ", «") + g + "»";
  std::string subject, greeting, body, button;
  if (language == "en") {
    subject = "Invitation to " + portal_name;
    greeting = "Hello!";
    body = inviter + " invites you to join " + portal_name +
           (quoted.empty() ? "" : ", to work together in " + quoted) +
           ". Open the link to set your name and password:";
    button = "Accept the invitation";
  } else if (language == "ro") {
    subject = "Invitație în " + portal_name;
    greeting = "Bună ziua!";
    body = inviter + " vă invită în " + portal_name +
           (quoted.empty() ? "" : ", pentru a lucra împreună în " + quoted) +
           ". Deschideți linkul pentru a vă seta numele și parola:";
    button = "Acceptă invitația";
  } else {
    subject = "Приглашение на портал «" + portal_name + "»";
    greeting = "Здравствуйте!";
    body = inviter + " приглашает вас на портал «" + portal_name + "»" +
           (quoted.empty() ? "" : " для совместной работы в " + quoted) +
           ". Перейдите по ссылке, чтобы указать имя и пароль:";
    button = "Принять приглашение";
  }
  OutgoingMail m;
  m.subject = subject;
  m.text = greeting + "\n\n" + body + "\n" + link + "\n";
  m.html = "<p>" + bbcode::html_escape(greeting) + "</p><p>" + bbcode::html_escape(body) +
           "</p><p><a href=\"" + bbcode::html_escape(link) + "\">" + bbcode::html_escape(button) +
           "</a></p><p>" + bbcode::html_escape(link) + "</p>";
  return m;
}

struct Pending {
  std::int64_t user_id = 0;
  std::string token_hash;
};

Pending find_pending(db::Conn& conn, const std::string& token) {
  Pending p;
  p.token_hash = crypto::sha256_hex(token);
  conn.run(
      "SELECT i.user_id FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = ? "
      "AND i.accepted_at IS NULL AND i.expires_at > ? AND u.active = 1 AND u.invited = 1",
      {p.token_hash, timeutil::now_seconds()}, [&](const db::Row& r) { p.user_id = r.integer(0); });
  if (!p.user_id)
    throw bad_request("INVITATION_INVALID",
                      "This invitation link is not valid any more: it was used, it expired, or the "
                      "invitation was withdrawn.");
  return p;
}

}  // namespace

void send_invitation(db::Tx& tx, Portal& portal, std::int64_t user_id, std::int64_t invited_by,
                     const std::string& base_url) {
  std::string token = crypto::random_token(32);
  auto now = timeutil::now_seconds();
  tx.conn.run(
      "INSERT INTO invitations(token_hash, user_id, invited_by, created_at, expires_at) VALUES "
      "(?,?,?,?,?)",
      {crypto::sha256_hex(token), user_id, invited_by ? db::Value(invited_by) : db::Value(nullptr),
       now, now + kInvitationLifetime});
  auto user = store::find(tx.conn, user_id);
  auto inviter = invited_by ? store::find(tx.conn, invited_by) : std::nullopt;
  auto settings = portal.settings.snapshot();
  OutgoingMail mail = invitation_mail(
      settings->language, settings->portal_name,
      inviter ? inviter->full_name() : settings->portal_name, base_url + "/invite/" + token,
      user->is_extranet() ? groups::names_of_groups_of(tx.conn, user_id)
                          : std::vector<std::string>{});
  mail.to = user->email;
  mail.to_name = user->full_name();
  portal.mail.enqueue(tx, mail);
}

json::object invitation_info(Portal& portal, const std::string& token) {
  return portal.db.read([&](db::Conn& c) {
    Pending p = find_pending(c, token);
    auto u = store::find(c, p.user_id);
    json::object o;
    o["EMAIL"] = u->email;
    o["NAME"] = u->field("NAME");
    o["LAST_NAME"] = u->field("LAST_NAME");
    o["USER_TYPE"] = u->user_type;
    o["PORTAL_NAME"] = portal.settings.snapshot()->portal_name;
    return o;
  });
}

std::int64_t accept_invitation(Portal& portal, const std::string& token,
                               const json::object& fields) {
  std::string password = required_string(fields, "PASSWORD");
  validate_password(password);
  required_string(fields, "NAME");
  return portal.db.write([&](db::Tx& tx) {
    Pending p = find_pending(tx.conn, token);
    // Only the person's own profile fields; e-mail, type and departments stay as invited.
    json::object own;
    for (const char* key : {"NAME", "LAST_NAME", "SECOND_NAME", "PERSONAL_PHOTO", "LANGUAGE_ID",
                            "WORK_POSITION", "PERSONAL_MOBILE"})
      if (const json::value* v = find_ci(fields, key)) own[key] = *v;
    auto columns = profile_columns(tx, portal, own, false, p.user_id);
    columns.emplace_back("password_hash", crypto::hash_password(password));
    columns.emplace_back("invited", std::int64_t{0});
    store::update_columns(tx.conn, p.user_id, columns);
    tx.conn.run("UPDATE invitations SET accepted_at = ? WHERE token_hash = ?",
                {timeutil::now_seconds(), p.token_hash});
    announce_arrival(tx, portal, p.user_id);
    publish_updated(tx, portal, p.user_id);
    return p.user_id;
  });
}

}  // namespace artel::users
