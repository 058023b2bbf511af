// The demo ticket desk, as seed 004 has it: the client of the seed-000 project is also the
// contact of its company at the desk, with two sites and tickets the studio is working on.
// Tickets are opened through the desk's own rules, so responsible people, notices and files are
// what a client's own ticket would leave.
#include "app/demo.h"

#include "core/time.h"
#include "db/db.h"
#include "modules/discussion/comments.h"
#include "modules/helpdesk/store.h"
#include "modules/helpdesk/tickets.h"

namespace artel {

namespace {

std::int64_t person(db::Conn& conn, const char* email) {
  return conn.integer("SELECT id FROM users WHERE email = ?", {std::string(email)}).value_or(0);
}

}  // namespace

void fill_demo_helpdesk(Portal& portal) {
  portal.db.write([&](db::Tx& tx) {
    if (tx.conn.integer("SELECT 1 FROM helpdesk_companies LIMIT 1")) return;
    std::int64_t john = person(tx.conn, "john.miller@demo.artel");
    std::int64_t alexey = person(tx.conn, "alexey.novikov@demo.artel");
    std::int64_t client = person(tx.conn, "client@alfa.demo");
    if (!john || !alexey || !client) return;
    std::int64_t now = timeutil::now_seconds();
    helpdesk::Company alfa;
    alfa.title = "ООО Альфа";
    alfa.responsible_id = john;
    alfa.group_id = tx.conn
                        .integer(
                            "SELECT group_id FROM sonet_group_members WHERE user_id = ? "
                            "ORDER BY group_id LIMIT 1",
                            {client})
                        .value_or(0);
    alfa.created_at = alfa.updated_at = now;
    alfa.id = helpdesk::store::insert_company(tx.conn, alfa);
    std::int64_t shop =
        helpdesk::store::insert_site(tx.conn, alfa.id, "https://shop.alfa.demo", now);
    helpdesk::store::insert_site(tx.conn, alfa.id, "https://alfa.demo", now);
    helpdesk::store::add_contact(tx.conn, client, alfa.id, now);

    helpdesk::Desk desk{helpdesk::Side::Client, client, alfa.id, false};
    rest::Caller caller;
    caller.kind = rest::AuthKind::Session;
    caller.user_id = client;
    caller.is_extranet = true;
    auto open = [&](const char* title, const char* description, const char* priority) {
      json::object f{{"TITLE", title},
                     {"DESCRIPTION", description},
                     {"SITE_ID", shop},
                     {"PRIORITY", priority}};
      return helpdesk::open_ticket(tx, portal, desk, caller, f, "portal");
    };
    open("Не работает форма обратной связи",
         "На странице https://shop.alfa.demo/contacts форма не отправляется: кнопка «Отправить» "
         "ничего не делает.",
         "HIGH");
    std::int64_t banner = open("Заменить баннер на главной",
                               "Новый баннер к акции — в приложенном макете.", "NORMAL");
    auto ticket = helpdesk::store::find_ticket(tx.conn, banner);
    ticket->status = "WAITING_ACCEPTANCE";
    ticket->responsible_id = alexey;
    helpdesk::store::update_ticket(tx.conn, *ticket);
    discussion::insert(tx, portal, helpdesk::kThread, banner, alexey,
                       "Баннер заменён, проверьте, пожалуйста, и примите работы.", 0, nullptr);
    tx.conn.run("UPDATE helpdesk_tickets SET comments_count = 1 WHERE id = ?", {banner});
  });
}

}  // namespace artel
