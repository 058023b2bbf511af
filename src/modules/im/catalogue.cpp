#include "modules/im/catalogue.h"

#include <array>

namespace artel::notify {

namespace {

struct Titles {
  std::string_view key;  // "module" or "module|event"
  std::string_view en, ru, ro;
};

const std::array<Titles, 20> kTitles{{
    {"tasks", "Tasks", "Задачи", "Sarcini"},
    {"im", "Messenger", "Мессенджер", "Mesagerie"},
    {"tasks|task_assigned", "A task was given to me", "Мне поручили задачу",
     "Mi s-a atribuit o sarcină"},
    {"tasks|task_comment", "A comment on my task or a mention of me",
     "Комментарий к моей задаче или упоминание меня",
     "Un comentariu la sarcina mea sau o menționare"},
    {"tasks|task_status", "My task changed status", "Изменился статус моей задачи",
     "Sarcina mea și-a schimbat starea"},
    {"tasks|task_changed", "My task was edited", "Моя задача изменена",
     "Sarcina mea a fost modificată"},
    {"tasks|task_control", "A task waits for my approval", "Задача ждёт моей проверки",
     "O sarcină așteaptă aprobarea mea"},
    {"tasks|task_deadline", "A deadline is near or has passed", "Срок задачи подходит или прошёл",
     "Termenul unei sarcini se apropie sau a trecut"},
    {"socialnetwork", "Workgroups", "Группы", "Grupuri"},
    {"socialnetwork|group_invite", "Invitations and requests to join my groups",
     "Приглашения и запросы на вступление в группы", "Invitații și cereri de aderare la grupuri"},
    {"blog", "Feed", "Живая лента", "Flux"},
    {"blog|post", "A post addressed to me", "Сообщение, адресованное мне",
     "O postare adresată mie"},
    {"blog|mention", "A mention of me in the feed", "Упоминание меня в ленте",
     "O menționare a mea în flux"},
    {"blog|comment", "A comment on my post or an answer to my comment",
     "Комментарий к моему сообщению или ответ на мой комментарий",
     "Un comentariu la postarea mea sau un răspuns la comentariul meu"},
    {"helpdesk", "Ticket desk", "Тикеты", "Tichete"},
    {"helpdesk|ticket_action", "A ticket waits for my answer or acceptance",
     "Тикет ждёт моего ответа или приёмки", "Un tichet așteaptă răspunsul sau acceptarea mea"},
    {"helpdesk|ticket_new", "A new ticket from a client of mine", "Новый тикет моего клиента",
     "Un tichet nou de la un client al meu"},
    {"helpdesk|ticket_comment", "A comment on a ticket of mine", "Комментарий к моему тикету",
     "Un comentariu la un tichet al meu"},
    {"helpdesk|ticket_status", "A ticket of mine changed status", "Изменился статус моего тикета",
     "Un tichet al meu și-a schimbat starea"},
    {"im|default", "Notices from applications and integrations",
     "Уведомления приложений и интеграций", "Notificări de la aplicații și integrări"},
}};

std::string title(std::string_view key, std::string_view language, std::string_view fallback) {
  for (const auto& t : kTitles)
    if (t.key == key) return std::string(language == "ru" ? t.ru : language == "ro" ? t.ro : t.en);
  return std::string(fallback);
}

}  // namespace

// By default everything reaches the bell; a new status or an edit of a task does not also fill
// the inbox unless the person asks for it.
const std::vector<EventType>& event_types() {
  static const std::vector<EventType> types = {
      {"tasks", "task_assigned", true, true},
      {"tasks", "task_comment", true, true},
      {"tasks", "task_status", true, false},
      {"tasks", "task_changed", true, false},
      {"tasks", "task_control", true, true},
      {"tasks", "task_deadline", true, true},
      {"socialnetwork", "group_invite", true, true},
      {"blog", "post", true, true},
      {"blog", "mention", true, true},
      {"blog", "comment", true, false},
      {"helpdesk", "ticket_action", true, true},
      {"helpdesk", "ticket_new", true, true},
      {"helpdesk", "ticket_comment", true, true},
      {"helpdesk", "ticket_status", true, false},
      {"im", "default", true, true},
  };
  return types;
}

const EventType* find_event_type(std::string_view module, std::string_view event) {
  for (const auto& t : event_types())
    if (t.module == module && t.event == event) return &t;
  return nullptr;
}

std::string module_title(std::string_view module, std::string_view language) {
  return title(module, language, module);
}

std::string event_title(const EventType& type, std::string_view language) {
  std::string key = std::string(type.module) + "|" + std::string(type.event);
  return title(key, language, key);
}

}  // namespace artel::notify
