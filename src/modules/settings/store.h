// Portal settings (A8): kept in the settings table, read on nearly every request, so the
// store keeps an immutable snapshot that writers replace after commit.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "db/db.h"

namespace artel {

struct Settings {
  std::string portal_name = "Artel";
  std::string contact_email;
  std::string time_zone = "UTC";
  std::string date_format = "DD.MM.YYYY";
  std::string time_format = "HH:MI";
  std::string language = "ru";
  std::int64_t logo_file_id = 0;
  bool self_registration = false;
  // The address people open the portal at ("https://portal.example.com"), for links in e-mails
  // sent when no request is at hand (notification digests). Learned from the first browser
  // session when unset; the administrator may change it.
  std::string public_url;
  std::vector<std::string> allowed_ips;
  std::shared_ptr<const timeutil::TimeZone> zone;

  int tz_offset_at(std::int64_t unix_seconds) const;
  int tz_offset_now() const;
};

// "http://host[:port]" or "https://host[:port]", optionally with a path ("/portal"), without a
// query, a fragment, credentials or a trailing slash.
bool valid_public_url(std::string_view url);

class SettingsStore {
 public:
  explicit SettingsStore(db::Database& db);
  std::shared_ptr<const Settings> snapshot() const;
  // Re-reads the table; call after a committed change.
  void reload();
  // Writes one key inside the caller's transaction (and reloads once it commits).
  void put(db::Tx& tx, std::string_view key, std::string_view value);
  // Records base_url as the public address inside the caller's transaction unless one is known.
  void remember_public_url(db::Tx& tx, const std::string& base_url);

 private:
  db::Database& db_;
  mutable std::mutex mu_;
  std::shared_ptr<const Settings> current_;
};

}  // namespace artel
