// Wiring of one portal: the database, settings, files, mail, the REST registry with every
// module's methods. Used by `artel serve` and by the command-line tools.
#pragma once

#include <memory>
#include <string>

#include "core/portal.h"
#include "db/db.h"
#include "events/mail_outbox.h"
#include "events/structure.h"
#include "jobs/scheduler.h"
#include "modules/files/store.h"
#include "modules/sessions/throttle.h"
#include "modules/settings/store.h"
#include "rest/method.h"

namespace artel {

class Runtime {
 public:
  // Opens the portal whose files are in data_dir (which must exist) and whose database is
  // `database`: a postgresql:// URL, or empty for SQLite in data_dir/artel.db. Applies
  // migrations.
  explicit Runtime(const std::string& data_dir, const std::string& database = "");
  Portal& portal() { return *portal_; }
  rest::Registry& registry() { return registry_; }
  MailOutbox& mail() { return mail_; }
  // Every module's background jobs, registered here; `artel serve` starts them.
  jobs::Scheduler& jobs() { return jobs_; }

  // The SQLite file of a portal in data_dir.
  static std::string database_path(const std::string& data_dir);
  // What db::Database opens: the URL if one is given, else the SQLite file in data_dir.
  static std::string database_location(const std::string& data_dir, const std::string& database);
  // True once the database holds a portal (its first person).
  bool has_portal();

 private:
  std::string data_dir_;
  db::Database db_;
  SettingsStore settings_;
  FileStore files_;
  MailOutbox mail_;
  sessions::LoginThrottle throttle_;
  jobs::Scheduler jobs_;
  structure::Listeners structure_;
  std::unique_ptr<Portal> portal_;
  rest::Registry registry_;
};

}  // namespace artel
