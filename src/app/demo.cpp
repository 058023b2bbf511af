#include "app/demo.h"

#include <vector>

#include "core/crypto.h"
#include "db/db.h"
#include "modules/departments/store.h"
#include "modules/users/store.h"

namespace artel {

namespace {

struct DemoPerson {
  const char* email;
  const char* name;
  const char* last_name;
  const char* position;
  const char* department;
  bool head;
};

struct DemoDepartment {
  const char* name;
  const char* parent;  // nullptr: under the company's top department
};

const std::vector<DemoDepartment> kDepartments = {
    {"Продажи", nullptr},     {"Разработка", nullptr}, {"Фронтенд", "Разработка"},
    {"Бэкенд", "Разработка"}, {"Маркетинг", nullptr},  {"Поддержка клиентов", nullptr},
    {"Бухгалтерия", nullptr},
};

const std::vector<DemoPerson> kPeople = {
    {"ivan.petrov@demo.artel", "Иван", "Петров", "Руководитель отдела продаж", "Продажи", true},
    {"olga.smirnova@demo.artel", "Ольга", "Смирнова", "Менеджер по продажам", "Продажи", false},
    {"dmitry.kozlov@demo.artel", "Дмитрий", "Козлов", "Менеджер по продажам", "Продажи", false},
    {"anna.volkova@demo.artel", "Анна", "Волкова", "Технический директор", "Разработка", true},
    {"sergey.morozov@demo.artel", "Сергей", "Морозов", "Ведущий фронтенд-разработчик", "Фронтенд",
     true},
    {"maria.lebedeva@demo.artel", "Мария", "Лебедева", "Фронтенд-разработчик", "Фронтенд", false},
    {"alexey.novikov@demo.artel", "Алексей", "Новиков", "Ведущий бэкенд-разработчик", "Бэкенд",
     true},
    {"elena.fedorova@demo.artel", "Елена", "Фёдорова", "Бэкенд-разработчик", "Бэкенд", false},
    {"pavel.sokolov@demo.artel", "Павел", "Соколов", "Тестировщик", "Бэкенд", false},
    {"natalia.popova@demo.artel", "Наталья", "Попова", "Директор по маркетингу", "Маркетинг", true},
    {"ion.popescu@demo.artel", "Ion", "Popescu", "Specialist SEO", "Маркетинг", false},
    {"tatiana.orlova@demo.artel", "Татьяна", "Орлова", "Руководитель поддержки",
     "Поддержка клиентов", true},
    {"maxim.zaitsev@demo.artel", "Максим", "Зайцев", "Специалист поддержки", "Поддержка клиентов",
     false},
    {"irina.pavlova@demo.artel", "Ирина", "Павлова", "Главный бухгалтер", "Бухгалтерия", true},
    {"john.miller@demo.artel", "John", "Miller", "Account manager", "Продажи", false},
};

}  // namespace

void fill_demo_company(Portal& portal, const std::string& password, std::ostream& out) {
  std::string hash = crypto::hash_password(password);
  int created = portal.db.write([&](db::Tx& tx) {
    auto root =
        tx.conn.integer("SELECT id FROM departments WHERE parent_id IS NULL ORDER BY id LIMIT 1");
    if (!root)
      throw std::runtime_error("The portal has no top department; run `artel init` first.");
    std::map<std::string, std::int64_t> ids;
    for (const auto& d : kDepartments) {
      auto existing =
          tx.conn.integer("SELECT id FROM departments WHERE name = ?", {std::string(d.name)});
      if (existing) {
        ids[d.name] = *existing;
        continue;
      }
      departments::Department dep;
      dep.name = d.name;
      dep.parent_id = d.parent ? ids.at(d.parent) : *root;
      ids[d.name] = departments::store::insert(tx.conn, dep);
    }
    int count = 0;
    for (const auto& p : kPeople) {
      if (users::store::find_by_email(tx.conn, p.email)) continue;
      users::store::NewUser n;
      n.email = p.email;
      n.password_hash = hash;
      std::int64_t id = users::store::insert(tx.conn, n);
      users::store::update_columns(tx.conn, id,
                                   {{"name", std::string(p.name)},
                                    {"last_name", std::string(p.last_name)},
                                    {"work_position", std::string(p.position)}});
      std::int64_t dep = ids.at(p.department);
      users::store::set_departments(tx.conn, id, {dep});
      if (p.head) tx.conn.run("UPDATE departments SET head_id = ? WHERE id = ?", {id, dep});
      ++count;
    }
    return count;
  });
  int tasks = fill_demo_tasks(portal);
  std::string client = fill_demo_groups(portal, password);
  fill_demo_helpdesk(portal);
  fill_demo_feed(portal);
  out << "artel: demo company: " << kDepartments.size() << " departments, " << created
      << " new employees (password for each: " << password << "), " << tasks << " tasks\n";
  if (!client.empty())
    out << "artel: demo client project and ticket desk with an extranet user: " << client
        << " (password " << password << ")\n";
}

}  // namespace artel
