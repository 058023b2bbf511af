#include "modules/feed/audience.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "modules/departments/store.h"
#include "modules/groups/access.h"
#include "modules/groups/model.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::feed {

namespace {

// "SG12" → {'S', 12}-like split: the prefix and the id; id 0 when the code has none (UA).
struct Code {
  std::string prefix;
  std::int64_t id = 0;
};

std::optional<Code> split(std::string_view code) {
  std::string upper = to_upper_ascii(trim(code));
  if (upper == "UA" || upper == "G2" || upper == "AU") return Code{"UA", 0};
  for (const char* prefix : {"SG", "DR", "U"}) {
    std::string_view p(prefix);
    if (!upper.starts_with(p) || upper.size() == p.size() || upper.size() > p.size() + 18) continue;
    std::int64_t id = 0;
    for (char c : upper.substr(p.size())) {
      if (c < '0' || c > '9') return std::nullopt;
      id = id * 10 + (c - '0');
    }
    if (id <= 0) return std::nullopt;
    return Code{std::string(p), id};
  }
  return std::nullopt;
}

ApiError bad_dest(const std::string& why) {
  return bad_argument("DEST", why);
}

}  // namespace

Reader reader_of(db::Conn& conn, const rest::Caller& caller) {
  Reader r;
  r.user_id = caller.user_id;
  if (caller.is_admin) {
    r.all = true;
    return r;
  }
  if (!caller.is_extranet) r.codes.push_back("UA");
  r.codes.push_back("U" + std::to_string(caller.user_id));
  for (auto g : groups::groups_of(conn, caller.user_id))
    r.codes.push_back("SG" + std::to_string(g));
  if (!caller.is_extranet)
    for (auto d : departments::store::departments_above(conn, caller.user_id))
      r.codes.push_back("DR" + std::to_string(d));
  return r;
}

std::optional<Reader> reader_of_person(db::Conn& conn, std::int64_t user_id) {
  auto person = users::store::find(conn, user_id);
  if (!person || !person->active) return std::nullopt;
  rest::Caller caller;
  caller.kind = rest::AuthKind::Session;
  caller.user_id = user_id;
  caller.is_admin = person->is_admin;
  caller.is_extranet = person->is_extranet();
  return reader_of(conn, caller);
}

bool sees(db::Conn& conn, const Reader& reader, std::int64_t entry_id) {
  if (reader.all)
    return conn.integer("SELECT 1 FROM feed_entries WHERE id = ?", {entry_id}).has_value();
  db::Params params{entry_id};
  for (const auto& c : reader.codes) params.push_back(c);
  return conn
      .integer("SELECT 1 FROM feed_rights WHERE entry_id = ? AND code IN " +
                   db::in_list(reader.codes.size()) + " LIMIT 1",
               params)
      .has_value();
}

bool may_write_to_everyone(db::Conn& conn, const rest::Caller& caller) {
  if (caller.is_admin) return true;
  if (caller.is_extranet) return false;
  if (!conn.integer("SELECT 1 FROM feed_everyone_writers LIMIT 1")) return true;
  return conn.integer("SELECT 1 FROM feed_everyone_writers WHERE user_id = ?", {caller.user_id})
      .has_value();
}

std::vector<std::string> parse_destinations(db::Conn& conn, const rest::Caller& caller,
                                            const json::value* dest,
                                            std::vector<std::string> fallback) {
  // The default audience is checked like a given one: "everyone" may be closed to the author.
  json::array defaults;
  for (const auto& code : fallback) defaults.push_back(json::string(code));
  json::value fallback_value(defaults);
  if (!dest || dest->is_null()) dest = &fallback_value;
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto items = dest->is_string() ? std::vector<const json::value*>{dest} : as_list(*dest);
  if (items.size() > 500) throw bad_dest("DEST may name at most 500 recipients.");
  for (const json::value* item : items) {
    auto text = as_string(*item);
    auto code = text ? split(*text) : std::nullopt;
    if (!code)
      throw bad_dest("DEST codes are UA (everyone), U<id>, SG<id> or DR<id>; \"" +
                     text.value_or("?") + "\" is none of them.");
    std::string name = code->prefix + (code->id ? std::to_string(code->id) : "");
    if (!seen.insert(name).second) continue;
    if (code->prefix == "UA") {
      if (!may_write_to_everyone(conn, caller))
        throw bad_dest("You may not write to everyone (UA): choose people or groups.");
    } else if (code->prefix == "U") {
      if (!conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1", {code->id}) ||
          !users::can_see(conn, caller, code->id))
        throw bad_dest("Person " + std::to_string(code->id) + " is not found.");
    } else if (code->prefix == "SG") {
      auto role = groups::role_of(conn, code->id, caller.user_id);
      bool member = role && groups::is_in(*role);
      if (!member && !(caller.is_admin && groups::exists(conn, code->id)))
        throw bad_dest("Group " + std::to_string(code->id) +
                       " is not found among the groups you are in.");
    } else {
      if (caller.is_extranet)
        throw bad_dest("Outside (extranet) people write only to their groups and people.");
      if (!departments::store::find(conn, code->id))
        throw bad_dest("Department " + std::to_string(code->id) + " is not found.");
    }
    out.push_back(name);
  }
  if (out.empty()) throw bad_dest("DEST must name at least one recipient.");
  return out;
}

std::vector<std::int64_t> people_of(db::Conn& conn, const std::vector<std::string>& codes) {
  std::set<std::int64_t> people;
  std::vector<std::int64_t> group_ids, department_ids;
  for (const auto& c : codes) {
    auto code = split(c);
    if (!code) continue;
    if (code->prefix == "UA") {
      for (auto id : users::store::active_employee_ids(conn)) people.insert(id);
    } else if (code->prefix == "U") {
      people.insert(code->id);
    } else if (code->prefix == "SG") {
      group_ids.push_back(code->id);
    } else {
      department_ids.push_back(code->id);
    }
  }
  for (auto id : groups::members_of(conn, group_ids)) people.insert(id);
  for (auto id : departments::store::people_under(conn, department_ids)) people.insert(id);
  return {people.begin(), people.end()};
}

}  // namespace artel::feed
