#include "modules/groups/notices.h"

#include "core/text.h"
#include "modules/im/notify.h"
#include "modules/im/voice.h"

namespace artel::groups::notices {

namespace {

// {actor} is the person, {group} the group's name as a link.
const char* pattern(Kind kind, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  switch (kind) {
    case Kind::Invited:
      return en   ? "{actor} invites you to the group {group}"
             : ro ? "{actor} vă invită în grupul {group}"
                  : "{actor} приглашает вас в группу {group}";
    case Kind::Added:
      return en   ? "{actor} added you to the group {group}"
             : ro ? "{actor} v-a adăugat în grupul {group}"
                  : "{actor} добавил(а) вас в группу {group}";
    case Kind::Requested:
    default:
      return en   ? "{actor} asks to join the group {group}"
             : ro ? "{actor} cere să fie primit(ă) în grupul {group}"
                  : "{actor} просит принять его (её) в группу {group}";
  }
}

}  // namespace

void send(db::Tx& tx, Portal& portal, Kind kind, const Group& group, std::int64_t actor,
          const std::vector<std::int64_t>& to, const std::string& message) {
  std::string link = "/workgroups/group/" + std::to_string(group.id) + "/";
  std::string said = message.empty() ? "" : ": «" + message + "»";
  for (auto id : to) {
    if (id == actor) continue;
    auto voice = notify::voice_for(tx.conn, portal, id, actor);
    if (!voice) continue;
    std::string p = pattern(kind, voice->language);
    notify::Notice n;
    n.to_user = id;
    n.from_user = actor;
    n.module = "socialnetwork";
    n.event = "group_invite";
    n.tag = "SONET|GROUP|" + std::to_string(group.id) + "|" + std::to_string(id);
    n.message = replace_all(replace_all(p, "{actor}", voice->actor_bb), "{group}",
                            "[URL=" + link + "]" + group.name + "[/URL]") +
                said;
    n.message_out = replace_all(replace_all(p, "{actor}", voice->actor_plain), "{group}",
                                "«" + group.name + "»") +
                    said;
    n.link = link;
    notify::send(tx, portal, n);
  }
}

}  // namespace artel::groups::notices
