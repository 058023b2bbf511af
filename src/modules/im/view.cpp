#include "modules/im/view.h"

#include <array>
#include <set>

#include "core/bbcode.h"
#include "core/time.h"
#include "modules/users/service.h"
#include "modules/users/store.h"
#include "net/hub.h"

namespace artel::notify::view {

namespace {

// Bitrix24's palette of user colours; a person keeps one by id.
constexpr std::array<std::string_view, 12> kColors = {"#df532d", "#4ba984", "#4ba5c3", "#3e99ce",
                                                      "#8474c8", "#1eb4aa", "#f76187", "#58cc47",
                                                      "#ab7761", "#29619b", "#728f7a", "#ba9c7b"};

json::value date_or_false(std::int64_t t, int tz) {
  if (!t) return false;
  return json::string(timeutil::format_iso8601(t, tz));
}

json::object im_user(const users::User& u, std::string_view base_url, const net::Hub* hub,
                     bool full, int tz) {
  json::object o;
  o["id"] = u.id;
  o["active"] = u.active;
  o["name"] = u.full_name();
  o["first_name"] = u.field("NAME");
  o["last_name"] = u.field("LAST_NAME");
  o["work_position"] = u.field("WORK_POSITION");
  o["color"] = kColors[static_cast<std::size_t>(u.id) % kColors.size()];
  std::string avatar = u.photo_url.empty() ? std::string() : std::string(base_url) + u.photo_url;
  o["avatar"] = avatar;
  o["avatar_hr"] = avatar;
  o["gender"] = u.field("PERSONAL_GENDER");
  const std::string& birthday = u.field("PERSONAL_BIRTHDAY");  // YYYY-MM-DD → DD-MM
  o["birthday"] = full && birthday.size() == 10
                      ? birthday.substr(8, 2) + "-" + birthday.substr(5, 2)
                      : std::string();
  o["extranet"] = u.is_extranet();
  o["network"] = false;
  o["bot"] = false;
  o["connector"] = false;
  o["external_auth_id"] = "default";
  o["status"] = hub && hub->is_online(u.id) ? "online" : "offline";
  o["idle"] = false;
  o["last_activity_date"] = date_or_false(u.last_login, tz);
  o["mobile_last_date"] = false;
  o["desktop_last_date"] = false;
  o["absent"] = false;
  json::array departments;
  for (auto d : u.departments) departments.push_back(d);
  o["departments"] = std::move(departments);
  json::object phones;
  if (full) {
    if (!u.field("WORK_PHONE").empty()) phones["work_phone"] = u.field("WORK_PHONE");
    if (!u.field("PERSONAL_MOBILE").empty()) phones["personal_mobile"] = u.field("PERSONAL_MOBILE");
    if (!u.field("UF_PHONE_INNER").empty()) phones["inner_phone"] = u.field("UF_PHONE_INNER");
  }
  if (phones.empty())
    o["phones"] = false;
  else
    o["phones"] = std::move(phones);
  o["bot_data"] = nullptr;
  o["type"] = u.is_extranet() ? "extranet" : "user";
  o["website"] = full ? u.field("PERSONAL_WWW") : std::string();
  o["email"] = full ? u.email : std::string();
  return o;
}

}  // namespace

json::object entry(const store::Entry& e, int tz, bool convert_text) {
  json::object o;
  o["id"] = e.id;
  o["chat_id"] = 0;  // no messenger chats yet: notices live in their own table
  o["author_id"] = e.author_id;
  o["date"] = timeutil::format_iso8601(e.updated_at, tz);
  o["notify_type"] = e.author_id ? 2 : 4;  // Bitrix24: 2 from a person, 4 from the system
  o["notify_module"] = e.module;
  o["notify_event"] = e.event;
  o["notify_tag"] = e.tag;
  o["notify_sub_tag"] = e.sub_tag;
  o["notify_title"] = "";
  o["setting_name"] = e.module + "|" + e.event;
  o["text"] = convert_text ? bbcode::to_html(e.message) : e.message;
  o["notify_read"] = e.is_read ? "Y" : "N";
  json::value params = nullptr;
  if (!e.attach.empty()) {
    boost::system::error_code ec;
    json::value attach = json::parse(e.attach, ec);
    if (!ec) {
      json::object p;
      p["ATTACH"] = std::move(attach);
      params = std::move(p);
    }
  }
  o["params"] = std::move(params);
  o["notify_link"] = e.link;
  o["notify_count"] = e.event_count;
  return o;
}

json::array authors(db::Conn& conn, const std::vector<store::Entry>& entries,
                    const rest::Caller& viewer, std::string_view base_url, const net::Hub* hub,
                    int tz) {
  std::set<std::int64_t> ids;
  for (const auto& e : entries)
    if (e.author_id) ids.insert(e.author_id);
  json::array out;
  for (auto id : ids) {
    auto u = users::store::find(conn, id);
    if (!u) continue;
    bool full = id == viewer.user_id || users::can_see(conn, viewer, id);
    out.push_back(im_user(*u, base_url, hub, full, tz));
  }
  return out;
}

rest::Caller caller_of(const users::User& person) {
  rest::Caller c;
  c.kind = rest::AuthKind::Session;
  c.user_id = person.id;
  c.is_admin = person.is_admin;
  c.is_extranet = person.is_extranet();
  return c;
}

}  // namespace artel::notify::view
