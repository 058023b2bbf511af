#include "modules/users/model.h"

#include <algorithm>

#include "core/time.h"

namespace artel::users {

const std::string& User::field(std::string_view api) const {
  static const std::string empty;
  for (std::size_t i = 0; i < kTextFields.size(); ++i)
    if (kTextFields[i].api == api) return text[i];
  return empty;
}

std::string display_name(std::string_view name, std::string_view last_name,
                         std::string_view email) {
  std::string n(name);
  if (!last_name.empty()) n += (n.empty() ? "" : " ") + std::string(last_name);
  return std::string(n.empty() ? email : n);
}

std::string User::full_name() const {
  return display_name(field("NAME"), field("LAST_NAME"), email);
}

json::object to_json(const User& u, int tz, const std::vector<std::string>& select,
                     std::string_view base_url) {
  bool all = select.empty() || std::find(select.begin(), select.end(), "*") != select.end();
  bool all_uf = std::find(select.begin(), select.end(), "UF_*") != select.end();
  auto wanted = [&](std::string_view key) {
    return all || key == "ID" || (all_uf && key.substr(0, 3) == "UF_") ||
           std::find(select.begin(), select.end(), key) != select.end();
  };
  auto date = [&](std::int64_t t) -> json::value {
    if (!t) return json::string();
    return json::string(timeutil::format_iso8601(t, tz));
  };
  json::object o;
  o["ID"] = std::to_string(u.id);
  if (wanted("XML_ID")) o["XML_ID"] = u.field("XML_ID");
  if (wanted("ACTIVE")) o["ACTIVE"] = u.active;
  if (wanted("EMAIL")) o["EMAIL"] = u.email;
  for (std::size_t i = 0; i < kTextFields.size(); ++i)
    if (kTextFields[i].api != "XML_ID" && wanted(kTextFields[i].api))
      o[kTextFields[i].api] = u.text[i];
  if (wanted("PERSONAL_PHOTO"))
    o["PERSONAL_PHOTO"] = u.photo_url.empty() ? std::string() : std::string(base_url) + u.photo_url;
  if (wanted("LAST_LOGIN")) o["LAST_LOGIN"] = date(u.last_login);
  if (wanted("DATE_REGISTER")) o["DATE_REGISTER"] = date(u.date_register);
  if (wanted("TIMESTAMP_X")) o["TIMESTAMP_X"] = date(u.timestamp_x);
  if (wanted("TIME_ZONE")) o["TIME_ZONE"] = u.time_zone;
  if (wanted("IS_ONLINE")) o["IS_ONLINE"] = "N";
  if (wanted("UF_DEPARTMENT")) {
    json::array d;
    for (auto id : u.departments) d.push_back(id);
    o["UF_DEPARTMENT"] = std::move(d);
  }
  if (wanted("USER_TYPE")) o["USER_TYPE"] = u.user_type;
  if (wanted("LANGUAGE_ID")) o["LANGUAGE_ID"] = u.language_id;
  if (wanted("IS_ADMIN")) o["IS_ADMIN"] = u.is_admin;
  if (wanted("INVITED")) o["INVITED"] = u.invited;
  return o;
}

json::object field_titles() {
  json::object o;
  o["ID"] = "ID";
  o["XML_ID"] = "External ID";
  o["ACTIVE"] = "Active";
  o["EMAIL"] = "E-mail";
  o["NAME"] = "First name";
  o["LAST_NAME"] = "Last name";
  o["SECOND_NAME"] = "Second name";
  o["PERSONAL_GENDER"] = "Gender";
  o["PERSONAL_BIRTHDAY"] = "Date of birth";
  o["PERSONAL_PROFESSION"] = "Profession";
  o["PERSONAL_WWW"] = "Personal website";
  o["PERSONAL_PHOTO"] = "Photo";
  o["PERSONAL_PHONE"] = "Phone";
  o["PERSONAL_MOBILE"] = "Mobile phone";
  o["PERSONAL_CITY"] = "City";
  o["PERSONAL_STREET"] = "Street";
  o["PERSONAL_ZIP"] = "Zip code";
  o["PERSONAL_COUNTRY"] = "Country";
  o["PERSONAL_NOTES"] = "Notes";
  o["WORK_COMPANY"] = "Company";
  o["WORK_POSITION"] = "Position";
  o["WORK_PHONE"] = "Work phone";
  o["WORK_WWW"] = "Company website";
  o["WORK_CITY"] = "Work city";
  o["WORK_STREET"] = "Work street";
  o["WORK_NOTES"] = "Work notes";
  o["UF_PHONE_INNER"] = "Extension number";
  o["UF_SKYPE"] = "Skype";
  o["UF_SKILLS"] = "Skills";
  o["UF_INTERESTS"] = "Interests";
  o["UF_WEB_SITES"] = "Other websites";
  o["UF_EMPLOYMENT_DATE"] = "Employment date";
  o["PERSONAL_ICQ"] = "ICQ";
  o["PERSONAL_FAX"] = "Fax";
  o["PERSONAL_PAGER"] = "Pager";
  o["PERSONAL_STATE"] = "Region";
  o["PERSONAL_MAILBOX"] = "Mailbox";
  o["WORK_DEPARTMENT"] = "Department (text)";
  o["WORK_FAX"] = "Work fax";
  o["WORK_PAGER"] = "Work pager";
  o["WORK_MAILBOX"] = "Work mailbox";
  o["WORK_STATE"] = "Work region";
  o["WORK_ZIP"] = "Work zip code";
  o["WORK_COUNTRY"] = "Work country";
  o["WORK_PROFILE"] = "Company profile";
  o["UF_SKYPE_LINK"] = "Skype chat";
  o["UF_ZOOM"] = "Zoom";
  o["UF_XING"] = "Xing";
  o["UF_LINKEDIN"] = "LinkedIn";
  o["UF_FACEBOOK"] = "Facebook";
  o["UF_TWITTER"] = "Twitter";
  o["UF_DISTRICT"] = "District";
  o["UF_DEPARTMENT"] = "Departments";
  o["LAST_LOGIN"] = "Last login";
  o["DATE_REGISTER"] = "Registration date";
  o["TIMESTAMP_X"] = "Last modified";
  o["TIME_ZONE"] = "Time zone";
  o["IS_ONLINE"] = "Online";
  o["USER_TYPE"] = "User type";
  o["LANGUAGE_ID"] = "Interface language";
  return o;
}

}  // namespace artel::users
