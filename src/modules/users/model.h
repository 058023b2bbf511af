// People (A1–A6, A9, A10): the user record, its fields, and how they appear in the API.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace artel::users {

enum class Editor { Self, Admin };

// Plain text profile fields: API name, column, who may change it, longest accepted value.
struct TextField {
  std::string_view api;
  std::string_view column;
  Editor editor;
  std::size_t max_length;
};

inline constexpr std::array<TextField, 48> kTextFields{{
    {"NAME", "name", Editor::Self, 100},
    {"LAST_NAME", "last_name", Editor::Self, 100},
    {"SECOND_NAME", "second_name", Editor::Self, 100},
    {"PERSONAL_GENDER", "personal_gender", Editor::Self, 1},
    {"PERSONAL_BIRTHDAY", "personal_birthday", Editor::Self, 10},
    {"PERSONAL_PROFESSION", "personal_profession", Editor::Self, 255},
    {"PERSONAL_WWW", "personal_www", Editor::Self, 255},
    {"PERSONAL_PHONE", "personal_phone", Editor::Self, 255},
    {"PERSONAL_MOBILE", "personal_mobile", Editor::Self, 255},
    {"PERSONAL_CITY", "personal_city", Editor::Self, 255},
    {"PERSONAL_STREET", "personal_street", Editor::Self, 255},
    {"PERSONAL_ZIP", "personal_zip", Editor::Self, 255},
    {"PERSONAL_COUNTRY", "personal_country", Editor::Self, 255},
    {"PERSONAL_NOTES", "personal_notes", Editor::Self, 4000},
    {"WORK_COMPANY", "work_company", Editor::Self, 255},
    {"WORK_POSITION", "work_position", Editor::Self, 255},
    {"WORK_PHONE", "work_phone", Editor::Self, 255},
    {"WORK_WWW", "work_www", Editor::Self, 255},
    {"WORK_CITY", "work_city", Editor::Self, 255},
    {"WORK_STREET", "work_street", Editor::Self, 255},
    {"WORK_NOTES", "work_notes", Editor::Self, 4000},
    {"UF_PHONE_INNER", "uf_phone_inner", Editor::Self, 50},
    {"UF_SKYPE", "uf_skype", Editor::Self, 255},
    {"UF_SKILLS", "uf_skills", Editor::Self, 4000},
    {"UF_INTERESTS", "uf_interests", Editor::Self, 4000},
    {"UF_WEB_SITES", "uf_web_sites", Editor::Self, 4000},
    {"PERSONAL_ICQ", "personal_icq", Editor::Self, 255},
    {"PERSONAL_FAX", "personal_fax", Editor::Self, 255},
    {"PERSONAL_PAGER", "personal_pager", Editor::Self, 255},
    {"PERSONAL_STATE", "personal_state", Editor::Self, 255},
    {"PERSONAL_MAILBOX", "personal_mailbox", Editor::Self, 255},
    {"WORK_DEPARTMENT", "work_department", Editor::Self, 255},
    {"WORK_FAX", "work_fax", Editor::Self, 255},
    {"WORK_PAGER", "work_pager", Editor::Self, 255},
    {"WORK_MAILBOX", "work_mailbox", Editor::Self, 255},
    {"WORK_STATE", "work_state", Editor::Self, 255},
    {"WORK_ZIP", "work_zip", Editor::Self, 255},
    {"WORK_COUNTRY", "work_country", Editor::Self, 255},
    {"WORK_PROFILE", "work_profile", Editor::Self, 4000},
    {"UF_SKYPE_LINK", "uf_skype_link", Editor::Self, 255},
    {"UF_ZOOM", "uf_zoom", Editor::Self, 255},
    {"UF_XING", "uf_xing", Editor::Self, 255},
    {"UF_LINKEDIN", "uf_linkedin", Editor::Self, 255},
    {"UF_FACEBOOK", "uf_facebook", Editor::Self, 255},
    {"UF_TWITTER", "uf_twitter", Editor::Self, 255},
    {"UF_DISTRICT", "uf_district", Editor::Self, 255},
    {"UF_EMPLOYMENT_DATE", "uf_employment_date", Editor::Admin, 10},
    {"XML_ID", "xml_id", Editor::Admin, 255},
}};

// How a person is named to others: "Name Last-name", or the e-mail when both are empty.
std::string display_name(std::string_view name, std::string_view last_name, std::string_view email);

struct User {
  std::int64_t id = 0;
  bool active = true;
  bool invited = false;
  bool is_admin = false;
  std::string user_type = "employee";
  std::string email;
  std::string language_id;
  std::string time_zone;
  std::int64_t photo_file_id = 0;
  std::string photo_url;
  std::int64_t date_register = 0;
  std::int64_t last_login = 0;  // 0 = never
  std::int64_t timestamp_x = 0;
  std::array<std::string, kTextFields.size()> text;
  std::vector<std::int64_t> departments;

  const std::string& field(std::string_view api) const;
  std::string full_name() const;  // display_name() of this person
  bool is_extranet() const { return user_type == "extranet"; }
};

// The Bitrix24 user object (ID as a string, ACTIVE a boolean, UF_DEPARTMENT an int array).
// `select` limits the keys when it is not empty and holds no "*" ("UF_*" selects every UF_
// field). `base_url` (scheme://host) makes the photo address absolute for API clients.
json::object to_json(const User& user, int tz_offset, const std::vector<std::string>& select = {},
                     std::string_view base_url = {});

// user.fields: field → title.
json::object field_titles();

}  // namespace artel::users
