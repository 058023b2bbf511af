#include "modules/groups/store.h"

#include <map>

#include "modules/files/store.h"

namespace artel::groups::store {

namespace {

constexpr const char* kSelect =
    "SELECT g.id, g.name, g.description, g.keywords, g.owner_id, g.visible, g.opened, g.closed, "
    "g.project, g.project_date_start, g.project_date_finish, g.is_extranet, g.initiate_perms, "
    "g.move_perms, g.extranet_tasks, g.curator_role, g.date_create, g.date_update, "
    "g.date_activity, (SELECT count(*) FROM sonet_group_members c WHERE c.group_id = g.id AND "
    "c.role IN ('A','E','K')), COALESCE(f.id, 0), COALESCE(f.sha256, ''), COALESCE(f.name, '') "
    "FROM sonet_groups g LEFT JOIN files f ON f.id = g.image_file_id";

Group read(const db::Row& r) {
  Group g;
  int i = 0;
  g.id = r.integer(i++);
  g.name = r.text(i++);
  g.description = r.text(i++);
  g.keywords = r.text(i++);
  g.owner_id = r.integer(i++);
  g.visible = r.integer(i++) != 0;
  g.opened = r.integer(i++) != 0;
  g.closed = r.integer(i++) != 0;
  g.project = r.integer(i++) != 0;
  g.project_date_start = r.optional_integer(i++);
  g.project_date_finish = r.optional_integer(i++);
  g.is_extranet = r.integer(i++) != 0;
  g.initiate_perms = r.text(i++);
  g.move_perms = r.text(i++);
  g.extranet_tasks = r.text(i++);
  g.curator_role = r.text(i++);
  g.date_create = r.integer(i++);
  g.date_update = r.integer(i++);
  g.date_activity = r.integer(i++);
  g.member_count = r.integer(i++);
  g.image_file_id = r.integer(i++);
  std::string sha = r.text(i++), name = r.text(i++);
  if (g.image_file_id) g.image_path = FileStore::url(StoredFile{g.image_file_id, sha, "", name, 0});
  return g;
}

// Curators of a page of groups in one query.
void load_curators(db::Conn& conn, std::vector<Group>& groups) {
  if (groups.empty()) return;
  std::map<std::int64_t, Group*> by_id;
  db::Params p;
  for (auto& g : groups) {
    by_id[g.id] = &g;
    p.emplace_back(g.id);
  }
  conn.run("SELECT group_id, user_id FROM sonet_group_curators WHERE group_id IN " +
               db::in_list(p.size()) + " ORDER BY group_id, user_id",
           p, [&](const db::Row& r) { by_id[r.integer(0)]->curators.push_back(r.integer(1)); });
}

db::Params columns(const Group& g) {
  return {g.name,
          g.description,
          g.keywords,
          g.owner_id,
          std::int64_t{g.visible},
          std::int64_t{g.opened},
          std::int64_t{g.closed},
          std::int64_t{g.project},
          db::nullable(g.project_date_start),
          db::nullable(g.project_date_finish),
          std::int64_t{g.is_extranet},
          g.initiate_perms,
          g.move_perms,
          g.extranet_tasks,
          g.curator_role,
          g.image_file_id ? db::Value(g.image_file_id) : db::Value(nullptr)};
}

}  // namespace

std::span<const rest::ListField> list_fields() {
  using rest::FieldKind;
  static const rest::ListField fields[] = {
      {"ID", "g.id", FieldKind::Integer},
      {"NAME", "g.name", FieldKind::Text},
      {"DESCRIPTION", "g.description", FieldKind::Text},
      {"KEYWORDS", "g.keywords", FieldKind::Text},
      {"OWNER_ID", "g.owner_id", FieldKind::Integer},
      {"VISIBLE", "g.visible", FieldKind::Flag},
      {"OPENED", "g.opened", FieldKind::Flag},
      {"CLOSED", "g.closed", FieldKind::Flag},
      {"PROJECT", "g.project", FieldKind::Flag},
      {"IS_EXTRANET", "g.is_extranet", FieldKind::Flag},
      {"PROJECT_DATE_START", "g.project_date_start", FieldKind::DateTime, true, true},
      {"PROJECT_DATE_FINISH", "g.project_date_finish", FieldKind::DateTime, true, true},
      {"DATE_CREATE", "g.date_create", FieldKind::DateTime},
      {"DATE_UPDATE", "g.date_update", FieldKind::DateTime},
      {"DATE_ACTIVITY", "g.date_activity", FieldKind::DateTime},
  };
  return fields;
}

std::optional<Group> find(db::Conn& conn, std::int64_t id) {
  std::vector<Group> out;
  conn.run(std::string(kSelect) + " WHERE g.id = ?", {id},
           [&](const db::Row& r) { out.push_back(read(r)); });
  if (out.empty()) return std::nullopt;
  load_curators(conn, out);
  return std::move(out.front());
}

std::vector<Group> list(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<Group> out;
  conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY " + q.order_by +
               rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read(r)); });
  load_curators(conn, out);
  return out;
}

std::int64_t count(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM sonet_groups g" + q.where_clause(), q.params)
      .value_or(0);
}

std::int64_t insert(db::Conn& conn, const Group& g) {
  db::Params p = columns(g);
  p.emplace_back(g.date_create);
  p.emplace_back(g.date_update);
  p.emplace_back(g.date_activity);
  return conn.insert(
      "INSERT INTO sonet_groups(name, description, keywords, owner_id, visible, opened, closed, "
      "project, project_date_start, project_date_finish, is_extranet, initiate_perms, move_perms, "
      "extranet_tasks, curator_role, image_file_id, date_create, date_update, date_activity) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      p);
}

void update(db::Conn& conn, const Group& g) {
  db::Params p = columns(g);
  p.emplace_back(g.date_update);
  p.emplace_back(g.date_update);
  p.emplace_back(g.id);
  conn.run(
      "UPDATE sonet_groups SET name = ?, description = ?, keywords = ?, owner_id = ?, visible = ?, "
      "opened = ?, closed = ?, project = ?, project_date_start = ?, project_date_finish = ?, "
      "is_extranet = ?, initiate_perms = ?, move_perms = ?, extranet_tasks = ?, curator_role = ?, "
      "image_file_id = ?, date_update = ?, date_activity = ? WHERE id = ?",
      p);
}

void remove(db::Conn& conn, std::int64_t id) {
  conn.run("DELETE FROM sonet_group_curators WHERE group_id = ?", {id});
  conn.run("DELETE FROM sonet_group_members WHERE group_id = ?", {id});
  conn.run("DELETE FROM sonet_groups WHERE id = ?", {id});
}

void set_curators(db::Conn& conn, std::int64_t group_id, const std::vector<std::int64_t>& ids) {
  conn.run("DELETE FROM sonet_group_curators WHERE group_id = ?", {group_id});
  for (auto id : ids)
    conn.run("INSERT INTO sonet_group_curators(group_id, user_id) VALUES (?, ?)", {group_id, id});
}

void touch(db::Conn& conn, std::int64_t group_id, std::int64_t now) {
  conn.run("UPDATE sonet_groups SET date_activity = ? WHERE id = ?", {now, group_id});
}

std::vector<Membership> members(db::Conn& conn, std::int64_t group_id) {
  std::vector<Membership> out;
  conn.run(
      "SELECT user_id, role, initiated_by, message FROM sonet_group_members WHERE group_id = ? "
      "ORDER BY CASE role WHEN 'A' THEN 0 WHEN 'E' THEN 1 WHEN 'K' THEN 2 ELSE 3 END, user_id",
      {group_id}, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)});
      });
  return out;
}

std::optional<Membership> membership(db::Conn& conn, std::int64_t group_id, std::int64_t user_id) {
  std::optional<Membership> out;
  conn.run(
      "SELECT user_id, role, initiated_by, message FROM sonet_group_members WHERE group_id = ? "
      "AND user_id = ?",
      {group_id, user_id}, [&](const db::Row& r) {
        out = Membership{r.integer(0), r.text(1), r.text(2), r.text(3)};
      });
  return out;
}

void put_member(db::Conn& conn, std::int64_t group_id, const Membership& m, std::int64_t now) {
  conn.run(
      "INSERT INTO sonet_group_members(group_id, user_id, role, initiated_by, message, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (group_id, user_id) DO UPDATE SET role = "
      "excluded.role, initiated_by = excluded.initiated_by, message = excluded.message",
      {group_id, m.user_id, m.role, m.initiated_by, m.message, now});
}

void remove_member(db::Conn& conn, std::int64_t group_id, std::int64_t user_id) {
  conn.run("DELETE FROM sonet_group_members WHERE group_id = ? AND user_id = ?",
           {group_id, user_id});
}

std::map<std::int64_t, std::string> roles_of(db::Conn& conn, std::int64_t user_id,
                                             const std::vector<std::int64_t>& group_ids) {
  std::map<std::int64_t, std::string> out;
  if (group_ids.empty()) return out;
  db::Params p{user_id};
  for (auto id : group_ids) p.emplace_back(id);
  conn.run("SELECT group_id, role FROM sonet_group_members WHERE user_id = ? AND group_id IN " +
               db::in_list(group_ids.size()),
           p, [&](const db::Row& r) { out[r.integer(0)] = r.text(1); });
  return out;
}

std::vector<OwnGroup> groups_of(db::Conn& conn, std::int64_t user_id) {
  std::vector<OwnGroup> out;
  conn.run(
      "SELECT g.id, g.name, m.role, g.is_extranet, g.project FROM sonet_group_members m JOIN "
      "sonet_groups g ON g.id = m.group_id WHERE m.user_id = ? AND m.role IN ('A','E','K') "
      "ORDER BY g.name, g.id",
      {user_id}, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.text(1), r.text(2), r.integer(3) != 0, r.integer(4) != 0});
      });
  return out;
}

}  // namespace artel::groups::store
