#include "modules/users/methods.h"

#include "modules/users/service.h"

namespace artel::users {

void register_methods(rest::Registry& registry) {
  using rest::Access;
  using rest::Call;
  using rest::CallResult;
  registry.add({"user.get", "user", Access::User, [](Call& c) { return get(c); }});
  registry.add({"user.search", "user", Access::User, [](Call& c) { return search(c); }});
  registry.add(
      {"user.current", "user", Access::User, [](Call& c) { return CallResult{current(c)}; }});
  registry.add(
      {"user.fields", "user", Access::User, [](Call&) { return CallResult{field_titles()}; }});
  registry.add({"user.add", "user", Access::User, [](Call& c) { return CallResult{add(c)}; }});
  registry.add({"user.update", "user", Access::User, [](Call& c) {
                  update(c);
                  return CallResult{true};
                }});
  registry.add({"profile", "basic", Access::User, [](Call& c) { return CallResult{profile(c)}; }});
}

}  // namespace artel::users
