// Wiring of one portal: the database, settings, files, mail, the REST registry with every
// module's methods. Used by `artel serve` and by the command-line tools.
#pragma once

#include <memory>
#include <string>

#include "core/portal.h"
#include "db/db.h"
#include "events/mail_outbox.h"
#include "modules/files/store.h"
#include "modules/sessions/throttle.h"
#include "modules/settings/store.h"
#include "rest/method.h"

namespace artel {

class Runtime {
 public:
  // Opens the portal in data_dir (which must exist); applies migrations.
  explicit Runtime(const std::string& data_dir);
  Portal& portal() { return *portal_; }
  rest::Registry& registry() { return registry_; }
  MailOutbox& mail() { return mail_; }

  static std::string database_path(const std::string& data_dir);

 private:
  std::string data_dir_;
  db::Database db_;
  SettingsStore settings_;
  FileStore files_;
  MailOutbox mail_;
  sessions::LoginThrottle throttle_;
  std::unique_ptr<Portal> portal_;
  rest::Registry registry_;
};

}  // namespace artel
