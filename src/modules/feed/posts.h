// Posts (E1): written to an audience, edited and deleted by their author, shared to more people;
// and what every feed method shares — finding an entry the caller sees, telling its audience.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/feed/audience.h"
#include "modules/feed/model.h"
#include "rest/method.h"

namespace artel::feed {

// The entry when the reader sees it; 400 ERROR_NOT_FOUND for a missing and an unseen one alike.
Entry visible_entry(db::Conn& conn, const Reader& reader, std::int64_t id);
ApiError entry_not_found(std::int64_t id);
// POST_ID (or the first positional parameter).
std::int64_t post_id_param(const json::object& params);
// May the caller change or delete the entry: its author or an administrator.
bool may_edit(const rest::Caller& caller, const Entry& e);

// The live message feed.entry to everyone the entry reaches, after commit.
void announce(db::Tx& tx, Portal& portal, const Entry& e, std::string_view action,
              std::int64_t actor);

void register_post_methods(rest::Registry& registry);

}  // namespace artel::feed
