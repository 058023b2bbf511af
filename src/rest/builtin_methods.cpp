#include "rest/builtin_methods.h"

#include <iostream>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/settings/store.h"
#include "rest/dispatch.h"
#include "rest/envelope.h"
#include "rest/params.h"

namespace artel::rest {

namespace {

constexpr std::size_t kMaxBatchCommands = 50;

// Follows [a][b][0] through a result; stops at the deepest level that exists (as Bitrix24 does).
const json::value* resolve(const json::object& results, const std::vector<std::string>& path) {
  if (path.empty()) return nullptr;
  auto it = results.find(path[0]);
  if (it == results.end()) return nullptr;
  const json::value* cur = &it->value();
  for (std::size_t i = 1; i < path.size(); ++i) {
    const json::value* next = nullptr;
    if (cur->is_object()) {
      if (auto f = cur->get_object().find(path[i]); f != cur->get_object().end())
        next = &f->value();
    } else if (cur->is_array()) {
      auto idx = as_int(json::value(path[i]));
      if (idx && *idx >= 0 && static_cast<std::size_t>(*idx) < cur->get_array().size())
        next = &cur->get_array()[static_cast<std::size_t>(*idx)];
    }
    if (!next) break;
    cur = next;
  }
  return cur;
}

std::string scalar_text(const json::value& v) {
  if (auto s = as_string(v)) return *s;
  return json::serialize(v);
}

json::value substitute_in_string(const std::string& s, const json::object& results) {
  static constexpr std::string_view marker = "$result[";
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto found = s.find(marker, pos);
    if (found == std::string::npos) {
      out += s.substr(pos);
      break;
    }
    out += s.substr(pos, found - pos);
    std::vector<std::string> path;
    std::size_t cursor = found + marker.size() - 1;
    while (cursor < s.size() && s[cursor] == '[') {
      auto close = s.find(']', cursor);
      if (close == std::string::npos) break;
      path.push_back(s.substr(cursor + 1, close - cursor - 1));
      cursor = close + 1;
    }
    const json::value* target = resolve(results, path);
    if (!target) {
      out += s.substr(found, cursor - found);
    } else if (found == 0 && cursor == s.size()) {
      return *target;  // the whole value is one reference: insert it as it is
    } else {
      out += scalar_text(*target);
    }
    pos = cursor;
  }
  return json::string(out);
}

json::value result_map(json::object map, bool list_style) {
  if (map.empty()) return json::array();
  if (list_style) {
    std::size_t i = 0;
    bool sequential = true;
    for (const auto& kv : map)
      if (kv.key() != std::to_string(i++)) sequential = false;
    if (sequential) {
      json::array a;
      for (auto& kv : map) a.push_back(std::move(kv.value()));
      return a;
    }
  }
  return map;
}

CallResult run_batch(const Registry& registry, Call& call) {
  const json::value* cmd = find_ci(call.params, "cmd");
  if (!cmd || !(cmd->is_object() || cmd->is_array()))
    throw bad_argument("cmd", "Parameter cmd must be a list or a map of commands.");
  bool halt = flag_param(call.params, "halt").value_or(false);
  bool list_style = cmd->is_array();
  auto tz = call.portal.settings.snapshot()->tz_offset_now();

  std::vector<std::pair<std::string, const json::value*>> commands;
  if (cmd->is_array()) {
    std::size_t i = 0;
    for (const auto& v : cmd->get_array()) commands.emplace_back(std::to_string(i++), &v);
  } else {
    for (const auto& kv : cmd->get_object())
      commands.emplace_back(std::string(kv.key()), &kv.value());
  }

  json::object results, errors, totals, nexts, times;
  std::size_t index = 0;
  for (auto& [key, value] : commands) {
    if (!value->is_string()) continue;  // Bitrix24 skips non-string commands silently
    ++index;
    Timing timing{timeutil::now_float_seconds(), 0, tz};
    try {
      if (index > kMaxBatchCommands)
        throw bad_request("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
      std::string text(value->get_string());
      auto q = text.find('?');
      std::string method = std::string(trim(text.substr(0, q)));
      json::object params;
      if (q != std::string::npos) parse_query_into(std::string_view(text).substr(q + 1), params);
      json::value substituted = substitute_references(json::value(std::move(params)), results);
      json::object sub_params = std::move(substituted.get_object());
      std::int64_t start = 0;
      if (const json::value* s = find_ci(sub_params, "start")) {
        start = as_int(*s).value_or(0);
        for (auto it = sub_params.begin(); it != sub_params.end();)
          it = to_lower_ascii(it->key()) == "start" ? sub_params.erase(it) : std::next(it);
      }
      Call sub{call.portal, sub_params, call.caller, call.request, start < -1 ? 0 : start, nullptr};
      CallResult r = dispatch(registry, method, sub, true);
      timing.finish = timeutil::now_float_seconds();
      results[key] = std::move(r.result);
      if (r.total) totals[key] = *r.total;
      if (r.next) nexts[key] = *r.next;
      times[key] = time_object(timing);
    } catch (const ApiError& e) {
      errors[key] = error_object(e);
      if (halt) break;
    } catch (const std::exception& e) {
      std::cerr << "artel: batch command " << key << " failed: " << e.what() << "\n";
      errors[key] = error_object(ApiError(500, "INTERNAL_SERVER_ERROR", "Internal server error."));
      if (halt) break;
    }
  }
  json::object out;
  out["result"] = result_map(std::move(results), list_style);
  out["result_error"] = result_map(std::move(errors), list_style);
  out["result_total"] = result_map(std::move(totals), list_style);
  out["result_next"] = result_map(std::move(nexts), list_style);
  out["result_time"] = result_map(std::move(times), list_style);
  return {std::move(out)};
}

}  // namespace

json::value substitute_references(const json::value& value, const json::object& results) {
  if (value.is_string()) {
    std::string s(value.get_string());
    if (s.find("$result[") == std::string::npos) return value;
    return substitute_in_string(s, results);
  }
  if (value.is_object()) {
    json::object out;
    for (const auto& kv : value.get_object())
      out[kv.key()] = substitute_references(kv.value(), results);
    return out;
  }
  if (value.is_array()) {
    json::array out;
    for (const auto& v : value.get_array()) out.push_back(substitute_references(v, results));
    return out;
  }
  return value;
}

void register_builtin_methods(Registry& registry) {
  const Registry* reg = &registry;
  registry.add({"batch", "basic", Access::User, [reg](Call& call) { return run_batch(*reg, call); },
                false, false});

  registry.add({"methods", "basic", Access::User, [reg](Call& call) {
                  bool full = flag_param(call.params, "full").value_or(false);
                  auto scope = string_param(call.params, "scope");
                  json::array names;
                  for (const Method* m : reg->all()) {
                    if (scope && !scope->empty() && m->scope != to_lower_ascii(*scope)) continue;
                    if (!full && !available_to(*m, call.caller)) continue;
                    names.push_back(json::string(m->name));
                  }
                  return CallResult{std::move(names)};
                }});

  registry.add({"method.get", "basic", Access::User, [reg](Call& call) {
                  std::string name = required_string(call.params, "name");
                  const Method* m = reg->find(name);
                  json::object out;
                  out["isExisting"] = m != nullptr;
                  out["isAvailable"] = m != nullptr && available_to(*m, call.caller);
                  return CallResult{std::move(out)};
                }});

  registry.add({"scope", "basic", Access::User, [reg](Call& call) {
                  bool full = flag_param(call.params, "full").value_or(false);
                  json::array out;
                  for (const auto& s : reg->scopes()) {
                    if (!full && call.caller.kind == AuthKind::Webhook &&
                        std::find(call.caller.scopes.begin(), call.caller.scopes.end(), s) ==
                            call.caller.scopes.end())
                      continue;
                    out.push_back(json::string(s));
                  }
                  return CallResult{std::move(out)};
                }});

  registry.add({"app.info", "basic", Access::User, [](Call& call) {
                  if (call.caller.kind != AuthKind::Webhook)
                    throw access_denied("Application context required");
                  json::array scopes;
                  for (const auto& s : call.caller.scopes) scopes.push_back(json::string(s));
                  json::object out;
                  out["SCOPE"] = std::move(scopes);
                  out["LICENSE"] = "selfhosted";
                  return CallResult{std::move(out)};
                }});

  registry.add({"server.time", "basic", Access::User, [](Call& call) {
                  auto settings = call.portal.settings.snapshot();
                  auto now = timeutil::now_seconds();
                  return CallResult{
                      json::string(timeutil::format_iso8601(now, settings->tz_offset_at(now)))};
                }});
}

}  // namespace artel::rest
