#include "modules/tasks/access.h"

#include <algorithm>
#include <set>

#include "modules/groups/access.h"

namespace artel::tasks {

namespace {

void fill_structure(db::Conn& conn, Viewer& v) {
  // The tree is small (hundreds of departments) and read whole: walking it here keeps the SQL
  // of every list query a plain IN list that both databases plan well.
  struct Node {
    std::int64_t parent = 0;
    std::int64_t head = 0;
  };
  std::map<std::int64_t, Node> nodes;
  std::map<std::int64_t, std::vector<std::int64_t>> children;
  conn.run("SELECT id, COALESCE(parent_id, 0), COALESCE(head_id, 0) FROM departments", {},
           [&](const db::Row& r) {
             nodes[r.integer(0)] = {r.integer(1), r.integer(2)};
             children[r.integer(1)].push_back(r.integer(0));
           });
  std::set<std::int64_t> below;
  std::vector<std::int64_t> stack;
  for (const auto& [id, node] : nodes)
    if (node.head == v.user_id) stack.push_back(id);
  std::vector<std::int64_t> headed = stack;
  while (!stack.empty()) {
    std::int64_t id = stack.back();
    stack.pop_back();
    if (!below.insert(id).second) continue;
    for (auto child : children[id]) stack.push_back(child);
  }
  v.headed_departments.assign(below.begin(), below.end());
  if (headed.empty()) return;
  // Roots: headed departments with no headed department above them.
  auto above = [&](std::int64_t d) {
    std::vector<std::int64_t> up;
    for (int depth = 0; d && depth < 64; ++depth) {
      auto it = nodes.find(d);
      if (it == nodes.end()) break;
      d = it->second.parent;
      if (d) up.push_back(d);
    }
    return up;
  };
  std::set<std::int64_t> headed_set(headed.begin(), headed.end());
  for (auto d : headed) {
    bool nested = false;
    for (auto a : above(d)) nested = nested || headed_set.count(a) > 0;
    if (!nested) v.scope_roots.push_back(d);
  }
  std::set<std::int64_t> roots(v.scope_roots.begin(), v.scope_roots.end());
  conn.run("SELECT department_id FROM user_departments WHERE user_id = ?", {v.user_id},
           [&](const db::Row& r) {
             std::int64_t own = r.integer(0);
             if (roots.count(own)) v.scope_covers_own = true;
             for (auto a : above(own))
               if (roots.count(a)) v.scope_covers_own = true;
           });
}

}  // namespace

Viewer viewer_of(db::Conn& conn, const rest::Caller& caller) {
  Viewer v;
  v.user_id = caller.user_id;
  v.is_admin = caller.is_admin;
  v.is_extranet = caller.is_extranet;
  if (!v.is_extranet) fill_structure(conn, v);
  if (!v.is_admin) v.task_groups = groups::task_groups(conn, v.user_id, v.is_extranet);
  return v;
}

Viewer viewer_of_user(db::Conn& conn, std::int64_t user_id) {
  Viewer v;
  v.user_id = user_id;
  conn.run("SELECT is_admin, user_type FROM users WHERE id = ? AND active = 1", {user_id},
           [&](const db::Row& r) {
             v.is_admin = r.integer(0) != 0;
             v.is_extranet = r.text(1) == "extranet";
           });
  if (!v.is_extranet) fill_structure(conn, v);
  if (!v.is_admin) v.task_groups = groups::task_groups(conn, v.user_id, v.is_extranet);
  return v;
}

bool Viewer::sees_group(std::int64_t group_id) const {
  return group_id != 0 && std::binary_search(task_groups.begin(), task_groups.end(), group_id);
}

rest::Caller caller_of(const Viewer& viewer) {
  rest::Caller c;
  c.kind = rest::AuthKind::Session;
  c.user_id = viewer.user_id;
  c.is_admin = viewer.is_admin;
  c.is_extranet = viewer.is_extranet;
  return c;
}

bool heads_person(db::Conn& conn, const Viewer& viewer, std::int64_t user_id) {
  if (user_id == viewer.user_id || viewer.headed_departments.empty()) return false;
  db::Params p{user_id};
  for (auto d : viewer.headed_departments) p.emplace_back(d);
  return conn
      .integer("SELECT 1 FROM user_departments WHERE user_id = ? AND department_id IN " +
                   db::in_list(viewer.headed_departments.size()) + " LIMIT 1",
               p)
      .has_value();
}

std::map<std::int64_t, Relation> relations(db::Conn& conn, const Viewer& viewer,
                                           const std::vector<Task>& tasks) {
  std::map<std::int64_t, Relation> out;
  for (const auto& t : tasks) {
    Relation& r = out[t.id];
    r.admin = viewer.is_admin;
    r.creator = t.created_by == viewer.user_id;
    r.responsible = t.responsible_id == viewer.user_id;
    r.accomplice = std::count(t.accomplices.begin(), t.accomplices.end(), viewer.user_id) > 0;
    r.auditor = std::count(t.auditors.begin(), t.auditors.end(), viewer.user_id) > 0;
    r.group_member = viewer.sees_group(t.group_id);
  }
  if (viewer.headed_departments.empty() || tasks.empty()) return out;
  // Members (other than the viewer) who sit in a department the viewer heads, by role.
  db::Params p;
  for (const auto& t : tasks) p.emplace_back(t.id);
  p.emplace_back(viewer.user_id);
  for (auto d : viewer.headed_departments) p.emplace_back(d);
  conn.run(
      "SELECT DISTINCT m.task_id, m.role FROM task_members m JOIN user_departments ud ON "
      "ud.user_id = m.user_id WHERE m.task_id IN " +
          db::in_list(tasks.size()) + " AND m.user_id <> ? AND ud.department_id IN " +
          db::in_list(viewer.headed_departments.size()),
      p, [&](const db::Row& row) {
        Relation& r = out[row.integer(0)];
        r.heads_member = true;
        std::string role = row.text(1);
        if (role == "O" || role == "R") r.heads_creator_or_responsible = true;
      });
  return out;
}

Relation relation(db::Conn& conn, const Viewer& viewer, const Task& task) {
  return relations(conn, viewer, {task})[task.id];
}

void restrict_to_visible(rest::ListQuery& q, const Viewer& v, VisibleForm form) {
  if (v.is_admin) return;
  const std::string mine = "SELECT m.task_id FROM task_members m WHERE m.user_id = ?";
  // The tasks of the person's workgroups (one index range of tasks_group each).
  std::string groups;
  db::Params group_ids = db::values(v.task_groups);
  if (!v.task_groups.empty()) groups = "t.group_id IN " + db::in_list(v.task_groups.size());
  auto with_groups = [&](std::string sql, db::Params p) {
    if (groups.empty()) return q.add_condition(sql, std::move(p));
    p.insert(p.end(), group_ids.begin(), group_ids.end());
    q.add_condition("(" + sql + " OR " + groups + ")", std::move(p));
  };
  if (v.scope_roots.empty()) {
    with_groups("t.id IN (" + mine + ")", {v.user_id});
    return;
  }
  // A head: the tasks whose scope holds a department they head (one index range each).
  std::string in = db::in_list(v.scope_roots.size());
  db::Params roots = db::values(v.scope_roots);
  db::Params p;
  std::string sql;
  if (form == VisibleForm::Scan) {
    sql = "EXISTS (SELECT 1 FROM task_scope s WHERE s.task_id = t.id AND s.department_id IN " + in +
          ")";
    p = roots;
    if (!v.scope_covers_own) {
      sql = "t.id IN (" + mine + ") OR " + sql;
      p.insert(p.begin(), v.user_id);
    }
  } else {
    std::string scope = "SELECT s.task_id FROM task_scope s WHERE s.department_id IN " + in;
    p = roots;
    if (v.scope_covers_own) {
      sql = "t.id IN (" + scope + ")";
    } else {
      sql = "t.id IN (" + mine + " UNION " + scope + ")";
      p.insert(p.begin(), v.user_id);
    }
  }
  with_groups(sql, std::move(p));
}

Actions allowed_actions(const Task& t, const Relation& r, bool favorite) {
  Actions a;
  if (!r.sees()) return a;
  bool open = is_open_status(t.status);
  bool works = r.executes() || r.admin;
  a.start = works && (t.status == kNew || t.status == kPending);
  a.pause = works && t.status == kInProgress;
  a.complete = (r.executes() || r.directs()) && (open || t.status == kDeferred);
  a.approve = (r.creator || r.admin) && t.status == kAwaitingControl;
  a.disapprove = a.approve;
  a.defer = (r.executes() || r.directs()) && open;
  a.renew = (t.status == kCompleted || t.status == kDeferred || t.status == kDeclined) &&
            (r.directs() || (r.executes() && t.status == kDeferred));
  a.delegate =
      (r.responsible || r.directs()) && t.status != kCompleted && t.status != kAwaitingControl;
  a.remove = r.directs();
  a.edit = r.directs();
  a.create = true;
  a.change_deadline = r.directs() || (r.executes() && t.allow_change_deadline);
  a.edit_plan = r.directs() || r.executes();
  a.checklist_add = r.directs() || r.executes();
  a.add_favorite = !favorite;
  a.delete_favorite = favorite;
  a.rate = r.directs();
  a.edit_originator = r.creator || r.admin;
  a.elapsed_time_add = r.executes() || r.creator || r.admin;
  a.timer_toggle = r.executes() && t.allow_time_tracking && t.status != kCompleted &&
                   t.status != kAwaitingControl;
  return a;
}

json::object actions_json(const Actions& a, bool upper) {
  // Bitrix24's names; the camelCase of tasks.task.get is made from them.
  const std::pair<const char*, bool> entries[] = {
      {"ACCEPT", false},
      {"DECLINE", false},
      {"COMPLETE", a.complete},
      {"APPROVE", a.approve},
      {"DISAPPROVE", a.disapprove},
      {"START", a.start},
      {"PAUSE", a.pause},
      {"DELEGATE", a.delegate},
      {"REMOVE", a.remove},
      {"EDIT", a.edit},
      {"DEFER", a.defer},
      {"RENEW", a.renew},
      {"CREATE", a.create},
      {"CHANGE_DEADLINE", a.change_deadline},
      {"CHECKLIST_ADD_ITEMS", a.checklist_add},
      {"ADD_FAVORITE", a.add_favorite},
      {"DELETE_FAVORITE", a.delete_favorite},
      {"RATE", a.rate},
      {"TAKE", false},
      {"EDIT.ORIGINATOR", a.edit_originator},
      {"CHECKLIST.REORDER", a.checklist_add},
      {"ELAPSEDTIME.ADD", a.elapsed_time_add},
      {"DAYPLAN.TIMER.TOGGLE", a.timer_toggle},
      {"EDIT.PLAN", a.edit_plan},
      {"CHECKLIST.ADD", a.checklist_add},
      {"FAVORITE.ADD", a.add_favorite},
      {"FAVORITE.DELETE", a.delete_favorite},
  };
  json::object o;
  for (const auto& [name, allowed] : entries)
    o[upper ? std::string(name) : camel_name(name)] = allowed;
  return o;
}

}  // namespace artel::tasks
