#include "modules/departments/store.h"

namespace artel::departments::store {

namespace {
constexpr const char* kSelect =
    "SELECT d.id, d.name, d.sort, d.parent_id, d.head_id FROM departments d";

Department read(const db::Row& r) {
  return {r.integer(0), r.text(1), r.integer(2), r.optional_integer(3).value_or(0),
          r.optional_integer(4).value_or(0)};
}
}  // namespace

std::span<const rest::ListField> list_fields() {
  using rest::FieldKind;
  static const rest::ListField fields[] = {
      {"ID", "d.id", FieldKind::Integer},
      {"NAME", "d.name", FieldKind::Text},
      {"SORT", "d.sort", FieldKind::Integer},
      {"PARENT", "d.parent_id", FieldKind::Integer, true, /*nullable=*/true},
      {"UF_HEAD", "d.head_id", FieldKind::Integer, true, /*nullable=*/true},
  };
  return fields;
}

std::optional<Department> find(db::Conn& conn, std::int64_t id) {
  std::optional<Department> out;
  conn.run(std::string(kSelect) + " WHERE d.id = ?", {id},
           [&](const db::Row& r) { out = read(r); });
  return out;
}

std::vector<Department> list(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<Department> out;
  conn.run(std::string(kSelect) + q.where_clause() + " ORDER BY " + q.order_by +
               rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read(r)); });
  return out;
}

std::int64_t count(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM departments d" + q.where_clause(), q.params)
      .value_or(0);
}

std::int64_t insert(db::Conn& conn, const Department& d) {
  return conn.insert("INSERT INTO departments(name, sort, parent_id, head_id) VALUES (?,?,?,?)",
                     {d.name, d.sort, d.parent_id ? db::Value(d.parent_id) : db::Value(nullptr),
                      d.head_id ? db::Value(d.head_id) : db::Value(nullptr)});
}

void update(db::Conn& conn, const Department& d) {
  conn.run("UPDATE departments SET name = ?, sort = ?, parent_id = ?, head_id = ? WHERE id = ?",
           {d.name, d.sort, d.parent_id ? db::Value(d.parent_id) : db::Value(nullptr),
            d.head_id ? db::Value(d.head_id) : db::Value(nullptr), d.id});
}

void remove(db::Conn& conn, std::int64_t id) {
  conn.run("DELETE FROM departments WHERE id = ?", {id});
}

std::vector<std::string> child_names(db::Conn& conn, std::int64_t id) {
  std::vector<std::string> names;
  conn.run("SELECT name FROM departments WHERE parent_id = ? ORDER BY sort, name", {id},
           [&](const db::Row& r) { names.push_back(r.text(0)); });
  return names;
}

std::int64_t member_count(db::Conn& conn, std::int64_t id) {
  return conn
      .integer(
          "SELECT count(*) FROM user_departments ud JOIN users u ON u.id = ud.user_id "
          "WHERE ud.department_id = ? AND u.active = 1",
          {id})
      .value_or(0);
}

bool is_in_subtree(db::Conn& conn, std::int64_t id, std::int64_t candidate) {
  return db::reaches(conn, "departments", "parent_id", "id", id, candidate);
}

std::int64_t root_count(db::Conn& conn) {
  return conn.integer("SELECT count(*) FROM departments WHERE parent_id IS NULL").value_or(0);
}

std::vector<std::int64_t> departments_above(db::Conn& conn, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  conn.run(
      "WITH RECURSIVE up(id) AS (SELECT department_id FROM user_departments WHERE user_id = ? "
      "UNION SELECT d.parent_id FROM departments d JOIN up ON d.id = up.id WHERE d.parent_id IS "
      "NOT NULL) SELECT id FROM up ORDER BY id",
      {user_id}, [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<std::int64_t> people_under(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  if (ids.empty()) return out;
  conn.run("WITH RECURSIVE down(id) AS (SELECT id FROM departments WHERE id IN " +
               db::in_list(ids.size()) +
               " UNION SELECT d.id FROM departments d JOIN down ON d.parent_id = down.id) SELECT "
               "DISTINCT ud.user_id FROM user_departments ud JOIN down ON down.id = "
               "ud.department_id JOIN users u ON u.id = ud.user_id WHERE u.active = 1",
           db::values(ids), [&](const db::Row& r) { out.push_back(r.integer(0)); });
  return out;
}

}  // namespace artel::departments::store
