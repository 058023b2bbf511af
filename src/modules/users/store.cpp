#include "modules/users/store.h"

#include <sstream>

#include "core/text.h"
#include "core/time.h"
#include "modules/files/store.h"

namespace artel::users::store {

namespace {

std::string select_columns() {
  std::string sql =
      "SELECT u.id, u.active, u.invited, u.is_admin, u.user_type, u.email, u.language_id, "
      "u.time_zone, u.photo_file_id, u.date_register, u.last_login, u.timestamp_x, f.id, f.sha256, "
      "f.name, (SELECT string_agg(CAST(department_id AS TEXT), ',') FROM user_departments d "
      "WHERE d.user_id = u.id)";
  for (const auto& f : kTextFields) sql += ", u." + std::string(f.column);
  sql += " FROM users u LEFT JOIN files f ON f.id = u.photo_file_id";
  return sql;
}

const std::string& select_sql() {
  static const std::string sql = select_columns();
  return sql;
}

User read_user(const db::Row& r) {
  User u;
  u.id = r.integer(0);
  u.active = r.integer(1) != 0;
  u.invited = r.integer(2) != 0;
  u.is_admin = r.integer(3) != 0;
  u.user_type = r.text(4);
  u.email = r.text(5);
  u.language_id = r.text(6);
  u.time_zone = r.text(7);
  u.photo_file_id = r.optional_integer(8).value_or(0);
  u.date_register = r.integer(9);
  u.last_login = r.optional_integer(10).value_or(0);
  u.timestamp_x = r.integer(11);
  if (!r.is_null(12))
    u.photo_url = FileStore::url(StoredFile{r.integer(12), r.text(13), "", r.text(14), 0});
  std::stringstream deps(r.text(15));
  std::string item;
  while (std::getline(deps, item, ','))
    if (!item.empty()) u.departments.push_back(std::stoll(item));
  std::sort(u.departments.begin(), u.departments.end());
  for (std::size_t i = 0; i < kTextFields.size(); ++i) u.text[i] = r.text(static_cast<int>(16 + i));
  return u;
}

}  // namespace

std::span<const rest::ListField> list_fields() {
  using rest::FieldKind;
  static const std::vector<rest::ListField> fields = [] {
    std::vector<rest::ListField> f = {
        {"ID", "u.id", FieldKind::Integer},
        {"ACTIVE", "u.active", FieldKind::Flag},
        {"EMAIL", "u.email", FieldKind::Text},
        {"USER_TYPE", "u.user_type", FieldKind::Text},
        {"LANGUAGE_ID", "u.language_id", FieldKind::Text},
        {"TIME_ZONE", "u.time_zone", FieldKind::Text},
        {"IS_ADMIN", "u.is_admin", FieldKind::Flag},
        {"INVITED", "u.invited", FieldKind::Flag},
        {"DATE_REGISTER", "u.date_register", FieldKind::DateTime},
        {"LAST_LOGIN", "u.last_login", FieldKind::DateTime, true, /*nullable=*/true},
        {"TIMESTAMP_X", "u.timestamp_x", FieldKind::DateTime},
        {"UF_DEPARTMENT",
         "(SELECT min(department_id) FROM user_departments d WHERE d.user_id = u.id)",
         FieldKind::Integer, true, /*nullable=*/true},
    };
    static std::vector<std::string> columns;  // keeps the string_views below alive
    columns.reserve(kTextFields.size());
    for (const auto& t : kTextFields) {
      columns.push_back("u." + std::string(t.column));
      f.push_back({t.api, columns.back(), FieldKind::Text});
    }
    return f;
  }();
  return fields;
}

std::optional<User> find(db::Conn& conn, std::int64_t id) {
  std::optional<User> out;
  conn.run(select_sql() + " WHERE u.id = ?", {id}, [&](const db::Row& r) { out = read_user(r); });
  return out;
}

std::optional<User> find_by_email(db::Conn& conn, std::string_view email) {
  std::optional<User> out;
  conn.run(select_sql() + " WHERE u.email_folded = ?", {fold_case(trim(email))},
           [&](const db::Row& r) { out = read_user(r); });
  return out;
}

std::vector<User> list(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<User> out;
  conn.run(select_sql() + q.where_clause() + " ORDER BY " + q.order_by + rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read_user(r)); });
  return out;
}

std::int64_t count(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM users u" + q.where_clause(), q.params).value_or(0);
}

std::int64_t insert(db::Conn& conn, const NewUser& n) {
  auto now = timeutil::now_seconds();
  std::string email(trim(n.email));
  std::int64_t id = conn.insert(
      "INSERT INTO users(email, email_folded, password_hash, active, invited, is_admin, user_type, "
      "date_register, timestamp_x) VALUES (?,?,?,1,?,?,?,?,?)",
      {email, fold_case(email), db::text_or_null(n.password_hash), std::int64_t{n.invited},
       std::int64_t{n.is_admin}, n.user_type, now, now});
  refresh_search_text(conn, id);
  return id;
}

void update_columns(db::Conn& conn, std::int64_t id,
                    const std::vector<std::pair<std::string, db::Value>>& columns) {
  if (columns.empty()) return;
  std::string sql = "UPDATE users SET timestamp_x = ?";
  db::Params params{timeutil::now_seconds()};
  for (const auto& [column, value] : columns) {
    sql += ", " + column + " = ?";
    params.push_back(value);
  }
  sql += " WHERE id = ?";
  params.push_back(id);
  conn.run(sql, params);
  refresh_search_text(conn, id);
}

void set_departments(db::Conn& conn, std::int64_t id,
                     const std::vector<std::int64_t>& departments) {
  conn.run("DELETE FROM user_departments WHERE user_id = ?", {id});
  for (auto d : departments)
    conn.run(
        "INSERT INTO user_departments(user_id, department_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        {id, d});
  conn.run("UPDATE users SET timestamp_x = ? WHERE id = ?", {timeutil::now_seconds(), id});
}

void refresh_search_text(db::Conn& conn, std::int64_t id) {
  auto text = conn.text(
      "SELECT name || ' ' || last_name || ' ' || second_name || ' ' || email || ' ' || "
      "work_position FROM users WHERE id = ?",
      {id});
  conn.run("UPDATE users SET name_folded = ? WHERE id = ?", {fold_case(text.value_or("")), id});
}

std::vector<std::int64_t> active_employee_ids(db::Conn& conn) {
  std::vector<std::int64_t> ids;
  conn.run("SELECT id FROM users WHERE active = 1 AND user_type = 'employee'", {},
           [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  return ids;
}

std::vector<std::int64_t> active_admin_ids(db::Conn& conn) {
  std::vector<std::int64_t> ids;
  conn.run("SELECT id FROM users WHERE active = 1 AND is_admin = 1 ORDER BY id", {},
           [&](const db::Row& r) { ids.push_back(r.integer(0)); });
  return ids;
}

std::int64_t active_admin_count(db::Conn& conn) {
  return conn.integer("SELECT count(*) FROM users WHERE active = 1 AND is_admin = 1").value_or(0);
}

std::optional<std::string> password_hash(db::Conn& conn, std::int64_t id) {
  return conn.text("SELECT password_hash FROM users WHERE id = ?", {id});
}

}  // namespace artel::users::store
