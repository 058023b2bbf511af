#include "modules/im/voice.h"

#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::notify {

std::optional<Voice> voice_for(db::Conn& conn, Portal& portal, std::int64_t to,
                               std::int64_t actor) {
  auto person = users::store::find(conn, to);
  if (!person) return std::nullopt;
  auto author = users::store::find(conn, actor);
  Voice v;
  v.language =
      person->language_id.empty() ? portal.settings.snapshot()->language : person->language_id;
  v.actor_plain = author ? author->full_name() : "";
  v.actor_bb = "[USER=" + std::to_string(actor) + "]" + v.actor_plain + "[/USER]";
  return v;
}

}  // namespace artel::notify
