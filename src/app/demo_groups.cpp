// The demo company's workgroups, as seed 000 has them: an agency's client project with the
// client's own person (an extranet user) on its board, the curators of both sides, and an open
// workgroup of the company's own. Tasks are created through the tasks service, so curators,
// columns, history and notices are what a person's own actions would leave.
#include "app/demo.h"

#include "core/crypto.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/groups/store.h"
#include "modules/tasks/boards.h"
#include "modules/tasks/service.h"
#include "modules/users/store.h"

namespace artel {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::int64_t person(db::Conn& conn, const char* email) {
  return conn.integer("SELECT id FROM users WHERE email = ?", {std::string(email)}).value_or(0);
}

std::int64_t make_group(db::Tx& tx, groups::Group g, std::int64_t now,
                        const std::vector<std::int64_t>& members) {
  g.date_create = g.date_update = g.date_activity = now;
  g.id = groups::store::insert(tx.conn, g);
  groups::store::put_member(tx.conn, g.id, {g.owner_id, groups::role::kOwner, "G", ""}, now);
  for (auto id : members)
    if (id != g.owner_id)
      groups::store::put_member(tx.conn, g.id, {id, groups::role::kMember, "G", ""}, now);
  return g.id;
}

}  // namespace

std::string fill_demo_groups(Portal& portal, const std::string& password) {
  return portal.db.write([&](db::Tx& tx) -> std::string {
    if (tx.conn.integer("SELECT 1 FROM sonet_groups LIMIT 1")) return {};
    std::int64_t now = timeutil::now_seconds();
    std::int64_t john = person(tx.conn, "john.miller@demo.artel");
    std::int64_t alexey = person(tx.conn, "alexey.novikov@demo.artel");
    std::int64_t elena = person(tx.conn, "elena.fedorova@demo.artel");
    std::int64_t sergey = person(tx.conn, "sergey.morozov@demo.artel");
    std::int64_t maria = person(tx.conn, "maria.lebedeva@demo.artel");
    if (!john || !alexey || !elena || !sergey || !maria) return {};

    // The client's person: an outside (extranet) user who sees only the project.
    const char* client_email = "client@alfa.demo";
    std::int64_t client = person(tx.conn, client_email);
    if (!client) {
      users::store::NewUser n;
      n.email = client_email;
      n.user_type = "extranet";
      n.password_hash = crypto::hash_password(password);
      client = users::store::insert(tx.conn, n);
      users::store::update_columns(tx.conn, client,
                                   {{"name", std::string("Пётр")},
                                    {"last_name", std::string("Клиентов")},
                                    {"work_company", std::string("ООО Альфа")},
                                    {"work_position", std::string("Руководитель проекта")}});
    }

    groups::Group project;
    project.name = "ООО Альфа: настройка портала";
    project.description = "Доработка портала клиента по задачам канбан-доски.";
    project.owner_id = john;
    project.visible = false;
    project.project = true;
    project.is_extranet = true;
    project.project_date_start = now - 30 * kDay;
    project.project_date_finish = now + 60 * kDay;
    project.curator_role = "AUDITOR";
    std::int64_t alfa = make_group(tx, project, now, {alexey, elena, client});
    groups::store::set_curators(tx.conn, alfa, {john, client});

    groups::Group team;
    team.name = "Фронтенд-гильдия";
    team.description = "Открытая группа разработчиков интерфейсов.";
    team.owner_id = sergey;
    team.opened = true;
    make_group(tx, team, now, {maria});

    // Three columns and a task in each, as the client sees the board on arrival.
    auto columns = tasks::ensure_columns(tx, portal, {'G', alfa});
    auto add = [&](std::int64_t author, const char* title, std::int64_t responsible,
                   std::size_t column) {
      tasks::TaskInput in;
      in.title = title;
      in.responsible_id = responsible;
      in.group_id = alfa;
      in.stage_id = columns[std::min(column, columns.size() - 1)].id;
      in.allow_time_tracking = true;
      return tasks::create(tx, portal, tasks::viewer_of_user(tx.conn, author), in);
    };
    add(client, "Настроить воронку продаж под наш отдел", alexey, 0);
    add(john, "Перенести контакты из старой CRM", elena, 1);
    add(client, "Добавить поле «ИНН» в карточку компании", alexey, 2);
    return client_email;
  });
}

}  // namespace artel
