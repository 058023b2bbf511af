#include <set>

#include "core/text.h"
#include "rest/method.h"

namespace artel::rest {

bool is_known_scope(std::string_view scope) {
  static const std::set<std::string, std::less<>> known = {"ai_admin",
                                                           "biconnector",
                                                           "bizproc",
                                                           "booking",
                                                           "calendar",
                                                           "call",
                                                           "cashbox",
                                                           "catalog",
                                                           "contact_center",
                                                           "crm",
                                                           "documentgenerator",
                                                           "delivery",
                                                           "department",
                                                           "disk",
                                                           "entity",
                                                           "humanresources",
                                                           "im",
                                                           "imbot",
                                                           "imconnector",
                                                           "imopenlines",
                                                           "intranet",
                                                           "landing",
                                                           "lists",
                                                           "log",
                                                           "mailservice",
                                                           "main",
                                                           "messageservice",
                                                           "mobile",
                                                           "pay_system",
                                                           "placement",
                                                           "pull",
                                                           "rpa",
                                                           "sale",
                                                           "salescenter",
                                                           "sign.b2e",
                                                           "sonet_group",
                                                           "socialnetwork",
                                                           "task",
                                                           "telephony",
                                                           "timeman",
                                                           "user",
                                                           "user_basic",
                                                           "user_brief",
                                                           "user.userfield",
                                                           "userfieldconfig",
                                                           "userconsent",
                                                           "vote",
                                                           "portal",
                                                           "helpdesk"};
  return known.count(scope) > 0;
}

void Registry::add(Method method) {
  method.name = to_lower_ascii(method.name);
  std::string key = method.name;
  methods_[key] = std::move(method);
}

const Method* Registry::find(std::string_view name) const {
  auto it = methods_.find(to_lower_ascii(name));
  return it == methods_.end() ? nullptr : &it->second;
}

std::vector<const Method*> Registry::all() const {
  std::vector<const Method*> out;
  for (const auto& [name, m] : methods_) out.push_back(&m);
  return out;
}

std::vector<std::string> Registry::scopes() const {
  std::set<std::string> set;
  for (const auto& [name, m] : methods_)
    if (m.scope != "basic" && m.scope != "session") set.insert(m.scope);
  return {set.begin(), set.end()};
}

}  // namespace artel::rest
