// What every notice about someone's action needs before its sentence: the language the
// recipient reads (their own, or the portal's) and the actor as the bell shows them
// ([USER=5]Name[/USER], a link) and as an e-mail writes them (the name).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/portal.h"
#include "db/db.h"

namespace artel::notify {

struct Voice {
  std::string language;
  std::string actor_bb;
  std::string actor_plain;
};

// nullopt when the recipient does not exist.
std::optional<Voice> voice_for(db::Conn& conn, Portal& portal, std::int64_t to, std::int64_t actor);

}  // namespace artel::notify
