#include "modules/helpdesk/present.h"

#include <map>

#include "modules/discussion/files.h"
#include "modules/helpdesk/store.h"
#include "modules/tasks/service.h"

namespace artel::helpdesk {

namespace {

std::string id_text(std::int64_t id) {
  return std::to_string(id);
}

std::vector<std::int64_t> ids_of(const auto& rows) {
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

}  // namespace

json::array tickets_json(db::Conn& conn, const Presenter& p, const std::vector<Ticket>& rows) {
  std::vector<std::int64_t> task_ids;
  for (const auto& t : rows)
    if (t.task_id) task_ids.push_back(t.task_id);
  auto spent = tasks::time_spent_of(conn, task_ids);
  std::map<std::int64_t, json::array> files;
  for (const auto& a : discussion::files_of_each(conn, kThread, ids_of(rows)))
    files[a.owner_id].push_back(discussion::file_json(a, p.tz, p.base_url));
  json::array out;
  for (const auto& t : rows) {
    json::object o;
    o["ID"] = id_text(t.id);
    o["TITLE"] = t.title;
    o["COMPANY_ID"] = id_text(t.company_id);
    o["COMPANY_TITLE"] = t.company_title;
    o["SITE_ID"] = id_text(t.site_id);
    o["SITE_URL"] = t.site_url;
    o["CONTACT_ID"] = id_text(t.contact_id);
    o["CONTACT_NAME"] = t.contact_name;
    o["DESCRIPTION"] = t.description;
    o["DESIRED_DATE"] = t.desired_date ? timeutil::format_iso8601(*t.desired_date, p.tz) : "";
    o["DESIRED_DATE_OUTSIDE_HOURS"] =
        t.desired_date && outside_hours(p.hours, *t.desired_date, *p.zone) ? "Y" : "N";
    o["PRIORITY"] = t.priority;
    o["STATUS"] = t.status;
    o["RESPONSIBLE_ID"] = id_text(t.responsible_id);
    o["RESPONSIBLE_NAME"] = t.responsible_name;
    o["TASK_ID"] = id_text(t.task_id);
    auto s = spent.find(t.task_id);
    o["TIME_SPENT"] = s == spent.end() ? 0 : s->second;
    o["FILES"] = files[t.id];
    o["COMMENTS_COUNT"] = t.comments_count;
    o["CREATED_BY"] = id_text(t.created_by);
    o["CREATED_AT"] = timeutil::format_iso8601(t.created_at, p.tz);
    o["UPDATED_AT"] = timeutil::format_iso8601(t.updated_at, p.tz);
    o["STATUS_CHANGED_AT"] = timeutil::format_iso8601(t.status_changed_at, p.tz);
    o["SOURCE"] = t.source;
    out.push_back(std::move(o));
  }
  return out;
}

json::object site_json(const Site& s) {
  return json::object{{"ID", id_text(s.id)}, {"COMPANY_ID", id_text(s.company_id)}, {"URL", s.url}};
}

json::array companies_json(db::Conn& conn, const Presenter& p, const std::vector<Company>& rows) {
  auto ids = ids_of(rows);
  std::map<std::int64_t, json::array> sites;
  for (const auto& s : store::sites_of(conn, ids))
    sites[s.company_id].push_back(json::object{{"ID", id_text(s.id)}, {"URL", s.url}});
  std::map<std::int64_t, std::int64_t> contacts, open;
  if (!ids.empty()) {
    conn.run("SELECT company_id, count(*) FROM helpdesk_contacts WHERE company_id IN " +
                 db::in_list(ids.size()) + " GROUP BY company_id",
             db::values(ids), [&](const db::Row& r) { contacts[r.integer(0)] = r.integer(1); });
    conn.run(
        "SELECT company_id, count(*) FROM helpdesk_tickets WHERE status <> 'ACCEPTED' AND "
        "company_id IN " +
            db::in_list(ids.size()) + " GROUP BY company_id",
        db::values(ids), [&](const db::Row& r) { open[r.integer(0)] = r.integer(1); });
  }
  json::array out;
  for (const auto& c : rows) {
    out.push_back(json::object{{"ID", id_text(c.id)},
                               {"TITLE", c.title},
                               {"RESPONSIBLE_ID", id_text(c.responsible_id)},
                               {"GROUP_ID", id_text(c.group_id)},
                               {"COMMENTS", c.comments},
                               {"SITES", sites[c.id]},
                               {"CONTACTS_COUNT", contacts[c.id]},
                               {"TICKETS_OPEN", open[c.id]},
                               {"CREATED_AT", timeutil::format_iso8601(c.created_at, p.tz)},
                               {"UPDATED_AT", timeutil::format_iso8601(c.updated_at, p.tz)}});
  }
  return out;
}

}  // namespace artel::helpdesk
