#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "db/db.h"
#include "db/migrations.h"

using namespace artel;

namespace {

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Splits UTF-8 text into its characters.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

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

// PostgreSQL's artel_fold() (migration 0001) translates a fixed list of letters; it must fold
// exactly what fold_case() folds, or a %-filter finds different people on the two back ends.
TEST(FoldCase, PostgresArtelFoldMapsTheSameLetters) {
  const auto& migrations = db::builtin_migrations(db::Dialect::Postgres);
  ASSERT_FALSE(migrations.empty());
  std::string sql = migrations.front().sql;
  auto call = sql.find("translate($1,");
  ASSERT_NE(call, std::string::npos);
  auto literal = [&](std::size_t from) {
    auto open = sql.find('\'', from);
    auto close = sql.find('\'', open + 1);
    return std::pair{sql.substr(open + 1, close - open - 1), close + 1};
  };
  auto [from, after] = literal(call);
  auto [to, unused] = literal(after);
  auto from_chars = characters(from), to_chars = characters(to);
  ASSERT_EQ(from_chars.size(), to_chars.size());

  std::size_t folded = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string ch = utf8(c);
    std::string expected = fold_case(ch);
    std::string translated = ch;
    for (std::size_t i = 0; i < from_chars.size(); ++i)
      if (from_chars[i] == ch) {
        translated = to_chars[i];
        break;
      }
    ASSERT_EQ(translated, expected) << "U+" << std::hex << static_cast<unsigned>(c);
    folded += expected != ch;
  }
  EXPECT_EQ(folded, from_chars.size());
}

TEST(Migrations, BothDialectsHaveTheSameVersions) {
  const auto& sqlite = db::builtin_migrations(db::Dialect::Sqlite);
  const auto& postgres = db::builtin_migrations(db::Dialect::Postgres);
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, postgres[i].version);
    EXPECT_STREQ(sqlite[i].name, postgres[i].name);
  }
}
