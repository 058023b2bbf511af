// What a REST method sees: the caller, the merged parameters, the portal; and what it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/portal.h"

namespace artel::rest {

enum class AuthKind { None, Session, Webhook };

struct Caller {
  AuthKind kind = AuthKind::None;
  std::int64_t user_id = 0;
  bool is_admin = false;
  bool is_extranet = false;
  std::vector<std::string> scopes;  // webhook scopes; a session may use every scope
  std::string session_token_hash;
  std::int64_t webhook_id = 0;
  bool authenticated() const { return user_id != 0; }
};

struct RequestInfo {
  std::string remote_address;
  std::string host;  // Host header, for links in e-mails
  bool tls = false;
  std::string user_agent;
  std::string base_url() const { return (tls ? "https://" : "http://") + host; }
};

struct CallResult {
  json::value result;
  std::optional<std::int64_t> total;
  std::optional<std::int64_t> next;
};

struct Call {
  Portal& portal;
  const json::object& params;
  Caller& caller;
  const RequestInfo& request;
  // Row offset for lists; -1 asks for the first page without counting (keyset paging).
  std::int64_t start = 0;
  // Cookies the method sets (login, logout); null inside batch, where cookies make no sense.
  std::vector<std::string>* set_cookies = nullptr;
};

using MethodFn = std::function<CallResult(Call&)>;

enum class Access {
  Public,  // no login needed (artel.login, artel.portal.info)
  User,    // any logged-in person or webhook
  Admin,   // the portal's administrators
};

struct Method {
  std::string name;   // lower case, e.g. "user.get"
  std::string scope;  // "basic", "user", "department", "portal", …
  Access access = Access::User;
  MethodFn fn;
  bool session_only = false;  // only from the browser (login, invitations)
  bool in_batch = true;
  // Reads of the caller's own session that hand out the CSRF token (artel.session): a page that
  // was reloaded has the cookie but not yet the token. Cross-site pages cannot read the answer
  // (no credentialed CORS), so this leaks nothing.
  bool csrf_exempt = false;
};

// Every scope code Bitrix24 knows, plus Artel's own (portal, helpdesk): a webhook may be given
// a scope whose methods arrive in a later version, as in Bitrix24.
bool is_known_scope(std::string_view scope);

class Registry {
 public:
  void add(Method method);
  const Method* find(std::string_view name) const;  // case-insensitive
  std::vector<const Method*> all() const;
  std::vector<std::string> scopes() const;

 private:
  std::map<std::string, Method> methods_;
};

}  // namespace artel::rest
