// Reading the parameters of the ticket desk's methods, shared by its method files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/portal.h"
#include "db/db.h"
#include "modules/helpdesk/present.h"
#include "rest/list_query.h"
#include "rest/method.h"

namespace artel::helpdesk {

// FIELDS (or fields) of the call; ERROR_ARGUMENT when absent or not an object.
const json::object& fields_param(const json::object& params);
// An optional id field: nullopt when absent, 0 for 0 / "" (clearing), ERROR_ARGUMENT otherwise.
std::optional<std::int64_t> optional_id(const json::object& fields, std::string_view name);
// A non-empty trimmed UTF-8 text of at most `max` bytes when present.
std::optional<std::string> text_field(const json::object& fields, std::string_view name,
                                      std::size_t max, bool required);

// FILTER and ORDER of a list call into `q`, with `default_order` when no ORDER is given.
void list_params(rest::ListQuery& q, const rest::Call& call,
                 std::span<const rest::ListField> fields, std::string_view default_order,
                 std::string_view id_sql, int tz);

// 400 ERROR_ARGUMENT unless the person is an active employee (the studio's side).
void check_employee(db::Conn& conn, std::int64_t user_id, std::string_view field);

Presenter presenter(db::Conn& conn, const rest::Call& call);

}  // namespace artel::helpdesk
