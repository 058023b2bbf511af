// The deadline job: "the deadline is near" (within a day) to those who do the task, and "the
// task is overdue" to them and its creator — each once per deadline (a moved deadline is
// announced again). Old overdue tasks found at the first run (a week and more) stay quiet:
// they are counted in the overdue counter, not flooded into the bell.
#include "core/time.h"
#include "jobs/scheduler.h"
#include "modules/tasks/methods.h"
#include "modules/tasks/notices.h"
#include "modules/tasks/store.h"

namespace artel::tasks::deadlines {

namespace {

constexpr std::int64_t kQuietAfter = 7 * 24 * 3600;
constexpr int kBatch = 500;

void notify_due(Portal& portal, const char* kind, std::int64_t from, std::int64_t to) {
  std::vector<std::int64_t> ids;
  portal.db.read([&](db::Conn& conn) {
    conn.run(
        "SELECT t.id FROM tasks t WHERE t.deadline >= ? AND t.deadline < ? AND t.status IN "
        "(1, 2, 3) AND NOT EXISTS (SELECT 1 FROM task_deadline_notices n WHERE n.task_id = "
        "t.id AND n.kind = ? AND n.deadline = t.deadline) ORDER BY t.deadline LIMIT " +
            std::to_string(kBatch),
        {from, to, std::string(kind)}, [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  });
  bool overdue = std::string_view(kind) == "expired";
  for (auto id : ids) {
    portal.db.write([&](db::Tx& tx) {
      auto task = store::find(tx.conn, id);
      if (!task || !task->deadline || !is_open_status(task->status)) return;
      tx.conn.run(
          "INSERT INTO task_deadline_notices(task_id, kind, deadline) VALUES (?, ?, ?) ON "
          "CONFLICT (task_id, kind) DO UPDATE SET deadline = excluded.deadline",
          {id, std::string(kind), task->deadline});
      notices::deadline(tx, portal, *task, overdue);
    });
  }
}

void run(Portal& portal) {
  std::int64_t now = timeutil::now_seconds();
  notify_due(portal, "soon", now, now + kDeadlineSoonSeconds);
  notify_due(portal, "expired", now - kQuietAfter, now);
}

}  // namespace

void register_jobs(Portal& portal) {
  if (!portal.jobs) return;
  portal.jobs->every(std::chrono::seconds(60), "task deadlines", [&portal] { run(portal); });
}

}  // namespace artel::tasks::deadlines
