#include "modules/helpdesk/directory.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/groups/access.h"
#include "modules/helpdesk/desk.h"
#include "modules/helpdesk/fields.h"
#include "modules/helpdesk/notices.h"
#include "modules/helpdesk/store.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::helpdesk::directory {

namespace {

Company seen_company(db::Conn& conn, const Desk& desk, std::int64_t id) {
  auto c = store::find_company(conn, id);
  if (!c || !desk.sees_company(id)) throw not_seen("Company", id);
  return *c;
}

void apply_company_fields(db::Conn& conn, const rest::Caller& caller, const json::object& f,
                          Company& c, bool creating) {
  if (auto title = text_field(f, "TITLE", 255, creating || find_ci(f, "TITLE"))) c.title = *title;
  if (auto responsible = optional_id(f, "RESPONSIBLE_ID")) {
    if (*responsible) check_employee(conn, *responsible, "RESPONSIBLE_ID");
    c.responsible_id = *responsible;
  }
  if (auto group = optional_id(f, "GROUP_ID")) {
    // A hidden group the caller is not in answers as a missing one.
    if (*group && !groups::knows(conn, caller, *group))
      throw bad_argument("GROUP_ID", "Group " + std::to_string(*group) + " does not exist.");
    c.group_id = *group;
  }
  if (auto comments = text_field(f, "COMMENTS", 10'000, false)) c.comments = *comments;
}

rest::CallResult company_add(rest::Call& call) {
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    require_studio(desk, "add client companies");
    Company c;
    apply_company_fields(tx.conn, call.caller, f, c, true);
    c.created_at = c.updated_at = timeutil::now_seconds();
    return rest::CallResult{store::insert_company(tx.conn, c)};
  });
}

rest::CallResult company_update(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Company c = seen_company(tx.conn, desk, id);
    require_studio(desk, "change a client company");
    apply_company_fields(tx.conn, call.caller, f, c, false);
    c.updated_at = timeutil::now_seconds();
    store::update_company(tx.conn, c);
    return rest::CallResult{true};
  });
}

rest::CallResult company_get(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    Company c = seen_company(conn, desk, id);
    return rest::CallResult{companies_json(conn, presenter(conn, call), {c}).at(0)};
  });
}

rest::CallResult company_list(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    Presenter p = presenter(conn, call);
    rest::ListQuery q;
    restrict_to_desk(q, desk, "c.id");
    list_params(q, call, store::company_fields(), "c.title ASC, c.id ASC", "c.id", p.tz);
    auto rows = store::list_companies(conn, q, call.start);
    std::optional<std::int64_t> total;
    if (call.start >= 0) total = store::count_companies(conn, q);
    return rest::page_result(companies_json(conn, p, rows), rows.size(), call.start, total);
  });
}

// http(s)://host… without spaces: what a person types as their site's address.
std::string site_url(const json::object& f) {
  std::string url = *text_field(f, "URL", 2000, true);
  std::string lower = to_lower_ascii(url);
  bool scheme = lower.starts_with("http://") || lower.starts_with("https://");
  std::size_t host = lower.find("://") + 3;
  if (!scheme || url.size() <= host || url.find_first_of(" \t\r\n<>\"") != std::string::npos)
    throw bad_argument("URL", "URL must be a site address starting with http:// or https://.");
  while (url.ends_with("/") && url.size() > host + 1) url.pop_back();
  return url;
}

rest::CallResult site_add(rest::Call& call) {
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    require_studio(desk, "add sites");
    std::int64_t company = positive_id(f, "COMPANY_ID");
    seen_company(tx.conn, desk, company);
    std::string url = site_url(f);
    return rest::CallResult{
        tx.conn.insert("INSERT INTO helpdesk_sites(company_id, url, created_at) VALUES (?, ?, ?)",
                       {company, url, timeutil::now_seconds()})};
  });
}

rest::CallResult site_list(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    rest::ListQuery q;
    restrict_to_desk(q, desk, "s.company_id");
    list_params(q, call, store::site_fields(), "s.id ASC", "s.id", presenter(conn, call).tz);
    auto rows = store::list_sites(conn, q, call.start);
    std::optional<std::int64_t> total;
    if (call.start >= 0) total = store::count_sites(conn, q);
    json::array out;
    for (const auto& s : rows) out.push_back(site_json(s));
    return rest::page_result(std::move(out), rows.size(), call.start, total);
  });
}

rest::CallResult site_delete(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    auto site = store::find_site(tx.conn, id);
    if (!site || !desk.sees_company(site->company_id)) throw not_seen("Site", id);
    require_studio(desk, "remove sites");
    if (tx.conn.integer("SELECT 1 FROM helpdesk_tickets WHERE site_id = ? LIMIT 1", {id}))
      throw bad_request("SITE_HAS_TICKETS",
                        "Tickets name this site: it stays while they do, so that they keep it.");
    tx.conn.run("DELETE FROM helpdesk_sites WHERE id = ?", {id});
    return rest::CallResult{true};
  });
}

rest::CallResult contact_add(rest::Call& call) {
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    require_studio(desk, "add contacts");
    std::int64_t company_id = positive_id(f, "COMPANY_ID");
    Company company = seen_company(tx.conn, desk, company_id);
    std::string email(trim(*text_field(f, "EMAIL", 255, true)));
    text_field(f, "NAME", 255, true);
    auto given = text_field(f, "PASSWORD", 200, false);
    // The studio may set the password; otherwise the portal makes one for the letter (M1).
    std::string password = given ? *given : crypto::random_token(12);
    json::object profile;
    for (const char* key : {"NAME", "LAST_NAME", "SECOND_NAME", "PERSONAL_PHONE", "WORK_POSITION"})
      if (const json::value* v = find_ci(f, key)) profile[key] = *v;
    std::int64_t id =
        users::create_outsider(tx, call.portal, email, password, profile, call.caller.user_id);
    store::add_contact(tx.conn, id, company_id, timeutil::now_seconds());
    notices::welcome(tx, call.portal, id, password, company.title, call.request.base_url());
    return rest::CallResult{id};
  });
}

rest::CallResult contact_list(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    rest::ListQuery q;
    restrict_to_desk(q, desk, "k.company_id");
    list_params(q, call, store::contact_fields(), "k.user_id ASC", "k.user_id",
                presenter(conn, call).tz);
    const std::string from =
        " FROM helpdesk_contacts k JOIN users u ON u.id = k.user_id" + q.where_clause();
    json::array out;
    conn.run(
        "SELECT k.user_id, k.company_id, u.name, u.last_name, u.email, u.personal_phone, "
        "u.active" +
            from + " ORDER BY " + q.order_by + rest::limit_clause(call.start),
        q.params, [&](const db::Row& r) {
          out.push_back(json::object{{"ID", std::to_string(r.integer(0))},
                                     {"COMPANY_ID", std::to_string(r.integer(1))},
                                     {"NAME", r.text(2)},
                                     {"LAST_NAME", r.text(3)},
                                     {"EMAIL", r.text(4)},
                                     {"PERSONAL_PHONE", r.text(5)},
                                     {"ACTIVE", r.integer(6) ? "Y" : "N"}});
        });
    std::optional<std::int64_t> total;
    if (call.start >= 0) total = conn.integer("SELECT count(*)" + from, q.params).value_or(0);
    std::size_t n = out.size();
    return rest::page_result(std::move(out), n, call.start, total);
  });
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"helpdesk.company.add", "helpdesk", Access::User, company_add});
  registry.add({"helpdesk.company.update", "helpdesk", Access::User, company_update});
  registry.add({"helpdesk.company.get", "helpdesk", Access::User, company_get});
  registry.add({"helpdesk.company.list", "helpdesk", Access::User, company_list});
  registry.add({"helpdesk.site.add", "helpdesk", Access::User, site_add});
  registry.add({"helpdesk.site.list", "helpdesk", Access::User, site_list});
  registry.add({"helpdesk.site.delete", "helpdesk", Access::User, site_delete});
  registry.add({"helpdesk.contact.add", "helpdesk", Access::User, contact_add});
  registry.add({"helpdesk.contact.list", "helpdesk", Access::User, contact_list});
}

}  // namespace artel::helpdesk::directory
