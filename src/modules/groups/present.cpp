#include "modules/groups/present.h"

#include "core/time.h"

namespace artel::groups {

namespace {
const char* yn(bool v) {
  return v ? "Y" : "N";
}
}  // namespace

json::object group_json(const Group& g, const std::string& caller_role, int tz,
                        const std::string& base_url) {
  auto when = [&](std::int64_t t) { return timeutil::format_iso8601(t, tz); };
  json::object o;
  o["ID"] = std::to_string(g.id);
  o["SITE_ID"] = "s1";
  o["NAME"] = g.name;
  o["DESCRIPTION"] = g.description;
  o["DATE_CREATE"] = when(g.date_create);
  o["DATE_UPDATE"] = when(g.date_update);
  o["DATE_ACTIVITY"] = when(g.date_activity);
  o["ACTIVE"] = "Y";
  o["VISIBLE"] = yn(g.visible);
  o["OPENED"] = yn(g.opened);
  o["CLOSED"] = yn(g.closed);
  o["SUBJECT_ID"] = "1";
  o["SUBJECT_NAME"] = "Workgroups";
  o["OWNER_ID"] = std::to_string(g.owner_id);
  o["KEYWORDS"] = g.keywords;
  o["NUMBER_OF_MEMBERS"] = std::to_string(g.member_count);
  o["INITIATE_PERMS"] = g.initiate_perms;
  o["PROJECT"] = yn(g.project);
  o["PROJECT_DATE_START"] =
      g.project_date_start ? json::value(when(*g.project_date_start)) : nullptr;
  o["PROJECT_DATE_FINISH"] =
      g.project_date_finish ? json::value(when(*g.project_date_finish)) : nullptr;
  o["IS_EXTRANET"] = yn(g.is_extranet);
  o["IMAGE_ID"] = g.image_file_id ? std::to_string(g.image_file_id) : "";
  o["IMAGE"] = g.image_path.empty() ? "" : base_url + g.image_path;
  json::array curators;
  for (auto id : g.curators) curators.emplace_back(std::to_string(id));
  o["CURATORS"] = std::move(curators);
  o["CURATOR_ROLE"] = g.curator_role;
  o["EXTRANET_TASKS"] = g.extranet_tasks;
  o["MOVE_PERMS"] = g.move_perms;
  o["USER_ROLE"] = caller_role;
  return o;
}

}  // namespace artel::groups
