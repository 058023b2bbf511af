#include <gtest/gtest.h>

#include "rest/builtin_methods.h"

using namespace artel;
using namespace artel::rest;

namespace {
json::object results() {
  json::object r;
  r["get_user"] = json::object{{"ID", "5"}, {"UF_DEPARTMENT", json::array{3, 7}}};
  r["list"] = json::array{json::object{{"ID", "10"}}, json::object{{"ID", "11"}}};
  return r;
}
}  // namespace

TEST(BatchReferences, WholeValueReferenceKeepsItsType) {
  auto v = substitute_references(json::string("$result[get_user][UF_DEPARTMENT]"), results());
  ASSERT_TRUE(v.is_array());
  EXPECT_EQ(v.as_array().size(), 2u);
}

TEST(BatchReferences, ReferencesInsideTextAreReplacedByText) {
  auto v = substitute_references(
      json::string("user $result[get_user][ID] in $result[get_user][UF_DEPARTMENT][0]"), results());
  EXPECT_EQ(v.as_string(), "user 5 in 3");
}

TEST(BatchReferences, RowsOfListsAreIndexed) {
  json::object params{{"filter", json::object{{"ID", "$result[list][1][ID]"}}}};
  auto v = substitute_references(params, results());
  EXPECT_EQ(v.at("filter").at("ID").as_string(), "11");
}

TEST(BatchReferences, MissingPathStopsAtTheDeepestLevel) {
  auto v = substitute_references(json::string("$result[get_user][NOPE]"), results());
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v.at("ID").as_string(), "5");
}

TEST(BatchReferences, UnknownCommandIsLeftAsWritten) {
  auto v = substitute_references(json::string("x $result[none][ID]"), results());
  EXPECT_EQ(v.as_string(), "x $result[none][ID]");
}
