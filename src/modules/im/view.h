// How notices look in the API and on the live socket: the notification objects of im.notify.get
// and the "users" objects of their authors (Bitrix24's messenger shapes: snake_case, real
// numbers and booleans).
#pragma once

#include <string_view>
#include <vector>

#include "core/json.h"
#include "db/db.h"
#include "modules/im/store.h"
#include "modules/users/model.h"
#include "rest/method.h"

namespace artel::net {
class Hub;
}

namespace artel::notify::view {

// {id, chat_id, author_id, date, notify_type, notify_module, notify_event, notify_tag,
// notify_sub_tag, notify_title, setting_name, text, notify_read, params} plus Artel's
// notify_link and notify_count (the events grouped into the entry). With convert_text the text
// is HTML made from its BB codes.
json::object entry(const store::Entry& e, int tz_offset, bool convert_text);

// The authors of the entries, each once, as the viewer may see them: someone outside the
// viewer's sight shows a name and a photo but no e-mail, phones or birthday.
json::array authors(db::Conn& conn, const std::vector<store::Entry>& entries,
                    const rest::Caller& viewer, std::string_view base_url, const net::Hub* hub,
                    int tz_offset);

// A caller standing for the person (for the visibility of authors in a live message).
rest::Caller caller_of(const users::User& person);

}  // namespace artel::notify::view
