#include "modules/settings/store.h"

#include "core/json.h"

namespace artel {

int Settings::tz_offset_at(std::int64_t t) const {
  return zone ? zone->offset_at(t) : 0;
}
int Settings::tz_offset_now() const {
  return tz_offset_at(timeutil::now_seconds());
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

}  // namespace artel
