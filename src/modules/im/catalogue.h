// The event types of the notification centre with their names in the interface languages: the
// settings page (A7) and im.notify.schema.get list them.
#pragma once

#include <string>
#include <string_view>

#include "modules/im/notify.h"

namespace artel::notify {

// The catalogue entry for module|event; nullptr when the catalogue has none.
const EventType* find_event_type(std::string_view module, std::string_view event);

// "Tasks", "Задачи", "Sarcini"… in `language` (ru, en, ro; anything else reads as English).
std::string module_title(std::string_view module, std::string_view language);
std::string event_title(const EventType& type, std::string_view language);

}  // namespace artel::notify
