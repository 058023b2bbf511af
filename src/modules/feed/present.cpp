#include "modules/feed/present.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/bbcode.h"
#include "core/time.h"
#include "modules/departments/store.h"
#include "modules/discussion/files.h"
#include "modules/feed/important.h"
#include "modules/feed/likes.h"
#include "modules/feed/polls.h"
#include "modules/feed/posts.h"
#include "modules/files/store.h"
#include "modules/groups/access.h"
#include "modules/users/model.h"
#include "modules/users/service.h"

namespace artel::feed {

namespace {

struct Author {
  std::string name, photo;
};

std::map<std::int64_t, Author> authors_of(db::Conn& conn, const std::vector<Entry>& entries,
                                          const std::string& base) {
  std::set<std::int64_t> ids;
  for (const auto& e : entries) ids.insert(e.author_id);
  std::map<std::int64_t, Author> out;
  if (ids.empty()) return out;
  std::vector<std::int64_t> list(ids.begin(), ids.end());
  conn.run(
      "SELECT u.id, u.name, u.last_name, u.email, f.id, f.sha256, f.name FROM users u LEFT JOIN "
      "files f ON f.id = u.photo_file_id WHERE u.id IN " +
          db::in_list(list.size()),
      db::values(list), [&](const db::Row& r) {
        Author a;
        a.name = users::display_name(r.text(1), r.text(2), r.text(3));
        if (!r.is_null(4))
          a.photo = base + FileStore::url(StoredFile{r.integer(4), r.text(5), "", r.text(6), 0});
        out[r.integer(0)] = a;
      });
  return out;
}

// The names of the codes the reader may know: a hidden group they are not in stays a bare code.
std::map<std::string, std::string> code_names(db::Conn& conn, const View& view,
                                              const std::vector<Entry>& entries) {
  std::set<std::int64_t> people, groups_wanted, departments_wanted;
  for (const auto& e : entries)
    for (const auto& c : e.codes) {
      if (c.starts_with("SG"))
        groups_wanted.insert(std::stoll(c.substr(2)));
      else if (c.starts_with("DR"))
        departments_wanted.insert(std::stoll(c.substr(2)));
      else if (c.starts_with("U") && c != "UA")
        people.insert(std::stoll(c.substr(1)));
    }
  std::map<std::string, std::string> names;
  names["UA"] = "";
  std::vector<std::int64_t> group_ids(groups_wanted.begin(), groups_wanted.end());
  for (const auto& g : groups::briefs(conn, group_ids))
    if (groups::knows(conn, view.caller, g.id)) names["SG" + std::to_string(g.id)] = g.name;
  if (!view.caller.is_extranet)
    for (auto id : departments_wanted)
      if (auto d = departments::store::find(conn, id)) names["DR" + std::to_string(id)] = d->name;
  std::vector<std::int64_t> person_ids(people.begin(), people.end());
  if (!person_ids.empty())
    conn.run("SELECT id, name, last_name, email FROM users WHERE id IN " +
                 db::in_list(person_ids.size()),
             db::values(person_ids), [&](const db::Row& r) {
               if (users::can_see(conn, view.caller, r.integer(0)))
                 names["U" + std::to_string(r.integer(0))] =
                     users::display_name(r.text(1), r.text(2), r.text(3));
             });
  return names;
}

std::string event_link(const Entry& e) {
  if (e.object_type == "task") return "/tasks/task/view/" + std::to_string(e.object_id) + "/";
  if (e.object_type == "group") return "/workgroups/group/" + std::to_string(e.object_id) + "/";
  if (e.object_type == "user") return "/company/personal/user/" + std::to_string(e.object_id) + "/";
  return "";
}

std::map<std::int64_t, json::array> files_of(db::Conn& conn, const View& view,
                                             const std::vector<Entry>& entries) {
  std::vector<std::int64_t> ids;
  for (const auto& e : entries) ids.push_back(e.id);
  std::map<std::int64_t, json::array> out;
  for (const auto& a : discussion::files_of_each(conn, kThread, ids))
    out[a.owner_id].push_back(discussion::file_json(a, view.tz, view.base_url));
  return out;
}

}  // namespace

json::array entries_json(db::Conn& conn, const View& view, const std::vector<Entry>& entries) {
  std::vector<std::int64_t> ids;
  for (const auto& e : entries) ids.push_back(e.id);
  auto authors = authors_of(conn, entries, view.base_url);
  auto names = code_names(conn, view, entries);
  auto files = files_of(conn, view, entries);
  auto liked = likes::of_entries(conn, view.reader.user_id, ids);
  auto marks = important::of_entries(conn, view.reader.user_id, entries, view.tz);
  auto polls = polls::of_entries(conn, view.reader, entries);
  json::array out;
  for (const auto& e : entries) {
    json::object o;
    o["ID"] = std::to_string(e.id);
    o["ENTRY_TYPE"] = e.entry_type;
    o["AUTHOR_ID"] = std::to_string(e.author_id);
    o["AUTHOR_NAME"] = authors[e.author_id].name;
    o["AUTHOR_PHOTO"] = authors[e.author_id].photo;
    o["DATE_PUBLISH"] = timeutil::format_iso8601(e.created_at, view.tz);
    o["DATE_UPDATE"] = timeutil::format_iso8601(e.updated_at, view.tz);
    o["TITLE"] = e.title;
    o["DETAIL_TEXT"] = e.message;
    o["DETAIL_TEXT_HTML"] = bbcode::to_html(e.message);
    json::array dest, dest_names;
    for (const auto& c : e.codes) {
      // A reader who may not know a recipient (a hidden group, a person they cannot see) is not
      // told of it.
      auto name = names.find(c);
      if (name == names.end()) continue;
      dest.push_back(json::string(c));
      dest_names.push_back(json::object{{"CODE", c}, {"NAME", name->second}});
    }
    o["DEST"] = dest;
    o["DEST_NAMES"] = dest_names;
    o["FILES"] = files[e.id];
    o["NUM_COMMENTS"] = e.comments_count;
    o["LIKES"] = liked[e.id];
    auto mark = marks.find(e.id);
    o["IMPORTANT"] = mark == marks.end() ? json::value(nullptr) : json::value(mark->second);
    auto poll = polls.find(e.id);
    o["POLL"] = poll == polls.end() ? json::value(nullptr) : json::value(poll->second);
    if (e.entry_type == "event")
      o["EVENT"] = json::object{{"TYPE", e.event_type},
                                {"OBJECT_TYPE", e.object_type},
                                {"OBJECT_ID", std::to_string(e.object_id)},
                                {"LINK", event_link(e)}};
    else
      o["EVENT"] = nullptr;
    o["CAN_EDIT"] = e.entry_type == "post" && may_edit(view.caller, e) ? "Y" : "N";
    out.push_back(std::move(o));
  }
  return out;
}

json::array posts_json(db::Conn& conn, const View& view, const std::vector<Entry>& entries) {
  auto names = code_names(conn, view, entries);
  auto files = files_of(conn, view, entries);
  json::array out;
  for (const auto& e : entries) {
    json::object o;
    o["ID"] = std::to_string(e.id);
    o["BLOG_ID"] = "1";
    o["PUBLISH_STATUS"] = "P";
    o["TITLE"] = e.title;
    o["AUTHOR_ID"] = std::to_string(e.author_id);
    o["ENABLE_COMMENTS"] = "Y";
    o["NUM_COMMENTS"] = std::to_string(e.comments_count);
    o["CODE"] = "";
    o["MICRO"] = e.title.empty() ? "Y" : "N";
    o["DETAIL_TEXT"] = e.message;
    o["DATE_PUBLISH"] = timeutil::format_iso8601(e.created_at, view.tz);
    o["CATEGORY_ID"] = "";
    bool everyone = std::count(e.codes.begin(), e.codes.end(), "UA") > 0;
    o["HAS_SOCNET_ALL"] = everyone ? "Y" : "N";
    o["HAS_TAGS"] = "N";
    bool images = false;
    json::array file_ids;
    for (const auto& f : files[e.id]) {
      const auto& fo = f.as_object();
      if (std::string(fo.at("mime").as_string()).starts_with("image/")) images = true;
      file_ids.push_back(fo.at("id"));
    }
    o["HAS_IMAGES"] = images ? "Y" : "N";
    o["HAS_PROPS"] = "Y";
    o["UF_BLOG_POST_IMPRTNT"] = e.important ? "1" : "0";
    o["UF_BLOG_POST_FILE"] = file_ids;
    json::array dest;
    for (const auto& c : e.codes)
      if (names.count(c)) dest.push_back(json::string(c));
    o["DEST"] = dest;
    o["FILES"] = files[e.id];
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace artel::feed
