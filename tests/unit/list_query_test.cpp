#include <gtest/gtest.h>

#include "core/error.h"
#include "rest/list_query.h"

using namespace artel;
using namespace artel::rest;

namespace {
const ListField kFields[] = {
    {"ID", "t.id", FieldKind::Integer},
    {"NAME", "t.name", FieldKind::Text},
    {"ACTIVE", "t.active", FieldKind::Flag},
    {"CREATED", "t.created", FieldKind::DateTime},
    {"PARENT", "t.parent_id", FieldKind::Integer, true, /*nullable=*/true},
};

std::int64_t int_at(const ListQuery& q, std::size_t i) {
  return std::get<std::int64_t>(q.params.at(i));
}
}  // namespace

TEST(ListQuery, OperatorsBecomeParameterisedSql) {
  ListQuery q;
  json::object f{{">=ID", "5"}, {"!NAME", "x"}, {"%NAME", "Раб"}, {"ACTIVE", "Y"}};
  add_filter(q, f, kFields, 0);
  EXPECT_NE(q.where.find("t.id >= ?"), std::string::npos);
  EXPECT_NE(q.where.find("t.name <> ?"), std::string::npos);
  EXPECT_NE(q.where.find("artel_fold(t.name) LIKE ?"), std::string::npos);
  EXPECT_NE(q.where.find("t.active = ?"), std::string::npos);
  EXPECT_EQ(int_at(q, 0), 5);
  EXPECT_EQ(std::get<std::string>(q.params.at(2)), "%раб%");
  EXPECT_EQ(int_at(q, 3), 1);
}

TEST(ListQuery, ArrayValuesMeanInAndNotIn) {
  ListQuery q;
  json::object f{{"@ID", json::array{1, 2, 3}}, {"!ID", json::array{9}}};
  add_filter(q, f, kFields, 0);
  EXPECT_NE(q.where.find("t.id IN (?,?,?)"), std::string::npos);
  EXPECT_NE(q.where.find("t.id NOT IN (?)"), std::string::npos);
  EXPECT_EQ(q.params.size(), 4u);
}

TEST(ListQuery, EmptyInMatchesNothing) {
  ListQuery q;
  add_filter(q, json::object{{"@ID", json::array{}}}, kFields, 0);
  EXPECT_NE(q.where.find("(1=0)"), std::string::npos);
}

TEST(ListQuery, DatesAreParsedWithTheirOffset) {
  ListQuery q;
  add_filter(q, json::object{{">CREATED", "2024-01-01T03:00:00+03:00"}}, kFields, 0);
  EXPECT_EQ(int_at(q, 0), 1704067200);
}

TEST(ListQuery, LikeEscapesWildcards) {
  ListQuery q;
  add_filter(q, json::object{{"%NAME", "50%_off"}}, kFields, 0);
  EXPECT_EQ(std::get<std::string>(q.params.at(0)), "%50\\%\\_off%");
}

TEST(ListQuery, BadValuesAndUnknownFieldsAreErrors) {
  ListQuery q;
  EXPECT_THROW(add_filter(q, json::object{{"ID", "abc"}}, kFields, 0), ApiError);
  EXPECT_THROW(add_filter(q, json::object{{"NOPE", "1"}}, kFields, 0), ApiError);
  EXPECT_THROW(add_filter(q, json::object{{"ACTIVE", "maybe"}}, kFields, 0), ApiError);
}

TEST(ListQuery, AnUnreadableDateMatchesNothing) {
  ListQuery q;
  add_filter(q, json::object{{">CREATED", "yesterday"}}, kFields, 0);
  EXPECT_NE(q.where.find("(1=0)"), std::string::npos);
}

TEST(ListQuery, PercentInAPlainValueIsAWildcard) {
  ListQuery q;
  add_filter(q, json::object{{"NAME", "Ива%"}}, kFields, 0);
  EXPECT_NE(q.where.find("artel_fold(t.name) LIKE ? ESCAPE '\\'"), std::string::npos);
  EXPECT_EQ(std::get<std::string>(q.params.at(0)), "ива%");
}

TEST(ListQuery, NoConditionsMeansNoWhereClause) {
  ListQuery q;
  EXPECT_EQ(q.where_clause(), "");
  q.add_condition("t.id = ?", {std::int64_t{1}});
  EXPECT_EQ(q.where_clause(), " WHERE (t.id = ?)");
}

TEST(ListQuery, ABackslashInACallersPatternIsLiteralOnBothBackEnds) {
  ListQuery q;
  add_filter(q, json::object{{"=%NAME", "a\\b%"}, {"NAME", "c\\%"}}, kFields, 0);
  EXPECT_EQ(std::get<std::string>(q.params.at(0)), "a\\\\b%");
  EXPECT_EQ(std::get<std::string>(q.params.at(1)), "c\\\\%");
}

TEST(ListQuery, LikeOnANumberComparesItsText) {
  ListQuery q;
  add_filter(q, json::object{{"%ID", "12"}}, kFields, 0);
  EXPECT_NE(q.where.find("artel_fold(CAST(t.id AS TEXT)) LIKE ?"), std::string::npos);
}

TEST(ListQuery, NullsSortFirstAscendingAndLastDescending) {
  ListQuery q;
  json::value order = json::object{{"PARENT", "asc"}};
  set_order(q, &order, kFields, "t.id ASC", "t.id");
  EXPECT_EQ(q.order_by, "t.parent_id ASC NULLS FIRST, t.id ASC");
  ListQuery d;
  set_order_scalar(d, "PARENT", "desc", kFields, "t.id");
  EXPECT_EQ(d.order_by, "t.parent_id DESC NULLS LAST, t.id DESC");
}

TEST(ListQuery, OrderIsValidatedAndGetsAnIdTiebreak) {
  ListQuery q;
  json::value order = json::object{{"NAME", "desc"}};
  set_order(q, &order, kFields, "t.id ASC", "t.id");
  EXPECT_EQ(q.order_by, "t.name DESC, t.id ASC");
  ListQuery bad;
  json::value injection = json::object{{"NAME; DROP TABLE x", "ASC"}};
  EXPECT_THROW(set_order(bad, &injection, kFields, "t.id ASC", "t.id"), ApiError);
  json::value direction = json::object{{"NAME", "sideways"}};
  EXPECT_THROW(set_order(bad, &direction, kFields, "t.id ASC", "t.id"), ApiError);
}

TEST(ListQuery, PagingReportsNextOnlyWhenMoreRowsRemain) {
  auto first = page_result(json::array(), 50, 0, 120);
  EXPECT_EQ(first.total, 120);
  EXPECT_EQ(first.next, 50);
  auto last = page_result(json::array(), 20, 100, 120);
  EXPECT_FALSE(last.next.has_value());
  auto keyset = page_result(json::array(), 50, -1, std::nullopt);
  EXPECT_FALSE(keyset.total.has_value());
  EXPECT_FALSE(keyset.next.has_value());
}
