#include "modules/groups/access.h"

#include "modules/files/store.h"
#include "modules/groups/store.h"

namespace artel::groups {

std::optional<std::string> role_of(db::Conn& conn, std::int64_t group_id, std::int64_t user_id) {
  return conn.text("SELECT role FROM sonet_group_members WHERE group_id = ? AND user_id = ?",
                   {group_id, user_id});
}

bool exists(db::Conn& conn, std::int64_t group_id) {
  return conn.integer("SELECT 1 FROM sonet_groups WHERE id = ?", {group_id}).has_value();
}

bool is_extranet_group(db::Conn& conn, std::int64_t group_id) {
  return conn.integer("SELECT is_extranet FROM sonet_groups WHERE id = ?", {group_id})
             .value_or(0) != 0;
}

bool is_archived(db::Conn& conn, std::int64_t group_id) {
  return conn.integer("SELECT closed FROM sonet_groups WHERE id = ?", {group_id}).value_or(0) != 0;
}

std::vector<std::int64_t> task_groups(db::Conn& conn, std::int64_t user_id, bool is_extranet) {
  std::vector<std::int64_t> out;
  std::string sql =
      "SELECT m.group_id FROM sonet_group_members m JOIN sonet_groups g ON g.id = m.group_id "
      "WHERE m.user_id = ? AND m.role IN ('A','E','K')";
  if (is_extranet) sql += " AND g.extranet_tasks = 'ALL'";
  conn.run(sql + " ORDER BY m.group_id", {user_id},
           [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<std::int64_t> groups_of(db::Conn& conn, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  conn.run(
      "SELECT group_id FROM sonet_group_members WHERE user_id = ? AND role IN ('A','E','K') "
      "ORDER BY group_id",
      {user_id}, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<std::int64_t> members_of(db::Conn& conn, const std::vector<std::int64_t>& group_ids) {
  std::vector<std::int64_t> out;
  if (group_ids.empty()) return out;
  conn.run(
      "SELECT DISTINCT m.user_id FROM sonet_group_members m JOIN users u ON u.id = "
      "m.user_id WHERE m.role IN ('A','E','K') AND u.active = 1 AND m.group_id IN " +
          db::in_list(group_ids.size()),
      db::values(group_ids), [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<std::int64_t> task_viewers(db::Conn& conn, std::int64_t group_id) {
  std::vector<std::int64_t> out;
  conn.run(
      "SELECT m.user_id FROM sonet_group_members m JOIN sonet_groups g ON g.id = m.group_id JOIN "
      "users u ON u.id = m.user_id WHERE m.group_id = ? AND m.role IN ('A','E','K') AND "
      "u.active = 1 AND (u.user_type <> 'extranet' OR g.extranet_tasks = 'ALL')",
      {group_id}, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::string co_members_sql() {
  return "SELECT o.user_id FROM sonet_group_members s JOIN sonet_group_members o ON o.group_id = "
         "s.group_id WHERE s.user_id = ? AND s.role IN ('A','E','K') AND o.role IN ('A','E','K')";
}

std::string shares_group_sql(std::string_view user_column) {
  return "EXISTS (SELECT 1 FROM sonet_group_members o JOIN sonet_group_members s ON s.group_id = "
         "o.group_id WHERE o.user_id = " +
         std::string(user_column) +
         " AND o.role IN ('A','E','K') AND s.user_id = ? AND s.role IN ('A','E','K'))";
}

void restrict_to_known(rest::ListQuery& q, const rest::Caller& caller) {
  if (caller.is_admin) return;
  const std::string own =
      "g.id IN (SELECT k.group_id FROM sonet_group_members k WHERE k.user_id = ?)";
  if (caller.is_extranet)
    q.add_condition(own, {caller.user_id});
  else
    q.add_condition("(g.visible = 1 OR " + own + ")", {caller.user_id});
}

bool knows(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id) {
  rest::ListQuery q;
  restrict_to_known(q, caller);
  q.add_condition("g.id = ?", {group_id});
  return conn.integer("SELECT count(*) FROM sonet_groups g" + q.where_clause(), q.params)
             .value_or(0) > 0;
}

Curators curators(db::Conn& conn, std::int64_t group_id) {
  Curators c;
  c.role = conn.text("SELECT curator_role FROM sonet_groups WHERE id = ?", {group_id})
               .value_or("AUDITOR");
  conn.run("SELECT user_id FROM sonet_group_curators WHERE group_id = ? ORDER BY user_id",
           {group_id}, [&](const db::Row& r) { c.ids.push_back(r.integer(0)); });
  return c;
}

std::string move_perms(db::Conn& conn, std::int64_t group_id) {
  return conn.text("SELECT move_perms FROM sonet_groups WHERE id = ?", {group_id}).value_or("K");
}

std::vector<Brief> briefs(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::vector<Brief> out;
  if (ids.empty()) return out;
  conn.run(
      "SELECT g.id, g.name, g.opened, (SELECT count(*) FROM sonet_group_members c WHERE "
      "c.group_id = g.id AND c.role IN ('A','E','K')), f.id, f.sha256, f.name FROM sonet_groups "
      "g LEFT JOIN files f ON f.id = g.image_file_id WHERE g.id IN " +
          db::in_list(ids.size()),
      db::values(ids), [&](const db::Row& r) {
        Brief b{r.integer(0), r.text(1), r.integer(2) != 0, r.integer(3), ""};
        if (!r.is_null(4))
          b.image_path = FileStore::url(StoredFile{r.integer(4), r.text(5), "", r.text(6), 0});
        out.push_back(std::move(b));
      });
  return out;
}

std::vector<std::string> names_of_groups_of(db::Conn& conn, std::int64_t user_id) {
  std::vector<std::string> out;
  for (auto& g : store::groups_of(conn, user_id)) out.push_back(std::move(g.name));
  return out;
}

}  // namespace artel::groups
