#include "modules/im/digest.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/bbcode.h"
#include "core/languages.h"
#include "core/time.h"
#include "jobs/scheduler.h"
#include "modules/im/notify.h"
#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::notify::digest {

namespace {

constexpr std::int64_t kWindow = 180;
constexpr const char* kSettingsPath = "/notifications/settings";

// At most `bytes` bytes of the first line, cut at a character boundary, with "…" when cut.
std::string headline(const std::string& text, std::size_t bytes) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= bytes) return line;
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

std::string clock(std::int64_t at, int offset) {
  std::int64_t local = ((at + offset) % 86400 + 86400) % 86400;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(local / 3600),
                static_cast<int>(local / 60 % 60));
  return buf;
}

std::string count_words(std::size_t n, const std::string& language) {
  std::string num = std::to_string(n);
  if (language == "ru") {
    std::size_t m10 = n % 10, m100 = n % 100;
    if (m10 == 1 && m100 != 11) return num + " уведомление";
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return num + " уведомления";
    return num + " уведомлений";
  }
  if (language == "ro") {
    if (n == 1) return "o notificare";
    if (n % 100 == 0 || n % 100 >= 20) return num + " de notificări";
    return num + " notificări";
  }
  return num + (n == 1 ? " notification" : " notifications");
}

struct Words {
  std::string hello, one_new, many_new, open, open_portal, settings, why;
};

// {name}, {portal}, {count} are replaced.
Words words_of(const std::string& language) {
  if (language == "ru")
    return {"Здравствуйте, {name}!",
            "Новое уведомление на портале «{portal}»:",
            "{count} на портале «{portal}»:",
            "Открыть",
            "Открыть портал",
            "Настроить уведомления",
            "Вы получили это письмо, потому что уведомления этого типа приходят вам по почте."};
  if (language == "ro")
    return {"Bună ziua, {name}!",
            "O notificare nouă în {portal}:",
            "{count} noi în {portal}:",
            "Deschide",
            "Deschide portalul",
            "Setările notificărilor",
            "Primiți acest e-mail pentru că notificările de acest tip vă vin prin e-mail."};
  return {"Hello, {name}!",
          "A new notification in {portal}:",
          "{count} in {portal}:",
          "Open",
          "Open the portal",
          "Notification settings",
          "You get this e-mail because notifications of this kind come to you by e-mail."};
}

std::string fill(std::string text, const std::string& key, const std::string& value) {
  for (auto pos = text.find(key); pos != std::string::npos;
       pos = text.find(key, pos + value.size()))
    text.replace(pos, key.size(), value);
  return text;
}

}  // namespace

std::int64_t window_seconds() {
  return std::max<std::int64_t>(
      1, static_cast<std::int64_t>(static_cast<double>(kWindow) / jobs::scale_from_environment()));
}

std::string absolute_link(const std::string& link, const std::string& base_url) {
  if (link.starts_with("/") && base_url.empty()) return {};
  std::string href = bbcode::safe_href(link, base_url);
  if (href.starts_with("mailto:")) return {};
  return href;
}

OutgoingMail compose(const Letter& letter, const std::vector<Item>& items) {
  const Words w = words_of(letter.language);
  const std::string& latest = items.empty() ? std::string() : items.back().text;
  std::string latest_line = headline(bbcode::to_plain(latest), 80);

  OutgoingMail m;
  m.to = letter.to;
  m.to_name = letter.to_name;
  m.subject =
      letter.portal_name + ": " +
      (items.size() == 1 ? latest_line
                         : count_words(items.size(), letter.language) + " — " + latest_line);

  std::string name = letter.to_name.empty() ? letter.to : letter.to_name;
  std::string hello = fill(w.hello, "{name}", name);
  std::string intro = items.size() == 1 ? w.one_new : w.many_new;
  intro = fill(fill(intro, "{count}", count_words(items.size(), letter.language)), "{portal}",
               "\x01");  // the portal's name goes in as plain text or escaped HTML
  auto with_portal = [&](const std::string& text, const std::string& portal) {
    return fill(text, "\x01", portal);
  };

  std::string text = hello + "\n\n" + with_portal(intro, letter.portal_name) + "\n\n";
  std::string html = "<p>" + bbcode::html_escape(hello) + "</p>\n<p>" +
                     with_portal(bbcode::html_escape(intro),
                                 "<b>" + bbcode::html_escape(letter.portal_name) + "</b>") +
                     "</p>\n<ul>\n";
  for (const auto& item : items) {
    std::string when = clock(item.at, letter.tz_offset);
    std::string who = item.author.empty() ? std::string() : item.author + ": ";
    std::string href = absolute_link(item.link, letter.base_url);
    text += "• " + when + " — " + who + bbcode::to_plain(item.text) + "\n";
    if (!href.empty()) text += "  " + href + "\n";
    html += "<li><span style=\"color:#6a737f\">" + when + "</span> ";
    if (!item.author.empty()) html += "<b>" + bbcode::html_escape(item.author) + "</b>: ";
    html += bbcode::to_html(item.text, letter.base_url);
    if (!href.empty())
      html += "<br><a href=\"" + bbcode::html_escape(href) + "\">" + bbcode::html_escape(w.open) +
              "</a>";
    html += "</li>\n";
  }
  html += "</ul>\n";
  if (!letter.base_url.empty()) {
    std::string settings = letter.base_url + kSettingsPath;
    text +=
        "\n" + w.open_portal + ": " + letter.base_url + "\n" + w.settings + ": " + settings + "\n";
    html += "<p><a href=\"" + bbcode::html_escape(letter.base_url) + "\">" +
            bbcode::html_escape(w.open_portal) + "</a> · <a href=\"" +
            bbcode::html_escape(settings) + "\">" + bbcode::html_escape(w.settings) + "</a></p>\n";
  }
  text += "\n" + w.why + "\n";
  html += "<p style=\"color:#6a737f\">" + bbcode::html_escape(w.why) + "</p>\n";
  m.text = std::move(text);
  m.html = std::move(html);
  return m;
}

void enqueue(db::Tx& tx, Portal& portal, std::int64_t user_id, const std::string& tag,
             std::int64_t author_id, const std::string& text, const std::string& link,
             const std::string& fallback_base_url) {
  auto now = timeutil::now_seconds();
  std::string base_url = portal.settings.snapshot()->public_url;
  if (base_url.empty() && valid_public_url(fallback_base_url)) base_url = fallback_base_url;
  std::int64_t due = now + window_seconds();
  // A later notice about the same object joins the group already waiting: it leaves with it.
  if (!tag.empty())
    if (auto waiting = tx.conn.integer(
            "SELECT MIN(due_at) FROM notice_mail_queue WHERE user_id = ? AND group_key = ?",
            {user_id, tag}))
      due = *waiting;
  tx.conn.run(
      "INSERT INTO notice_mail_queue(user_id, group_key, author_id, text, link, base_url, "
      "created_at, due_at) VALUES (?,?,?,?,?,?,?,?)",
      {user_id, tag, author_id ? db::Value(author_id) : db::Value(nullptr), text, link, base_url,
       now, due});
}

int deliver_due(Portal& portal) {
  struct Queued {
    std::int64_t id, author_id, created_at;
    std::string text, link, base_url;
  };
  auto now = timeutil::now_seconds();
  return portal.db.write([&](db::Tx& tx) {
    // (person, group) → its notices in the order they came; a notice without a tag is a group
    // of its own.
    std::map<std::tuple<std::int64_t, std::string, std::int64_t>, std::vector<Queued>> groups;
    std::vector<std::int64_t> done;
    tx.conn.run(
        "SELECT id, user_id, group_key, author_id, text, link, base_url, created_at FROM "
        "notice_mail_queue WHERE due_at <= ? ORDER BY id LIMIT 1000",
        {now}, [&](const db::Row& r) {
          std::string group = r.text(2);
          std::int64_t alone = group.empty() ? r.integer(0) : 0;
          groups[{r.integer(1), group, alone}].push_back(
              {r.integer(0), r.optional_integer(3).value_or(0), r.integer(7), r.text(4), r.text(5),
               r.text(6)});
          done.push_back(r.integer(0));
        });
    if (done.empty()) return 0;
    auto settings = portal.settings.snapshot();
    std::map<std::int64_t, std::string> author_names;
    auto author_name = [&](std::int64_t id) -> std::string {
      if (!id) return {};
      auto it = author_names.find(id);
      if (it != author_names.end()) return it->second;
      auto u = users::store::find(tx.conn, id);
      return author_names[id] = u ? u->full_name() : std::string();
    };
    int sent = 0;
    for (const auto& [key, queued] : groups) {
      auto person = users::store::find(tx.conn, std::get<0>(key));
      // Dismissed since, or never joined: the notices stay in the bell only.
      if (!person || !person->active || person->invited || person->email.empty()) continue;
      Letter letter;
      letter.to = person->email;
      letter.to_name = person->full_name();
      letter.language =
          is_interface_language(person->language_id) ? person->language_id : settings->language;
      auto zone = person->time_zone.empty() ? settings->zone : timeutil::zone(person->time_zone);
      letter.tz_offset = zone ? zone->offset_at(now) : 0;
      letter.portal_name = settings->portal_name;
      // The portal's address as it is now; else the one a notice of the group was sent with.
      letter.base_url = settings->public_url;
      std::vector<Item> items;
      for (const auto& q : queued) {
        if (settings->public_url.empty() && !q.base_url.empty()) letter.base_url = q.base_url;
        items.push_back({author_name(q.author_id), q.text, q.link, q.created_at});
      }
      portal.mail.enqueue(tx, compose(letter, items));
      ++sent;
    }
    tx.conn.run("DELETE FROM notice_mail_queue WHERE id IN " + db::in_list(done.size()),
                db::values(done));
    return sent;
  });
}

}  // namespace artel::notify::digest

namespace artel::notify {

void register_jobs(Portal& portal) {
  if (!portal.jobs) return;
  portal.jobs->every(std::chrono::seconds(30), "notification e-mails",
                     [&portal] { digest::deliver_due(portal); });
}

}  // namespace artel::notify
