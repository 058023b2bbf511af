// The notification centre (F3, F4, A7): everything that concerns a person, in the bell of the
// shell, live, and by e-mail as the person's settings choose per event type.
//
// Other modules call send() inside the transaction of the change that causes the notice, so a
// notice exists exactly when its change committed. Delivery (the live push, the e-mail) happens
// after commit from durable rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::notify {

// One kind of event a person can switch on or off for the portal and for e-mail (A7).
struct EventType {
  std::string_view module;  // "tasks", "im", …
  std::string_view event;   // "task_assigned", …
  bool portal_default = true;
  bool email_default = true;
};

// The catalogue, in the order the settings page lists them. Task events:
//   tasks|task_assigned   a task was given to me (responsible, co-executor, observer)
//   tasks|task_comment    a comment on a task of mine (or a mention of me)
//   tasks|task_status     a task of mine changed status (started, completed, deferred, …)
//   tasks|task_changed    a task of mine was edited (deadline moved, responsible changed, …)
//   tasks|task_control    a task waits for my approval ("accept work after completion")
//   tasks|task_deadline   a deadline is near or has passed
//   socialnetwork|group_invite  an invitation to a group, or a request to join one I manage
//   blog|post            a feed post addressed to me by name
//   blog|mention         a mention of me in a post or a comment
//   blog|comment         a comment on my post or an answer to my comment
//   helpdesk|ticket_action   a ticket waits for my answer or my acceptance (a client)
//   helpdesk|ticket_new      a client sent a ticket I am responsible for
//   helpdesk|ticket_comment  a comment from the other side on a ticket of mine
//   helpdesk|ticket_status   a ticket of mine changed status otherwise
//   im|default            notices sent through im.notify.system.add / im.notify.personal.add
const std::vector<EventType>& event_types();

struct Notice {
  std::int64_t to_user = 0;
  std::int64_t from_user = 0;  // 0: the portal itself (a system notice)
  std::string module = "im";
  std::string event = "default";
  // Notices about one object share a tag ("TASKS|TASK|17"). While the person has not read it,
  // a new notice with the same tag joins the existing entry instead of adding another (the
  // entry keeps the newest text, counts the events and moves to the top), and e-mails about one
  // tag within a few minutes go out as one message.
  std::string tag;
  std::string sub_tag;
  std::string message;      // BB codes allowed ([B], [URL=…], [USER=5]Name[/USER])
  std::string message_out;  // for e-mail; empty means message without BB codes
  std::string link;         // where the entry leads in the portal, e.g. "/tasks/task/view/17/"
};

// Records the notice for its recipient, subject to their settings; does nothing for an
// inactive person or when to_user == from_user. Must run inside the change's transaction.
void send(db::Tx& tx, Portal& portal, const Notice& notice);

void register_methods(rest::Registry& registry);
// The e-mail digest job (grouped e-mails go out when their few minutes have passed).
void register_jobs(Portal& portal);

}  // namespace artel::notify
