// Each person's choice per event type (A7): whether it reaches the bell and whether it comes by
// e-mail. Without a choice of their own, the catalogue's defaults apply.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "db/db.h"
#include "modules/im/notify.h"

namespace artel::notify::settings {

struct Choice {
  bool portal = true;
  bool email = true;
};

// For a module|event outside the catalogue (a module's typo, a newer module) both are on.
Choice effective(db::Conn& conn, std::int64_t user_id, std::string_view module,
                 std::string_view event);

struct TypeChoice {
  const EventType* type;
  Choice choice;
};
// Every type of the catalogue, in its order, with the person's choice.
std::vector<TypeChoice> all_of(db::Conn& conn, std::int64_t user_id);

void put(db::Conn& conn, std::int64_t user_id, const EventType& type, Choice choice);

}  // namespace artel::notify::settings
