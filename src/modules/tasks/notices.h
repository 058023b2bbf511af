// What the people of a task are told (F3, F4): a new task for me, a comment or a mention, a
// status change, an edit (deadline moved, responsible changed), work waiting for my approval,
// a deadline near or passed. Every notice about one task carries the task's tag, so the
// notification centre groups them into one entry (and one e-mail) instead of a flood. People
// who muted the task hear nothing of it. Texts are in each recipient's language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/portal.h"
#include "db/db.h"
#include "modules/tasks/model.h"

namespace artel::tasks::notices {

void created(db::Tx& tx, Portal& portal, const Task& task, std::int64_t actor);
// Compares the two versions: status, deadline, responsible, newly added members, approval.
void changed(db::Tx& tx, Portal& portal, const Task& before, const Task& after, std::int64_t actor);
void commented(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
               std::string_view text, const std::vector<std::int64_t>& mentioned);
// From the deadline job: `overdue` false means "the deadline is near".
void deadline(db::Tx& tx, Portal& portal, const Task& task, bool overdue);
void deleted(db::Tx& tx, Portal& portal, const Task& task, std::int64_t actor);

// The notification tag of a task: "TASKS|TASK|<id>".
std::string tag(std::int64_t task_id);

}  // namespace artel::tasks::notices
