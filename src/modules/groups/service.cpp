#include "modules/groups/service.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/image.h"
#include "core/text.h"
#include "core/time.h"
#include "events/live.h"
#include "modules/feed/events.h"
#include "modules/files/store.h"
#include "modules/groups/access.h"
#include "modules/groups/notices.h"
#include "modules/groups/present.h"
#include "modules/groups/store.h"
#include "modules/settings/store.h"
#include "modules/tasks/boards.h"
#include "modules/users/store.h"

namespace artel::groups {

namespace {

constexpr std::size_t kMaxPeoplePerCall = 500;

ApiError group_not_found() {
  return ApiError(400, "ERROR_GROUP_NOT_FOUND", "Socialnetwork group not found.");
}

int tz_now(const Portal& portal) {
  return portal.settings.snapshot()->tz_offset_now();
}

std::int64_t group_id_param(const json::object& params, std::string_view name = "GROUP_ID") {
  auto id = int_param(params, name);
  if (!id || *id <= 0) throw bad_argument(std::string(name), "Wrong group ID.");
  return *id;
}

// The group as the caller may know it; a hidden group and a missing one answer alike.
Group known_group(db::Conn& conn, const rest::Caller& caller, std::int64_t id) {
  auto g = store::find(conn, id);
  if (!g || !knows(conn, caller, id)) throw group_not_found();
  return std::move(*g);
}

std::string caller_role(db::Conn& conn, const rest::Caller& caller, std::int64_t group_id) {
  return role_of(conn, group_id, caller.user_id).value_or("");
}

bool manages_people(const Group& g, const rest::Caller& caller, const std::string& role) {
  return caller.is_admin || passes(role, g.initiate_perms);
}

bool edits(const rest::Caller& caller, const std::string& role) {
  return caller.is_admin || role == role::kOwner || role == role::kModerator;
}

std::vector<std::int64_t> user_ids(const json::object& params, std::string_view name) {
  const json::value* v = find_ci(params, name);
  if (!v) throw bad_argument(std::string(name), std::string(name) + " is required.");
  std::vector<std::int64_t> ids;
  for (const json::value* item : as_list(*v)) {
    auto id = as_int(*item);
    if (!id || *id <= 0)
      throw bad_argument(std::string(name), std::string(name) + " must hold user ids.");
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  if (ids.empty()) throw bad_argument(std::string(name), std::string(name) + " is required.");
  if (ids.size() > kMaxPeoplePerCall)
    throw bad_argument(std::string(name), "At most 500 people at once.");
  return ids;
}

// An active person the caller may name; outside people only in extranet groups.
users::User person_for(db::Conn& conn, const Group& g, std::int64_t id, std::string_view field) {
  auto u = users::store::find(conn, id);
  if (!u || !u->active)
    throw bad_argument(std::string(field), "User " + std::to_string(id) + " is not found.");
  if (u->is_extranet() && !g.is_extranet)
    throw bad_request("GROUP_NOT_EXTRANET",
                      "An outside (extranet) person can join only an extranet group.");
  return *u;
}

std::string letter(const json::object& params, std::string_view name, std::string current,
                   std::initializer_list<std::string_view> allowed) {
  const json::value* v = find_ci(params, name);
  if (!v) return current;
  std::string s = to_upper_ascii(trim(as_string(*v).value_or("")));
  for (auto a : allowed)
    if (s == a) return s;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw bad_argument(std::string(name), std::string(name) + " must be one of " + list + ".");
}

std::optional<std::int64_t> date_param(const json::object& params, std::string_view name,
                                       std::optional<std::int64_t> current, int tz) {
  const json::value* v = find_ci(params, name);
  if (!v) return current;
  auto s = as_string(*v);
  if (v->is_null() || (s && trim(*s).empty())) return std::nullopt;
  auto t = s ? timeutil::parse_datetime(*s, tz) : std::nullopt;
  if (!t) throw bad_argument(std::string(name), std::string(name) + " must be a date (ISO 8601).");
  return t;
}

// Reads the fields of sonet_group.create/update onto `g`.
void apply_fields(const json::object& p, Group& g, int tz, bool creating) {
  if (creating || find_ci(p, "NAME")) {
    std::string name(
        trim(creating ? required_string(p, "NAME") : string_param(p, "NAME").value_or("")));
    if (name.empty()) throw bad_argument("NAME", "The group needs a name.");
    if (name.size() > 255) throw bad_argument("NAME", "The group name is too long (255 at most).");
    g.name = name;
  }
  if (auto d = string_param(p, "DESCRIPTION")) {
    if (d->size() > 65535) throw bad_argument("DESCRIPTION", "The description is too long.");
    g.description = *d;
  }
  if (auto k = string_param(p, "KEYWORDS")) {
    if (k->size() > 1000) throw bad_argument("KEYWORDS", "The keywords are too long.");
    g.keywords = *k;
  }
  if (auto f = flag_param(p, "VISIBLE")) g.visible = *f;
  if (auto f = flag_param(p, "OPENED")) g.opened = *f;
  if (auto f = flag_param(p, "CLOSED")) g.closed = *f;
  if (auto f = flag_param(p, "PROJECT")) g.project = *f;
  if (auto f = flag_param(p, "IS_EXTRANET")) g.is_extranet = *f;
  g.initiate_perms = letter(p, "INITIATE_PERMS", g.initiate_perms, {"A", "E", "K"});
  g.move_perms = letter(p, "MOVE_PERMS", g.move_perms, {"A", "E", "K"});
  g.extranet_tasks = letter(p, "EXTRANET_TASKS", g.extranet_tasks, {"ALL", "OWN"});
  g.curator_role = letter(p, "CURATOR_ROLE", g.curator_role, {"AUDITOR", "ACCOMPLICE"});
  g.project_date_start = date_param(p, "PROJECT_DATE_START", g.project_date_start, tz);
  g.project_date_finish = date_param(p, "PROJECT_DATE_FINISH", g.project_date_finish, tz);
  if (g.project_date_start && g.project_date_finish &&
      *g.project_date_finish < *g.project_date_start)
    throw bad_argument("PROJECT_DATE_FINISH", "The project cannot finish before it starts.");
  // A hidden group cannot be open: nobody outside it could find it to join.
  if (!g.visible) g.opened = false;
}

std::vector<std::int64_t> managers(const std::vector<Membership>& ms) {
  std::vector<std::int64_t> out;
  for (const auto& m : ms)
    if (m.role == role::kOwner || m.role == role::kModerator) out.push_back(m.user_id);
  return out;
}

// group.changed to everyone in the group (pending people too) and to `extra` (who just left).
void announce(db::Tx& tx, Portal& portal, std::int64_t group_id, std::string_view type,
              std::vector<std::int64_t> extra = {}) {
  std::set<std::int64_t> to(extra.begin(), extra.end());
  for (const auto& m : store::members(tx.conn, group_id)) to.insert(m.user_id);
  live::publish_after_commit(tx, portal, {to.begin(), to.end()}, type,
                             json::object{{"ID", std::to_string(group_id)}});
}

// Puts `ids` into the group as members, keeping the roles of those already in.
std::vector<std::int64_t> admit(db::Tx& tx, const Group& g, const std::vector<std::int64_t>& ids,
                                std::int64_t now) {
  std::vector<std::int64_t> added;
  for (auto id : ids) {
    person_for(tx.conn, g, id, "USER_ID");
    auto m = store::membership(tx.conn, g.id, id);
    if (m && is_in(m->role)) continue;
    store::put_member(tx.conn, g.id, {id, role::kMember, m ? m->initiated_by : "G", ""}, now);
    added.push_back(id);
  }
  return added;
}

void save_curators(db::Tx& tx, Group& g, const json::object& p) {
  const json::value* v = find_ci(p, "CURATORS");
  if (!v) return;
  std::vector<std::int64_t> ids;
  for (const json::value* item : as_list(*v)) {
    if (item->is_string() && trim(item->get_string()).empty()) continue;
    auto id = as_int(*item);
    if (!id || *id <= 0) throw bad_argument("CURATORS", "CURATORS must hold user ids.");
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  if (ids.size() > 50) throw bad_argument("CURATORS", "A project may name at most 50 curators.");
  // A curator takes part in every task of the group, so they must be in it.
  for (auto id : ids) {
    person_for(tx.conn, g, id, "CURATORS");
    auto m = store::membership(tx.conn, g.id, id);
    if (!m || !is_in(m->role))
      throw bad_argument("CURATORS", "Curator " + std::to_string(id) +
                                         " is not in the group: add them to it first.");
  }
  store::set_curators(tx.conn, g.id, ids);
  g.curators = ids;
}

// IMAGE: the group's picture as ["name.png", "<base64>"] (as Bitrix24's file fields);
// IMAGE_FILE_ID 0 (or an empty IMAGE) removes it.
void save_image(db::Tx& tx, Portal& portal, Group& g, const json::object& p, std::int64_t actor) {
  if (const json::value* v = find_ci(p, "IMAGE_FILE_ID")) {
    auto id = as_int(*v);
    if (!id || *id != 0)
      throw bad_argument("IMAGE_FILE_ID", "IMAGE_FILE_ID takes 0 (no picture); send IMAGE.");
    g.image_file_id = 0;
  }
  const json::value* v = find_ci(p, "IMAGE");
  if (!v) return;
  if (v->is_null() || (v->is_string() && v->get_string().empty())) {
    g.image_file_id = 0;
    return;
  }
  Upload upload = decode_upload(*v, "IMAGE");
  auto mime = image_mime(upload.bytes);
  if (!mime) throw bad_argument("IMAGE", "The picture must be a PNG, JPEG, GIF or WebP image.");
  if (upload.bytes.size() > 10 * 1024 * 1024)
    throw bad_argument("IMAGE", "The picture must be smaller than 10 MB.");
  g.image_file_id = portal.files.save(tx, upload.bytes, upload.name, *mime, actor);
}

json::array id_strings(const std::vector<std::int64_t>& ids) {
  json::array out;
  for (auto id : ids) out.emplace_back(std::to_string(id));
  return out;
}

// ---- methods ----

// Who reads of a group in the feed: everyone for a visible group, only its members otherwise.
std::vector<std::string> feed_codes(const Group& g) {
  std::vector<std::string> codes{"SG" + std::to_string(g.id)};
  if (g.visible) codes.push_back("UA");
  return codes;
}

rest::CallResult create(rest::Call& call) {
  if (call.caller.is_extranet)
    throw access_denied("Outside (extranet) people cannot create groups.");
  Group g;
  apply_fields(call.params, g, tz_now(call.portal), true);
  g.owner_id = call.caller.user_id;
  if (auto owner = int_param(call.params, "OWNER_ID"); owner && *owner != call.caller.user_id) {
    if (!call.caller.is_admin) throw access_denied("Only an administrator names another owner.");
    g.owner_id = *owner;
  }
  return call.portal.db.write([&](db::Tx& tx) {
    auto owner = users::store::find(tx.conn, g.owner_id);
    if (!owner || !owner->active || owner->is_extranet())
      throw bad_argument("OWNER_ID", "The owner must be an active employee.");
    std::int64_t now = timeutil::now_seconds();
    g.date_create = g.date_update = g.date_activity = now;
    save_image(tx, call.portal, g, call.params, call.caller.user_id);
    g.id = store::insert(tx.conn, g);
    store::put_member(tx.conn, g.id, {g.owner_id, role::kOwner, "G", ""}, now);
    save_curators(tx, g, call.params);
    announce(tx, call.portal, g.id, "group.changed");
    feed::publish_event(
        tx, call.portal,
        {"group_created", "group", g.id, call.caller.user_id, g.name, feed_codes(g)});
    return rest::CallResult{g.id};
  });
}

rest::CallResult update(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!edits(call.caller, caller_role(tx.conn, call.caller, id)))
      throw access_denied("User has no permissions to update group.");
    bool was_extranet = g.is_extranet;
    apply_fields(call.params, g, tz_now(call.portal), false);
    if (find_ci(call.params, "OWNER_ID"))
      throw bad_argument("OWNER_ID", "Use sonet_group.setowner to hand the group over.");
    if (was_extranet && !g.is_extranet &&
        tx.conn.integer("SELECT 1 FROM sonet_group_members m JOIN users u ON u.id = m.user_id "
                        "WHERE m.group_id = ? AND u.user_type = 'extranet' LIMIT 1",
                        {id}))
      throw bad_request("GROUP_HAS_EXTRANET",
                        "The group still has outside (extranet) people: remove them first.");
    std::int64_t now = timeutil::now_seconds();
    g.date_update = now;
    save_image(tx, call.portal, g, call.params, call.caller.user_id);
    store::update(tx.conn, g);
    feed::retarget(tx, call.portal, "group", g.id, feed_codes(g));
    save_curators(tx, g, call.params);
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{id};
  });
}

rest::CallResult remove(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!call.caller.is_admin && g.owner_id != call.caller.user_id)
      throw access_denied("Only the owner or an administrator deletes a group.");
    std::vector<std::int64_t> people;
    for (const auto& m : store::members(tx.conn, id)) people.push_back(m.user_id);
    // The group's tasks stay, detached from it (D6).
    tasks::detach_group(tx, id, call.caller.user_id);
    feed::forget(tx, call.portal, "group", id);
    store::remove(tx.conn, id);
    live::publish_after_commit(tx, call.portal, people, "group.deleted",
                               json::object{{"ID", std::to_string(id)}});
    return rest::CallResult{true};
  });
}

rest::CallResult get(rest::Call& call) {
  rest::ListQuery q;
  restrict_to_known(q, call.caller);
  int tz = tz_now(call.portal);
  if (const json::object* filter = object_param(call.params, "FILTER"))
    rest::add_filter(q, *filter, store::list_fields(), tz);
  if (auto one = int_param(call.params, "GROUP_ID")) q.add_condition("g.id = ?", {*one});
  const json::value* order = find_ci(call.params, "ORDER");
  if (order && order->is_object())
    rest::set_order(q, order, store::list_fields(), "g.id DESC", "g.id");
  else
    q.order_by = "g.id DESC";
  return call.portal.db.read([&](db::Conn& c) {
    auto rows = store::list(c, q, call.start);
    std::optional<std::int64_t> total;
    if (call.start >= 0) total = store::count(c, q);
    std::vector<std::int64_t> ids;
    for (const auto& g : rows) ids.push_back(g.id);
    auto roles = store::roles_of(c, call.caller.user_id, ids);
    json::array out;
    for (const auto& g : rows)
      out.push_back(group_json(g, roles[g.id], tz, call.request.base_url()));
    return rest::page_result(std::move(out), rows.size(), call.start, total);
  });
}

rest::CallResult user_get(rest::Call& call) {
  std::int64_t id = group_id_param(call.params, "ID");
  return call.portal.db.read([&](db::Conn& c) {
    Group g = known_group(c, call.caller, id);
    bool sees_pending = manages_people(g, call.caller, caller_role(c, call.caller, id));
    json::array out;
    for (const auto& m : store::members(c, id)) {
      if (m.role == role::kPending && !sees_pending && m.user_id != call.caller.user_id) continue;
      out.push_back(json::object{{"USER_ID", std::to_string(m.user_id)},
                                 {"ROLE", m.role},
                                 {"INITIATED_BY_TYPE", m.initiated_by}});
    }
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult user_add(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  auto ids = user_ids(call.params, "USER_ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!manages_people(g, call.caller, caller_role(tx.conn, call.caller, id)))
      throw access_denied("User has no permissions to add people to the group.");
    auto added = admit(tx, g, ids, timeutil::now_seconds());
    notices::send(tx, call.portal, notices::Kind::Added, g, call.caller.user_id, added);
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{id_strings(added)};
  });
}

rest::CallResult user_delete(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  auto ids = user_ids(call.params, "USER_ID");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    std::string mine = caller_role(tx.conn, call.caller, id);
    bool manager = manages_people(g, call.caller, mine);
    std::vector<std::int64_t> removed;
    for (auto uid : ids) {
      auto m = store::membership(tx.conn, id, uid);
      if (!m) continue;
      if (m->role == role::kOwner)
        throw bad_request("ERROR_OWNER_REMOVE",
                          "The owner cannot be removed: hand the group over first.");
      bool self = uid == call.caller.user_id;
      bool allowed = self || (manager && (m->role != role::kModerator || mine == role::kOwner ||
                                          call.caller.is_admin));
      if (!allowed) throw access_denied("User has no permissions to remove people from the group.");
      store::remove_member(tx.conn, id, uid);
      removed.push_back(uid);
    }
    if (!removed.empty()) {
      // A curator who left is no longer added to new tasks.
      std::vector<std::int64_t> kept;
      for (auto c : g.curators)
        if (std::find(removed.begin(), removed.end(), c) == removed.end()) kept.push_back(c);
      if (kept.size() != g.curators.size()) store::set_curators(tx.conn, id, kept);
      announce(tx, call.portal, id, "group.changed", removed);
    }
    return rest::CallResult{id_strings(removed)};
  });
}

rest::CallResult user_update(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  auto ids = user_ids(call.params, "USER_ID");
  std::string new_role = letter(call.params, "ROLE", "", {"E", "K"});
  if (new_role.empty()) throw bad_argument("ROLE", "ROLE (E or K) is required.");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!call.caller.is_admin && g.owner_id != call.caller.user_id)
      throw access_denied("Only the owner or an administrator changes roles.");
    for (auto uid : ids) {
      auto m = store::membership(tx.conn, id, uid);
      if (!m || !is_in(m->role))
        throw bad_argument("USER_ID", "User " + std::to_string(uid) + " is not in the group.");
      if (m->role == role::kOwner)
        throw bad_request("ERROR_OWNER_ROLE",
                          "The owner's role changes with sonet_group.setowner.");
      m->role = new_role;
      store::put_member(tx.conn, id, *m, timeutil::now_seconds());
    }
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{true};
  });
}

rest::CallResult user_invite(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  auto ids = user_ids(call.params, "USER_ID");
  std::string message = string_param(call.params, "MESSAGE").value_or("");
  if (message.size() > 4000) throw bad_argument("MESSAGE", "The message is too long.");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!manages_people(g, call.caller, caller_role(tx.conn, call.caller, id)))
      throw access_denied("User has no permissions to invite people to the group.");
    std::vector<std::int64_t> invited;
    std::int64_t now = timeutil::now_seconds();
    for (auto uid : ids) {
      person_for(tx.conn, g, uid, "USER_ID");
      auto m = store::membership(tx.conn, id, uid);
      if (m && is_in(m->role)) continue;
      if (m && m->initiated_by == "U") {
        // They asked already: the invitation answers the request.
        store::put_member(tx.conn, id, {uid, role::kMember, "U", m->message}, now);
      } else {
        store::put_member(tx.conn, id, {uid, role::kPending, "G", message}, now);
      }
      invited.push_back(uid);
    }
    notices::send(tx, call.portal, notices::Kind::Invited, g, call.caller.user_id, invited,
                  message);
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{id_strings(invited)};
  });
}

rest::CallResult user_request(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  std::string message = string_param(call.params, "MESSAGE").value_or("");
  if (message.size() > 4000) throw bad_argument("MESSAGE", "The message is too long.");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    std::int64_t me = call.caller.user_id;
    auto m = store::membership(tx.conn, id, me);
    if (m && is_in(m->role)) return rest::CallResult{true};
    if (g.closed) throw bad_request("GROUP_ARCHIVED", "The group is archived: nobody joins it.");
    std::int64_t now = timeutil::now_seconds();
    person_for(tx.conn, g, me, "USER_ID");
    if ((m && m->initiated_by == "G") || (g.opened && !call.caller.is_extranet)) {
      store::put_member(tx.conn, id, {me, role::kMember, m ? "G" : "U", message}, now);
    } else {
      store::put_member(tx.conn, id, {me, role::kPending, "U", message}, now);
      auto ms = store::members(tx.conn, id);
      notices::send(tx, call.portal, notices::Kind::Requested, g, me, managers(ms), message);
    }
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{true};
  });
}

rest::CallResult set_owner(rest::Call& call) {
  std::int64_t id = group_id_param(call.params);
  auto uid = int_param(call.params, "USER_ID");
  if (!uid || *uid <= 0) throw bad_argument("USER_ID", "USER_ID is required.");
  return call.portal.db.write([&](db::Tx& tx) {
    Group g = known_group(tx.conn, call.caller, id);
    if (!call.caller.is_admin && g.owner_id != call.caller.user_id)
      throw access_denied("Only the owner or an administrator hands the group over.");
    auto u = person_for(tx.conn, g, *uid, "USER_ID");
    if (u.is_extranet()) throw bad_argument("USER_ID", "The owner must be an employee.");
    std::int64_t now = timeutil::now_seconds();
    if (*uid != g.owner_id) {
      store::put_member(tx.conn, id, {g.owner_id, role::kModerator, "G", ""}, now);
      store::put_member(tx.conn, id, {*uid, role::kOwner, "G", ""}, now);
      g.owner_id = *uid;
      g.date_update = now;
      store::update(tx.conn, g);
    }
    announce(tx, call.portal, id, "group.changed");
    return rest::CallResult{true};
  });
}

rest::CallResult user_groups(rest::Call& call) {
  return call.portal.db.read([&](db::Conn& c) {
    json::array out;
    for (const auto& g : store::groups_of(c, call.caller.user_id))
      out.push_back(json::object{{"GROUP_ID", std::to_string(g.id)},
                                 {"GROUP_NAME", g.name},
                                 {"ROLE", g.role},
                                 {"IS_EXTRANET", g.is_extranet ? "Y" : "N"},
                                 {"PROJECT", g.project ? "Y" : "N"}});
    return rest::CallResult{std::move(out)};
  });
}

}  // namespace

void check_may_invite(db::Conn& conn, const rest::Caller& caller,
                      const std::vector<std::int64_t>& group_ids, bool extranet_person) {
  for (auto id : group_ids) {
    Group g = known_group(conn, caller, id);
    if (extranet_person && !g.is_extranet)
      throw bad_request("GROUP_NOT_EXTRANET",
                        "An outside (extranet) person can join only an extranet group.");
    if (!manages_people(g, caller, caller_role(conn, caller, id)))
      throw access_denied("User has no permissions to invite people to group " +
                          std::to_string(id) + ".");
  }
}

void add_invited(db::Tx& tx, Portal& portal, const std::vector<std::int64_t>& group_ids,
                 std::int64_t user_id) {
  std::int64_t now = timeutil::now_seconds();
  for (auto id : group_ids) {
    store::put_member(tx.conn, id, {user_id, role::kMember, "G", ""}, now);
    announce(tx, portal, id, "group.changed");
  }
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"sonet_group.create", "sonet_group", Access::User, create});
  registry.add({"sonet_group.update", "sonet_group", Access::User, update});
  registry.add({"sonet_group.delete", "sonet_group", Access::User, remove});
  registry.add({"sonet_group.get", "sonet_group", Access::User, get});
  registry.add({"sonet_group.setowner", "sonet_group", Access::User, set_owner});
  registry.add({"sonet_group.user.get", "sonet_group", Access::User, user_get});
  registry.add({"sonet_group.user.add", "sonet_group", Access::User, user_add});
  registry.add({"sonet_group.user.delete", "sonet_group", Access::User, user_delete});
  registry.add({"sonet_group.user.update", "sonet_group", Access::User, user_update});
  registry.add({"sonet_group.user.invite", "sonet_group", Access::User, user_invite});
  registry.add({"sonet_group.user.request", "sonet_group", Access::User, user_request});
  registry.add({"sonet_group.user.groups", "sonet_group", Access::User, user_groups});
}

}  // namespace artel::groups
