// tasks.task.getFields: every field of a task with its type and title, as Bitrix24 lists them.
#include "modules/tasks/service.h"

namespace artel::tasks {

rest::CallResult get_fields(rest::Call&) {
  struct F {
    const char* name;
    const char* type;
    const char* title;
    bool required = false;
    bool primary = false;
  };
  static const F fields[] = {
      {"ID", "integer", "ID", false, true},
      {"PARENT_ID", "integer", "Parent task"},
      {"TITLE", "string", "Title", true},
      {"DESCRIPTION", "string", "Description"},
      {"MARK", "enum", "Rating"},
      {"PRIORITY", "enum", "Priority"},
      {"STATUS", "enum", "Status"},
      {"MULTITASK", "enum", "Multiple task"},
      {"NOT_VIEWED", "enum", "Not viewed"},
      {"REPLICATE", "enum", "Recurring"},
      {"GROUP_ID", "integer", "Project"},
      {"STAGE_ID", "integer", "Stage"},
      {"CREATED_BY", "integer", "Created by", true},
      {"CREATED_DATE", "datetime", "Created on"},
      {"RESPONSIBLE_ID", "integer", "Responsible", true},
      {"ACCOMPLICES", "array", "Participants"},
      {"AUDITORS", "array", "Observers"},
      {"CHANGED_BY", "integer", "Modified by"},
      {"CHANGED_DATE", "datetime", "Modified on"},
      {"STATUS_CHANGED_BY", "integer", "Status changed by"},
      {"STATUS_CHANGED_DATE", "datetime", "Status changed on"},
      {"CLOSED_BY", "integer", "Closed by"},
      {"CLOSED_DATE", "datetime", "Closed on"},
      {"ACTIVITY_DATE", "datetime", "Last activity"},
      {"DATE_START", "datetime", "Started on"},
      {"DEADLINE", "datetime", "Deadline"},
      {"START_DATE_PLAN", "datetime", "Planned start"},
      {"END_DATE_PLAN", "datetime", "Planned finish"},
      {"GUID", "string", "GUID"},
      {"XML_ID", "string", "External code"},
      {"COMMENTS_COUNT", "integer", "Comments"},
      {"SERVICE_COMMENTS_COUNT", "integer", "Service comments"},
      {"NEW_COMMENTS_COUNT", "integer", "New comments"},
      {"ALLOW_CHANGE_DEADLINE", "enum", "Responsible may change the deadline"},
      {"ALLOW_TIME_TRACKING", "enum", "Track time"},
      {"TASK_CONTROL", "enum", "Accept work after completion"},
      {"ADD_IN_REPORT", "enum", "Add to report"},
      {"FORKED_BY_TEMPLATE_ID", "integer", "Created from template"},
      {"TIME_ESTIMATE", "integer", "Planned time, seconds"},
      {"TIME_SPENT_IN_LOGS", "integer", "Time spent, seconds"},
      {"MATCH_WORK_TIME", "enum", "Skip weekends"},
      {"SITE_ID", "string", "Site"},
      {"SUBORDINATE", "enum", "Subordinate's task"},
      {"FAVORITE", "enum", "Favorite"},
      {"VIEWED_DATE", "datetime", "Viewed on"},
      {"SORTING", "double", "Sort index"},
      {"DURATION_PLAN", "integer", "Planned duration"},
      {"DURATION_FACT", "integer", "Actual duration, minutes"},
      {"DURATION_TYPE", "enum", "Duration unit"},
      {"IS_MUTED", "enum", "Muted"},
      {"IS_PINNED", "enum", "Pinned"},
      {"IS_PINNED_IN_GROUP", "enum", "Pinned in the group"},
      {"CHECKLIST", "array", "Checklist"},
      {"TAGS", "array", "Tags"},
      {"DEPENDS_ON", "array", "Previous tasks"},
      {"UF_CRM_TASK", "crm", "CRM items"},
      {"UF_TASK_WEBDAV_FILES", "disk_file", "Files"},
      {"DEADLINE_CHANGES", "integer", "Times the deadline was moved"},
      {"PLAN_STAGE_ID", "integer", "My Plan column"},
      {"SUBTASKS_COUNT", "integer", "Subtasks"},
  };
  json::object out;
  for (const auto& f : fields) {
    json::object o{{"title", f.title}, {"type", f.type}};
    if (f.primary) o["primary"] = true;
    if (f.required) o["required"] = true;
    if (std::string_view(f.name) == "STATUS")
      o["values"] = json::object{{"2", "Pending"},
                                 {"3", "In progress"},
                                 {"4", "Supposedly completed"},
                                 {"5", "Completed"},
                                 {"6", "Deferred"}};
    if (std::string_view(f.name) == "PRIORITY")
      o["values"] = json::object{{"0", "Low"}, {"1", "Normal"}, {"2", "High"}};
    if (std::string_view(f.name) == "MARK")
      o["values"] = json::object{{"N", "Negative"}, {"P", "Positive"}};
    out[f.name] = std::move(o);
  }
  return {json::object{{"fields", std::move(out)}}};
}

}  // namespace artel::tasks
