// The SQL of the ticket desk: companies, sites, contacts and tickets.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "db/db.h"
#include "modules/helpdesk/model.h"
#include "rest/list_query.h"

namespace artel::helpdesk::store {

std::optional<Company> find_company(db::Conn& conn, std::int64_t id);
std::int64_t insert_company(db::Conn& conn, const Company& c);
void update_company(db::Conn& conn, const Company& c);
std::span<const rest::ListField> company_fields();
std::vector<Company> list_companies(db::Conn& conn, const rest::ListQuery& q, std::int64_t start);
std::int64_t count_companies(db::Conn& conn, const rest::ListQuery& q);

std::int64_t insert_site(db::Conn& conn, std::int64_t company_id, const std::string& url,
                         std::int64_t now);
std::optional<Site> find_site(db::Conn& conn, std::int64_t id);
std::vector<Site> sites_of(db::Conn& conn, const std::vector<std::int64_t>& company_ids);
std::span<const rest::ListField> site_fields();
std::vector<Site> list_sites(db::Conn& conn, const rest::ListQuery& q, std::int64_t start);
std::int64_t count_sites(db::Conn& conn, const rest::ListQuery& q);

void add_contact(db::Conn& conn, std::int64_t user_id, std::int64_t company_id, std::int64_t now);
// The company a person is a contact of; nullopt for anyone else.
std::optional<std::int64_t> company_of_contact(db::Conn& conn, std::int64_t user_id);
std::span<const rest::ListField> contact_fields();

std::optional<Ticket> find_ticket(db::Conn& conn, std::int64_t id);
std::int64_t insert_ticket(db::Conn& conn, const Ticket& t);
// Every column but the id, the creation and the counters.
void update_ticket(db::Conn& conn, const Ticket& t);
void remove_ticket(db::Conn& conn, std::int64_t id);
std::span<const rest::ListField> ticket_fields();
std::vector<Ticket> list_tickets(db::Conn& conn, const rest::ListQuery& q, std::int64_t start);
std::int64_t count_tickets(db::Conn& conn, const rest::ListQuery& q);

}  // namespace artel::helpdesk::store
