// SQL for tasks and their members, tags, CRM links and dependencies. Rules live in the service;
// this file only reads and writes rows.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "db/db.h"
#include "modules/tasks/model.h"
#include "rest/list_query.h"
#include "search/index.h"

namespace artel::tasks::store {

// The word-form index of the tasks' texts (the table task_search).
const search::Index& search_index();

// Fields tasks.task.list filters and sorts on (SQL over the alias t).
std::span<const rest::ListField> list_fields();

std::optional<Task> find(db::Conn& conn, std::int64_t id);
// One page of tasks; members, tags, links and dependencies are not loaded (see load_details).
std::vector<Task> list(db::Conn& conn, const rest::ListQuery& query, std::int64_t start,
                       int limit = rest::kPageSize);
std::int64_t count(db::Conn& conn, const rest::ListQuery& query);
// Fills accomplices, auditors, tags, CRM links and dependencies of every task, one query each.
void load_details(db::Conn& conn, std::vector<Task>& tasks);

std::int64_t insert(db::Conn& conn, const Task& task);
// Writes every column of the task (the caller changed some of them).
void save(db::Conn& conn, const Task& task);
void remove(db::Conn& conn, std::int64_t id);

// The member rows follow the task's creator, responsible, co-executors and observers (only the
// rows that differ are written); the task's visibility scope follows the people, so it is
// rebuilt only when someone joined or left, not when a member only changed roles.
void save_members(db::Conn& conn, const Task& task);

// Recomputes task_scope (the departments of the members and those above) for these tasks, or
// for every task when `all` is set.
void rebuild_scope(db::Conn& conn, const std::vector<std::int64_t>& task_ids);
void rebuild_all_scopes(db::Conn& conn);
void save_tags(db::Conn& conn, std::int64_t task_id, const std::vector<std::string>& tags);
void save_crm_links(db::Conn& conn, std::int64_t task_id, const std::vector<std::string>& items);

struct Dependency {
  std::int64_t from = 0;
  std::int64_t to = 0;
  int link_type = 2;
};
std::vector<Dependency> dependencies_of(db::Conn& conn, const std::vector<std::int64_t>& task_ids);
void add_dependency(db::Conn& conn, const Dependency& d, std::int64_t user_id);
bool remove_dependency(db::Conn& conn, std::int64_t from, std::int64_t to);
// True when `to` can already be reached from `from` by following links forwards (adding
// to → from would close a cycle).
bool reaches(db::Conn& conn, std::int64_t from, std::int64_t to);

std::vector<std::int64_t> subtask_ids(db::Conn& conn, std::int64_t parent_id);
// True when `candidate` is `id` or lies below it in the subtask tree.
bool is_in_subtree(db::Conn& conn, std::int64_t id, std::int64_t candidate);

// Every person in any of the tasks (for live updates and notices).
std::vector<std::int64_t> member_ids(db::Conn& conn, std::int64_t task_id);

}  // namespace artel::tasks::store
