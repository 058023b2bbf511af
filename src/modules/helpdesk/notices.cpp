#include "modules/helpdesk/notices.h"

#include "core/bbcode.h"
#include "core/text.h"
#include "events/mail_outbox.h"
#include "modules/im/notify.h"
#include "modules/im/voice.h"
#include "modules/settings/store.h"
#include "modules/users/store.h"

namespace artel::helpdesk::notices {

namespace {

// {actor} is the person, {ticket} the ticket's title (a link in the bell).
const char* pattern(Kind kind, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  switch (kind) {
    case Kind::NeedsAnswer:
      return en   ? "The studio needs your answer on the ticket {ticket}"
             : ro ? "Studioul are nevoie de răspunsul dvs. la tichetul {ticket}"
                  : "Студии нужен ваш ответ по тикету {ticket}";
    case Kind::NeedsAcceptance:
      return en   ? "The work on the ticket {ticket} is done: please check and accept it"
             : ro ? "Lucrarea la tichetul {ticket} este gata: verificați-o și acceptați-o"
                  : "Работы по тикету {ticket} выполнены: проверьте и примите их";
    case Kind::StatusChanged:
      return en   ? "{actor} moved the ticket {ticket} to «{status}»"
             : ro ? "{actor} a mutat tichetul {ticket} în «{status}»"
                  : "{actor} перевёл(а) тикет {ticket} в статус «{status}»";
    case Kind::NewTicket:
      return en   ? "{actor} sent a new ticket {ticket}"
             : ro ? "{actor} a trimis un tichet nou {ticket}"
                  : "{actor} создал(а) новый тикет {ticket}";
    case Kind::Commented:
      return en   ? "{actor} commented on the ticket {ticket}"
             : ro ? "{actor} a comentat tichetul {ticket}"
                  : "{actor} прокомментировал(а) тикет {ticket}";
    case Kind::Accepted:
      return en   ? "{actor} accepted the work on the ticket {ticket}"
             : ro ? "{actor} a acceptat lucrarea la tichetul {ticket}"
                  : "{actor} принял(а) работы по тикету {ticket}";
    case Kind::Returned:
    default:
      return en   ? "{actor} sent the ticket {ticket} back for more work"
             : ro ? "{actor} a trimis tichetul {ticket} înapoi la lucru"
                  : "{actor} отправил(а) тикет {ticket} на доработку";
  }
}

std::string status_name(std::string_view status, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  if (status == status::kQueue) return en ? "In queue" : ro ? "În coadă" : "В очереди";
  if (status == status::kInWork) return en ? "In work" : ro ? "În lucru" : "В работе";
  if (status == status::kNeedInfo)
    return en ? "Needs clarification" : ro ? "Necesită clarificări" : "Требует уточнений";
  if (status == status::kWaitingAcceptance)
    return en ? "Awaiting acceptance" : ro ? "Așteaptă acceptarea" : "Ожидает приёмку";
  return en ? "Accepted" : ro ? "Acceptat" : "Принят";
}

const char* event_of(Kind kind) {
  switch (kind) {
    case Kind::NeedsAnswer:
    case Kind::NeedsAcceptance:
      return "ticket_action";
    case Kind::NewTicket:
      return "ticket_new";
    case Kind::Commented:
    case Kind::Returned:
      return "ticket_comment";
    default:
      return "ticket_status";
  }
}

}  // namespace

void send(db::Tx& tx, Portal& portal, Kind kind, const Ticket& ticket, std::int64_t actor,
          std::int64_t to, const std::string& said) {
  if (!to || to == actor) return;
  auto voice = notify::voice_for(tx.conn, portal, to, actor);
  if (!voice) return;
  const std::string& lang = voice->language;
  std::string p = replace_all(pattern(kind, lang), "{status}", status_name(ticket.status, lang));
  std::string link = "/helpdesk/ticket/" + std::to_string(ticket.id) + "/";
  std::string title = "#" + std::to_string(ticket.id) + " «" + ticket.title + "»";
  std::string quoted = said.empty() ? "" : ": «" + said + "»";
  notify::Notice n;
  n.to_user = to;
  n.from_user = actor;
  n.module = "helpdesk";
  n.event = event_of(kind);
  n.tag = "HELPDESK|TICKET|" + std::to_string(ticket.id);
  n.message = replace_all(replace_all(p, "{actor}", voice->actor_bb), "{ticket}",
                          "[URL=" + link + "]" + title + "[/URL]") +
              quoted;
  n.message_out =
      replace_all(replace_all(p, "{actor}", voice->actor_plain), "{ticket}", title) + quoted;
  n.link = link;
  notify::send(tx, portal, n);
}

void welcome(db::Tx& tx, Portal& portal, std::int64_t contact_id, const std::string& password,
             const std::string& company, const std::string& base_url) {
  auto person = users::store::find(tx.conn, contact_id);
  if (!person) return;
  auto settings = portal.settings.snapshot();
  std::string lang = person->language_id.empty() ? settings->language : person->language_id;
  std::string link = base_url + "/login";
  std::string subject, body, login_label, password_label, button;
  if (lang == "en") {
    subject = "Your access to the ticket desk of " + settings->portal_name;
    body = "Hello! " + settings->portal_name + " opened its ticket desk for " + company +
           ". Send every request as a ticket there: log in with the login and password below.";
    login_label = "Login";
    password_label = "Password";
    button = "Open the ticket desk";
  } else if (lang == "ro") {
    subject = "Accesul dvs. la serviciul de tichete " + settings->portal_name;
    body = "Bună ziua! " + settings->portal_name + " a deschis serviciul de tichete pentru " +
           company + ". Trimiteți fiecare cerere ca tichet: intrați cu datele de mai jos.";
    login_label = "Login";
    password_label = "Parolă";
    button = "Deschide serviciul de tichete";
  } else {
    subject = "Доступ в сервис клиентской поддержки «" + settings->portal_name + "»";
    body = "Здравствуйте! Для компании «" + company + "» открыт сервис клиентской поддержки «" +
           settings->portal_name +
           "». Любые запросы ставьте в нём тикетами: войдите с логином и паролем ниже.";
    login_label = "Логин";
    password_label = "Пароль";
    button = "Перейти в сервис поддержки";
  }
  OutgoingMail m;
  m.to = person->email;
  m.to_name = person->full_name();
  m.subject = subject;
  m.text = body + "\n\n" + login_label + ": " + person->email + "\n" + password_label + ": " +
           password + "\n\n" + link + "\n";
  m.html = "<p>" + bbcode::html_escape(body) + "</p><p>" + bbcode::html_escape(login_label) +
           ": <b>" + bbcode::html_escape(person->email) + "</b><br>" +
           bbcode::html_escape(password_label) + ": <b>" + bbcode::html_escape(password) +
           "</b></p><p><a href=\"" + bbcode::html_escape(link) + "\">" +
           bbcode::html_escape(button) + "</a></p>";
  portal.mail.enqueue(tx, m);
}

}  // namespace artel::helpdesk::notices
