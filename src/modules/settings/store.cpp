#include "modules/settings/store.h"

#include <cctype>

#include "core/json.h"

namespace artel {

int Settings::tz_offset_at(std::int64_t t) const {
  return zone ? zone->offset_at(t) : 0;
}
int Settings::tz_offset_now() const {
  return tz_offset_at(timeutil::now_seconds());
}

bool valid_public_url(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://"))
    rest = url.substr(8);
  else if (url.starts_with("http://"))
    rest = url.substr(7);
  else
    return false;
  if (url.size() > 300 || rest.empty() || rest.ends_with("/")) return false;
  auto slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (host.empty()) return false;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
          c == '[' || c == ']'))
      return false;
  for (char c : path)
    if (static_cast<unsigned char>(c) <= ' ' || c == '?' || c == '#' || c == '"' || c == '<' ||
        c == '>' || c == '\\' || c == 0x7f)
      return false;
  return true;
}

SettingsStore::SettingsStore(db::Database& db) : db_(db) {
  reload();
}

std::shared_ptr<const Settings> SettingsStore::snapshot() const {
  std::lock_guard lock(mu_);
  return current_;
}

void SettingsStore::reload() {
  auto s = std::make_shared<Settings>();
  db_.read([&](db::Conn& c) {
    c.run("SELECT key, value FROM settings", {}, [&](const db::Row& r) {
      std::string key = r.text(0), value = r.text(1);
      if (key == "portal_name")
        s->portal_name = value;
      else if (key == "contact_email")
        s->contact_email = value;
      else if (key == "time_zone")
        s->time_zone = value;
      else if (key == "date_format")
        s->date_format = value;
      else if (key == "time_format")
        s->time_format = value;
      else if (key == "language")
        s->language = value;
      else if (key == "logo_file_id")
        s->logo_file_id = std::atoll(value.c_str());
      else if (key == "self_registration")
        s->self_registration = value == "Y";
      else if (key == "public_url")
        s->public_url = value;
      else if (key == "allowed_ips") {
        boost::system::error_code ec;
        auto v = json::parse(value, ec);
        if (!ec && v.is_array())
          for (auto& item : v.get_array())
            if (item.is_string()) s->allowed_ips.emplace_back(item.get_string());
      }
    });
  });
  s->zone = timeutil::zone(s->time_zone);
  std::lock_guard lock(mu_);
  current_ = std::move(s);
}

void SettingsStore::put(db::Tx& tx, std::string_view key, std::string_view value) {
  tx.conn.run(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
      "excluded.value",
      {std::string(key), std::string(value)});
  tx.on_commit([this] { reload(); });
}

void SettingsStore::remember_public_url(db::Tx& tx, const std::string& base_url) {
  if (!snapshot()->public_url.empty()) return;
  // A request without a usable Host header gives nothing worth keeping.
  if (!valid_public_url(base_url)) return;
  put(tx, "public_url", base_url);
}

}  // namespace artel
