// The filter of tasks.task.list: the plain fields of store::list_fields() plus the keys that
// are not columns — roles (MEMBER, ACCOMPLICE, AUDITOR), meta statuses (STATUS -1 overdue,
// -2 not viewed, -3 almost overdue), TAG, DEPENDS_ON, ONLY_ROOT_TASKS, UF_CRM_TASK, the
// word-form search (SEARCH_INDEX), the viewer's FAVORITE and ::SUBFILTER-PARAMS, and Artel's
// SUBORDINATE, NEW_COMMENTS, NOT_VIEWED and PLAN_STAGE_ID.
#pragma once

#include "core/json.h"
#include "db/db.h"
#include "modules/tasks/access.h"
#include "rest/list_query.h"

namespace artel::tasks {

struct FilterContext {
  db::Conn& conn;
  const Viewer& viewer;
  db::Dialect dialect;
  int tz;
  std::int64_t now;
  // Which way to write conditions that could be either (see VisibleForm).
  VisibleForm form = VisibleForm::Set;
  // Set by a condition that keeps only tasks the viewer takes part in or heads (RESPONSIBLE_ID
  // or DOER equal to themselves, SUBORDINATE): visibility is then implied and need not be
  // checked again, which spares building the visible set of a head of many people.
  mutable bool implies_visible = false;
};

// Throws ERROR_ARGUMENT for an unknown key or a value of the wrong kind.
void apply_filter(rest::ListQuery& query, const json::object& filter, const FilterContext& context);

// A whole query of tasks the viewer may see: the filter, then the visibility condition unless
// the filter implies it.
rest::ListQuery visible_query(const json::object* filter, const json::value* order,
                              const FilterContext& context);

// The same filter read once, with the visibility condition in both forms: `page` walks the
// tasks in order and checks each, `count` builds the visible set.
struct VisibleQueries {
  rest::ListQuery page, count;
};
VisibleQueries visible_queries(const json::object* filter, const json::value* order,
                               const FilterContext& context);

// ORDER BY of tasks.task.list (default ID DESC); FAVORITE sorts by the viewer's favourites.
void apply_order(rest::ListQuery& query, const json::value* order, const Viewer& viewer);

}  // namespace artel::tasks
