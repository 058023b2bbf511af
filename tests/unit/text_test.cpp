#include <gtest/gtest.h>

#include "core/text.h"

using namespace artel;

TEST(FoldCase, LowersCyrillicLatinAndRomanian) {
  EXPECT_EQ(fold_case("РАБОТА Work"), "работа work");
  EXPECT_EQ(fold_case("ȘTEFAN ŢARĂ Ăă"), "ștefan ţară ăă");
  EXPECT_EQ(fold_case("ÉCOLE"), "école");
}

TEST(FoldCase, FoldsYoToYeInBothCases) {
  EXPECT_EQ(fold_case("ФЁДОР"), "федор");
  EXPECT_EQ(fold_case("Фёдор"), "федор");
}

TEST(FoldCase, KeepsMalformedBytes) {
  std::string broken =
      "a\xff"
      "b";
  EXPECT_EQ(fold_case(broken), broken);
}

TEST(Utf8, Validates) {
  EXPECT_TRUE(is_valid_utf8("Привет"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));
}
