#include "modules/helpdesk/store.h"

#include "modules/users/model.h"

namespace artel::helpdesk::store {

namespace {

using rest::FieldKind;

db::Value id_or_null(std::int64_t id) {
  return id ? db::Value(id) : db::Value(nullptr);
}

constexpr const char* kCompanySelect =
    "SELECT c.id, c.title, COALESCE(c.responsible_id, 0), COALESCE(c.group_id, 0), c.comments, "
    "c.created_at, c.updated_at FROM helpdesk_companies c";

Company read_company(const db::Row& r) {
  Company c;
  c.id = r.integer(0);
  c.title = r.text(1);
  c.responsible_id = r.integer(2);
  c.group_id = r.integer(3);
  c.comments = r.text(4);
  c.created_at = r.integer(5);
  c.updated_at = r.integer(6);
  return c;
}

constexpr const char* kSiteSelect = "SELECT s.id, s.company_id, s.url FROM helpdesk_sites s";

Site read_site(const db::Row& r) {
  return Site{r.integer(0), r.integer(1), r.text(2)};
}

constexpr const char* kTicketSelect =
    "SELECT t.id, t.title, t.company_id, COALESCE(t.site_id, 0), COALESCE(t.contact_id, 0), "
    "t.description, t.desired_date, t.priority, t.status, COALESCE(t.responsible_id, 0), "
    "COALESCE(t.task_id, 0), t.source, t.comments_count, t.created_by, t.created_at, "
    "t.updated_at, t.status_changed_at, c.title, COALESCE(s.url, ''), cu.name, cu.last_name, "
    "cu.email, ru.name, ru.last_name, ru.email FROM helpdesk_tickets t JOIN helpdesk_companies c "
    "ON c.id = t.company_id LEFT JOIN helpdesk_sites s ON s.id = t.site_id LEFT JOIN users cu "
    "ON cu.id = t.contact_id LEFT JOIN users ru ON ru.id = t.responsible_id";

Ticket read_ticket(const db::Row& r) {
  Ticket t;
  int i = 0;
  t.id = r.integer(i++);
  t.title = r.text(i++);
  t.company_id = r.integer(i++);
  t.site_id = r.integer(i++);
  t.contact_id = r.integer(i++);
  t.description = r.text(i++);
  if (!r.is_null(i)) t.desired_date = r.integer(i);
  ++i;
  t.priority = r.text(i++);
  t.status = r.text(i++);
  t.responsible_id = r.integer(i++);
  t.task_id = r.integer(i++);
  t.source = r.text(i++);
  t.comments_count = r.integer(i++);
  t.created_by = r.integer(i++);
  t.created_at = r.integer(i++);
  t.updated_at = r.integer(i++);
  t.status_changed_at = r.integer(i++);
  t.company_title = r.text(i++);
  t.site_url = r.text(i++);
  if (t.contact_id) t.contact_name = users::display_name(r.text(i), r.text(i + 1), r.text(i + 2));
  i += 3;
  if (t.responsible_id)
    t.responsible_name = users::display_name(r.text(i), r.text(i + 1), r.text(i + 2));
  return t;
}

db::Params ticket_values(const Ticket& t) {
  return {t.title,
          t.company_id,
          id_or_null(t.site_id),
          id_or_null(t.contact_id),
          t.description,
          t.desired_date ? db::Value(*t.desired_date) : db::Value(nullptr),
          t.priority,
          t.status,
          id_or_null(t.responsible_id),
          id_or_null(t.task_id),
          t.source,
          t.updated_at,
          t.status_changed_at};
}

}  // namespace

std::optional<Company> find_company(db::Conn& conn, std::int64_t id) {
  std::optional<Company> out;
  conn.run(std::string(kCompanySelect) + " WHERE c.id = ?", {id},
           [&](const db::Row& r) { out = read_company(r); });
  return out;
}

std::int64_t insert_company(db::Conn& conn, const Company& c) {
  return conn.insert(
      "INSERT INTO helpdesk_companies(title, responsible_id, group_id, comments, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      {c.title, id_or_null(c.responsible_id), id_or_null(c.group_id), c.comments, c.created_at,
       c.updated_at});
}

void update_company(db::Conn& conn, const Company& c) {
  conn.run(
      "UPDATE helpdesk_companies SET title = ?, responsible_id = ?, group_id = ?, comments = ?, "
      "updated_at = ? WHERE id = ?",
      {c.title, id_or_null(c.responsible_id), id_or_null(c.group_id), c.comments, c.updated_at,
       c.id});
}

std::span<const rest::ListField> company_fields() {
  static const rest::ListField fields[] = {
      {"ID", "c.id", FieldKind::Integer},
      {"TITLE", "c.title", FieldKind::Text},
      {"RESPONSIBLE_ID", "COALESCE(c.responsible_id, 0)", FieldKind::Integer},
      {"GROUP_ID", "COALESCE(c.group_id, 0)", FieldKind::Integer},
      {"CREATED_AT", "c.created_at", FieldKind::DateTime},
      {"UPDATED_AT", "c.updated_at", FieldKind::DateTime},
  };
  return fields;
}

std::vector<Company> list_companies(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<Company> out;
  conn.run(std::string(kCompanySelect) + q.where_clause() + " ORDER BY " + q.order_by +
               rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read_company(r)); });
  return out;
}

std::int64_t count_companies(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM helpdesk_companies c" + q.where_clause(), q.params)
      .value_or(0);
}

std::int64_t insert_site(db::Conn& conn, std::int64_t company_id, const std::string& url,
                         std::int64_t now) {
  return conn.insert("INSERT INTO helpdesk_sites(company_id, url, created_at) VALUES (?, ?, ?)",
                     {company_id, url, now});
}

std::optional<Site> find_site(db::Conn& conn, std::int64_t id) {
  std::optional<Site> out;
  conn.run(std::string(kSiteSelect) + " WHERE s.id = ?", {id},
           [&](const db::Row& r) { out = read_site(r); });
  return out;
}

std::vector<Site> sites_of(db::Conn& conn, const std::vector<std::int64_t>& company_ids) {
  std::vector<Site> out;
  if (company_ids.empty()) return out;
  conn.run(std::string(kSiteSelect) + " WHERE s.company_id IN " + db::in_list(company_ids.size()) +
               " ORDER BY s.id",
           db::values(company_ids), [&](const db::Row& r) { out.push_back(read_site(r)); });
  return out;
}

std::span<const rest::ListField> site_fields() {
  static const rest::ListField fields[] = {
      {"ID", "s.id", FieldKind::Integer},
      {"COMPANY_ID", "s.company_id", FieldKind::Integer},
      {"URL", "s.url", FieldKind::Text},
  };
  return fields;
}

std::vector<Site> list_sites(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<Site> out;
  conn.run(std::string(kSiteSelect) + q.where_clause() + " ORDER BY " + q.order_by +
               rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read_site(r)); });
  return out;
}

std::int64_t count_sites(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM helpdesk_sites s" + q.where_clause(), q.params)
      .value_or(0);
}

void add_contact(db::Conn& conn, std::int64_t user_id, std::int64_t company_id, std::int64_t now) {
  conn.run("INSERT INTO helpdesk_contacts(user_id, company_id, created_at) VALUES (?, ?, ?)",
           {user_id, company_id, now});
}

std::optional<std::int64_t> company_of_contact(db::Conn& conn, std::int64_t user_id) {
  return conn.integer("SELECT company_id FROM helpdesk_contacts WHERE user_id = ?", {user_id});
}

std::span<const rest::ListField> contact_fields() {
  static const rest::ListField fields[] = {
      {"ID", "k.user_id", FieldKind::Integer},
      {"COMPANY_ID", "k.company_id", FieldKind::Integer},
      {"EMAIL", "u.email", FieldKind::Text},
      {"NAME", "u.name", FieldKind::Text},
      {"LAST_NAME", "u.last_name", FieldKind::Text},
  };
  return fields;
}

std::optional<Ticket> find_ticket(db::Conn& conn, std::int64_t id) {
  std::optional<Ticket> out;
  conn.run(std::string(kTicketSelect) + " WHERE t.id = ?", {id},
           [&](const db::Row& r) { out = read_ticket(r); });
  return out;
}

std::int64_t insert_ticket(db::Conn& conn, const Ticket& t) {
  db::Params values = ticket_values(t);
  values.push_back(t.created_by);
  values.push_back(t.created_at);
  return conn.insert(
      "INSERT INTO helpdesk_tickets(title, company_id, site_id, contact_id, description, "
      "desired_date, priority, status, responsible_id, task_id, source, updated_at, "
      "status_changed_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?)",
      values);
}

void update_ticket(db::Conn& conn, const Ticket& t) {
  db::Params values = ticket_values(t);
  values.push_back(t.id);
  conn.run(
      "UPDATE helpdesk_tickets SET title = ?, company_id = ?, site_id = ?, contact_id = ?, "
      "description = ?, desired_date = ?, priority = ?, status = ?, responsible_id = ?, task_id = "
      "?, source = ?, updated_at = ?, status_changed_at = ? WHERE id = ?",
      values);
}

void remove_ticket(db::Conn& conn, std::int64_t id) {
  conn.run("DELETE FROM helpdesk_tickets WHERE id = ?", {id});
}

std::span<const rest::ListField> ticket_fields() {
  static const rest::ListField fields[] = {
      {"ID", "t.id", FieldKind::Integer},
      {"TITLE", "t.title", FieldKind::Text},
      {"STATUS", "t.status", FieldKind::Text},
      {"PRIORITY", "t.priority", FieldKind::Text},
      {"COMPANY_ID", "t.company_id", FieldKind::Integer},
      {"SITE_ID", "COALESCE(t.site_id, 0)", FieldKind::Integer},
      {"CONTACT_ID", "COALESCE(t.contact_id, 0)", FieldKind::Integer},
      {"RESPONSIBLE_ID", "COALESCE(t.responsible_id, 0)", FieldKind::Integer},
      {"TASK_ID", "COALESCE(t.task_id, 0)", FieldKind::Integer},
      {"CREATED_BY", "t.created_by", FieldKind::Integer},
      {"CREATED_AT", "t.created_at", FieldKind::DateTime},
      {"UPDATED_AT", "t.updated_at", FieldKind::DateTime},
      {"STATUS_CHANGED_AT", "t.status_changed_at", FieldKind::DateTime},
      {"DESIRED_DATE", "t.desired_date", FieldKind::DateTime, true, true},
  };
  return fields;
}

std::vector<Ticket> list_tickets(db::Conn& conn, const rest::ListQuery& q, std::int64_t start) {
  std::vector<Ticket> out;
  conn.run(std::string(kTicketSelect) + q.where_clause() + " ORDER BY " + q.order_by +
               rest::limit_clause(start),
           q.params, [&](const db::Row& r) { out.push_back(read_ticket(r)); });
  return out;
}

std::int64_t count_tickets(db::Conn& conn, const rest::ListQuery& q) {
  return conn.integer("SELECT count(*) FROM helpdesk_tickets t" + q.where_clause(), q.params)
      .value_or(0);
}

}  // namespace artel::helpdesk::store
