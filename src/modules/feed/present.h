// Feed entries as the API answers them: the mixed feed of log.feed.get and Bitrix24's post shape
// of log.blogpost.get (docs/api-feed.md).
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "modules/feed/audience.h"
#include "modules/feed/model.h"
#include "rest/method.h"

namespace artel::feed {

struct View {
  const Reader& reader;
  const rest::Caller& caller;
  int tz = 0;
  std::string base_url;
};

json::array entries_json(db::Conn& conn, const View& view, const std::vector<Entry>& entries);
json::array posts_json(db::Conn& conn, const View& view, const std::vector<Entry>& entries);

}  // namespace artel::feed
