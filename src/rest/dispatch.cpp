#include "rest/dispatch.h"

#include <algorithm>

#include "core/error.h"

namespace artel::rest {

namespace {

bool has_scope(const Caller& caller, const std::string& scope) {
  if (scope == "basic" || scope == "session") return true;
  if (caller.kind != AuthKind::Webhook) return true;
  return std::find(caller.scopes.begin(), caller.scopes.end(), scope) != caller.scopes.end();
}

}  // namespace

bool available_to(const Method& method, const Caller& caller) {
  if (method.access == Access::Public) return true;
  if (!caller.authenticated()) return false;
  if (method.session_only && caller.kind != AuthKind::Session) return false;
  if (!has_scope(caller, method.scope)) return false;
  if (method.access == Access::Admin && !caller.is_admin) return false;
  return true;
}

CallResult dispatch(const Registry& registry, std::string_view method_name, Call& call,
                    bool inside_batch) {
  const Method* method = registry.find(method_name);
  if (!method) throw ApiError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  if (inside_batch && !method->in_batch)
    throw ApiError(405, "ERROR_BATCH_METHOD_NOT_ALLOWED",
                   "Method " + method->name + " is not allowed inside batch.");
  if (method->access != Access::Public) {
    if (!call.caller.authenticated())
      throw ApiError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    if (method->session_only && call.caller.kind != AuthKind::Session)
      throw access_denied("Method " + method->name + " is available only in the browser.");
    if (!has_scope(call.caller, method->scope))
      throw ApiError(403, "insufficient_scope",
                     "The request requires higher privileges than provided by the webhook token "
                     "(scope " +
                         method->scope + ").");
    if (method->access == Access::Admin && !call.caller.is_admin)
      throw access_denied("Access denied! Only an administrator may call " + method->name + ".");
  }
  return method->fn(call);
}

}  // namespace artel::rest
