#include "modules/settings/methods.h"

#include "core/error.h"
#include "core/image.h"
#include "core/ip_allowlist.h"
#include "core/languages.h"
#include "core/text.h"
#include "events/live.h"
#include "modules/files/store.h"
#include "modules/settings/store.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::settings {

namespace {

const std::vector<std::string> kDateFormats = {"DD.MM.YYYY", "MM/DD/YYYY", "YYYY-MM-DD",
                                               "DD/MM/YYYY"};
const std::vector<std::string> kTimeFormats = {"HH:MI", "HH:MI:SS", "H:MI T"};

json::object to_json(Portal& portal) {
  auto s = portal.settings.snapshot();
  json::object o;
  o["PORTAL_NAME"] = s->portal_name;
  o["LOGO"] = portal.db.read([&](db::Conn& c) { return portal.files.url_of(c, s->logo_file_id); });
  o["CONTACT_EMAIL"] = s->contact_email;
  o["TIME_ZONE"] = s->time_zone;
  o["DATE_FORMAT"] = s->date_format;
  o["TIME_FORMAT"] = s->time_format;
  o["LANGUAGE"] = s->language;
  o["SELF_REGISTRATION"] = s->self_registration ? "Y" : "N";
  o["PUBLIC_URL"] = s->public_url;
  json::array ips;
  for (const auto& ip : s->allowed_ips) ips.push_back(json::string(ip));
  o["ALLOWED_IPS"] = std::move(ips);
  return o;
}

std::string one_of(const json::value& v, const std::vector<std::string>& allowed,
                   const char* name) {
  std::string s(trim(as_string(v).value_or("")));
  for (const auto& a : allowed)
    if (to_upper_ascii(a) == to_upper_ascii(s)) return a;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw bad_argument(name, std::string(name) + " must be one of: " + list + ".");
}

rest::CallResult set(rest::Call& call) {
  const json::object* fields = object_param(call.params, "fields");
  if (!fields)
    throw bad_argument("fields", "Parameter fields with the settings to change is required.");
  call.portal.db.write([&](db::Tx& tx) {
    auto& store = call.portal.settings;
    for (const auto& kv : *fields) {
      std::string key = to_upper_ascii(kv.key());
      const json::value& v = kv.value();
      if (key == "PORTAL_NAME") {
        std::string name(trim(as_string(v).value_or("")));
        if (name.empty() || name.size() > 100)
          throw bad_argument("PORTAL_NAME", "The company name must be 1 to 100 characters long.");
        store.put(tx, "portal_name", name);
      } else if (key == "CONTACT_EMAIL") {
        std::string email(trim(as_string(v).value_or("")));
        if (!email.empty()) users::validate_email(email);
        store.put(tx, "contact_email", email);
      } else if (key == "TIME_ZONE") {
        std::string zone(trim(as_string(v).value_or("")));
        if (!timeutil::TimeZone::load(zone))
          throw bad_argument("TIME_ZONE", "Unknown time zone: " + zone + ".");
        store.put(tx, "time_zone", zone.empty() ? "UTC" : zone);
      } else if (key == "DATE_FORMAT") {
        store.put(tx, "date_format", one_of(v, kDateFormats, "DATE_FORMAT"));
      } else if (key == "TIME_FORMAT") {
        store.put(tx, "time_format", one_of(v, kTimeFormats, "TIME_FORMAT"));
      } else if (key == "LANGUAGE") {
        store.put(tx, "language",
                  one_of(v, {kInterfaceLanguages.begin(), kInterfaceLanguages.end()}, "LANGUAGE"));
      } else if (key == "SELF_REGISTRATION") {
        auto flag = as_flag(v);
        if (!flag) throw bad_argument("SELF_REGISTRATION", "SELF_REGISTRATION must be Y or N.");
        store.put(tx, "self_registration", *flag ? "Y" : "N");
      } else if (key == "PUBLIC_URL") {
        std::string url(trim(as_string(v).value_or("")));
        while (url.ends_with("/")) url.pop_back();
        if (!valid_public_url(url))
          throw bad_argument("PUBLIC_URL",
                             "PUBLIC_URL must be the portal's address, such as "
                             "https://portal.example.com.");
        store.put(tx, "public_url", url);
      } else if (key == "ALLOWED_IPS") {
        std::vector<std::string> entries;
        if (v.is_string()) {
          std::string text(v.get_string());
          std::size_t pos = 0;
          while (pos <= text.size()) {
            auto end = text.find_first_of(",\n ", pos);
            std::string item(trim(text.substr(pos, end == std::string::npos ? end : end - pos)));
            if (!item.empty()) entries.push_back(item);
            if (end == std::string::npos) break;
            pos = end + 1;
          }
        } else {
          for (const json::value* item : as_list(v)) {
            std::string s(trim(as_string(*item).value_or("")));
            if (!s.empty()) entries.push_back(s);
          }
        }
        std::string error;
        if (!IpAllowList::parse(entries, &error)) throw bad_argument("ALLOWED_IPS", error);
        json::array a;
        for (const auto& e : entries) a.push_back(json::string(e));
        store.put(tx, "allowed_ips", json::serialize(a));
      } else if (key == "LOGO") {
        bool remove = v.is_null() || (v.is_string() && v.get_string().empty());
        if (remove) {
          store.put(tx, "logo_file_id", "0");
        } else {
          Upload upload = decode_upload(v, "LOGO");
          auto mime = image_mime(upload.bytes);
          if (!mime) throw bad_argument("LOGO", "The logo must be a PNG, JPEG, GIF or WebP image.");
          if (upload.bytes.size() > 5 * 1024 * 1024)
            throw bad_argument("LOGO", "The logo must be smaller than 5 MB.");
          auto id =
              call.portal.files.save(tx, upload.bytes, upload.name, *mime, call.caller.user_id);
          store.put(tx, "logo_file_id", std::to_string(id));
        }
      } else {
        throw bad_argument("fields", "Unknown setting: " + std::string(kv.key()) + ".");
      }
    }
    json::object data;
    live::publish_after_commit(tx, call.portal, users::store::active_employee_ids(tx.conn),
                               "settings.changed", std::move(data));
  });
  return {to_json(call.portal)};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"artel.settings.get", "portal", Access::Admin,
                [](rest::Call& c) { return rest::CallResult{to_json(c.portal)}; }});
  registry.add({"artel.settings.set", "portal", Access::Admin, set});
}

}  // namespace artel::settings
