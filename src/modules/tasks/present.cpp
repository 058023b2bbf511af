#include "modules/tasks/present.h"

#include <algorithm>

#include "core/text.h"
#include "core/time.h"
#include "modules/files/store.h"
#include "modules/groups/access.h"
#include "modules/tasks/attachments.h"
#include "modules/tasks/checklist.h"
#include "modules/tasks/history.h"
#include "modules/users/model.h"

namespace artel::tasks {

namespace {

json::value date(std::int64_t t, int tz) {
  if (!t) return nullptr;
  return json::string(timeutil::format_iso8601(t, tz));
}

json::string str(std::int64_t v) {
  return json::string(std::to_string(v));
}

const char* yn(bool v) {
  return v ? "Y" : "N";
}

json::array id_array(const std::vector<std::int64_t>& ids) {
  json::array a;
  for (auto id : ids) a.push_back(str(id));
  return a;
}

}  // namespace

Selection Selection::from(const json::value* select) {
  Selection s;
  if (!select) return s;
  auto items = as_list(*select);
  if (items.empty()) return s;
  s.all_ = false;
  for (const json::value* item : items) {
    auto name = as_string(*item);
    if (!name) continue;
    std::string upper = api_name(trim(*name));
    if (upper == "*") s.all_ = true;
    s.fields_.insert(upper);
  }
  return s;
}

Selection Selection::everything() {
  return Selection{};
}

bool Selection::has(std::string_view field) const {
  return all_ || fields_.count(field) > 0;
}

PageContext load_context(db::Conn& conn, const Viewer& viewer, const std::vector<Task>& tasks,
                         const Selection& sel, const ContextOptions& options, int tz,
                         std::string_view base_url, const FileStore&) {
  PageContext c;
  c.tz = tz;
  c.now = timeutil::now_seconds();
  c.base_url = std::string(base_url);
  c.viewer_id = viewer.user_id;
  c.with_actions = options.actions;
  if (tasks.empty()) return c;

  std::vector<std::int64_t> ids;
  std::set<std::int64_t> people;
  for (const auto& t : tasks) {
    ids.push_back(t.id);
    people.insert(t.created_by);
    people.insert(t.responsible_id);
    for (auto id : t.accomplices) people.insert(id);
    for (auto id : t.auditors) people.insert(id);
  }
  std::string in = db::in_list(ids.size());
  db::Params p = db::values(ids);

  std::vector<std::int64_t> people_ids(people.begin(), people.end());
  conn.run(
      "SELECT u.id, u.name, u.last_name, u.email, u.work_position, f.id, f.sha256, f.name "
      "FROM users u LEFT JOIN files f ON f.id = u.photo_file_id WHERE u.id IN " +
          db::in_list(people_ids.size()),
      db::values(people_ids), [&](const db::Row& r) {
        Person person;
        person.id = r.integer(0);
        person.name = users::display_name(r.text(1), r.text(2), r.text(3));
        person.work_position = r.text(4);
        if (!r.is_null(5))
          person.photo_url =
              c.base_url + FileStore::url(StoredFile{r.integer(5), r.text(6), "", r.text(7), 0});
        c.people[person.id] = std::move(person);
      });

  db::Params with_viewer = p;
  with_viewer.emplace_back(viewer.user_id);
  conn.run("SELECT task_id, viewed_at, favorite, muted FROM task_user_state WHERE task_id IN " +
               in + " AND user_id = ?",
           with_viewer, [&](const db::Row& r) {
             c.state[r.integer(0)] = {r.integer(1), r.integer(2) != 0, r.integer(3) != 0};
           });

  if (sel.has("NEW_COMMENTS_COUNT") || sel.has("COMMENTS_COUNT")) {
    db::Params q{viewer.user_id};
    q.insert(q.end(), p.begin(), p.end());
    q.emplace_back(viewer.user_id);
    conn.run(
        "SELECT c.task_id, count(*) FROM task_comments c LEFT JOIN task_user_state s ON "
        "s.task_id = c.task_id AND s.user_id = ? WHERE c.task_id IN " +
            in +
            " AND c.author_id <> ? AND c.id > COALESCE(s.seen_comment_id, 0) GROUP BY c.task_id",
        q, [&](const db::Row& r) { c.new_comments[r.integer(0)] = r.integer(1); });
  }
  if (sel.has("DEADLINE_CHANGES")) c.deadline_moves = history::deadline_moves(conn, ids);
  if (sel.has("PLAN_STAGE_ID")) {
    conn.run("SELECT task_id, stage_id FROM task_plan WHERE task_id IN " + in + " AND user_id = ?",
             with_viewer, [&](const db::Row& r) { c.plan_stage[r.integer(0)] = r.integer(1); });
  }
  if (sel.has("GROUP_ID")) {
    std::set<std::int64_t> group_ids;
    for (const auto& t : tasks)
      if (t.group_id) group_ids.insert(t.group_id);
    for (auto& g : groups::briefs(conn, {group_ids.begin(), group_ids.end()})) c.groups[g.id] = g;
  }
  if (sel.has("SUBTASKS_COUNT")) {
    conn.run(
        "SELECT parent_id, count(*) FROM tasks WHERE parent_id IN " + in + " GROUP BY parent_id", p,
        [&](const db::Row& r) { c.subtask_counts[r.integer(0)] = r.integer(1); });
  }
  conn.run("SELECT task_id, started_at FROM task_timers WHERE user_id = ?", {viewer.user_id},
           [&](const db::Row& r) {
             c.timer_task = r.integer(0);
             c.timer_started = r.integer(1);
           });
  if (options.actions) c.relations = relations(conn, viewer, tasks);
  if (options.details) {
    for (const auto& t : tasks) {
      c.checklists[t.id] = checklist::tree_json(conn, t.id, tz);
      json::array files;
      for (const auto& a : attachments::list(conn, t.id))
        files.push_back(attachments::to_json(a, tz, c.base_url));
      c.files[t.id] = std::move(files);
    }
  }
  return c;
}

json::object person_json(const PageContext& c, std::int64_t user_id) {
  json::object o;
  o["id"] = str(user_id);
  auto it = c.people.find(user_id);
  o["name"] = it == c.people.end() ? "" : it->second.name;
  o["link"] = "/company/personal/user/" + std::to_string(user_id) + "/";
  o["icon"] = it == c.people.end() ? "" : it->second.photo_url;
  o["workPosition"] = it == c.people.end() ? "" : it->second.work_position;
  return o;
}

// A new task for its doer that they have not opened yet (the STATUS -2 filter agrees).
bool not_viewed(const Task& t, const PageContext& c) {
  auto st = c.state.find(t.id);
  bool viewed = st != c.state.end() && st->second.viewed_at;
  bool works = t.responsible_id == c.viewer_id ||
               std::count(t.accomplices.begin(), t.accomplices.end(), c.viewer_id) > 0;
  return is_open_status(t.status) && works && !viewed && t.created_by != c.viewer_id;
}

int sub_status(const Task& t, const PageContext& c) {
  bool open = is_open_status(t.status);
  if (open && t.deadline && t.deadline < c.now) return kSubOverdue;
  if (not_viewed(t, c)) return kSubNotViewed;
  if (open && t.deadline && t.deadline - c.now < kDeadlineSoonSeconds) return kSubAlmostOverdue;
  return t.status;
}

json::object present(const Task& t, const PageContext& c, const Selection& sel) {
  json::object o;
  auto state_it = c.state.find(t.id);
  ViewerState st = state_it == c.state.end() ? ViewerState{} : state_it->second;
  bool timer_here = c.timer_task == t.id;
  auto people_object = [&](const std::vector<std::int64_t>& ids) -> json::value {
    if (ids.empty()) return json::array();
    json::object m;
    for (auto id : ids) m[std::to_string(id)] = person_json(c, id);
    return m;
  };

  o["id"] = str(t.id);
  if (sel.has("PARENT_ID")) o["parentId"] = t.parent_id ? json::value(str(t.parent_id)) : nullptr;
  if (sel.has("TITLE")) o["title"] = t.title;
  if (sel.has("DESCRIPTION")) o["description"] = t.description;
  if (sel.has("MARK")) o["mark"] = t.mark.empty() ? json::value(nullptr) : json::value(t.mark);
  if (sel.has("PRIORITY")) o["priority"] = str(t.priority);
  if (sel.has("MULTITASK")) o["multitask"] = "N";
  if (sel.has("NOT_VIEWED")) o["notViewed"] = yn(not_viewed(t, c));
  if (sel.has("REPLICATE")) o["replicate"] = "N";
  if (sel.has("STAGE_ID")) o["stageId"] = str(t.stage_id);
  if (sel.has("CREATED_BY")) o["createdBy"] = str(t.created_by);
  if (sel.has("CREATED_DATE")) o["createdDate"] = date(t.created_date, c.tz);
  if (sel.has("RESPONSIBLE_ID")) o["responsibleId"] = str(t.responsible_id);
  if (sel.has("CHANGED_BY")) o["changedBy"] = str(t.changed_by);
  if (sel.has("CHANGED_DATE")) o["changedDate"] = date(t.changed_date, c.tz);
  if (sel.has("STATUS_CHANGED_BY")) o["statusChangedBy"] = str(t.status_changed_by);
  if (sel.has("CLOSED_BY")) o["closedBy"] = str(t.closed_by);
  if (sel.has("CLOSED_DATE")) o["closedDate"] = date(t.closed_date, c.tz);
  if (sel.has("ACTIVITY_DATE")) o["activityDate"] = date(t.activity_date, c.tz);
  if (sel.has("DATE_START")) o["dateStart"] = date(t.date_start, c.tz);
  if (sel.has("DEADLINE")) o["deadline"] = date(t.deadline, c.tz);
  if (sel.has("START_DATE_PLAN")) o["startDatePlan"] = date(t.start_date_plan, c.tz);
  if (sel.has("END_DATE_PLAN")) o["endDatePlan"] = date(t.end_date_plan, c.tz);
  if (sel.has("GUID")) o["guid"] = t.guid;
  if (sel.has("XML_ID"))
    o["xmlId"] = t.xml_id.empty() ? json::value(nullptr) : json::value(t.xml_id);
  if (sel.has("COMMENTS_COUNT")) o["commentsCount"] = str(t.comments_count);
  if (sel.has("SERVICE_COMMENTS_COUNT")) o["serviceCommentsCount"] = "0";
  if (sel.has("ALLOW_CHANGE_DEADLINE")) o["allowChangeDeadline"] = yn(t.allow_change_deadline);
  if (sel.has("ALLOW_TIME_TRACKING")) o["allowTimeTracking"] = yn(t.allow_time_tracking);
  if (sel.has("TASK_CONTROL")) o["taskControl"] = yn(t.task_control);
  if (sel.has("ADD_IN_REPORT")) o["addInReport"] = yn(t.add_in_report);
  if (sel.has("FORKED_BY_TEMPLATE_ID"))
    o["forkedByTemplateId"] =
        t.forked_by_template_id ? json::value(str(t.forked_by_template_id)) : nullptr;
  if (sel.has("TIME_ESTIMATE")) o["timeEstimate"] = str(t.time_estimate);
  if (sel.has("TIME_SPENT_IN_LOGS")) o["timeSpentInLogs"] = str(t.time_spent);
  if (sel.has("MATCH_WORK_TIME")) o["matchWorkTime"] = yn(t.match_work_time);
  if (sel.has("SITE_ID")) o["siteId"] = "s1";
  if (sel.has("SUBORDINATE"))
    o["subordinate"] = yn(c.relations.count(t.id) && c.relations.at(t.id).heads_member);
  if (sel.has("VIEWED_DATE")) o["viewedDate"] = date(st.viewed_at, c.tz);
  if (sel.has("SORTING"))
    o["sorting"] = t.sorting ? json::value(std::to_string(*t.sorting)) : json::value(nullptr);
  if (sel.has("DURATION_FACT")) o["durationFact"] = str(t.time_spent / 60);
  if (sel.has("IS_MUTED")) o["isMuted"] = yn(st.muted);
  if (sel.has("IS_PINNED")) o["isPinned"] = "N";
  if (sel.has("IS_PINNED_IN_GROUP")) o["isPinnedInGroup"] = "N";
  if (sel.has("DESCRIPTION_IN_BBCODE")) o["descriptionInBbcode"] = "Y";
  if (sel.has("STATUS") || sel.has("REAL_STATUS")) {
    o["status"] = str(t.status);
    o["subStatus"] = str(sub_status(t, c));
  }
  if (sel.has("STATUS_CHANGED_DATE")) o["statusChangedDate"] = date(t.status_changed_date, c.tz);
  if (sel.has("DURATION_PLAN")) o["durationPlan"] = str(t.time_estimate / 3600 / 24);
  if (sel.has("DURATION_TYPE")) o["durationType"] = t.duration_type;
  if (sel.has("FAVORITE")) o["favorite"] = yn(st.favorite);
  if (sel.has("GROUP_ID")) {
    o["groupId"] = str(t.group_id);
    // Bitrix24's short group object, or [] for a task outside groups.
    auto g = c.groups.find(t.group_id);
    if (g == c.groups.end())
      o["group"] = json::array();
    else
      o["group"] =
          json::object{{"id", str(t.group_id)},
                       {"name", g->second.name},
                       {"opened", g->second.opened},
                       {"membersCount", g->second.member_count},
                       {"image", g->second.image_path.empty() ? std::string()
                                                              : c.base_url + g->second.image_path},
                       {"additionalData", json::array()}};
  }
  if (sel.has("AUDITORS")) {
    o["auditors"] = id_array(t.auditors);
    o["auditorsData"] = people_object(t.auditors);
  }
  if (sel.has("ACCOMPLICES")) {
    o["accomplices"] = id_array(t.accomplices);
    o["accomplicesData"] = people_object(t.accomplices);
  }
  if (sel.has("CREATED_BY")) o["creator"] = person_json(c, t.created_by);
  if (sel.has("RESPONSIBLE_ID")) o["responsible"] = person_json(c, t.responsible_id);
  if (sel.has("NEW_COMMENTS_COUNT") || sel.has("COMMENTS_COUNT")) {
    auto it = c.new_comments.find(t.id);
    o["newCommentsCount"] = it == c.new_comments.end() ? 0 : it->second;
  }
  if (sel.has("TAGS")) {
    json::array tags;
    for (const auto& tag : t.tags) tags.push_back(json::string(tag));
    o["tags"] = std::move(tags);
  }
  if (sel.has("UF_CRM_TASK")) {
    json::array links;
    for (const auto& l : t.crm_links) links.push_back(json::string(l));
    o["ufCrmTask"] = std::move(links);
  }
  if (sel.has("DEPENDS_ON")) o["dependsOn"] = id_array(t.depends_on);
  // Artel's additions: how often the deadline moved (C7), the viewer's My Plan stage, the
  // running timer, subtasks.
  if (sel.has("DEADLINE_CHANGES")) {
    auto it = c.deadline_moves.find(t.id);
    o["deadlineChanges"] = it == c.deadline_moves.end() ? 0 : it->second;
  }
  if (sel.has("PLAN_STAGE_ID")) {
    auto it = c.plan_stage.find(t.id);
    o["planStageId"] = it == c.plan_stage.end() ? "0" : std::to_string(it->second);
  }
  if (sel.has("SUBTASKS_COUNT")) {
    auto it = c.subtask_counts.find(t.id);
    o["subtasksCount"] = it == c.subtask_counts.end() ? 0 : it->second;
  }
  if (sel.has("TIME_ESTIMATE") || sel.has("TIME_SPENT_IN_LOGS")) {
    std::int64_t running = timer_here ? std::max<std::int64_t>(0, c.now - c.timer_started) : 0;
    o["timeElapsed"] = str(t.time_spent + running);
    o["timerIsRunningForCurrentUser"] = yn(timer_here);
    o["timerStartedAt"] = timer_here ? date(c.timer_started, c.tz) : nullptr;
  }
  if (c.with_actions) {
    auto it = c.relations.find(t.id);
    Relation r = it == c.relations.end() ? Relation{} : it->second;
    o["action"] = actions_json(allowed_actions(t, r, st.favorite), false);
    o["subordinate"] = yn(r.heads_member && !r.member());
  }
  if (auto it = c.checklists.find(t.id); it != c.checklists.end())
    o["checklist"] = it->second.empty() ? json::value(json::array()) : json::value(it->second);
  if (auto it = c.files.find(t.id); it != c.files.end()) {
    json::array ids;
    for (const auto& f : it->second)
      ids.push_back(json::string("n" + std::string(f.at("id").as_string())));
    o["ufTaskWebdavFiles"] = std::move(ids);
    o["files"] = it->second;
  }
  return o;
}

}  // namespace artel::tasks
