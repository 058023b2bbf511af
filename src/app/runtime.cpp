#include "app/runtime.h"

#include "modules/departments/service.h"
#include "modules/feed/methods.h"
#include "modules/groups/service.h"
#include "modules/helpdesk/methods.h"
#include "modules/im/notify.h"
#include "modules/sessions/service.h"
#include "modules/settings/methods.h"
#include "modules/tasks/methods.h"
#include "modules/tasks/service.h"
#include "modules/users/methods.h"
#include "modules/webhooks/service.h"
#include "rest/builtin_methods.h"

namespace artel {

std::string Runtime::database_path(const std::string& data_dir) {
  return data_dir + "/artel.db";
}

std::string Runtime::database_location(const std::string& data_dir, const std::string& database) {
  return database.empty() ? database_path(data_dir) : database;
}

Runtime::Runtime(const std::string& data_dir, const std::string& database)
    : data_dir_(data_dir),
      db_(database_location(data_dir, database)),
      settings_(db_),
      files_(data_dir),
      mail_(db_),
      jobs_(jobs::scale_from_environment()) {
  portal_ = std::make_unique<Portal>(
      Portal{db_, settings_, mail_, files_, throttle_, nullptr, &jobs_, &structure_, data_dir});
  rest::register_builtin_methods(registry_);
  users::register_methods(registry_);
  departments::register_methods(registry_);
  sessions::register_methods(registry_);
  settings::register_methods(registry_);
  webhooks::register_methods(registry_);
  notify::register_methods(registry_);
  notify::register_jobs(*portal_);
  tasks::register_methods(registry_);
  groups::register_methods(registry_);
  helpdesk::register_methods(registry_);
  feed::register_methods(registry_);
  tasks::register_jobs(*portal_);
  tasks::listen_to_structure(*portal_);
}

bool Runtime::has_portal() {
  return db_.read([](db::Conn& c) { return c.integer("SELECT count(*) FROM users").value_or(0); }) >
         0;
}

}  // namespace artel
