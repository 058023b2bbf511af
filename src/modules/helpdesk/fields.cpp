#include "modules/helpdesk/fields.h"

#include "core/error.h"
#include "core/text.h"
#include "modules/settings/store.h"

namespace artel::helpdesk {

const json::object& fields_param(const json::object& params) {
  const json::value* v = find_ci(params, "FIELDS");
  if (!v || !v->is_object()) throw bad_argument("FIELDS", "FIELDS must be an object.");
  return v->get_object();
}

std::optional<std::int64_t> optional_id(const json::object& fields, std::string_view name) {
  const json::value* v = find_ci(fields, name);
  if (!v) return std::nullopt;
  if (v->is_null() || (v->is_string() && v->get_string().empty())) return 0;
  auto id = as_int(*v);
  if (!id || *id < 0)
    throw bad_argument(std::string(name), std::string(name) + " must be an id (or 0 for none).");
  return *id;
}

std::optional<std::string> text_field(const json::object& fields, std::string_view name,
                                      std::size_t max, bool required) {
  const json::value* v = find_ci(fields, name);
  std::string field(name);
  if (!v) {
    if (required) throw bad_argument(field, field + " is required.");
    return std::nullopt;
  }
  auto s = v->is_object() || v->is_array() ? std::nullopt : as_string(*v);
  if (!s) throw bad_argument(field, field + " must be text.");
  if (!is_valid_utf8(*s)) throw bad_argument(field, field + " must be UTF-8 text.");
  std::string value(required ? trim(*s) : std::string_view(*s));
  if (required && value.empty()) throw bad_argument(field, field + " must not be empty.");
  if (value.size() > max)
    throw bad_argument(field, field + " is longer than " + std::to_string(max) + " bytes.");
  return value;
}

void list_params(rest::ListQuery& q, const rest::Call& call,
                 std::span<const rest::ListField> fields, std::string_view default_order,
                 std::string_view id_sql, int tz) {
  if (const json::value* filter = find_ci(call.params, "FILTER")) {
    if (!filter->is_object()) throw bad_argument("FILTER", "FILTER must be an object.");
    rest::add_filter(q, filter->get_object(), fields, tz);
  }
  const json::value* order = find_ci(call.params, "ORDER");
  if (order && order->is_object() && !order->get_object().empty())
    rest::set_order(q, order, fields, default_order, id_sql);
  else
    q.order_by = std::string(default_order);
}

void check_employee(db::Conn& conn, std::int64_t user_id, std::string_view field) {
  if (!conn.integer("SELECT 1 FROM users WHERE id = ? AND active = 1 AND user_type = 'employee'",
                    {user_id}))
    throw bad_argument(std::string(field), std::string(field) + ": person " +
                                               std::to_string(user_id) +
                                               " is not an active employee of the studio.");
}

Presenter presenter(db::Conn& conn, const rest::Call& call) {
  auto settings = call.portal.settings.snapshot();
  return Presenter{settings->tz_offset_now(),
                   settings->zone ? settings->zone : timeutil::TimeZone::utc(), read_hours(conn),
                   call.request.base_url()};
}

}  // namespace artel::helpdesk
