// Filters, ordering and paging for every list method, implemented once. A module describes its
// fields (API name → SQL expression and kind); this turns Bitrix24's filter syntax — operators
// glued to the key as prefixes (">=ID", "%NAME", "!@STATUS") — into a parameterised WHERE
// clause, and `order`/`sort` into ORDER BY. Nothing from the caller reaches SQL as text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/json.h"
#include "db/db.h"
#include "rest/method.h"

namespace artel::rest {

enum class FieldKind {
  Integer,
  Text,      // compared as stored; LIKE operators fold case (Cyrillic too)
  DateTime,  // stored as Unix seconds; filter values are ISO 8601 or portal dates
  Flag,      // stored as 0/1; filter values Y/N/true/false
};

struct ListField {
  std::string_view name;  // API name, upper case
  std::string_view sql;   // SQL expression
  FieldKind kind;
  bool sortable = true;
  // May be NULL: sorting then puts NULLs first when ascending and last when descending, as
  // Bitrix24 (MySQL) and SQLite do and PostgreSQL does only when told.
  bool nullable = false;
};

constexpr int kPageSize = 50;

struct ListQuery {
  // Conditions joined by AND, without the WHERE keyword; empty means every row. Kept empty
  // rather than "1=1" so that an unfiltered count(*) can use SQLite's fast path.
  std::string where;
  db::Params params;
  std::string order_by;

  void add_condition(std::string sql, db::Params values = {});
  // Adds another query's conditions (and takes its order when it has one).
  void append(const ListQuery& other);
  // " WHERE …" or "" — to append to a FROM clause.
  std::string where_clause() const { return where.empty() ? std::string() : " WHERE " + where; }
};

// Adds one filter entry. Returns false when the field (after the operator prefix) is unknown.
// Throws ERROR_ARGUMENT for an unknown operator or a value of the wrong kind.
bool add_filter_entry(ListQuery& query, std::string_view key, const json::value& value,
                      std::span<const ListField> fields, int tz_offset_seconds);

// Adds every entry of a filter object; unknown fields are an error naming the field.
void add_filter(ListQuery& query, const json::object& filter, std::span<const ListField> fields,
                int tz_offset_seconds);

// ORDER BY from {FIELD: "ASC"|"DESC"} (or scalar sort+order); the id tiebreak keeps pages stable.
void set_order(ListQuery& query, const json::value* order, std::span<const ListField> fields,
               std::string_view default_order, std::string_view id_sql);
void set_order_scalar(ListQuery& query, std::string_view field, std::string_view direction,
                      std::span<const ListField> fields, std::string_view id_sql);

// Wraps one page of rows in the Bitrix24 list convention (total; next only if more remain).
CallResult page_result(json::value rows, std::size_t row_count, std::int64_t start,
                       std::optional<std::int64_t> total);

// Legacy Bitrix24 lists (user.get, department.get) page by whole pages: start=10 means the first
// page, as the server turns start into page floor(start/50)+1. -1 stays -1.
inline std::int64_t legacy_page_start(std::int64_t start) {
  return start < 0 ? start : start / kPageSize * kPageSize;
}

// "LIMIT 50 OFFSET n" for a start value (-1 counts as 0).
std::string limit_clause(std::int64_t start);

}  // namespace artel::rest
