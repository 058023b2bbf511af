// The REST methods of the notification centre (scope im): Bitrix24's im.notify.* and
// im.counters.get, and Artel's artel.notify.settings.* for the settings page. A person reads and
// changes only their own notices and settings; an application may also delete what it sent.
#include <algorithm>
#include <map>

#include "core/bbcode.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/languages.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/im/catalogue.h"
#include "modules/im/delivery.h"
#include "modules/im/notify.h"
#include "modules/im/settings.h"
#include "modules/im/store.h"
#include "modules/im/view.h"
#include "modules/settings/store.h"
#include "modules/users/service.h"
#include "modules/users/store.h"

namespace artel::notify {

namespace {

using rest::Call;
using rest::CallResult;

constexpr std::size_t kMaxMessage = 20000;
constexpr std::size_t kMaxTag = 255;
constexpr std::size_t kMaxLink = 2000;
constexpr std::size_t kMaxAttach = 30 * 1024;
constexpr std::size_t kMaxIds = 1000;
constexpr std::int64_t kPageLimit = 50;

int tz_now(Call& c) {
  return c.portal.settings.snapshot()->tz_offset_now();
}

std::string language_of(Call& c) {
  auto lang = c.portal.db.read([&](db::Conn& conn) {
    auto u = users::store::find(conn, c.caller.user_id);
    return u ? u->language_id : std::string();
  });
  return is_interface_language(lang) ? lang : c.portal.settings.snapshot()->language;
}

// The application a call comes from: the CLIENT_ID it names, else its webhook. A browser session
// is no application.
std::string app_of(Call& c) {
  if (c.caller.kind == rest::AuthKind::Session) return {};
  std::string client(trim(string_param(c.params, "CLIENT_ID").value_or("")));
  if (!client.empty()) return "client:" + client.substr(0, 200);
  if (c.caller.kind == rest::AuthKind::Webhook) return "webhook:" + to_text(c.caller.webhook_id);
  return {};
}

// Bitrix24 keeps an application's tags apart from everyone else's: "MP|<app key>|<TAG>".
std::string app_tag(const std::string& app, const std::string& tag) {
  if (tag.empty()) return {};
  return "MP|" + crypto::sha256_hex(app).substr(0, 8) + "|" + tag;
}

std::string text_param(Call& c, std::string_view name, std::size_t max) {
  std::string s(trim(string_param(c.params, name).value_or("")));
  if (s.size() > max)
    throw bad_argument(std::string(name), std::string(name) + " must be at most " +
                                              std::to_string(max) + " bytes long.");
  return s;
}

// ATTACH as JSON text: an object or an array, or a string holding one.
std::string attach_param(Call& c) {
  const json::value* v = find_ci(c.params, "ATTACH");
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) return {};
  json::value parsed;
  if (v->is_string()) {
    boost::system::error_code ec;
    parsed = json::parse(std::string(v->get_string()), ec);
    if (ec) throw bad_request("ATTACH_ERROR", "Incorrect attach params: ATTACH is not JSON.");
  } else {
    parsed = *v;
  }
  if (!parsed.is_object() && !parsed.is_array())
    throw bad_request("ATTACH_ERROR",
                      "Incorrect attach params: ATTACH must be an object or an array.");
  std::string text = json::serialize(parsed);
  if (text.size() > kMaxAttach)
    throw bad_request("ATTACH_OVERSIZE",
                      "You have exceeded the maximum allowable size of attach (30 KB).");
  return text;
}

void refuse_session(Call& c) {
  if (c.caller.kind == rest::AuthKind::Session)
    throw bad_request("WRONG_AUTH_TYPE",
                      "Access for this method not allowed by session authorization: call it "
                      "through a webhook or an application.");
}

CallResult add(Call& c, bool system) {
  refuse_session(c);
  const json::value* to = find_ci(c.params, "USER_ID");
  auto to_user = to ? as_int(*to) : std::nullopt;
  if (!to_user || *to_user <= 0)
    throw bad_request("USER_ID_EMPTY", "User ID can't be empty: give USER_ID, the recipient.");
  std::string message = text_param(c, "MESSAGE", kMaxMessage);
  if (message.empty())
    throw bad_request("MESSAGE_EMPTY", "Message can't be empty: give MESSAGE, the text.");
  std::string message_out = text_param(c, "MESSAGE_OUT", kMaxMessage);
  std::string tag = text_param(c, "TAG", kMaxTag);
  std::string sub_tag = text_param(c, "SUB_TAG", kMaxTag);
  std::string link = text_param(c, "LINK", kMaxLink);
  if (!link.empty() && bbcode::safe_href(link, "").empty())
    throw bad_argument("LINK",
                       "LINK must be a path of the portal (/tasks/…) or an http(s) address.");
  Origin origin{app_of(c), attach_param(c), c.request.base_url()};

  std::int64_t id = c.portal.db.write([&](db::Tx& tx) {
    auto person = users::store::find(tx.conn, *to_user);
    if (!person || !users::can_see(tx.conn, c.caller, *to_user))
      throw access_denied("You cannot send a notice to person " + to_text(*to_user) +
                          ": there is no such person among those you can see.");
    if (!person->active)
      throw bad_request("USER_INACTIVE", "Person " + to_text(*to_user) +
                                             " has been dismissed; notices no longer reach them.");
    Notice n;
    n.to_user = *to_user;
    n.from_user = system ? 0 : c.caller.user_id;
    n.tag = app_tag(origin.app, tag);
    n.sub_tag = app_tag(origin.app, sub_tag);
    n.message = message;
    n.message_out = message_out;
    n.link = link;
    return deliver(tx, c.portal, n, origin);
  });
  // Bitrix24 answers false when no notice was created (here: a notice to oneself, or the
  // recipient keeps this kind out of the bell).
  if (!id) return {false};
  return {id};
}

CallResult notify_alias(Call& c) {
  std::string type = to_upper_ascii(text_param(c, "TYPE", 20));
  if (!type.empty() && type != "USER" && type != "SYSTEM")
    throw bad_argument("TYPE", "TYPE must be USER or SYSTEM.");
  return add(c, type == "SYSTEM");
}

bool action_param(Call& c) {
  const json::value* v = find_ci(c.params, "ACTION");
  if (!v || (v->is_string() && v->get_string().empty())) return true;
  auto f = as_flag(*v);
  if (!f) throw bad_argument("ACTION", "ACTION must be Y (read) or N (unread).");
  return *f;
}

std::int64_t limit_param(Call& c) {
  auto limit = int_param(c.params, "LIMIT").value_or(kPageLimit);
  return std::clamp<std::int64_t>(limit, 1, kPageLimit);
}

// Where the next page starts: below the entry LAST_ID (its place in the caller's bell).
void add_last_id(db::Conn& conn, rest::ListQuery& q, Call& c, std::int64_t last_id) {
  auto entry = store::find(conn, last_id);
  if (entry && entry->user_id == c.caller.user_id)
    q.add_condition("n.sort_seq < ?", {entry->sort_seq});
  else
    q.add_condition("n.id < ?", {last_id});
}

json::array entries_json(const std::vector<store::Entry>& rows, int tz, bool convert) {
  json::array out;
  for (const auto& e : rows) out.push_back(view::entry(e, tz, convert));
  return out;
}

CallResult get(Call& c) {
  const json::value* last_id_v = find_ci(c.params, "LAST_ID");
  const json::value* last_type_v = find_ci(c.params, "LAST_TYPE");
  auto present = [](const json::value* v) {
    return v && !v->is_null() && !(v->is_string() && v->get_string().empty());
  };
  std::optional<std::int64_t> last_id;
  if (present(last_id_v)) {
    last_id = as_int(*last_id_v);
    if (!last_id) throw bad_request("LAST_ID_STRING", "Last notification ID can't be string.");
  }
  if (present(last_id_v) != present(last_type_v))
    throw bad_request("LAST_ID_AND_LAST_TYPE",
                      "Parameters LAST_ID and LAST_TYPE should be used together.");
  if (present(last_type_v) && !as_int(*last_type_v))
    throw bad_argument("LAST_TYPE", "LAST_TYPE must be a number (3 for notices).");
  std::int64_t limit = limit_param(c);
  bool convert = flag_param(c.params, "CONVERT_TEXT").value_or(false);
  int tz = tz_now(c);

  return c.portal.db.read([&](db::Conn& conn) {
    rest::ListQuery mine;
    mine.add_condition("n.user_id = ?", {c.caller.user_id});
    std::int64_t total = store::count(conn, mine);
    json::object out;
    if (total == 0) {
      out["notifications"] = json::array();
      out["users"] = json::array();
      return CallResult{std::move(out)};
    }
    rest::ListQuery page = mine;
    if (last_id) add_last_id(conn, page, c, *last_id);
    auto rows = store::list(conn, page, static_cast<int>(limit));
    out["total_count"] = total;
    out["total_unread_count"] = store::unread_count(conn, c.caller.user_id);
    out["chat_id"] = 0;
    out["notifications"] = entries_json(rows, tz, convert);
    out["users"] = view::authors(conn, rows, c.caller, c.request.base_url(), c.portal.hub, tz);
    return CallResult{std::move(out)};
  });
}

// The caller's entry `id`: 400 when there is none, 403 when it is someone else's (and, with
// `app`, not sent by that application).
store::Entry own_entry(db::Conn& conn, Call& c, std::int64_t id, const std::string& app = {}) {
  auto e = store::find(conn, id);
  if (!e) throw not_found("There is no notification with ID " + to_text(id) + ".");
  if (e->user_id != c.caller.user_id && (app.empty() || e->app != app))
    throw access_denied("Notification " + to_text(id) + " is not yours.");
  return *e;
}

CallResult read(Call& c) {
  const json::value* v = find_ci(c.params, "ID");
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) return {true};
  auto id = as_int(*v);
  if (!id) throw bad_request("ID_ERROR", "Notification ID must be an integer.");
  bool read = action_param(c);
  bool only_current = flag_param(c.params, "ONLY_CURRENT").value_or(false);
  if (*id < 0) return {true};
  c.portal.db.write([&](db::Tx& tx) {
    rest::ListQuery q;
    q.add_condition("n.user_id = ?", {c.caller.user_id});
    if (only_current) {
      own_entry(tx.conn, c, *id);
      q.add_condition("n.id = ?", {*id});
    } else {
      q.add_condition("n.id >= ?", {*id});  // Bitrix24: this one and every later one
    }
    auto changed = store::set_read(tx.conn, q, read, timeutil::now_seconds());
    if (!changed.empty()) publish_read(tx, c.portal, c.caller.user_id, changed, read);
  });
  return {true};
}

CallResult read_list(Call& c) {
  const json::value* v = find_ci(c.params, "IDS");
  if (!v || !(v->is_array() || v->is_object()))
    throw bad_request("PARAMS_ERROR", "No IDS param or it is not an array.");
  std::vector<std::int64_t> ids;
  for (const json::value* item : as_list(*v)) {
    auto id = as_int(*item);
    if (!id) throw bad_request("PARAMS_ERROR", "IDS must hold notification IDs (integers).");
    if (*id <= 0) break;  // Bitrix24 stops at the first id that is not one
    ids.push_back(*id);
  }
  if (ids.size() > kMaxIds)
    throw bad_request("PARAMS_ERROR",
                      "IDS may hold at most " + std::to_string(kMaxIds) + " notification IDs.");
  bool read = action_param(c);
  if (ids.empty()) return {true};
  c.portal.db.write([&](db::Tx& tx) {
    rest::ListQuery q;
    q.add_condition("n.user_id = ?", {c.caller.user_id});
    q.add_condition("n.id IN " + db::in_list(ids.size()), db::values(ids));
    auto changed = store::set_read(tx.conn, q, read, timeutil::now_seconds());
    if (!changed.empty()) publish_read(tx, c.portal, c.caller.user_id, changed, read);
  });
  return {true};
}

CallResult read_all(Call& c) {
  std::int64_t counter = c.portal.db.write([&](db::Tx& tx) {
    rest::ListQuery q;
    q.add_condition("n.user_id = ?", {c.caller.user_id});
    auto changed = store::set_read(tx.conn, q, true, timeutil::now_seconds());
    if (!changed.empty()) publish_read(tx, c.portal, c.caller.user_id, changed, true);
    return store::unread_count(tx.conn, c.caller.user_id);
  });
  json::object out;
  out["result"] = true;
  out["newCounter"] = counter;
  return {std::move(out)};
}

CallResult remove(Call& c) {
  auto id = [&]() -> std::optional<std::int64_t> {
    const json::value* v = find_ci(c.params, "ID");
    if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) return std::nullopt;
    auto n = as_int(*v);
    if (!n || *n <= 0)
      throw bad_request("PARAMS_ERROR", "Incorrect params: ID must be a positive integer.");
    return n;
  }();
  std::string tag = text_param(c, "TAG", kMaxTag);
  std::string sub_tag = text_param(c, "SUB_TAG", kMaxTag);
  if (!id && tag.empty() && sub_tag.empty())
    throw bad_request("PARAMS_ERROR", "Incorrect params: give ID, TAG or SUB_TAG.");
  std::string app = app_of(c);
  if (!id && c.caller.kind == rest::AuthKind::Session)
    throw bad_request("PARAMS_ERROR",
                      "Incorrect params: in a browser session notifications are deleted by ID.");
  if (!id && app.empty()) throw access_denied("Access denied! Client ID not specified.");
  c.portal.db.write([&](db::Tx& tx) {
    rest::ListQuery q;
    if (id) {
      own_entry(tx.conn, c, *id, app);
      q.add_condition("n.id = ?", {*id});
    } else {
      // An application deletes what it sent, to whomever it went.
      q.add_condition("n.app = ?", {app});
      if (!tag.empty())
        q.add_condition("n.tag = ?", {app_tag(app, tag)});
      else
        q.add_condition("n.sub_tag = ?", {app_tag(app, sub_tag)});
    }
    auto removed = store::remove(tx.conn, q);
    std::map<std::int64_t, std::vector<std::int64_t>> by_person;
    for (const auto& r : removed) by_person[r.user_id].push_back(r.id);
    for (const auto& [person, ids] : by_person) publish_deleted(tx, c.portal, person, ids);
  });
  return {true};
}

CallResult schema(Call& c) {
  std::string lang = language_of(c);
  json::object out;
  for (const auto& t : event_types()) {
    std::string module(t.module);
    if (!out.contains(module)) {
      json::object m;
      m["name"] = module_title(t.module, lang);
      m["module_id"] = module;
      m["list"] = json::array();
      out[module] = std::move(m);
    }
    json::object item;
    item["id"] = module + "|" + std::string(t.event);
    item["name"] = event_title(t, lang);
    out[module].as_object()["list"].as_array().push_back(std::move(item));
  }
  return {std::move(out)};
}

std::int64_t date_param(Call& c, std::string_view name, const timeutil::TimeZone& zone) {
  std::string s(trim(string_param(c.params, name).value_or("")));
  auto t = timeutil::parse_datetime(s, zone);
  if (!t)
    throw bad_argument(std::string(name),
                       std::string(name) + " must be a date such as 2026-03-03T16:52:29+03:00.");
  return *t;
}

bool has_param(Call& c, std::string_view name) {
  const json::value* v = find_ci(c.params, name);
  return v && !v->is_null() && !(v->is_string() && v->get_string().empty()) &&
         !(v->is_array() && v->get_array().empty());
}

void add_type_filter(rest::ListQuery& q, const std::vector<std::string>& types) {
  std::string sql;
  db::Params values;
  for (const auto& type : types) {
    auto bar = type.find('|');
    if (!sql.empty()) sql += " OR ";
    if (bar == std::string::npos) {
      sql += "n.module = ?";
      values.push_back(type);
    } else {
      sql += "(n.module = ? AND n.event = ?)";
      values.push_back(type.substr(0, bar));
      values.push_back(type.substr(bar + 1));
    }
  }
  if (!sql.empty()) q.add_condition("(" + sql + ")", std::move(values));
}

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

CallResult history_search(Call& c) {
  std::string text(trim(text_param(c, "SEARCH_TEXT", 1000)));
  auto settings = c.portal.settings.snapshot();
  const timeutil::TimeZone& zone = settings->zone ? *settings->zone : *timeutil::TimeZone::utc();
  rest::ListQuery q;
  q.add_condition("n.user_id = ?", {c.caller.user_id});

  std::vector<std::string> types;
  if (has_param(c, "SEARCH_TYPE")) types.push_back(text_param(c, "SEARCH_TYPE", 200));
  if (const json::value* list = find_ci(c.params, "SEARCH_TYPES"))
    for (const json::value* item : as_list(*list)) {
      auto s = as_string(*item);
      if (!s || s->empty() || s->size() > 200)
        throw bad_argument("SEARCH_TYPES",
                           "SEARCH_TYPES must hold types such as tasks|task_comment.");
      types.push_back(*s);
    }
  add_type_filter(q, types);

  bool by_date = false;
  if (has_param(c, "SEARCH_DATE")) {
    std::int64_t t = date_param(c, "SEARCH_DATE", zone);
    int offset = zone.offset_at(t);
    std::int64_t day = t - (((t + offset) % 86400) + 86400) % 86400;
    q.add_condition("n.updated_at >= ? AND n.updated_at < ?", {day, day + 86400});
    by_date = true;
  }
  if (has_param(c, "SEARCH_DATE_FROM")) {
    q.add_condition("n.updated_at >= ?", {date_param(c, "SEARCH_DATE_FROM", zone)});
    by_date = true;
  }
  if (has_param(c, "SEARCH_DATE_TO")) {
    q.add_condition("n.updated_at <= ?", {date_param(c, "SEARCH_DATE_TO", zone)});
    by_date = true;
  }
  if (characters(text) < 3 && types.empty() && !by_date)
    throw bad_request("SEARCH_TEXT_ERROR",
                      "SEARCH_TEXT must be at least 3 characters long unless SEARCH_TYPE or "
                      "SEARCH_DATE narrows the search.");
  if (!text.empty()) {
    std::string pattern;
    for (char ch : fold_case(text)) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    q.add_condition("n.search_folded LIKE ? ESCAPE '\\'", {"%" + pattern + "%"});
  }
  if (const json::value* authors = find_ci(c.params, "SEARCH_AUTHORS")) {
    db::Params values;
    for (const json::value* item : as_list(*authors)) {
      auto id = as_int(*item);
      if (!id) throw bad_argument("SEARCH_AUTHORS", "SEARCH_AUTHORS must hold user IDs.");
      values.push_back(*id);
    }
    if (!values.empty()) {
      std::string sql = "COALESCE(n.author_id, 0) IN " + db::in_list(values.size());
      q.add_condition(sql, std::move(values));
    }
  }
  if (has_param(c, "GROUP_TAG"))
    q.add_condition("n.tag = ?", {text_param(c, "GROUP_TAG", kMaxTag)});
  auto last_id = int_param(c.params, "LAST_ID");
  std::int64_t limit = limit_param(c);
  bool convert = flag_param(c.params, "CONVERT_TEXT").value_or(false);
  int tz = tz_now(c);

  return c.portal.db.read([&](db::Conn& conn) {
    json::object out;
    out["chat_id"] = 0;
    if (!last_id) out["total_results"] = store::count(conn, q);
    rest::ListQuery page = q;
    if (last_id) add_last_id(conn, page, c, *last_id);
    auto rows = store::list(conn, page, static_cast<int>(limit));
    out["notifications"] = entries_json(rows, tz, convert);
    out["users"] = view::authors(conn, rows, c.caller, c.request.base_url(), c.portal.hub, tz);
    return CallResult{std::move(out)};
  });
}

CallResult counters(Call& c) {
  std::int64_t unread =
      c.portal.db.read([&](db::Conn& conn) { return store::unread_count(conn, c.caller.user_id); });
  json::object type;
  type["ALL"] = unread;
  type["NOTIFY"] = unread;
  // No messenger yet: its counters are zero, in Bitrix24's shape (PHP's empty arrays).
  type["CHAT"] = 0;
  type["LINES"] = 0;
  type["DIALOG"] = 0;
  type["MESSENGER"] = 0;
  json::object out;
  out["TYPE"] = std::move(type);
  for (const char* key : {"CHAT", "CHAT_MUTED", "CHAT_UNREAD", "LINES", "DIALOG", "DIALOG_UNREAD"})
    out[key] = json::array();
  return {std::move(out)};
}

json::array settings_json(Call& c) {
  std::string lang = language_of(c);
  auto all =
      c.portal.db.read([&](db::Conn& conn) { return settings::all_of(conn, c.caller.user_id); });
  json::array out;
  for (const auto& tc : all) {
    json::object o;
    o["MODULE"] = tc.type->module;
    o["EVENT"] = tc.type->event;
    o["TITLE"] = event_title(*tc.type, lang);
    o["MODULE_TITLE"] = module_title(tc.type->module, lang);
    o["PORTAL"] = tc.choice.portal ? "Y" : "N";
    o["EMAIL"] = tc.choice.email ? "Y" : "N";
    out.push_back(std::move(o));
  }
  return out;
}

CallResult settings_set(Call& c) {
  const json::value* list = find_ci(c.params, "SETTINGS");
  if (!list || !(list->is_array() || list->is_object()) || as_list(*list).empty())
    throw bad_argument(
        "SETTINGS", "SETTINGS must list the changes: [{MODULE, EVENT, PORTAL: Y|N, EMAIL: Y|N}].");
  struct Change {
    const EventType* type;
    std::optional<bool> portal, email;
  };
  std::vector<Change> changes;
  for (const json::value* item : as_list(*list)) {
    if (!item->is_object())
      throw bad_argument("SETTINGS",
                         "Each entry of SETTINGS must be an object {MODULE, EVENT, …}.");
    const auto& o = item->get_object();
    std::string module = string_param(o, "MODULE").value_or("");
    std::string event = string_param(o, "EVENT").value_or("");
    const EventType* type = find_event_type(module, event);
    if (!type)
      throw bad_argument("SETTINGS", "Unknown notification type " + module + "|" + event +
                                         "; im.notify.schema.get lists them.");
    Change ch{type, flag_param(o, "PORTAL"), flag_param(o, "EMAIL")};
    if (!ch.portal && !ch.email)
      throw bad_argument("SETTINGS",
                         "Give PORTAL or EMAIL (Y or N) for " + module + "|" + event + ".");
    changes.push_back(ch);
  }
  c.portal.db.write([&](db::Tx& tx) {
    for (const auto& ch : changes) {
      auto current =
          settings::effective(tx.conn, c.caller.user_id, ch.type->module, ch.type->event);
      settings::put(tx.conn, c.caller.user_id, *ch.type,
                    {ch.portal.value_or(current.portal), ch.email.value_or(current.email)});
    }
  });
  return {settings_json(c)};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  auto add_method = [&](const char* name, rest::MethodFn fn) {
    registry.add({name, "im", Access::User, std::move(fn)});
  };
  add_method("im.notify.system.add", [](Call& c) { return add(c, true); });
  add_method("im.notify.personal.add", [](Call& c) { return add(c, false); });
  add_method("im.notify", notify_alias);
  add_method("im.notify.get", get);
  add_method("im.notify.read", read);
  add_method("im.notify.read.list", read_list);
  add_method("im.notify.read.all", read_all);
  add_method("im.notify.delete", remove);
  add_method("im.notify.schema.get", schema);
  add_method("im.notify.history.search", history_search);
  add_method("im.counters.get", counters);
  add_method("artel.notify.settings.get", [](Call& c) { return CallResult{settings_json(c)}; });
  add_method("artel.notify.settings.set", settings_set);
}

}  // namespace artel::notify
