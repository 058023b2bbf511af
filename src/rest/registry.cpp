#include <set>

#include "core/text.h"
#include "rest/method.h"

namespace artel::rest {

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
