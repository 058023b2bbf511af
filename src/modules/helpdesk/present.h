// The ticket desk's objects as the API answers them (docs/api-helpdesk.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/helpdesk/hours.h"
#include "modules/helpdesk/model.h"

namespace artel::helpdesk {

struct Presenter {
  int tz = 0;  // the portal's offset now
  std::shared_ptr<const timeutil::TimeZone> zone;
  Hours hours;
  std::string base_url;
};

// Tickets with their files and the time tracked on their tasks, in a few queries for all.
json::array tickets_json(db::Conn& conn, const Presenter& p, const std::vector<Ticket>& rows);
json::array companies_json(db::Conn& conn, const Presenter& p, const std::vector<Company>& rows);
json::object site_json(const Site& s);

}  // namespace artel::helpdesk
