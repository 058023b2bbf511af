// The demo company's tasks: what the task regulation of seed 001 shows — a general task with
// its parts, a task waiting for approval, the СТЭК backlog a year ahead, tracked time, an
// overdue task, comments with a mention. Created through the tasks service, so history,
// search text and notices are exactly what a person's own actions would leave.
#include "app/demo.h"

#include "core/time.h"
#include "db/db.h"
#include "modules/tasks/comments.h"
#include "modules/tasks/service.h"
#include "modules/tasks/store.h"
#include "modules/tasks/timetracking.h"

namespace artel {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::int64_t person(db::Conn& conn, const char* email) {
  return conn.integer("SELECT id FROM users WHERE email = ?", {std::string(email)}).value_or(0);
}

}  // namespace

int fill_demo_tasks(Portal& portal) {
  return portal.db.write([&](db::Tx& tx) {
    if (tx.conn.integer("SELECT 1 FROM tasks LIMIT 1")) return 0;
    std::int64_t now = timeutil::now_seconds();
    std::int64_t admin = 1;
    std::int64_t ivan = person(tx.conn, "ivan.petrov@demo.artel");
    std::int64_t olga = person(tx.conn, "olga.smirnova@demo.artel");
    std::int64_t anna = person(tx.conn, "anna.volkova@demo.artel");
    std::int64_t maria = person(tx.conn, "maria.lebedeva@demo.artel");
    std::int64_t sergey = person(tx.conn, "sergey.morozov@demo.artel");
    std::int64_t natalia = person(tx.conn, "natalia.popova@demo.artel");
    if (!ivan || !olga || !anna || !maria || !sergey || !natalia) return 0;
    int count = 0;
    auto add = [&](std::int64_t author, tasks::TaskInput in) {
      ++count;
      return tasks::create(tx, portal, tasks::viewer_of_user(tx.conn, author), in);
    };
    auto base = [](const char* title, std::int64_t responsible) {
      tasks::TaskInput in;
      in.title = title;
      in.responsible_id = responsible;
      return in;
    };

    // A general task with its parts; its planned time is in the description, not summed.
    auto general = base("Общая: Заключить договор с Клиентом X", olga);
    general.description =
        "Планируемое время: 5 часов.\n1. Подготовить договор\n2. Согласовать договор\n"
        "3. Получить оригинал документов";
    general.deadline = now + 7 * kDay;
    general.tags = std::vector<std::string>{"SALES"};
    std::int64_t parent = add(ivan, general);
    const char* parts[] = {"Продажи: Подготовить договор", "Продажи: Согласовать договор",
                           "Продажи: Получить оригинал документов"};
    std::int64_t previous = 0, first_part = 0;
    for (int i = 0; i < 3; ++i) {
      auto part = base(parts[i], olga);
      part.parent_id = parent;
      part.allow_time_tracking = true;
      part.time_estimate = (i == 0 ? 2 : 1) * 3600;
      part.start_date_plan = now + i * 2 * kDay;
      part.end_date_plan = now + (i * 2 + 2) * kDay;
      part.deadline = now + (i * 2 + 2) * kDay;
      part.task_control = true;
      if (previous) part.depends_on = std::vector<std::int64_t>{previous};
      previous = add(ivan, part);
      if (!first_part) first_part = previous;
    }

    // Time tracked on the first part, by hand with a reason.
    tasks::timetracking::record(
        tx,
        {first_part, olga, 45 * 60, "Собрала реквизиты клиента и шаблон договора",
         tasks::timetracking::kSourceManual, now - kDay, now - kDay, now - kDay},
        olga);

    // Work waiting for the creator's approval ("accept work after completion").
    auto control = base("Маркетинг: Проверить тексты лендинга на орфографические ошибки", maria);
    control.task_control = true;
    control.deadline = now + 2 * kDay;
    std::int64_t checked = add(natalia, control);
    if (auto t = tasks::store::find(tx.conn, checked)) {
      tasks::Task after = *t;
      after.status = tasks::kAwaitingControl;
      after.status_changed_by = maria;
      after.status_changed_date = now;
      after.closed_by = maria;
      after.closed_date = now;
      tasks::save_changes(tx, *t, after, maria);
      tasks::comments::add_text(tx, portal, after, maria,
                                "Готово, исправила 12 опечаток. [USER=" + std::to_string(natalia) +
                                    "]Наталья[/USER], жду реакции на промежуточные итоги.");
    }

    // The СТЭК: not urgent, not important, a year ahead.
    auto stack = base("СТЭК: пересмотреть регламент по ремаркетингу", natalia);
    stack.deadline = now + 365 * kDay;
    add(natalia, stack);

    // An overdue task and a task for the administrator to see in "Assigned".
    auto late = base("Разработка: Обновить сертификат на тестовом сервере", sergey);
    late.deadline = now - 2 * kDay;
    late.priority = 2;
    add(anna, late);
    auto mine = base("Развитие: Разработать регламент: планирование", ivan);
    mine.allow_time_tracking = true;
    mine.time_estimate = 3 * 3600;
    mine.deadline = now + 5 * kDay;
    mine.auditors = std::vector<std::int64_t>{anna};
    add(admin, mine);
    return count;
  });
}

}  // namespace artel
