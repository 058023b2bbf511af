#include "modules/tasks/service.h"

#include <algorithm>
#include <set>

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "events/structure.h"
#include "modules/files/store.h"
#include "modules/groups/access.h"
#include "modules/groups/model.h"
#include "modules/settings/store.h"
#include "modules/tasks/boards.h"
#include "modules/tasks/comments.h"
#include "modules/tasks/feed_events.h"
#include "modules/tasks/history.h"
#include "modules/tasks/list_filter.h"
#include "modules/tasks/notices.h"
#include "modules/tasks/present.h"
#include "modules/tasks/status.h"
#include "modules/tasks/store.h"
#include "modules/users/service.h"

namespace artel::tasks {

namespace {

std::string new_guid() {
  std::string hex = crypto::sha256_hex(crypto::random_token(32));
  return "{" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12) + "}";
}

// A person named in a task must exist, be active, and be someone the author can see (an
// extranet user cannot pull a stranger into a task). An outside (extranet) person takes part
// only in tasks of their own groups (D3), unless the task is theirs alone to begin with.
void check_person(db::Conn& conn, const Viewer& author, const Task& t, std::int64_t id,
                  const char* field) {
  std::optional<std::int64_t> active;
  bool extranet = false;
  conn.run("SELECT active, user_type FROM users WHERE id = ?", {id}, [&](const db::Row& r) {
    active = r.integer(0);
    extranet = r.text(1) == "extranet";
  });
  if (!active)
    throw bad_argument(field, "Field " + std::string(field) + ": person " + std::to_string(id) +
                                  " does not exist.");
  if (!*active)
    throw bad_argument(
        field, "Field " + std::string(field) + ": person " + std::to_string(id) + " is dismissed.");
  if (!users::can_see(conn, caller_of(author), id))
    throw bad_argument(field, "Field " + std::string(field) + ": person " + std::to_string(id) +
                                  " does not exist.");
  if (extranet && id != author.user_id) {
    auto role = t.group_id ? groups::role_of(conn, t.group_id, id) : std::nullopt;
    if (!role || !groups::is_in(*role))
      throw bad_argument(field, "Field " + std::string(field) + ": person " + std::to_string(id) +
                                    " is an outside (extranet) person and takes part only in "
                                    "tasks of their groups.");
  }
}

void check_people(db::Conn& conn, const Viewer& author, const Task& t, const Task* before) {
  auto is_new = [&](std::int64_t id, const std::vector<std::int64_t>& old) {
    return !before || std::find(old.begin(), old.end(), id) == old.end();
  };
  if (!before || before->created_by != t.created_by)
    check_person(conn, author, t, t.created_by, "CREATED_BY");
  if (!before || before->responsible_id != t.responsible_id)
    check_person(conn, author, t, t.responsible_id, "RESPONSIBLE_ID");
  for (auto id : t.accomplices)
    if (is_new(id, before ? before->accomplices : std::vector<std::int64_t>{}))
      check_person(conn, author, t, id, "ACCOMPLICES");
  for (auto id : t.auditors)
    if (is_new(id, before ? before->auditors : std::vector<std::int64_t>{}))
      check_person(conn, author, t, id, "AUDITORS");
}

// A task the author refers to (a parent, a predecessor) must be one they can see.
void check_visible_task(db::Conn& conn, const Viewer& author, std::int64_t id, const char* field) {
  auto task = store::find(conn, id);
  if (!task || !relation(conn, author, *task).sees())
    throw bad_argument(
        field, "Field " + std::string(field) + ": task " + std::to_string(id) + " is not found.");
}

// A task goes into a group only by one of the group's members (or an administrator); for
// anyone else the group does not exist.
void check_group(db::Conn& conn, const Viewer& author, std::int64_t group_id) {
  if (group_id == 0) return;
  bool ok = author.is_admin ? groups::exists(conn, group_id) : false;
  if (!author.is_admin) {
    auto role = groups::role_of(conn, group_id, author.user_id);
    ok = role && groups::is_in(*role);
  }
  if (!ok)
    throw bad_argument("GROUP_ID", "Workgroup " + std::to_string(group_id) +
                                       " does not exist or you are not in it.");
  if (groups::is_archived(conn, group_id))
    throw bad_request("GROUP_ARCHIVED",
                      "The group is archived: its tasks are kept for reading, "
                      "new ones go into an active group.");
}

// The project's curators join every new task of it (D5), as observers or co-executors.
void add_curators(db::Conn& conn, Task& t) {
  if (!t.group_id) return;
  auto c = groups::curators(conn, t.group_id);
  for (auto id : c.ids) {
    if (id == t.responsible_id || id == t.created_by) continue;
    auto& list = c.role == "ACCOMPLICE" ? t.accomplices : t.auditors;
    bool already = std::count(t.accomplices.begin(), t.accomplices.end(), id) ||
                   std::count(t.auditors.begin(), t.auditors.end(), id);
    if (!already) list.push_back(id);
  }
}

void check_dates(const Task& t) {
  if (t.start_date_plan && t.end_date_plan && t.end_date_plan < t.start_date_plan)
    throw bad_argument("END_DATE_PLAN", "The planned end is earlier than the planned start.");
}

void remove_value(std::vector<std::int64_t>& v, std::int64_t id) {
  v.erase(std::remove(v.begin(), v.end(), id), v.end());
}

// Applies the input's plain fields to the task (checks come before and after).
void apply(Task& t, const TaskInput& in) {
  if (in.title) t.title = *in.title;
  if (in.description) t.description = *in.description;
  if (in.priority) t.priority = *in.priority;
  if (in.mark) t.mark = *in.mark;
  if (in.created_by) t.created_by = *in.created_by;
  if (in.responsible_id) t.responsible_id = *in.responsible_id;
  if (in.accomplices) t.accomplices = *in.accomplices;
  if (in.auditors) t.auditors = *in.auditors;
  if (in.group_id) t.group_id = *in.group_id;
  if (in.stage_id) t.stage_id = *in.stage_id;
  if (in.parent_id) t.parent_id = *in.parent_id;
  if (in.deadline) t.deadline = *in.deadline;
  if (in.start_date_plan) t.start_date_plan = *in.start_date_plan;
  if (in.end_date_plan) t.end_date_plan = *in.end_date_plan;
  if (in.allow_change_deadline) t.allow_change_deadline = *in.allow_change_deadline;
  if (in.allow_time_tracking) t.allow_time_tracking = *in.allow_time_tracking;
  if (in.task_control) t.task_control = *in.task_control;
  if (in.add_in_report) t.add_in_report = *in.add_in_report;
  if (in.match_work_time) t.match_work_time = *in.match_work_time;
  if (in.time_estimate) t.time_estimate = *in.time_estimate;
  if (in.duration_type) t.duration_type = *in.duration_type;
  if (in.tags) t.tags = *in.tags;
  if (in.crm_links) t.crm_links = *in.crm_links;
  if (in.depends_on) t.depends_on = *in.depends_on;
  if (in.xml_id) t.xml_id = *in.xml_id;
  if (in.sorting) t.sorting = *in.sorting;
}

// Predecessors of a task: visible to the author, and no cycle.
void save_dependencies(db::Conn& conn, const Viewer& author, std::int64_t task_id,
                       const std::vector<std::int64_t>& before,
                       const std::vector<std::int64_t>& after) {
  for (auto id : before)
    if (std::find(after.begin(), after.end(), id) == after.end())
      store::remove_dependency(conn, id, task_id);
  for (auto id : after) {
    if (std::find(before.begin(), before.end(), id) != before.end()) continue;
    if (id == task_id) throw bad_argument("DEPENDS_ON", "A task cannot depend on itself.");
    check_visible_task(conn, author, id, "DEPENDS_ON");
    if (store::reaches(conn, task_id, id))
      throw bad_request("ILLEGAL_NEW_LINK", "Task " + std::to_string(id) +
                                                " already depends on this task: the link would "
                                                "close a cycle.");
    store::add_dependency(conn, {id, task_id, 2}, author.user_id);
  }
}

// A negative mark needs a reason (C5): given with the mark, or written as a comment by the
// rater since the task's status last changed.
void check_mark(db::Tx& tx, const Task& before, const TaskInput& in, std::int64_t actor) {
  if (!in.mark || *in.mark != "N" || before.mark == "N") return;
  if (in.mark_comment && !in.mark_comment->empty()) return;
  std::int64_t since = std::max(before.status_changed_date, before.created_date);
  if (tx.conn.integer("SELECT 1 FROM task_comments WHERE task_id = ? AND author_id = ? AND "
                      "created_at >= ? LIMIT 1",
                      {before.id, actor, since}))
    return;
  throw bad_argument("MARK_COMMENT",
                     "A negative mark needs a comment: say what was wrong (MARK_COMMENT).");
}

int portal_tz(const Portal& portal) {
  return portal.settings.snapshot()->tz_offset_now();
}

}  // namespace

ApiError task_not_found(std::int64_t task_id) {
  return bad_request("TASK_NOT_FOUND",
                     "Task " + std::to_string(task_id) + " is not found or you cannot see it.");
}

ApiError not_allowed(std::string_view what) {
  return access_denied("Action not allowed: you may not " + std::string(what) + ".");
}

Loaded load_visible(db::Conn& conn, const rest::Caller& caller, std::int64_t task_id) {
  auto task = store::find(conn, task_id);
  if (!task) throw task_not_found(task_id);
  Viewer viewer = viewer_of(conn, caller);
  Relation r = relation(conn, viewer, *task);
  if (!r.sees()) throw task_not_found(task_id);
  return {std::move(*task), std::move(viewer), r};
}

std::map<std::int64_t, std::int64_t> time_spent_of(db::Conn& conn,
                                                   const std::vector<std::int64_t>& task_ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (task_ids.empty()) return out;
  conn.run("SELECT id, time_spent FROM tasks WHERE id IN " + db::in_list(task_ids.size()),
           db::values(task_ids), [&](const db::Row& r) { out[r.integer(0)] = r.integer(1); });
  return out;
}

std::vector<std::int64_t> audience(db::Conn& conn, std::int64_t task_id) {
  std::set<std::int64_t> out;
  for (auto id : store::member_ids(conn, task_id)) out.insert(id);
  // The heads of the members' departments and of every department above them.
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> tree;  // id → parent, head
  conn.run("SELECT id, COALESCE(parent_id, 0), COALESCE(head_id, 0) FROM departments", {},
           [&](const db::Row& r) {
             tree[r.integer(0)] = {r.integer(1), r.integer(2)};
           });
  conn.run(
      "SELECT DISTINCT ud.department_id FROM task_members m JOIN user_departments ud ON "
      "ud.user_id = m.user_id WHERE m.task_id = ?",
      {task_id}, [&](const db::Row& r) {
        std::int64_t d = r.integer(0);
        for (int depth = 0; d && depth < 64; ++depth) {
          auto it = tree.find(d);
          if (it == tree.end()) break;
          if (it->second.second) out.insert(it->second.second);
          d = it->second.first;
        }
      });
  conn.run("SELECT id FROM users WHERE is_admin = 1 AND active = 1", {},
           [&](const db::Row& r) { out.insert(r.integer(0)); });
  if (auto group = conn.integer("SELECT group_id FROM tasks WHERE id = ?", {task_id});
      group && *group)
    for (auto id : groups::task_viewers(conn, *group)) out.insert(id);
  return {out.begin(), out.end()};
}

void reindex(db::Conn& conn, std::int64_t task_id) {
  std::string text;
  conn.run("SELECT title, description FROM tasks WHERE id = ?", {task_id},
           [&](const db::Row& r) { text = r.text(0) + "\n" + r.text(1); });
  conn.run("SELECT tag FROM task_tags WHERE task_id = ?", {task_id},
           [&](const db::Row& r) { text += "\n" + r.text(0); });
  conn.run("SELECT message FROM task_comments WHERE task_id = ? ORDER BY id", {task_id},
           [&](const db::Row& r) { text += "\n" + comments::plain_text(r.text(0)); });
  store::search_index().put(conn, task_id, text);
}

std::int64_t reindex_all(db::Database& db) {
  db.write([](db::Tx& tx) { store::rebuild_all_scopes(tx.conn); });
  // In batches, so that a million tasks do not hold the writer for minutes at once.
  constexpr int kBatch = 5000;
  std::int64_t done = 0, last = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    db.read([&](db::Conn& conn) {
      conn.run("SELECT id FROM tasks WHERE id > ? ORDER BY id LIMIT " + std::to_string(kBatch),
               {last}, [&](const db::Row& r) { ids.push_back(r.integer(0)); });
    });
    if (ids.empty()) break;
    db.write([&](db::Tx& tx) {
      for (auto id : ids) reindex(tx.conn, id);
    });
    done += static_cast<std::int64_t>(ids.size());
    last = ids.back();
  }
  return done;
}

void listen_to_structure(Portal& portal) {
  if (!portal.structure) return;
  portal.structure->add([](db::Tx& tx, const structure::Change& change) {
    // The tasks of the people who moved, and those whose scope holds a department that moved
    // or went: their departments above may be others now.
    std::set<std::int64_t> ids;
    for (auto person : change.people)
      tx.conn.run("SELECT DISTINCT task_id FROM task_members WHERE user_id = ?", {person},
                  [&](const db::Row& r) { ids.insert(r.integer(0)); });
    for (auto department : change.departments)
      tx.conn.run("SELECT task_id FROM task_scope WHERE department_id = ?", {department},
                  [&](const db::Row& r) { ids.insert(r.integer(0)); });
    store::rebuild_scope(tx.conn, {ids.begin(), ids.end()});
  });
}

void after_change(db::Tx& tx, Portal& portal, std::int64_t task_id, std::string_view what,
                  std::int64_t actor_id) {
  json::object data{{"ID", std::to_string(task_id)},
                    {"ACTION", std::string(what)},
                    {"USER_ID", std::to_string(actor_id)}};
  auto people = audience(tx.conn, task_id);
  tell_feed(tx, portal, task_id, what, actor_id, people);
  live::publish_after_commit(tx, portal, std::move(people), "task.changed", std::move(data));
}

void save_changes(db::Tx& tx, const Task& before, Task& after, std::int64_t actor_id) {
  auto entries = history::changes(before, after);
  std::int64_t now = timeutil::now_seconds();
  after.changed_by = actor_id;
  after.changed_date = now;
  after.activity_date = now;
  store::save(tx.conn, after);
  for (const auto& e : entries) history::record(tx.conn, after.id, actor_id, e);
}

namespace {

void upsert_state(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, const char* column,
                  db::Value value) {
  conn.run("INSERT INTO task_user_state(task_id, user_id, " + std::string(column) +
               ") VALUES (?, ?, ?) ON CONFLICT (task_id, user_id) DO UPDATE SET " + column +
               " = excluded." + column,
           {task_id, user_id, std::move(value)});
}

}  // namespace

void mark_viewed(db::Conn& conn, std::int64_t task_id, std::int64_t user_id) {
  std::int64_t seen =
      conn.integer("SELECT COALESCE(max(id), 0) FROM task_comments WHERE task_id = ?", {task_id})
          .value_or(0);
  conn.run(
      "INSERT INTO task_user_state(task_id, user_id, viewed_at, seen_comment_id) VALUES (?, "
      "?, ?, ?) ON CONFLICT (task_id, user_id) DO UPDATE SET viewed_at = excluded.viewed_at, "
      "seen_comment_id = excluded.seen_comment_id",
      {task_id, user_id, timeutil::now_seconds(), seen});
}
void set_favorite(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, bool on) {
  upsert_state(conn, task_id, user_id, "favorite", std::int64_t{on});
}
void set_muted(db::Conn& conn, std::int64_t task_id, std::int64_t user_id, bool on) {
  upsert_state(conn, task_id, user_id, "muted", std::int64_t{on});
}

std::int64_t create(db::Tx& tx, Portal& portal, const Viewer& author, const TaskInput& in,
                    std::int64_t forked_by_template) {
  if (!in.title) throw bad_argument("TITLE", "The task needs a title (fields.TITLE).");
  std::int64_t now = timeutil::now_seconds();
  Task t;
  apply(t, in);
  t.created_by = in.created_by.value_or(author.user_id);
  t.responsible_id = in.responsible_id.value_or(author.user_id);
  if (t.created_by != author.user_id && !author.is_admin && t.responsible_id != author.user_id)
    throw not_allowed("name another person as the creator of a task you are not responsible for");
  remove_value(t.accomplices, t.responsible_id);
  check_group(tx.conn, author, t.group_id);
  check_people(tx.conn, author, t, nullptr);
  // Curators are the group's members, named by its owner: they pass without the author's sight.
  add_curators(tx.conn, t);
  if (!t.group_id && t.stage_id)
    throw bad_argument("STAGE_ID", "STAGE_ID is a column of a group's board: set GROUP_ID too.");
  board::place(tx, portal, t, in.stage_id);
  check_dates(t);
  if (t.parent_id) check_visible_task(tx.conn, author, t.parent_id, "PARENT_ID");
  if (in.mark && !in.mark->empty() && t.created_by != author.user_id && !author.is_admin)
    throw not_allowed("rate a task you did not create");

  t.created_date = now;
  t.changed_by = author.user_id;
  t.changed_date = now;
  t.activity_date = now;
  t.status_changed_by = author.user_id;
  t.status_changed_date = now;
  t.guid = new_guid();
  t.forked_by_template_id = forked_by_template;
  int status = in.status.value_or(kPending);
  if (status == kNew || status == kDeclined || status == kAwaitingControl) status = kPending;
  t.status = kPending;
  set_status(t, status, author.user_id, now);
  t.id = store::insert(tx.conn, t);
  if (t.group_id) board::place(tx, portal, t, t.stage_id);
  store::save_members(tx.conn, t);
  store::save_tags(tx.conn, t.id, t.tags);
  store::save_crm_links(tx.conn, t.id, t.crm_links);
  save_dependencies(tx.conn, author, t.id, {}, t.depends_on);
  history::record(tx.conn, t.id, author.user_id, {"NEW", std::nullopt, std::nullopt, ""});
  mark_viewed(tx.conn, t.id, author.user_id);
  if (in.mark_comment && !in.mark_comment->empty())
    comments::add_text(tx, portal, t, author.user_id, *in.mark_comment);
  reindex(tx.conn, t.id);
  notices::created(tx, portal, t, author.user_id);
  after_change(tx, portal, t.id, "add", author.user_id);
  return t.id;
}

rest::CallResult add(rest::Call& call) {
  const json::object* fields = object_param(call.params, "fields");
  if (!fields || fields->empty())
    throw bad_argument("fields", "Could not find value for parameter {fields}.");
  auto settings = call.portal.settings.snapshot();
  TaskInput in = parse_task_fields(*fields, *settings->zone);
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    Viewer author = viewer_of(tx.conn, call.caller);
    return create(tx, call.portal, author, in);
  });
  return task_result(call, id);
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = task_id_param(call.params);
  const json::object* fields = object_param(call.params, "fields");
  if (!fields || fields->empty())
    throw bad_argument("fields", "Could not find value for parameter {fields}.");
  auto settings = call.portal.settings.snapshot();
  TaskInput in = parse_task_fields(*fields, *settings->zone);
  if (in.empty()) return task_result(call, id);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
    const Relation& r = l.relation;
    Task before = l.task;
    Task after = l.task;
    std::int64_t actor = call.caller.user_id;
    std::int64_t now = timeutil::now_seconds();

    // A change of column alone is a move on the group's board, by the board's rules.
    TaskInput others = in;
    others.stage_id.reset();
    if (others.empty() && before.group_id) {
      auto to = find_stage(tx.conn, *in.stage_id);
      if (!to || to->entity_type != "G" || to->entity_id != before.group_id)
        throw bad_argument("STAGE_ID", "Column " + std::to_string(*in.stage_id) +
                                           " is not on the board of this task's group.");
      if (to->id != before.stage_id) board::move(tx, call.portal, l, *to, 0, 0);
      return;
    }

    // What a person who does not direct the task may still change.
    bool only_worker_fields =
        !in.title && !in.description && !in.priority && !in.mark && !in.created_by &&
        !in.responsible_id && !in.accomplices && !in.auditors && !in.group_id && !in.parent_id &&
        !in.status && !in.allow_change_deadline && !in.allow_time_tracking && !in.task_control &&
        !in.add_in_report && !in.match_work_time && !in.time_estimate && !in.duration_type &&
        !in.tags && !in.crm_links && !in.depends_on && !in.xml_id;
    if (!r.directs()) {
      if (!r.executes() || !only_worker_fields) throw not_allowed("edit this task");
      if (in.deadline && *in.deadline != before.deadline && !before.allow_change_deadline)
        throw not_allowed("move the deadline of this task: its creator fixed it");
    }
    if (in.created_by && *in.created_by != before.created_by && !r.creator && !r.admin)
      throw not_allowed("change the creator of this task");
    if (in.mark && *in.mark != before.mark) check_mark(tx, before, in, actor);

    apply(after, in);
    remove_value(after.accomplices, after.responsible_id);
    if (in.status && *in.status != before.status) {
      // A status set here follows the rules of the action methods (who may start, complete,
      // approve …), with their timers.
      int target = *in.status == kNew ? kPending : *in.status;
      Loaded current{after, l.viewer, r};
      apply_action(tx, call.portal, current, after, action_towards(before.status, target));
    }
    if (after.group_id != before.group_id) {
      check_group(tx.conn, l.viewer, after.group_id);
      board::place(tx, call.portal, after, in.stage_id);
    } else if (in.stage_id && *in.stage_id != before.stage_id) {
      if (!after.group_id)
        throw bad_argument("STAGE_ID",
                           "STAGE_ID is a column of a group's board: set GROUP_ID too.");
      board::check_move(tx.conn, l, *in.stage_id);
    }
    // In another group every person is checked again (an outside person stays in their groups).
    check_people(tx.conn, l.viewer, after, after.group_id == before.group_id ? &before : nullptr);
    check_dates(after);
    if (after.parent_id != before.parent_id && after.parent_id) {
      if (after.parent_id == id || store::is_in_subtree(tx.conn, id, after.parent_id))
        throw bad_argument("PARENT_ID", "A task cannot be placed under itself or its subtasks.");
      check_visible_task(tx.conn, l.viewer, after.parent_id, "PARENT_ID");
    }
    if (in.depends_on)
      save_dependencies(tx.conn, l.viewer, id, before.depends_on, after.depends_on);
    save_changes(tx, before, after, actor);
    if (before.accomplices != after.accomplices || before.auditors != after.auditors ||
        before.responsible_id != after.responsible_id || before.created_by != after.created_by)
      store::save_members(tx.conn, after);
    if (in.tags) store::save_tags(tx.conn, id, after.tags);
    if (in.crm_links) store::save_crm_links(tx.conn, id, after.crm_links);
    // The search text is the title, description, tags and comments: a comment added here
    // reindexes the task itself.
    bool commented = in.mark_comment && !in.mark_comment->empty();
    if (commented) comments::add_text(tx, call.portal, after, actor, *in.mark_comment);
    if (!commented && (before.title != after.title || before.description != after.description ||
                       before.tags != after.tags))
      reindex(tx.conn, id);
    notices::changed(tx, call.portal, before, after, actor);
    after_change(tx, call.portal, id, "update", actor);
  });
  return changed_task_result(call, id);
}

namespace {

json::object full_object(db::Conn& conn, rest::Call& call, const Viewer& viewer, Task task) {
  std::vector<Task> one{std::move(task)};
  Selection all = Selection::everything();
  PageContext c = load_context(conn, viewer, one, all, {true, true}, portal_tz(call.portal),
                               call.request.base_url(), call.portal.files);
  return present(one.front(), c, all);
}

}  // namespace

json::object task_object(db::Conn& conn, rest::Call& call, std::int64_t task_id) {
  Loaded l = load_visible(conn, call.caller, task_id);
  return full_object(conn, call, l.viewer, std::move(l.task));
}

rest::CallResult task_result(rest::Call& call, std::int64_t task_id) {
  return call.portal.db.read([&](db::Conn& conn) {
    return rest::CallResult{json::object{{"task", task_object(conn, call, task_id)}}};
  });
}

rest::CallResult changed_task_result(rest::Call& call, std::int64_t task_id) {
  return call.portal.db.read([&](db::Conn& conn) {
    auto task = store::find(conn, task_id);
    if (!task) throw task_not_found(task_id);
    Viewer viewer = viewer_of(conn, call.caller);
    return rest::CallResult{
        json::object{{"task", full_object(conn, call, viewer, std::move(*task))}}};
  });
}

rest::CallResult get(rest::Call& call) {
  std::int64_t id = task_id_param(call.params);
  Selection sel = Selection::from(find_ci(call.params, "select"));
  return call.portal.db.read([&](db::Conn& conn) -> rest::CallResult {
    auto task = store::find(conn, id);
    Viewer viewer = viewer_of(conn, call.caller);
    // Bitrix24 answers an empty result for a task that is absent or hidden.
    if (!task || !relation(conn, viewer, *task).sees()) return {json::array()};
    std::vector<Task> one{std::move(*task)};
    PageContext c = load_context(conn, viewer, one, sel, {true, sel.all()}, portal_tz(call.portal),
                                 call.request.base_url(), call.portal.files);
    return {json::object{{"task", present(one.front(), c, sel)}}};
  });
}

rest::CallResult list(rest::Call& call) {
  Selection sel = Selection::from(find_ci(call.params, "select"));
  int tz = portal_tz(call.portal);
  return call.portal.db.read([&](db::Conn& conn) {
    Viewer viewer = viewer_of(conn, call.caller);
    const json::object* filter = object_param(call.params, "filter");
    const json::value* order = find_ci(call.params, "order");
    std::int64_t now = timeutil::now_seconds();
    // The page walks the tasks in order and checks each; the count builds the visible set.
    auto [page, counted] = visible_queries(filter, order, {conn, viewer, conn.dialect(), tz, now});
    std::int64_t start = call.start;
    auto rows = store::list(conn, page, start);
    store::load_details(conn, rows);
    std::optional<std::int64_t> total;
    if (start >= 0) total = store::count(conn, counted);
    bool actions = sel.has("ACTION") && !sel.all();
    PageContext c = load_context(conn, viewer, rows, sel, {actions, false}, tz,
                                 call.request.base_url(), call.portal.files);
    json::array tasks;
    for (const auto& t : rows) tasks.push_back(present(t, c, sel));
    std::size_t n = rows.size();
    return rest::page_result(json::object{{"tasks", std::move(tasks)}}, n, start, total);
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = task_id_param(call.params);
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, id);
    if (!l.relation.directs()) throw not_allowed("delete this task");
    auto people = audience(tx.conn, id);
    notices::deleted(tx, call.portal, l.task, call.caller.user_id);
    store::search_index().remove(tx.conn, id);
    forget_in_feed(tx, call.portal, id);
    store::remove(tx.conn, id);
    live::publish_after_commit(tx, call.portal, std::move(people), "task.changed",
                               json::object{{"ID", std::to_string(id)},
                                            {"ACTION", "delete"},
                                            {"USER_ID", std::to_string(call.caller.user_id)}});
  });
  return {json::object{{"task", true}}};
}

rest::CallResult get_access(rest::Call& call) {
  std::int64_t id = task_id_param(call.params);
  std::vector<std::int64_t> users{call.caller.user_id};
  if (const json::value* v = find_ci(call.params, "users")) {
    if (!v->is_array() && !v->is_object())
      throw ApiError(400, "100",
                     "Invalid value to match with parameter {users}. Should be value "
                     "of type array.");
    users = id_list(*v, "users");
    // Each person costs a few queries: a bounded list keeps one call from holding a reader.
    constexpr std::size_t kMaxUsers = 50;
    std::sort(users.begin(), users.end());
    users.erase(std::unique(users.begin(), users.end()), users.end());
    if (users.size() > kMaxUsers)
      throw bad_argument("users", "At most " + std::to_string(kMaxUsers) + " users per call.");
  }
  return call.portal.db.read([&](db::Conn& conn) -> rest::CallResult {
    auto task = store::find(conn, id);
    Viewer caller = viewer_of(conn, call.caller);
    if (!task || !relation(conn, caller, *task).sees())
      return {json::object{{"allowedActions", json::array()}}};
    json::object map;
    for (auto uid : users) {
      Viewer v = viewer_of_user(conn, uid);
      bool exists =
          conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {uid}).has_value();
      Relation r = exists ? relation(conn, v, *task) : Relation{};
      bool favorite = conn.integer(
                              "SELECT favorite FROM task_user_state WHERE task_id = ? AND "
                              "user_id = ?",
                              {id, uid})
                          .value_or(0) != 0;
      map[std::to_string(uid)] = actions_json(allowed_actions(*task, r, favorite), true);
    }
    return {json::object{{"allowedActions", std::move(map)}}};
  });
}

}  // namespace artel::tasks
