// The context every request carries: one portal's database, settings, files, mail and live hub.
// Nothing is global, so one process could later host several portals.
#pragma once

#include <string>

namespace artel {

namespace db {
class Database;
}
namespace net {
class Hub;
}
namespace sessions {
class LoginThrottle;
}
namespace jobs {
class Scheduler;
}
namespace structure {
class Listeners;
}
namespace live {
class Relay;
}
class SettingsStore;
class MailOutbox;
class FileStore;

struct Portal {
  db::Database& db;
  SettingsStore& settings;
  MailOutbox& mail;
  FileStore& files;
  sessions::LoginThrottle& login_throttle;
  net::Hub* hub = nullptr;          // absent in command-line tools
  jobs::Scheduler* jobs = nullptr;  // background jobs; they run only while `artel serve` runs
  structure::Listeners* structure = nullptr;  // told of department changes (events/structure.h)
  std::string data_dir;
  live::Relay* relay = nullptr;  // live messages to other processes of the database (events/live.h)
};

}  // namespace artel
