#include <gtest/gtest.h>

#include "db/backends.h"
#include "db/db.h"

using artel::db::postgres_placeholders;

TEST(PostgresPlaceholders, NumbersEachQuestionMarkInOrder) {
  EXPECT_EQ(postgres_placeholders("SELECT a FROM t WHERE b = ? AND c IN (?,?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2,$3)");
  EXPECT_EQ(postgres_placeholders("VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
  EXPECT_EQ(postgres_placeholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(postgres_placeholders(""), "");
}

TEST(PostgresPlaceholders, LeavesStringLiteralsAlone) {
  EXPECT_EQ(postgres_placeholders("SELECT '?', ? WHERE x LIKE ? ESCAPE '\\'"),
            "SELECT '?', $1 WHERE x LIKE $2 ESCAPE '\\'");
  // A doubled quote stays inside the literal.
  EXPECT_EQ(postgres_placeholders("SELECT 'it''s ?' || ?"), "SELECT 'it''s ?' || $1");
  EXPECT_EQ(postgres_placeholders("SELECT '', ?"), "SELECT '', $1");
  // E'…' strings escape with backslashes.
  EXPECT_EQ(postgres_placeholders("SELECT E'a\\'?' , ?"), "SELECT E'a\\'?' , $1");
  // A plain '…' ending in a backslash ends there (standard_conforming_strings).
  EXPECT_EQ(postgres_placeholders("SELECT 'a\\', ?"), "SELECT 'a\\', $1");
  // An unterminated literal swallows the rest, as the server will say.
  EXPECT_EQ(postgres_placeholders("SELECT 'a ?"), "SELECT 'a ?");
}

TEST(PostgresPlaceholders, LeavesQuotedIdentifiersAndCommentsAlone) {
  EXPECT_EQ(postgres_placeholders("SELECT \"what?\", \"a\"\"?\" FROM t WHERE id = ?"),
            "SELECT \"what?\", \"a\"\"?\" FROM t WHERE id = $1");
  EXPECT_EQ(postgres_placeholders("SELECT ? -- why?\nFROM t WHERE id = ?"),
            "SELECT $1 -- why?\nFROM t WHERE id = $2");
  EXPECT_EQ(postgres_placeholders("SELECT /* a? /* nested? */ still? */ ?"),
            "SELECT /* a? /* nested? */ still? */ $1");
  EXPECT_EQ(postgres_placeholders("SELECT ? - ?"), "SELECT $1 - $2");
  EXPECT_EQ(postgres_placeholders("SELECT ? / ?"), "SELECT $1 / $2");
}

TEST(PostgresPlaceholders, LeavesDollarQuotingAlone) {
  EXPECT_EQ(postgres_placeholders("SELECT $$?$$, ?"), "SELECT $$?$$, $1");
  EXPECT_EQ(postgres_placeholders("SELECT $fn$ a ? $x$ ? $fn$, ?"),
            "SELECT $fn$ a ? $x$ ? $fn$, $1");
  // Positional parameters and $ inside identifiers are not quotes.
  EXPECT_EQ(postgres_placeholders("SELECT $1, a$b, ?"), "SELECT $1, a$b, $1");
}

TEST(PostgresPlaceholders, HandlesTheStoresStatements) {
  EXPECT_EQ(postgres_placeholders("INSERT INTO user_departments(user_id, department_id) VALUES "
                                  "(?, ?) ON CONFLICT DO NOTHING"),
            "INSERT INTO user_departments(user_id, department_id) VALUES ($1, $2) ON CONFLICT DO "
            "NOTHING");
  EXPECT_EQ(postgres_placeholders("SELECT string_agg(CAST(d AS TEXT), ',') FROM t WHERE u = ?"),
            "SELECT string_agg(CAST(d AS TEXT), ',') FROM t WHERE u = $1");
  EXPECT_EQ(postgres_placeholders("WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT) UNION "
                                  "SELECT d.id FROM d JOIN sub ON d.p = sub.id) SELECT 1 FROM sub "
                                  "WHERE id = ?"),
            "WITH RECURSIVE sub(id) AS (SELECT CAST($1 AS BIGINT) UNION SELECT d.id FROM d JOIN "
            "sub ON d.p = sub.id) SELECT 1 FROM sub WHERE id = $2");
}

TEST(DatabaseLocation, PostgresUrlsAndPasswordsInMessages) {
  using artel::db::display_location;
  using artel::db::is_postgres_url;
  EXPECT_TRUE(is_postgres_url("postgresql://u@127.0.0.1:5432/artel"));
  EXPECT_TRUE(is_postgres_url("postgres://u@h/db"));
  EXPECT_FALSE(is_postgres_url("./data/artel.db"));
  EXPECT_EQ(display_location("postgresql://artel:s3cret@db.local:5432/artel"),
            "postgresql://artel@db.local:5432/artel");
  EXPECT_EQ(display_location("postgresql://artel@db.local/artel"),
            "postgresql://artel@db.local/artel");
  EXPECT_EQ(display_location("postgresql://db.local/artel?user=a"),
            "postgresql://db.local/artel?user=a");
  EXPECT_EQ(display_location("data/artel.db"), "data/artel.db");
}
