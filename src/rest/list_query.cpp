#include "rest/list_query.h"

#include <array>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"

namespace artel::rest {

namespace {

// A value that can never match (an unreadable date): Bitrix24 selects nothing, without an error.
struct Unmatchable {};

enum class Op {
  Eq,
  NotEq,
  Gt,
  Ge,
  Lt,
  Le,
  In,
  NotIn,
  Like,
  NotLike,
  LikeRaw,
  NotLikeRaw,
  Between,
  NotBetween
};

struct Prefix {
  std::string_view text;
  Op op;
};

// Longest prefixes first, so that "!=%" wins over "!=" and "!".
constexpr std::array<Prefix, 18> kPrefixes{{
    {"!><", Op::NotBetween},
    {"!=%", Op::NotLikeRaw},
    {"!%=", Op::NotLikeRaw},
    {"><", Op::Between},
    {"=%", Op::LikeRaw},
    {"%=", Op::LikeRaw},
    {"!%", Op::NotLike},
    {"!@", Op::NotIn},
    {">=", Op::Ge},
    {"<=", Op::Le},
    {"!=", Op::NotEq},
    {"@", Op::In},
    {"%", Op::Like},
    {">", Op::Gt},
    {"<", Op::Lt},
    {"=", Op::Eq},
    {"!", Op::NotEq},
    {"?", Op::Like},
}};

const ListField* find_field(std::span<const ListField> fields, std::string_view name) {
  std::string upper = to_upper_ascii(name);
  for (const auto& f : fields)
    if (f.name == upper) return &f;
  return nullptr;
}

// For LIKE … ESCAPE '\\': the pattern matches the text literally.
std::string escape_like(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// For LIKE … ESCAPE '\\' with the caller's own % and _ wildcards: a backslash is only a
// backslash. (PostgreSQL's LIKE escapes with a backslash by default, SQLite's does not; with
// the ESCAPE clause both read the pattern alike.)
std::string escape_backslashes(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The column as text for artel_fold(), which PostgreSQL defines for text only.
std::string folded(const ListField& field) {
  std::string col(field.sql);
  if (field.kind != FieldKind::Text) col = "CAST(" + col + " AS TEXT)";
  return "artel_fold(" + col + ")";
}

std::string order_term(const ListField& field, const std::string& direction) {
  std::string term = std::string(field.sql) + " " + direction;
  if (field.nullable) term += direction == "ASC" ? " NULLS FIRST" : " NULLS LAST";
  return term;
}

db::Value convert(const ListField& field, const json::value& value, int tz, std::string_view key) {
  auto wrong = [&](std::string_view what) {
    return bad_argument(std::string(key),
                        "Filter " + std::string(key) + " expects " + std::string(what) + ".");
  };
  switch (field.kind) {
    case FieldKind::Integer: {
      auto n = as_int(value);
      if (!n) throw wrong("a number");
      return *n;
    }
    case FieldKind::Flag: {
      auto f = as_flag(value);
      if (!f) throw wrong("Y or N");
      return std::int64_t{*f ? 1 : 0};
    }
    case FieldKind::DateTime: {
      if (auto n = as_int(value); n && !value.is_string()) return *n;
      auto s = as_string(value);
      if (!s) throw wrong("a date");
      auto t = timeutil::parse_datetime(*s, tz);
      if (!t) throw Unmatchable{};
      return *t;
    }
    case FieldKind::Text: {
      auto s = as_string(value);
      if (!s) throw wrong("text");
      return *s;
    }
  }
  return nullptr;
}

}  // namespace

void ListQuery::add_condition(std::string sql, db::Params values) {
  where += (where.empty() ? "(" : " AND (") + sql + ")";
  for (auto& v : values) params.push_back(std::move(v));
}

void ListQuery::append(const ListQuery& other) {
  if (!other.where.empty()) {
    where += (where.empty() ? "" : " AND ") + other.where;
    params.insert(params.end(), other.params.begin(), other.params.end());
  }
  if (!other.order_by.empty()) order_by = other.order_by;
}

namespace {
bool add_entry(ListQuery& query, std::string_view key, const json::value& value,
               std::span<const ListField> fields, int tz) {
  Op op = Op::Eq;
  std::string_view name = key;
  for (const auto& p : kPrefixes) {
    if (key.substr(0, p.text.size()) == p.text) {
      op = p.op;
      name = key.substr(p.text.size());
      break;
    }
  }
  const ListField* field = find_field(fields, name);
  if (!field) return false;
  std::string col(field->sql);

  bool is_list = value.is_array() || (value.is_object() && !value.get_object().empty());
  if (is_list && (op == Op::Eq || op == Op::NotEq)) op = op == Op::Eq ? Op::In : Op::NotIn;

  switch (op) {
    case Op::In:
    case Op::NotIn: {
      auto items = as_list(value);
      if (items.empty()) {
        query.add_condition(op == Op::In ? "1=0" : "1=1");
        return true;
      }
      if (items.size() > 1000)
        throw bad_argument(std::string(key), "A filter list may hold at most 1000 values.");
      db::Params values;
      for (const json::value* item : items) values.push_back(convert(*field, *item, tz, key));
      query.add_condition(col + (op == Op::In ? " IN " : " NOT IN ") + db::in_list(items.size()),
                          std::move(values));
      return true;
    }
    case Op::Between:
    case Op::NotBetween: {
      auto items = as_list(value);
      if (items.size() != 2)
        throw bad_argument(std::string(key), "Filter " + std::string(key) + " expects [from, to].");
      query.add_condition(
          col + (op == Op::Between ? " BETWEEN ? AND ?" : " NOT BETWEEN ? AND ?"),
          {convert(*field, *items[0], tz, key), convert(*field, *items[1], tz, key)});
      return true;
    }
    case Op::Like:
    case Op::NotLike:
    case Op::LikeRaw:
    case Op::NotLikeRaw: {
      auto s = as_string(value);
      if (!s) throw bad_argument(std::string(key), "Filter " + std::string(key) + " expects text.");
      bool raw = op == Op::LikeRaw || op == Op::NotLikeRaw;
      bool negate = op == Op::NotLike || op == Op::NotLikeRaw;
      std::string pattern =
          raw ? escape_backslashes(fold_case(*s)) : "%" + escape_like(fold_case(*s)) + "%";
      query.add_condition(folded(*field) + (negate ? " NOT LIKE ?" : " LIKE ?") + " ESCAPE '\\'",
                          {pattern});
      return true;
    }
    default:
      break;
  }
  if (value.is_null() ||
      (value.is_string() && value.get_string().empty() && field->kind != FieldKind::Text)) {
    query.add_condition(col + (op == Op::NotEq ? " IS NOT NULL" : " IS NULL"));
    return true;
  }
  if (field->kind == FieldKind::Text && (op == Op::Eq || op == Op::NotEq) && value.is_string() &&
      value.get_string().find('%') != json::string::npos) {
    // Bitrix24 treats % in a plain value as a wildcard ({"NAME": "Ива%"}).
    query.add_condition(
        folded(*field) + (op == Op::Eq ? " LIKE ?" : " NOT LIKE ?") + " ESCAPE '\\'",
        {escape_backslashes(fold_case(std::string(value.get_string())))});
    return true;
  }
  db::Value v = convert(*field, value, tz, key);
  const char* sql_op = op == Op::Eq      ? " = ?"
                       : op == Op::NotEq ? " <> ?"
                       : op == Op::Gt    ? " > ?"
                       : op == Op::Ge    ? " >= ?"
                       : op == Op::Lt    ? " < ?"
                                         : " <= ?";
  if (op == Op::NotEq) {
    query.add_condition("(" + col + sql_op + " OR " + col + " IS NULL)", {v});
  } else {
    query.add_condition(col + sql_op, {v});
  }
  return true;
}

}  // namespace

bool add_filter_entry(ListQuery& query, std::string_view key, const json::value& value,
                      std::span<const ListField> fields, int tz) {
  try {
    return add_entry(query, key, value, fields, tz);
  } catch (const Unmatchable&) {
    query.add_condition("1=0");
    return true;
  }
}

void add_filter(ListQuery& query, const json::object& filter, std::span<const ListField> fields,
                int tz) {
  for (const auto& kv : filter) {
    if (!add_filter_entry(query, kv.key(), kv.value(), fields, tz))
      throw bad_argument("filter", "Unknown filter field: " + std::string(kv.key()) + ".");
  }
}

void set_order_scalar(ListQuery& query, std::string_view field_name, std::string_view direction,
                      std::span<const ListField> fields, std::string_view id_sql) {
  const ListField* field = find_field(fields, field_name);
  if (!field || !field->sortable)
    throw bad_argument("order", "Cannot sort by " + std::string(field_name) + ".");
  std::string dir = to_upper_ascii(trim(direction));
  if (dir.empty()) dir = "ASC";
  if (dir != "ASC" && dir != "DESC")
    throw bad_argument("order", "Sort direction must be ASC or DESC.");
  if (!query.order_by.empty()) query.order_by += ", ";
  query.order_by += order_term(*field, dir);
  if (field->sql != id_sql) query.order_by += ", " + std::string(id_sql) + " " + dir;
}

void set_order(ListQuery& query, const json::value* order, std::span<const ListField> fields,
               std::string_view default_order, std::string_view id_sql) {
  if (order && order->is_object() && !order->get_object().empty()) {
    for (const auto& kv : order->get_object()) {
      auto dir = as_string(kv.value());
      if (!dir) throw bad_argument("order", "Sort direction must be ASC or DESC.");
      const ListField* field = find_field(fields, kv.key());
      if (!field || !field->sortable)
        throw bad_argument("order", "Cannot sort by " + std::string(kv.key()) + ".");
      std::string d = to_upper_ascii(trim(*dir));
      if (d != "ASC" && d != "DESC")
        throw bad_argument("order", "Sort direction must be ASC or DESC.");
      if (!query.order_by.empty()) query.order_by += ", ";
      query.order_by += order_term(*field, d);
    }
    query.order_by += ", " + std::string(id_sql) + " ASC";
    return;
  }
  query.order_by = std::string(default_order);
}

CallResult page_result(json::value rows, std::size_t row_count, std::int64_t start,
                       std::optional<std::int64_t> total) {
  CallResult r;
  r.result = std::move(rows);
  if (start < 0) return r;  // keyset paging: no count, no next
  r.total = total;
  if (total && start + static_cast<std::int64_t>(row_count) < *total)
    r.next = start + static_cast<std::int64_t>(row_count);
  return r;
}

std::string limit_clause(std::int64_t start) {
  return " LIMIT " + std::to_string(kPageSize) + " OFFSET " + std::to_string(start < 0 ? 0 : start);
}

}  // namespace artel::rest
