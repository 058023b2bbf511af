#include "modules/users/service.h"

#include <algorithm>

#include "core/crypto.h"
#include "core/error.h"
#include "core/image.h"
#include "core/languages.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "events/structure.h"
#include "modules/feed/events.h"
#include "modules/files/store.h"
#include "modules/groups/access.h"
#include "modules/groups/service.h"
#include "modules/settings/store.h"
#include "modules/users/invitations.h"
#include "modules/users/store.h"
#include "net/hub.h"

namespace artel::users {

namespace {

std::vector<std::string> select_of(const json::object& params) {
  std::vector<std::string> out;
  if (const json::value* s = find_ci(params, "select"))
    for (const json::value* item : as_list(*s))
      if (auto name = as_string(*item)) out.push_back(to_upper_ascii(*name));
  return out;
}

// IS_ONLINE: whether the person has a live connection open (the store cannot know it).
json::object with_presence(json::object user, const Portal& portal) {
  if (auto* flag = user.if_contains("IS_ONLINE"); flag && portal.hub) {
    auto id = as_int(user.at("ID"));
    if (id && portal.hub->is_online(*id)) *flag = "Y";
  }
  return user;
}

ApiError duplicate_email(const std::string& email) {
  return bad_argument("EMAIL", "A person with the e-mail " + email + " is already in the portal.");
}

int tz_now(rest::Call& call) {
  return call.portal.settings.snapshot()->tz_offset_now();
}

rest::CallResult run_list(rest::Call& call, rest::ListQuery& q,
                          const std::vector<std::string>& select) {
  std::int64_t start = rest::legacy_page_start(call.start);
  return call.portal.db.read([&](db::Conn& c) {
    auto rows = store::list(c, q, start);
    std::optional<std::int64_t> total;
    if (start >= 0) total = store::count(c, q);
    json::array out;
    int tz = tz_now(call);
    std::string base = call.request.base_url();
    for (const auto& u : rows)
      out.push_back(with_presence(to_json(u, tz, select, base), call.portal));
    return rest::page_result(std::move(out), rows.size(), start, total);
  });
}

void apply_order(rest::ListQuery& q, const json::object& params) {
  const json::value* order = find_ci(params, "order");
  const json::value* sort = find_ci(params, "sort");
  if (order && order->is_object()) {
    rest::set_order(q, order, store::list_fields(), "u.id ASC", "u.id");
  } else if (sort && sort->is_string() && !sort->get_string().empty()) {
    std::string dir = order ? as_string(*order).value_or("ASC") : "ASC";
    rest::set_order_scalar(q, sort->get_string(), dir, store::list_fields(), "u.id");
  } else {
    q.order_by = "u.id ASC";
  }
}

// The special filter keys of user.get that are not plain columns.
bool add_special_filter(rest::ListQuery& q, std::string_view key, const json::value& value,
                        const net::Hub* hub) {
  std::string upper = to_upper_ascii(key);
  if (upper == "UF_DEPARTMENT" || upper == "@UF_DEPARTMENT") {
    auto items = as_list(value);
    if (items.empty()) return true;
    db::Params values;
    for (const json::value* item : items) {
      auto id = as_int(*item);
      if (!id) throw bad_argument("UF_DEPARTMENT", "UF_DEPARTMENT must hold department ids.");
      values.push_back(*id);
    }
    std::string sql =
        "EXISTS (SELECT 1 FROM user_departments d WHERE d.user_id = u.id AND d.department_id IN " +
        db::in_list(values.size()) + ")";
    q.add_condition(sql, std::move(values));
    return true;
  }
  if (upper == "NAME_SEARCH" || upper == "FIND") {
    auto text = as_string(value);
    if (!text) throw bad_argument(std::string(key), std::string(key) + " must be text.");
    std::string folded = fold_case(trim(*text));
    std::size_t pos = 0;
    while (pos < folded.size()) {
      auto space = folded.find(' ', pos);
      std::string word = folded.substr(pos, space == std::string::npos ? space : space - pos);
      if (!word.empty()) {
        std::string escaped;
        for (char c : word) {
          if (c == '%' || c == '_' || c == '\\') escaped += '\\';
          escaped += c;
        }
        q.add_condition("u.name_folded LIKE ? ESCAPE '\\'", {"%" + escaped + "%"});
      }
      if (space == std::string::npos) break;
      pos = space + 1;
    }
    return true;
  }
  if (upper == "IS_ONLINE") {
    // Online means an open live connection (a browser tab) on this server.
    auto flag = as_flag(value);
    if (!flag) throw bad_argument("IS_ONLINE", "IS_ONLINE must be Y or N.");
    std::vector<std::int64_t> online = hub ? hub->online_users() : std::vector<std::int64_t>{};
    if (online.empty())
      q.add_condition(*flag ? "1=0" : "1=1");
    else
      q.add_condition((*flag ? "u.id IN " : "u.id NOT IN ") + db::in_list(online.size()),
                      db::values(online));
    return true;
  }
  return false;
}

void apply_filter(rest::ListQuery& q, const json::object& filter, int tz, const net::Hub* hub) {
  for (const auto& kv : filter) {
    if (add_special_filter(q, kv.key(), kv.value(), hub)) continue;
    if (!rest::add_filter_entry(q, kv.key(), kv.value(), store::list_fields(), tz))
      throw bad_argument("FILTER", "Unknown filter field: " + std::string(kv.key()) + ".");
  }
}

const std::vector<std::string> kReservedParams = {
    "SORT", "ORDER", "FILTER", "SELECT", "START", "ADMIN_MODE", "IMAGE_RESIZE", "FIND", "SESSID"};

std::string normalized_date(const json::value& value, std::string_view argument) {
  auto s = as_string(value);
  if (!s) throw bad_argument(std::string(argument), std::string(argument) + " must be a date.");
  if (trim(*s).empty()) return {};
  auto t = timeutil::parse_datetime(*s, 0);
  if (!t)
    throw bad_argument(std::string(argument),
                       std::string(argument) + " must be a date such as 1990-05-31.");
  return timeutil::format_date(*t, 0);
}

}  // namespace

void restrict_to_visible(rest::ListQuery& q, const rest::Caller& caller) {
  if (caller.is_admin) return;
  // People who share a workgroup with the caller: the only others an outside person sees (a
  // short list, read once), and the outside people an employee sees (checked only for them).
  if (caller.is_extranet) {
    q.add_condition("(u.id = ? OR u.id IN (" + groups::co_members_sql() + "))",
                    {caller.user_id, caller.user_id});
    return;
  }
  q.add_condition("(u.user_type = 'employee' OR u.id = ? OR (u.user_type = 'extranet' AND " +
                      groups::shares_group_sql("u.id") + "))",
                  {caller.user_id, caller.user_id});
}

bool can_see(db::Conn& conn, const rest::Caller& caller, std::int64_t user_id) {
  rest::ListQuery q;
  restrict_to_visible(q, caller);
  q.add_condition("u.id = ?", {user_id});
  return store::count(conn, q) > 0;
}

rest::CallResult get(rest::Call& call) {
  int tz = tz_now(call);
  rest::ListQuery q;
  restrict_to_visible(q, call.caller);
  if (const json::object* filter = object_param(call.params, "FILTER"))
    apply_filter(q, *filter, tz, call.portal.hub);
  // user.get also takes filter fields at the top level ({"UF_DEPARTMENT": 1, "SORT": "ID"}).
  for (const auto& kv : call.params) {
    std::string upper = to_upper_ascii(kv.key());
    if (std::find(kReservedParams.begin(), kReservedParams.end(), upper) != kReservedParams.end())
      continue;
    if (!add_special_filter(q, kv.key(), kv.value(), call.portal.hub))
      rest::add_filter_entry(q, kv.key(), kv.value(), store::list_fields(), tz);
  }
  apply_order(q, call.params);
  return run_list(call, q, select_of(call.params));
}

rest::CallResult search(rest::Call& call) {
  int tz = tz_now(call);
  rest::ListQuery q;
  restrict_to_visible(q, call.caller);
  auto find = string_param(call.params, "FIND");
  const json::object* filter = object_param(call.params, "FILTER");
  if (find && filter && !filter->empty())
    throw bad_argument("FIND", "Use either FIND or FILTER, not both.");
  if (find) add_special_filter(q, "FIND", json::string(*find), call.portal.hub);
  if (filter) {
    for (const auto& kv : *filter) {
      std::string upper = to_upper_ascii(kv.key());
      if (upper == "UF_DEPARTMENT_NAME") {
        // The caller's % and _ stay wildcards; a backslash is literal on both back ends.
        std::string pattern;
        for (char c : fold_case(as_string(kv.value()).value_or(""))) {
          if (c == '\\') pattern += '\\';
          pattern += c;
        }
        q.add_condition(
            "EXISTS (SELECT 1 FROM user_departments d JOIN departments dep ON dep.id = "
            "d.department_id WHERE d.user_id = u.id AND artel_fold(dep.name) LIKE ? ESCAPE '\\')",
            {"%" + pattern + "%"});
        continue;
      }
      if (add_special_filter(q, kv.key(), kv.value(), call.portal.hub)) continue;
      // user.search matches names by substring, as a person typing in a search box expects.
      if (upper == "NAME" || upper == "LAST_NAME" || upper == "WORK_POSITION" || upper == "EMAIL") {
        rest::add_filter_entry(q, "%" + upper, kv.value(), store::list_fields(), tz);
        continue;
      }
      if (!rest::add_filter_entry(q, kv.key(), kv.value(), store::list_fields(), tz))
        throw bad_argument("FILTER", "Unknown filter field: " + std::string(kv.key()) + ".");
    }
  }
  apply_order(q, call.params);
  return run_list(call, q, select_of(call.params));
}

json::object current(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& c) {
    auto u = store::find(c, call.caller.user_id);
    if (!u) throw ApiError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    return with_presence(to_json(*u, tz_now(call), {}, call.request.base_url()), call.portal);
  });
}

json::object profile(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& c) {
    auto u = store::find(c, call.caller.user_id);
    json::object o;
    if (!u || !u->active) return o;
    auto settings = call.portal.settings.snapshot();
    o["ID"] = std::to_string(u->id);
    o["ADMIN"] = u->is_admin;
    o["NAME"] = u->field("NAME");
    o["LAST_NAME"] = u->field("LAST_NAME");
    o["PERSONAL_GENDER"] = u->field("PERSONAL_GENDER");
    if (!u->photo_url.empty()) o["PERSONAL_PHOTO"] = call.request.base_url() + u->photo_url;
    std::string zone = u->time_zone.empty() ? settings->time_zone : u->time_zone;
    o["TIME_ZONE"] = zone;
    o["TIME_ZONE_OFFSET"] = timeutil::zone(zone)->offset_at(timeutil::now_seconds());
    return o;
  });
}

void validate_email(const std::string& email) {
  auto at = email.find('@');
  bool ok = email.size() <= 254 && at != std::string::npos && at > 0 &&
            email.find('@', at + 1) == std::string::npos &&
            email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
            email.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
  if (!ok) throw bad_argument("EMAIL", "wrong_email: \"" + email + "\" is not an e-mail address.");
}

void validate_password(const std::string& password) {
  if (password.size() < 6)
    throw bad_argument("PASSWORD", "The password must be at least 6 characters long.");
  if (password.size() > 200) throw bad_argument("PASSWORD", "The password is too long.");
}

std::vector<std::pair<std::string, db::Value>> profile_columns(db::Tx& tx, Portal& portal,
                                                               const json::object& fields,
                                                               bool by_admin,
                                                               std::int64_t actor_id) {
  std::vector<std::pair<std::string, db::Value>> columns;
  for (const auto& f : kTextFields) {
    const json::value* v = find_ci(fields, f.api);
    if (!v) continue;
    if (f.editor == Editor::Admin && !by_admin)
      throw access_denied("Only an administrator may change " + std::string(f.api) + ".");
    std::string value;
    if (f.api == "PERSONAL_BIRTHDAY" || f.api == "UF_EMPLOYMENT_DATE") {
      value = normalized_date(*v, f.api);
    } else {
      auto s = as_string(*v);
      if (!s) throw bad_argument(std::string(f.api), std::string(f.api) + " must be text.");
      value = std::string(trim(*s));
    }
    if (value.size() > f.max_length)
      throw bad_argument(std::string(f.api), std::string(f.api) + " is longer than " +
                                                 std::to_string(f.max_length) + " characters.");
    if (f.api == "PERSONAL_GENDER" && !value.empty() && value != "M" && value != "F")
      throw bad_argument("PERSONAL_GENDER", "PERSONAL_GENDER must be M, F or empty.");
    if (!is_valid_utf8(value))
      throw bad_argument(std::string(f.api), std::string(f.api) + " must be UTF-8 text.");
    columns.emplace_back(std::string(f.column), value);
  }
  if (const json::value* v = find_ci(fields, "LANGUAGE_ID")) {
    std::string lang = to_lower_ascii(as_string(*v).value_or(""));
    if (!lang.empty() && !is_interface_language(lang))
      throw bad_argument("LANGUAGE_ID", "LANGUAGE_ID must be ru, en or ro.");
    columns.emplace_back("language_id", lang);
  }
  if (const json::value* v = find_ci(fields, "TIME_ZONE")) {
    std::string zone = as_string(*v).value_or("");
    if (!zone.empty() && !timeutil::TimeZone::load(zone))
      throw bad_argument("TIME_ZONE", "Unknown time zone: " + zone + ".");
    columns.emplace_back("time_zone", zone);
  }
  if (const json::value* v = find_ci(fields, "PERSONAL_PHOTO")) {
    bool remove =
        v->is_null() || (v->is_string() && (v->get_string().empty() || v->get_string() == "del"));
    if (remove) {
      columns.emplace_back("photo_file_id", nullptr);
    } else {
      Upload upload = decode_upload(*v, "PERSONAL_PHOTO");
      auto mime = image_mime(upload.bytes);
      if (!mime)
        throw bad_argument("PERSONAL_PHOTO", "The photo must be a PNG, JPEG, GIF or WebP image.");
      if (upload.bytes.size() > 10 * 1024 * 1024)
        throw bad_argument("PERSONAL_PHOTO", "The photo must be smaller than 10 MB.");
      columns.emplace_back("photo_file_id",
                           portal.files.save(tx, upload.bytes, upload.name, *mime, actor_id));
    }
  }
  return columns;
}

void publish_updated(db::Tx& tx, Portal& portal, std::int64_t user_id) {
  auto u = store::find(tx.conn, user_id);
  if (!u) return;
  // Exactly the people who may see the person (restrict_to_visible from their side): for an
  // employee every employee and the outside people of their groups; for an outside person the
  // administrators and the people of their groups.
  std::vector<std::int64_t> recipients;
  std::string shared = "id IN (" + groups::co_members_sql() + ")";
  tx.conn.run("SELECT id FROM users WHERE active = 1 AND (id = ? OR " + shared + " OR " +
                  (u->is_extranet() ? "is_admin = 1" : "user_type = 'employee'") + ")",
              {user_id, user_id}, [&](const db::Row& r) { recipients.push_back(r.integer(0)); });
  live::publish_after_commit(tx, portal, std::move(recipients), "user.updated",
                             to_json(*u, portal.settings.snapshot()->tz_offset_now()));
}

namespace {

std::vector<std::int64_t> department_ids(db::Conn& conn, const json::value& value) {
  std::vector<std::int64_t> ids;
  for (const json::value* item : as_list(value)) {
    auto id = as_int(*item);
    if (!id) throw bad_argument("UF_DEPARTMENT", "UF_DEPARTMENT must hold department ids.");
    if (!conn.integer("SELECT 1 FROM departments WHERE id = ?", {*id}))
      throw bad_argument("UF_DEPARTMENT", "Department " + std::to_string(*id) + " does not exist.");
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

std::vector<std::int64_t> sonet_group_ids(const json::object& fields) {
  std::vector<std::int64_t> ids;
  const json::value* v = find_ci(fields, "SONET_GROUP_ID");
  if (!v) return ids;
  for (const json::value* item : as_list(*v)) {
    auto id = as_int(*item);
    if (!id || *id <= 0)
      throw bad_argument("SONET_GROUP_ID", "SONET_GROUP_ID must hold group ids.");
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  if (ids.size() > 50) throw bad_argument("SONET_GROUP_ID", "At most 50 groups at once.");
  return ids;
}

const json::object& fields_of(const rest::Call& call) {
  // user.add/user.update take fields at the top level; FIELDS/fields is accepted too.
  if (const json::object* f = object_param(call.params, "FIELDS")) return *f;
  return call.params;
}

}  // namespace

std::int64_t add(rest::Call& call) {
  const json::object& fields = fields_of(call);
  std::string email(trim(required_string(fields, "EMAIL")));
  validate_email(email);
  bool extranet = flag_param(fields, "EXTRANET").value_or(false);
  auto password = string_param(fields, "PASSWORD");
  if (password) validate_password(*password);
  const json::value* departments_value = find_ci(fields, "UF_DEPARTMENT");
  if (!extranet && (!departments_value || as_list(*departments_value).empty()))
    throw bad_argument("UF_DEPARTMENT", "UF_DEPARTMENT is required for an employee.");
  // An employee brings outside people into their own groups (A5); everything else is the
  // administrator's.
  std::vector<std::int64_t> group_ids = sonet_group_ids(fields);
  if (!call.caller.is_admin) {
    if (!extranet || call.caller.is_extranet)
      throw access_denied("Only an administrator adds employees.");
    if (group_ids.empty())
      throw bad_argument("SONET_GROUP_ID",
                         "Name the groups (SONET_GROUP_ID) to invite the person into.");
    if (password || departments_value)
      throw access_denied("Only an administrator sets a password or departments.");
  }

  return call.portal.db.write([&](db::Tx& tx) {
    groups::check_may_invite(tx.conn, call.caller, group_ids, extranet);
    if (store::find_by_email(tx.conn, email)) throw duplicate_email(email);
    std::vector<std::int64_t> departments;
    if (departments_value) departments = department_ids(tx.conn, *departments_value);
    store::NewUser n;
    n.email = email;
    n.user_type = extranet ? "extranet" : "employee";
    n.invited = !password;
    if (password) n.password_hash = crypto::hash_password(*password);
    std::int64_t id = store::insert(tx.conn, n);
    auto columns = profile_columns(tx, call.portal, fields, true, call.caller.user_id);
    store::update_columns(tx.conn, id, columns);
    if (!departments.empty()) store::set_departments(tx.conn, id, departments);
    groups::add_invited(tx, call.portal, group_ids, id);
    if (!password)
      send_invitation(tx, call.portal, id, call.caller.user_id, call.request.base_url());
    else
      announce_arrival(tx, call.portal, id);
    publish_updated(tx, call.portal, id);
    return id;
  });
}

void announce_arrival(db::Tx& tx, Portal& portal, std::int64_t user_id) {
  auto person = store::find(tx.conn, user_id);
  if (!person || person->is_extranet()) return;
  feed::publish_event(tx, portal,
                      {"user_joined", "user", user_id, user_id, person->full_name(), {"UA"}});
}

std::int64_t create_outsider(db::Tx& tx, Portal& portal, const std::string& email,
                             const std::string& password, const json::object& fields,
                             std::int64_t actor_id) {
  validate_email(email);
  validate_password(password);
  if (store::find_by_email(tx.conn, email)) throw duplicate_email(email);
  store::NewUser n;
  n.email = email;
  n.user_type = "extranet";
  n.password_hash = crypto::hash_password(password);
  std::int64_t id = store::insert(tx.conn, n);
  store::update_columns(tx.conn, id, profile_columns(tx, portal, fields, true, actor_id));
  publish_updated(tx, portal, id);
  return id;
}

std::int64_t create_person(Portal& portal, const NewPerson& p) {
  validate_email(p.email);
  validate_password(p.password);
  return portal.db.write([&](db::Tx& tx) {
    std::int64_t existing = tx.conn.integer("SELECT count(*) FROM users").value_or(0);
    if (p.as_admin && existing > 0) throw access_denied("The portal already has an administrator.");
    if (store::find_by_email(tx.conn, p.email)) throw duplicate_email(p.email);
    store::NewUser n;
    n.email = p.email;
    n.password_hash = crypto::hash_password(p.password);
    n.is_admin = p.as_admin;
    std::int64_t id = store::insert(tx.conn, n);
    store::update_columns(tx.conn, id, {{"name", p.name}, {"last_name", p.last_name}});
    std::int64_t root =
        tx.conn.integer("SELECT id FROM departments WHERE parent_id IS NULL").value_or(0);
    if (p.as_admin) {
      std::string company =
          p.portal_name.empty() ? portal.settings.snapshot()->portal_name : p.portal_name;
      portal.settings.put(tx, "portal_name", company);
      if (!root)
        root = tx.conn.insert("INSERT INTO departments(name, sort, head_id) VALUES (?, 500, ?)",
                              {company, id});
    }
    if (root) store::set_departments(tx.conn, id, {root});
    if (!p.as_admin) announce_arrival(tx, portal, id);
    publish_updated(tx, portal, id);
    return id;
  });
}

void update(rest::Call& call) {
  const json::object& fields = fields_of(call);
  std::int64_t id = required_int(call.params, "ID");
  bool admin = call.caller.is_admin;
  if (!admin && id != call.caller.user_id)
    throw access_denied("You may edit only your own profile.");
  call.portal.db.write([&](db::Tx& tx) {
    auto user = store::find(tx.conn, id);
    if (!user) throw not_found("User " + std::to_string(id) + " not found.");
    auto columns = profile_columns(tx, call.portal, fields, admin, call.caller.user_id);

    if (const json::value* v = find_ci(fields, "EMAIL")) {
      std::string email(trim(as_string(*v).value_or("")));
      validate_email(email);
      auto other = store::find_by_email(tx.conn, email);
      if (other && other->id != id) throw duplicate_email(email);
      columns.emplace_back("email", email);
      columns.emplace_back("email_folded", fold_case(email));
    }
    bool deactivated = false;
    if (const json::value* v = find_ci(fields, "ACTIVE")) {
      auto active = as_flag(*v);
      if (!active) throw bad_argument("ACTIVE", "ACTIVE must be Y or N.");
      if (*active != user->active) {
        if (!admin) throw access_denied("Only an administrator may dismiss or restore people.");
        if (!*active && id == call.caller.user_id)
          throw bad_request("CANNOT_DISMISS_SELF", "You cannot dismiss yourself.");
        columns.emplace_back("active", std::int64_t{*active ? 1 : 0});
        deactivated = !*active;
      }
    }
    if (const json::value* v = find_ci(fields, "IS_ADMIN")) {
      auto flag = as_flag(*v);
      if (!flag) throw bad_argument("IS_ADMIN", "IS_ADMIN must be Y or N.");
      if (*flag != user->is_admin) {
        if (!admin) throw access_denied("Only an administrator may grant administrator rights.");
        if (!*flag && id == call.caller.user_id)
          throw bad_request("CANNOT_DEMOTE_SELF",
                            "You cannot take away your own administrator rights.");
        if (*flag && user->is_extranet())
          throw bad_request("EXTRANET_ADMIN", "An extranet user cannot be an administrator.");
        columns.emplace_back("is_admin", std::int64_t{*flag ? 1 : 0});
      }
    }
    store::update_columns(tx.conn, id, columns);
    if (const json::value* v = find_ci(fields, "UF_DEPARTMENT")) {
      if (!admin) throw access_denied("Only an administrator may move people between departments.");
      auto departments = department_ids(tx.conn, *v);
      if (departments.empty() && !user->is_extranet())
        throw bad_argument("UF_DEPARTMENT", "An employee must belong to a department.");
      store::set_departments(tx.conn, id, departments);
      if (call.portal.structure) call.portal.structure->changed(tx, {{id}, {}});
    }
    if (deactivated) {
      // A dismissed person is logged out everywhere; their webhooks stop with their account.
      tx.conn.run("DELETE FROM sessions WHERE user_id = ?", {id});
      if (auto* hub = call.portal.hub) tx.on_commit([hub, id] { hub->disconnect_user(id); });
    }
    publish_updated(tx, call.portal, id);
  });
}

}  // namespace artel::users
