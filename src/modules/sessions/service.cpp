#include "modules/sessions/service.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/ip_allowlist.h"
#include "core/text.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/files/store.h"
#include "modules/sessions/throttle.h"
#include "modules/settings/store.h"
#include "modules/users/invitations.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::sessions {

namespace {

constexpr std::int64_t kSessionLifetime = 30 * 24 * 3600;

std::string set_cookie_line(const std::string& value, std::int64_t max_age, bool tls) {
  std::string line = std::string(kCookieName) + "=" + value +
                     "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (tls) line += "; Secure";
  return line;
}

json::object portal_info(Portal& portal) {
  auto s = portal.settings.snapshot();
  json::object o;
  o["NAME"] = s->portal_name;
  o["LOGO"] = portal.db.read([&](db::Conn& c) { return portal.files.url_of(c, s->logo_file_id); });
  o["SELF_REGISTRATION"] = s->self_registration ? "Y" : "N";
  o["LANGUAGE"] = s->language;
  o["TIME_ZONE"] = s->time_zone;
  o["DATE_FORMAT"] = s->date_format;
  o["TIME_FORMAT"] = s->time_format;
  o["NEEDS_SETUP"] = portal.db.read(
      [](db::Conn& c) { return c.integer("SELECT count(*) FROM users").value_or(0) == 0; });
  return o;
}

json::object logged_in(rest::Call& call, std::int64_t user_id) {
  Opened s = open(call.portal, user_id, call.request);
  if (call.set_cookies) call.set_cookies->push_back(s.set_cookie);
  json::object out;
  out["user"] = call.portal.db.read([&](db::Conn& c) {
    return users::to_json(*users::store::find(c, user_id),
                          call.portal.settings.snapshot()->tz_offset_now());
  });
  out["csrf"] = s.csrf;
  out["portal"] = portal_info(call.portal);
  return out;
}

void check_address(Portal& portal, const std::string& address) {
  auto settings = portal.settings.snapshot();
  if (settings->allowed_ips.empty()) return;
  auto list = IpAllowList::parse(settings->allowed_ips, nullptr);
  if (list && list->allows(address)) return;
  throw ApiError(403, "IP_NOT_ALLOWED",
                 "Logging in from the address " + address + " is not allowed on this portal.");
}

rest::CallResult login(rest::Call& call) {
  std::string login(trim(required_string(call.params, "LOGIN")));
  std::string password = required_string(call.params, "PASSWORD");
  std::string account = fold_case(login);
  const std::string& address = call.request.remote_address;
  auto& limiter = call.portal.login_throttle;
  if (limiter.blocked(account, address))
    throw ApiError(429, "TOO_MANY_ATTEMPTS",
                   "Too many failed attempts to log in. Wait 15 minutes and try again.");
  auto user =
      call.portal.db.read([&](db::Conn& c) { return users::store::find_by_email(c, login); });
  std::optional<std::string> hash;
  if (user)
    hash =
        call.portal.db.read([&](db::Conn& c) { return users::store::password_hash(c, user->id); });
  // Verify even for unknown people, so the answer time does not tell which e-mails exist.
  static const std::string dummy = crypto::hash_password("not a real password");
  bool ok = crypto::verify_password(hash ? *hash : dummy, password) && user && hash;
  if (!ok) {
    limiter.failed(account, address);
    throw ApiError(401, "INVALID_CREDENTIALS", "Wrong e-mail or password.");
  }
  if (!user->active)
    throw ApiError(403, "USER_INACTIVE",
                   "This account has been deactivated. Ask the administrator.");
  check_address(call.portal, address);
  limiter.succeeded(account);
  return {logged_in(call, user->id)};
}

rest::CallResult logout(rest::Call& call) {
  call.portal.db.write([&](db::Tx& tx) {
    tx.conn.run("DELETE FROM sessions WHERE token_hash = ?", {call.caller.session_token_hash});
  });
  if (call.set_cookies) call.set_cookies->push_back(set_cookie_line("", 0, call.request.tls));
  return {true};
}

rest::CallResult session(rest::Call& call) {
  json::object out;
  out["user"] = users::current(call);
  out["csrf"] = call.portal.db.read([&](db::Conn& c) {
    return c
        .text("SELECT csrf FROM sessions WHERE token_hash = ?", {call.caller.session_token_hash})
        .value_or("");
  });
  out["portal"] = portal_info(call.portal);
  return {std::move(out)};
}

std::int64_t create_from_params(rest::Call& call, bool as_admin) {
  users::NewPerson p;
  p.email = std::string(trim(required_string(call.params, "EMAIL")));
  p.password = required_string(call.params, "PASSWORD");
  p.name = std::string(trim(string_param(call.params, "NAME").value_or("")));
  p.last_name = std::string(trim(string_param(call.params, "LAST_NAME").value_or("")));
  p.portal_name = std::string(trim(string_param(call.params, "PORTAL_NAME").value_or("")));
  p.as_admin = as_admin;
  return users::create_person(call.portal, p);
}

rest::CallResult setup(rest::Call& call) {
  return {logged_in(call, create_from_params(call, true))};
}

rest::CallResult register_person(rest::Call& call) {
  if (!call.portal.settings.snapshot()->self_registration)
    throw access_denied(
        "Registration is closed on this portal; ask the administrator for an invitation.");
  return {logged_in(call, create_from_params(call, false))};
}

rest::CallResult invitation_get(rest::Call& call) {
  return {users::invitation_info(call.portal, required_string(call.params, "TOKEN"))};
}

rest::CallResult invitation_accept(rest::Call& call) {
  std::int64_t id =
      users::accept_invitation(call.portal, required_string(call.params, "TOKEN"), call.params);
  return {logged_in(call, id)};
}

rest::CallResult change_password(rest::Call& call) {
  std::string old_password = required_string(call.params, "OLD_PASSWORD");
  std::string new_password = required_string(call.params, "NEW_PASSWORD");
  users::validate_password(new_password);
  auto hash = call.portal.db.read(
      [&](db::Conn& c) { return users::store::password_hash(c, call.caller.user_id); });
  if (!hash || !crypto::verify_password(*hash, old_password))
    throw ApiError(400, "INVALID_CREDENTIALS", "The current password is wrong.");
  call.portal.db.write([&](db::Tx& tx) {
    users::store::update_columns(tx.conn, call.caller.user_id,
                                 {{"password_hash", crypto::hash_password(new_password)}});
    // Other browsers of this person must log in again with the new password.
    tx.conn.run("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
                {call.caller.user_id, call.caller.session_token_hash});
  });
  return {true};
}

}  // namespace

std::optional<Session> find(Portal& portal, const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  std::string hash = crypto::sha256_hex(token);
  std::optional<Session> out;
  portal.db.read([&](db::Conn& c) {
    // Two lookups by key rather than a join: the plan never depends on table statistics.
    c.run("SELECT user_id, csrf FROM sessions WHERE token_hash = ? AND expires_at > ?",
          {hash, timeutil::now_seconds()}, [&](const db::Row& r) {
            out = Session{r.integer(0), false, false, r.text(1), hash};
          });
    if (!out) return;
    bool active = false;
    c.run("SELECT is_admin, user_type FROM users WHERE id = ? AND active = 1", {out->user_id},
          [&](const db::Row& r) {
            active = true;
            out->is_admin = r.integer(0) != 0;
            out->is_extranet = r.text(1) == "extranet";
          });
    if (!active) out.reset();
  });
  return out;
}

Opened open(Portal& portal, std::int64_t user_id, const rest::RequestInfo& request) {
  std::string token = crypto::random_token(40);
  std::string csrf = crypto::random_token(32);
  auto now = timeutil::now_seconds();
  portal.db.write([&](db::Tx& tx) {
    tx.conn.run(
        "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at, ip, user_agent) "
        "VALUES (?,?,?,?,?,?,?)",
        {crypto::sha256_hex(token), user_id, csrf, now, now + kSessionLifetime,
         request.remote_address, request.user_agent.substr(0, 300)});
    tx.conn.run("UPDATE users SET last_login = ? WHERE id = ?", {now, user_id});
    tx.conn.run("DELETE FROM sessions WHERE expires_at < ?", {now});
    // The address this browser reached the portal at: the links of e-mails sent later without a
    // request (notification digests) point there.
    portal.settings.remember_public_url(tx, request.base_url());
  });
  return {set_cookie_line(token, kSessionLifetime, request.tls), csrf};
}

std::string cookie_token(std::string_view header) {
  std::string_view name = kCookieName;
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(';', pos);
    std::string_view part =
        trim(header.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return {};
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  auto add = [&](const char* name, Access access, rest::MethodFn fn, bool session_only) {
    registry.add({name, "session", access, std::move(fn), session_only, false});
  };
  add(
      "artel.portal.info", Access::Public,
      [](rest::Call& c) { return rest::CallResult{portal_info(c.portal)}; }, false);
  add("artel.setup", Access::Public, setup, false);
  add("artel.login", Access::Public, login, false);
  add("artel.register", Access::Public, register_person, false);
  add("artel.invitation.get", Access::Public, invitation_get, false);
  add("artel.invitation.accept", Access::Public, invitation_accept, false);
  add("artel.logout", Access::User, logout, true);
  registry.add({"artel.session", "session", Access::User, session, true, false, true});
  add("artel.password.change", Access::User, change_password, true);
}

}  // namespace artel::sessions
