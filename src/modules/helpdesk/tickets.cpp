#include "modules/helpdesk/tickets.h"

#include <algorithm>

#include "core/bbcode.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/discussion/comments.h"
#include "modules/helpdesk/fields.h"
#include "modules/helpdesk/notices.h"
#include "modules/helpdesk/store.h"
#include "modules/settings/store.h"
#include "modules/tasks/service.h"

namespace artel::helpdesk {

namespace {

Ticket seen_ticket(db::Conn& conn, const Desk& desk, std::int64_t id) {
  auto t = store::find_ticket(conn, id);
  if (!t || !desk.sees_company(t->company_id)) throw not_seen("Ticket", id);
  return *t;
}

void announce(db::Tx& tx, Portal& portal, const Ticket& t, std::string_view action) {
  live::publish_after_commit(tx, portal, audience(tx.conn, t.company_id), "helpdesk.ticket",
                             json::object{{"ID", std::to_string(t.id)},
                                          {"COMPANY_ID", std::to_string(t.company_id)},
                                          {"ACTION", action},
                                          {"STATUS", t.status}});
}

std::string status_param(const json::object& params) {
  const json::value* v = find_ci(params, "STATUS");
  auto s = v ? as_string(*v) : std::nullopt;
  std::string upper = s ? to_upper_ascii(trim(*s)) : "";
  for (auto known : status::kAll)
    if (upper == known) return upper;
  throw bad_argument("STATUS",
                     "STATUS must be one of QUEUE, IN_WORK, NEED_INFO, WAITING_ACCEPTANCE, "
                     "ACCEPTED.");
}

// The fields of add and update that a person of `desk`'s side may set, applied to `t`.
void apply_fields(db::Conn& conn, Portal& portal, const Desk& desk, const rest::Caller& caller,
                  const json::object& f, Ticket& t, bool creating) {
  if (find_ci(f, "STATUS"))
    throw bad_argument("STATUS",
                       "STATUS changes through helpdesk.ticket.status.set (the studio) or "
                       "helpdesk.ticket.accept (the client).");
  if (auto title = text_field(f, "TITLE", 255, creating || find_ci(f, "TITLE"))) t.title = *title;
  if (auto description = text_field(f, "DESCRIPTION", 100'000, false)) t.description = *description;
  if (const json::value* v = find_ci(f, "PRIORITY")) {
    auto s = as_string(*v);
    std::string upper = s ? to_upper_ascii(trim(*s)) : "";
    if (std::find(kPriorities.begin(), kPriorities.end(), upper) == kPriorities.end())
      throw bad_argument("PRIORITY", "PRIORITY must be LOW, NORMAL or HIGH.");
    t.priority = upper;
  }
  if (const json::value* v = find_ci(f, "DESIRED_DATE")) {
    auto s = v->is_null() ? std::optional<std::string>("") : as_string(*v);
    if (!s) throw bad_argument("DESIRED_DATE", "DESIRED_DATE must be a date.");
    if (trim(*s).empty()) {
      t.desired_date.reset();
    } else {
      auto settings = portal.settings.snapshot();
      auto zone = settings->zone ? settings->zone : timeutil::TimeZone::utc();
      auto when = parse_desired_date(*s, read_hours(conn), *zone);
      if (!when)
        throw bad_argument("DESIRED_DATE",
                           "DESIRED_DATE must be a date (2026-12-10) or a date and time.");
      t.desired_date = *when;
    }
  }
  if (auto site = optional_id(f, "SITE_ID")) {
    if (*site) {
      auto s = store::find_site(conn, *site);
      if (!s || s->company_id != t.company_id) throw not_seen("Site", *site);
    }
    t.site_id = *site;
  } else if (creating) {
    std::vector<Site> sites = store::sites_of(conn, {t.company_id});
    if (sites.size() > 1)
      throw bad_argument("SITE_ID", "Choose the site (SITE_ID): the company has several.");
    if (sites.size() == 1) t.site_id = sites.front().id;
  }
  if (auto contact = optional_id(f, "CONTACT_ID")) {
    if (*contact && store::company_of_contact(conn, *contact) != t.company_id)
      throw not_seen("Contact", *contact);
    t.contact_id = *contact;
  } else if (creating) {
    auto contacts = contacts_of(conn, t.company_id);
    t.contact_id = desk.client() ? desk.user_id : contacts.empty() ? 0 : contacts.front();
  }
  if (auto responsible = optional_id(f, "RESPONSIBLE_ID")) {
    require_studio(desk, "name the responsible person");
    if (*responsible) check_employee(conn, *responsible, "RESPONSIBLE_ID");
    t.responsible_id = *responsible;
  }
  if (auto task = optional_id(f, "TASK_ID")) {
    require_studio(desk, "link a ticket to a task");
    // The studio links only a task it may see; the answer for another is TASK_NOT_FOUND.
    if (*task) tasks::load_visible(conn, caller, *task);
    t.task_id = *task;
  }
}

const json::value* files_field(const json::object& f) {
  return find_ci(f, "FILES");
}

rest::CallResult add(rest::Call& call) {
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    return rest::CallResult{open_ticket(tx, call.portal, desk, call.caller, f, "portal")};
  });
}

rest::CallResult get(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    Ticket t = seen_ticket(conn, desk, id);
    return rest::CallResult{tickets_json(conn, presenter(conn, call), {t}).at(0)};
  });
}

rest::CallResult list(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    Presenter p = presenter(conn, call);
    rest::ListQuery q;
    restrict_to_desk(q, desk, "t.company_id");
    list_params(q, call, store::ticket_fields(), "t.id DESC", "t.id", p.tz);
    auto rows = store::list_tickets(conn, q, call.start);
    std::optional<std::int64_t> total;
    if (call.start >= 0) total = store::count_tickets(conn, q);
    return rest::page_result(tickets_json(conn, p, rows), rows.size(), call.start, total);
  });
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  const json::object& f = fields_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Ticket t = seen_ticket(tx.conn, desk, id);
    if (desk.client() && t.status == status::kAccepted)
      throw access_denied("The ticket is accepted and closed: write a new ticket instead.");
    apply_fields(tx.conn, call.portal, desk, call.caller, f, t, false);
    t.updated_at = timeutil::now_seconds();
    store::update_ticket(tx.conn, t);
    if (const json::value* files = files_field(f))
      discussion::attach(tx, call.portal, kThread, t.id, 0, *files, call.caller.user_id, "FILES");
    announce(tx, call.portal, t, "update");
    return rest::CallResult{true};
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Ticket t = seen_ticket(tx.conn, desk, id);
    bool own_in_queue = t.created_by == desk.user_id && t.status == status::kQueue;
    if (!desk.admin && !own_in_queue)
      throw access_denied(
          "Only an administrator deletes a ticket, or its author while it is in the queue.");
    store::remove_ticket(tx.conn, id);
    announce(tx, call.portal, t, "delete");
    return rest::CallResult{true};
  });
}

// Moves the ticket to `to` and tells the contact what it means for them.
void change_status(db::Tx& tx, Portal& portal, Ticket& t, std::string_view to) {
  t.status = std::string(to);
  t.updated_at = t.status_changed_at = timeutil::now_seconds();
  store::update_ticket(tx.conn, t);
  announce(tx, portal, t, "status");
}

rest::CallResult status_set(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  std::string to = status_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Ticket t = seen_ticket(tx.conn, desk, id);
    require_studio(desk, "change a ticket's status");
    if (t.status == to) return rest::CallResult{true};
    change_status(tx, call.portal, t, to);
    notices::Kind kind = to == status::kNeedInfo            ? notices::Kind::NeedsAnswer
                         : to == status::kWaitingAcceptance ? notices::Kind::NeedsAcceptance
                                                            : notices::Kind::StatusChanged;
    notices::send(tx, call.portal, kind, t, desk.user_id, t.contact_id);
    return rest::CallResult{true};
  });
}

rest::CallResult accept(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Ticket t = seen_ticket(tx.conn, desk, id);
    if (!desk.client() && !desk.admin)
      throw access_denied("The client accepts the work; the studio sets the status instead.");
    if (t.status != status::kWaitingAcceptance)
      throw bad_request("TICKET_NOT_AWAITING_ACCEPTANCE",
                        "The ticket is not awaiting acceptance: there is no work to accept yet.");
    change_status(tx, call.portal, t, status::kAccepted);
    notices::send(tx, call.portal, notices::Kind::Accepted, t, desk.user_id, t.responsible_id);
    return rest::CallResult{true};
  });
}

rest::CallResult comment_add(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "TICKET_ID");
  const json::object& f = fields_param(call.params);
  std::string text = discussion::message_of(f);
  std::optional<std::int64_t> parent = optional_id(f, "PARENT_ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Desk desk = require_desk(tx.conn, call.caller);
    Ticket t = seen_ticket(tx.conn, desk, id);
    std::int64_t comment = discussion::insert(tx, call.portal, kThread, t.id, desk.user_id, text,
                                              parent.value_or(0), files_field(f));
    tx.conn.run(
        "UPDATE helpdesk_tickets SET comments_count = comments_count + 1, updated_at = ? WHERE "
        "id = ?",
        {timeutil::now_seconds(), t.id});
    std::string said = bbcode::to_plain(text);
    if (said.size() > 200) said = said.substr(0, 200) + "…";
    if (desk.client()) {
      // The client's remarks on finished work, or the answer the studio asked for, send the
      // ticket back to work (M5).
      bool returned = t.status == status::kWaitingAcceptance;
      if (status::waits_for_client(t.status)) change_status(tx, call.portal, t, status::kInWork);
      notices::send(tx, call.portal, returned ? notices::Kind::Returned : notices::Kind::Commented,
                    t, desk.user_id, t.responsible_id, said);
    } else {
      notices::send(tx, call.portal, notices::Kind::Commented, t, desk.user_id, t.contact_id, said);
    }
    announce(tx, call.portal, t, "comment");
    return rest::CallResult{comment};
  });
}

rest::CallResult comment_list(rest::Call& call) {
  std::int64_t id = positive_id(call.params, "TICKET_ID");
  return call.portal.db.read([&](db::Conn& conn) {
    Desk desk = require_desk(conn, call.caller);
    Ticket t = seen_ticket(conn, desk, id);
    Presenter p = presenter(conn, call);
    auto rows = discussion::list(conn, kThread, t.id, find_ci(call.params, "ORDER"),
                                 find_ci(call.params, "FILTER"), p.tz);
    json::array out = discussion::comments_json(conn, kThread, rows, p.tz, p.base_url);
    // Which side wrote each comment: the client's contacts are outside people.
    std::vector<std::int64_t> authors;
    for (const auto& r : rows) authors.push_back(r.author_id);
    std::vector<std::int64_t> outside;
    if (!authors.empty())
      conn.run("SELECT id FROM users WHERE user_type = 'extranet' AND id IN " +
                   db::in_list(authors.size()),
               db::values(authors), [&](const db::Row& r) { outside.push_back(r.integer(0)); });
    for (std::size_t i = 0; i < rows.size(); ++i) {
      bool client = std::count(outside.begin(), outside.end(), rows[i].author_id) > 0;
      out[i].as_object()["AUTHOR_SIDE"] = client ? "client" : "studio";
    }
    return rest::CallResult{std::move(out)};
  });
}

}  // namespace

std::int64_t open_ticket(db::Tx& tx, Portal& portal, const Desk& actor, const rest::Caller& caller,
                         const json::object& f, std::string_view source) {
  Ticket t;
  if (actor.client()) {
    // A client's ticket is their company's; naming another company answers as a missing one.
    if (auto company = optional_id(f, "COMPANY_ID"); company && *company != actor.company_id)
      throw not_seen("Company", *company);
    t.company_id = actor.company_id;
  } else {
    t.company_id = positive_id(f, "COMPANY_ID");
    auto company = store::find_company(tx.conn, t.company_id);
    if (!company) throw not_seen("Company", t.company_id);
    t.responsible_id = company->responsible_id;
  }
  if (actor.client())
    if (auto company = store::find_company(tx.conn, t.company_id))
      t.responsible_id = company->responsible_id;
  apply_fields(tx.conn, portal, actor, caller, f, t, true);
  t.source = std::string(source);
  t.created_by = actor.user_id;
  t.created_at = t.updated_at = t.status_changed_at = timeutil::now_seconds();
  t.id = store::insert_ticket(tx.conn, t);
  if (const json::value* files = files_field(f))
    discussion::attach(tx, portal, kThread, t.id, 0, *files, actor.user_id, "FILES");
  notices::send(tx, portal, notices::Kind::NewTicket, t, actor.user_id, t.responsible_id);
  announce(tx, portal, t, "add");
  return t.id;
}

void register_ticket_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"helpdesk.ticket.add", "helpdesk", Access::User, add});
  registry.add({"helpdesk.ticket.get", "helpdesk", Access::User, get});
  registry.add({"helpdesk.ticket.list", "helpdesk", Access::User, list});
  registry.add({"helpdesk.ticket.update", "helpdesk", Access::User, update});
  registry.add({"helpdesk.ticket.delete", "helpdesk", Access::User, remove});
  registry.add({"helpdesk.ticket.status.set", "helpdesk", Access::User, status_set});
  registry.add({"helpdesk.ticket.accept", "helpdesk", Access::User, accept});
  registry.add({"helpdesk.ticket.comment.add", "helpdesk", Access::User, comment_add});
  registry.add({"helpdesk.ticket.comment.list", "helpdesk", Access::User, comment_list});
}

}  // namespace artel::helpdesk
