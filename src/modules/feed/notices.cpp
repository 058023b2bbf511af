#include "modules/feed/notices.h"

#include "core/bbcode.h"
#include "core/text.h"
#include "modules/im/notify.h"
#include "modules/im/voice.h"

namespace artel::feed::notices {

namespace {

const char* pattern(Kind kind, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  switch (kind) {
    case Kind::Addressed:
      return en   ? "{actor} wrote a post to you"
             : ro ? "{actor} v-a scris o postare"
                  : "{actor} написал(а) вам сообщение";
    case Kind::Mentioned:
      return en   ? "{actor} mentioned you"
             : ro ? "{actor} v-a menționat"
                  : "{actor} упомянул(а) вас";
    case Kind::Commented:
      return en   ? "{actor} commented on your post"
             : ro ? "{actor} a comentat postarea dvs."
                  : "{actor} прокомментировал(а) ваше сообщение";
    case Kind::Answered:
    default:
      return en   ? "{actor} answered your comment"
             : ro ? "{actor} a răspuns la comentariul dvs."
                  : "{actor} ответил(а) на ваш комментарий";
  }
}

// A few words of the text, for the notice.
std::string excerpt(const std::string& text) {
  std::string plain = bbcode::to_plain(text);
  if (plain.size() <= 160) return plain;
  std::size_t cut = 160;
  while (cut > 0 && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80) --cut;
  return plain.substr(0, cut) + "…";
}

}  // namespace

void send(db::Tx& tx, Portal& portal, Kind kind, const Entry& entry, std::int64_t actor,
          std::int64_t to, const std::string& text) {
  if (!to || to == actor) return;
  auto voice = notify::voice_for(tx.conn, portal, to, actor);
  if (!voice) return;
  std::string p = pattern(kind, voice->language);
  std::string link = "/feed/?entry=" + std::to_string(entry.id);
  std::string quoted = text.empty() ? "" : ": «" + excerpt(text) + "»";
  notify::Notice n;
  n.to_user = to;
  n.from_user = actor;
  n.module = "blog";
  n.event = kind == Kind::Addressed ? "post" : kind == Kind::Mentioned ? "mention" : "comment";
  n.tag = "BLOG|POST|" + std::to_string(entry.id);
  // The bell opens the entry through `link`; the text quotes what was written.
  n.message = replace_all(p, "{actor}", voice->actor_bb) + quoted;
  n.message_out = replace_all(p, "{actor}", voice->actor_plain) + quoted;
  n.link = link;
  notify::send(tx, portal, n);
}

}  // namespace artel::feed::notices
