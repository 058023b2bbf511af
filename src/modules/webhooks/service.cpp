#include "modules/webhooks/service.h"

#include <algorithm>

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::webhooks {

namespace {

std::vector<std::string> split_scopes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto comma = text.find(',', pos);
    std::string s(trim(text.substr(pos, comma == std::string::npos ? comma : comma - pos)));
    if (!s.empty()) out.push_back(to_lower_ascii(s));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

Webhook read(const db::Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), split_scopes(r.text(4)), r.integer(5)};
}

}  // namespace

std::optional<rest::Caller> authenticate(Portal& portal, std::int64_t user_id,
                                         std::string_view token) {
  std::optional<rest::Caller> out;
  portal.db.read([&](db::Conn& c) {
    // Two lookups by key rather than a join, so the plan never depends on table statistics.
    c.run("SELECT id, token, scopes FROM webhooks WHERE user_id = ? AND revoked_at IS NULL",
          {user_id}, [&](const db::Row& r) {
            if (out || !crypto::constant_time_equal(r.text(1), token)) return;
            rest::Caller caller;
            caller.kind = rest::AuthKind::Webhook;
            caller.user_id = user_id;
            caller.webhook_id = r.integer(0);
            caller.scopes = split_scopes(r.text(2));
            out = std::move(caller);
          });
    if (!out) return;
    bool active = false;
    c.run("SELECT is_admin, user_type FROM users WHERE id = ? AND active = 1", {user_id},
          [&](const db::Row& r) {
            active = true;
            out->is_admin = r.integer(0) != 0;
            out->is_extranet = r.text(1) == "extranet";
          });
    if (!active) out.reset();
  });
  return out;
}

Webhook create(Portal& portal, std::int64_t user_id, std::vector<std::string> scopes,
               const std::string& title, std::int64_t created_by) {
  for (auto& s : scopes) s = to_lower_ascii(trim(s));
  scopes.erase(std::remove(scopes.begin(), scopes.end(), std::string()), scopes.end());
  std::sort(scopes.begin(), scopes.end());
  scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
  if (title.size() > 255) throw bad_argument("TITLE", "The title is too long.");
  return portal.db.write([&](db::Tx& tx) {
    auto user = users::store::find(tx.conn, user_id);
    if (!user || !user->active || user->invited)
      throw bad_argument("USER_ID", "A webhook must act as an active person of the portal.");
    Webhook w;
    w.user_id = user_id;
    w.token = crypto::random_token(16);
    w.title = title;
    w.scopes = scopes;
    w.created_at = timeutil::now_seconds();
    w.id = tx.conn.insert(
        "INSERT INTO webhooks(user_id, token, title, scopes, created_by, created_at) VALUES "
        "(?,?,?,?,?,?)",
        {user_id, w.token, title, join(scopes),
         created_by ? db::Value(created_by) : db::Value(nullptr), w.created_at});
    return w;
  });
}

std::vector<Webhook> list(Portal& portal) {
  std::vector<Webhook> out;
  portal.db.read([&](db::Conn& c) {
    c.run(
        "SELECT id, user_id, token, title, scopes, created_at FROM webhooks WHERE revoked_at IS "
        "NULL ORDER BY id",
        {}, [&](const db::Row& r) { out.push_back(read(r)); });
  });
  return out;
}

bool revoke(Portal& portal, std::int64_t id) {
  return portal.db.write([&](db::Tx& tx) {
    return tx.conn.run("UPDATE webhooks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       {timeutil::now_seconds(), id}) > 0;
  });
}

json::object to_json(const Webhook& w, int tz) {
  json::object o;
  o["ID"] = std::to_string(w.id);
  o["USER_ID"] = std::to_string(w.user_id);
  o["TOKEN"] = w.token;
  o["PATH"] = "/rest/" + std::to_string(w.user_id) + "/" + w.token + "/";
  o["TITLE"] = w.title;
  json::array scopes;
  for (const auto& s : w.scopes) scopes.push_back(json::string(s));
  o["SCOPE"] = std::move(scopes);
  o["CREATED"] = timeutil::format_iso8601(w.created_at, tz);
  return o;
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  using rest::Call;
  registry.add(
      {"artel.webhook.add", "portal", Access::Admin,
       [](Call& c) {
         std::int64_t user_id = int_param(c.params, "USER_ID").value_or(c.caller.user_id);
         std::vector<std::string> scopes;
         if (const json::value* s = find_ci(c.params, "SCOPE")) {
           if (s->is_string()) {
             scopes = split_scopes(std::string(s->get_string()));
           } else {
             for (const json::value* item : as_list(*s)) {
               auto text = as_string(*item);
               if (!text) throw bad_argument("SCOPE", "SCOPE must list scope names.");
               scopes.push_back(*text);
             }
           }
         }
         for (const auto& s : scopes)
           if (!rest::is_known_scope(to_lower_ascii(trim(s))))
             throw bad_argument("SCOPE", "Unknown scope: " + s + ".");
         Webhook w = create(c.portal, user_id, scopes, string_param(c.params, "TITLE").value_or(""),
                            c.caller.user_id);
         return rest::CallResult{to_json(w, c.portal.settings.snapshot()->tz_offset_now())};
       },
       false, false});
  registry.add({"artel.webhook.list", "portal", Access::Admin, [](Call& c) {
                  json::array out;
                  int tz = c.portal.settings.snapshot()->tz_offset_now();
                  for (const auto& w : list(c.portal)) out.push_back(to_json(w, tz));
                  return rest::CallResult{std::move(out)};
                }});
  registry.add({"artel.webhook.delete", "portal", Access::Admin, [](Call& c) {
                  if (!revoke(c.portal, required_int(c.params, "ID")))
                    throw not_found("Webhook not found.");
                  return rest::CallResult{true};
                }});
}

}  // namespace artel::webhooks
