// search::Index through db::Database on real databases, and the PostgreSQL query and lexeme text
// it builds. The database tests run on SQLite always and on PostgreSQL when
// ARTEL_TEST_POSTGRES_URL names a database on a server where the role may create databases
// (postgresql://postgres@127.0.0.1:PORT/postgres); each test then gets a database of its own,
// dropped afterwards. The expectations are the same for both, so passing on both means that a
// word finds the same documents whichever database holds the portal.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "db/db.h"
#include "search/index.h"
#include "search/query.h"

using namespace artel;
using search::index_terms;
using search::tsquery_text;
using search::tsvector_text;

namespace {

using Titles = std::vector<std::string>;
using Terms = std::vector<std::string>;

enum class Backend { Sqlite, Postgres };
void PrintTo(Backend b, std::ostream* os) {
  *os << (b == Backend::Sqlite ? "SQLite" : "PostgreSQL");
}

std::string repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

// Runs one statement on the server of `url` outside any transaction (CREATE/DROP DATABASE).
void admin(const std::string& url, const std::string& sql) {
  PGconn* pg = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(pg) != CONNECTION_OK) {
    error = PQerrorMessage(pg);
  } else {
    PGresult* r = PQexec(pg, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(pg);
  if (!error.empty()) throw std::runtime_error(sql + ": " + error);
}

// The URL with another database name: …/postgres?x=y → …/NAME?x=y.
std::string with_database(const std::string& url, const std::string& name) {
  std::size_t host = url.find("://") + 3;
  std::size_t slash = url.find('/', host);
  std::size_t query = url.find('?', host);
  std::string base = url.substr(0, std::min(slash, query));
  std::string params = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + params;
}

class SearchIndex : public ::testing::TestWithParam<Backend> {
 protected:
  // Created as a migration creates an index table. Not task_search itself: the tasks migration
  // will create that one in every portal database.
  static constexpr const char* kTable = "test_search";

  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string name = "artel_search_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    if (GetParam() == Backend::Postgres) {
      const char* url = std::getenv("ARTEL_TEST_POSTGRES_URL");
      if (!url || !*url) GTEST_SKIP() << "ARTEL_TEST_POSTGRES_URL is not set";
      server_url_ = url;
      admin(server_url_, "CREATE DATABASE " + name);
      database_name_ = name;
      database_ = std::make_unique<db::Database>(with_database(server_url_, name));
    } else {
      path_ = (std::filesystem::temp_directory_path() / (name + ".db")).string();
      database_ = std::make_unique<db::Database>(path_);
    }
    database_->write([](db::Tx& tx) {
      if (tx.conn.dialect() == db::Dialect::Sqlite) {
        tx.conn.exec_script(
            "CREATE VIRTUAL TABLE test_search USING fts5(body, tokenize='snowball');"
            "CREATE TABLE search_docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
      } else {
        tx.conn.exec_script(
            "CREATE TABLE test_search (id BIGINT PRIMARY KEY, terms tsvector NOT NULL);"
            "CREATE INDEX test_search_terms ON test_search USING gin (terms);"
            "CREATE TABLE search_docs (id BIGINT PRIMARY KEY, title TEXT NOT NULL)");
      }
    });
  }

  void TearDown() override {
    database_.reset();
    if (!database_name_.empty())
      admin(server_url_, "DROP DATABASE " + database_name_ + " WITH (FORCE)");
    if (!path_.empty())
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // Indexes documents as a store would: the row and its index entry in one transaction.
  void put(std::int64_t id, const std::string& text) {
    database_->write([&](db::Tx& tx) {
      tx.conn.run(
          "INSERT INTO search_docs(id, title) VALUES (?, ?) "
          "ON CONFLICT (id) DO UPDATE SET title = excluded.title",
          {id, text});
      index_.put(tx.conn, id, text);
    });
  }
  void add(const Titles& titles) {
    for (const auto& t : titles) put(++last_id_, t);
  }
  void remove(std::int64_t id) {
    database_->write([&](db::Tx& tx) {
      tx.conn.run("DELETE FROM search_docs WHERE id = ?", {id});
      index_.remove(tx.conn, id);
    });
  }

  // The titles matching what a person typed, oldest first, as a list query would use the match;
  // nothing when the input holds nothing searchable.
  Titles search(const std::string& typed) {
    std::optional<search::Index::Match> match = index_.match(database_->dialect(), typed);
    if (!match) return {};
    return database_->read([&](db::Conn& c) {
      Titles rows;
      c.run("SELECT title FROM search_docs WHERE id IN (" + match->sql + ") ORDER BY id",
            {match->param}, [&](const db::Row& r) { rows.push_back(r.text(0)); });
      return rows;
    });
  }

  std::unique_ptr<db::Database> database_;
  search::Index index_{kTable};
  std::int64_t last_id_ = 0;

 private:
  std::string path_;
  std::string server_url_;
  std::string database_name_;
};

INSTANTIATE_TEST_SUITE_P(Databases, SearchIndex,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& info) {
                           return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace

TEST_P(SearchIndex, PutReplacesAndRemoveDeletes) {
  put(1, "Подготовить отчёт");
  put(2, "Счёт клиенту");
  EXPECT_EQ(search("отчет"), (Titles{"Подготовить отчёт"}));
  put(1, "Позвонить клиенту");  // the same id again: the old text is no longer found
  EXPECT_EQ(search("отчет"), Titles{});
  EXPECT_EQ(search("клиент"), (Titles{"Позвонить клиенту", "Счёт клиенту"}));
  remove(2);
  EXPECT_EQ(search("клиент"), (Titles{"Позвонить клиенту"}));
  remove(99);                         // not indexed: nothing happens
  database_->write([&](db::Tx& tx) {  // twice in one transaction
    index_.put(tx.conn, 1, "первый");
    index_.put(tx.conn, 1, "второй");
  });
  EXPECT_EQ(search("первый"), Titles{});
  EXPECT_EQ(search("второй"), (Titles{"Позвонить клиенту"}));
}

TEST_P(SearchIndex, RussianWordFormsMeet) {
  add({"Подготовить план", "Подготовка отчёта", "Без подготовки", "Работа над ошибками",
       "Результаты работы", "Замечания к работе", "Работать из дома", "Рабочий ноутбук",
       "Отчет за март", "Банк", "Бан пользователя", "Строка таблицы", "Строить склад"});
  Titles preparation{"Подготовить план", "Подготовка отчёта", "Без подготовки"};
  EXPECT_EQ(search("подготовить"), preparation);
  EXPECT_EQ(search("подготовка"), preparation);
  Titles work{"Работа над ошибками", "Результаты работы", "Замечания к работе", "Работать из дома"};
  for (const char* form : {"работа", "работы", "работе", "работать", "РАБОТАЕТ"})
    EXPECT_EQ(search(form), work) << form;
  EXPECT_EQ(search("отчёт"), (Titles{"Подготовка отчёта", "Отчет за март"}));
  EXPECT_EQ(search("отчет"), search("отчёт"));
  EXPECT_EQ(search("банк"), (Titles{"Банк"}));
  EXPECT_EQ(search("бан"), (Titles{"Бан пользователя"}));
  EXPECT_EQ(search("строка"), (Titles{"Строка таблицы"}));
  EXPECT_EQ(search("строить"), (Titles{"Строить склад"}));
  EXPECT_EQ(search("подготовка отчета"), (Titles{"Подготовка отчёта"}));  // both words
}

TEST_P(SearchIndex, EnglishAndRomanianWordFormsMeet) {
  add({"Prepare the agenda", "Preparation of slides", "Banking fees", "Ban on travel",
       "Pregătirea raportului", "a pregăti prezentarea", "Pregătiri pentru lansare", "Bancă"});
  EXPECT_EQ(search("prepare"), (Titles{"Prepare the agenda", "Preparation of slides"}));
  EXPECT_EQ(search("preparation"), search("prepare"));
  EXPECT_EQ(search("bank"), (Titles{"Banking fees"}));
  EXPECT_EQ(search("ban"), (Titles{"Ban on travel"}));
  Titles preparation{"Pregătirea raportului", "a pregăti prezentarea", "Pregătiri pentru lansare"};
  EXPECT_EQ(search("pregăti"), preparation);
  EXPECT_EQ(search("pregătire"), preparation);
  EXPECT_EQ(search("PREGĂTIRI"), preparation);
  EXPECT_EQ(search("bancă"), (Titles{"Bancă"}));
}

TEST_P(SearchIndex, PrefixesAndPhrases) {
  add({"Рабочий ноутбук", "Результаты работы", "Подготовка отчёта", "подготовить план"});
  EXPECT_EQ(search("раб*"), (Titles{"Рабочий ноутбук", "Результаты работы"}));
  EXPECT_EQ(search("РАБ*"), search("раб*"));
  EXPECT_EQ(search("подготов*"), (Titles{"Подготовка отчёта", "подготовить план"}));
  // A prefix is not stemmed, and the terms are reduced: longer than подготов, it finds nothing.
  EXPECT_EQ(search("подготовк*"), Titles{});
  EXPECT_EQ(search("работа*"), Titles{});
  // Parts of one typed word are a phrase: adjacent and in order; only the last part a prefix.
  EXPECT_EQ(search("результатов-работе"), (Titles{"Результаты работы"}));
  EXPECT_EQ(search("результатов-раб*"), (Titles{"Результаты работы"}));
  EXPECT_EQ(search("работы-результаты"), Titles{});
  EXPECT_EQ(search("подготовка-плана"), (Titles{"подготовить план"}));  // подготов план
  EXPECT_EQ(search("плана-подготовка"), Titles{});
  EXPECT_EQ(search("ноутбук раб*"), (Titles{"Рабочий ноутбук"}));
}

TEST_P(SearchIndex, TypedSyntaxIsText) {
  add({"работа с клиентом", "работа", "клиент", "work or play", "work and play", "near the office",
       "drop table"});
  // Operators of FTS5 and tsquery are dropped or are words: ! does not negate, | does not OR.
  EXPECT_EQ(search("!работа"), search("работа"));
  EXPECT_EQ(search("работа | клиент"), (Titles{"работа с клиентом"}));
  EXPECT_EQ(search("работа & !клиент"), (Titles{"работа с клиентом"}));
  EXPECT_EQ(search("работа <-> клиент"), (Titles{"работа с клиентом"}));
  EXPECT_EQ(search("(работа:*"), (Titles{}));  // the prefix работа*: no term starts so
  EXPECT_EQ(search("work OR play"), (Titles{"work or play"}));
  EXPECT_EQ(search("NEAR"), (Titles{"near the office"}));
  EXPECT_EQ(search("'; DROP TABLE; --"), (Titles{"drop table"}));
  EXPECT_EQ(search("a' OR '1'='1"), Titles{});  // 'a' & 'or' & '1' & '1'
  EXPECT_EQ(search("клиент'"), (Titles{"работа с клиентом", "клиент"}));

  const std::string hostile[] = {"\"",
                                 "'",
                                 "''",
                                 "\\",
                                 "\\'",
                                 "'\\'",
                                 "&",
                                 "|",
                                 "!",
                                 "!!",
                                 "(",
                                 ")",
                                 "()",
                                 "<->",
                                 "<2>",
                                 "работа <2> клиент",
                                 ":*",
                                 "a:*",
                                 "раб:A",
                                 "'раб':*",
                                 "раб:*A",
                                 "*",
                                 "**",
                                 "NEAR(a b)",
                                 "AND",
                                 "OR NOT",
                                 "title:работа",
                                 "^работа",
                                 "{body}: x",
                                 "-работа",
                                 "+работа",
                                 "работа\\ клиент",
                                 "\xED\xA0\x80",
                                 "\xE0\x81\x81работа",
                                 "работа\x80\xff",
                                 "\xd0",
                                 std::string("ра\0бота", 13),
                                 std::string(3000, 'x'),
                                 "😀 ₽ №5"};
  for (const std::string& typed : hostile) {
    EXPECT_NO_THROW(search(typed)) << typed;
    // Nothing searchable in it → no query at all, on both databases alike.
    EXPECT_EQ(index_.match(database_->dialect(), typed).has_value(),
              !search::match_expression(typed).empty())
        << typed;
  }
  EXPECT_EQ(search("\xE0\x81\x81работа"), search("работа"));  // the malformed bytes separate
  // Nothing is left of the table or the documents.
  EXPECT_EQ(search("работа").size(), 2u);
}

TEST_P(SearchIndex, NothingSearchableGivesNoMatch) {
  for (const char* typed : {"", "   ", "*", "&|!()", "''", "\"\"", "— … «»", ":*"})
    EXPECT_FALSE(index_.match(database_->dialect(), typed).has_value()) << typed;
}

TEST_P(SearchIndex, LongWordsAndHugeDocuments) {
  // A word longer than kMaxWordBytes is cut alike in the document and in what is typed.
  std::string long_word(3000, 'z');
  put(1, "start " + long_word + " end");
  EXPECT_EQ(search(long_word).size(), 1u);
  EXPECT_EQ(search(long_word + "zzz").size(), 1u);  // the same first 255 bytes
  // Past PostgreSQL's tsvector limits (16383 positions, 256 per lexeme, 1 MB of lexemes) the
  // document is still stored, and its first words are found.
  std::string huge = "начало ";
  for (int i = 0; i < 20000; ++i) huge += "повтор ";
  for (int i = 0; i < 100000; ++i) {
    std::string word = "q";
    for (int n = i, k = 0; k < 11; ++k, n /= 26) word += static_cast<char>('a' + n % 26);
    huge += word + ' ';
  }
  put(2, huge);
  EXPECT_EQ(search("начало повтор").size(), 1u);
  EXPECT_EQ(search("qaaaaaaaaaaa").size(), 1u);
}

TEST_P(SearchIndex, PostgresStoresTheLexemesAsComputed) {
  if (database_->dialect() != db::Dialect::Postgres) GTEST_SKIP() << "PostgreSQL only";
  std::string text = "Подготовка отчёта к работе: prepared reports, pregătirea lucrărilor; работы";
  put(1, text);
  auto stored = database_->read([](db::Conn& c) {
    return c.text("SELECT CAST(terms AS text) FROM test_search WHERE id = 1");
  });
  // PostgreSQL's parser and stemmer never saw the text: its lexemes are index_terms().
  EXPECT_EQ(stored, tsvector_text(text));
}

TEST(SearchIndexTerms, TokenizerAndIndexTermsAgree) {
  // The terms FTS5 stores (through fts5vocab) are exactly index_terms(), in order.
  auto path = std::filesystem::temp_directory_path() /
              ("artel_search_terms_" + std::to_string(getpid()) + ".db");
  const std::vector<std::string> texts = {
      "Подготовка отчёта к работе, подготовленный план; готовность №5",
      "Prepared reports: organization, banking & bans",
      "Pregătirea lucrărilor, activități ŞI întâlniri",
      "«Mixed» текст — with 42 numbers, e-mail a.b@c.d, ÉCOLE, straße",
      "\xE0\x81\x81малформ\xED\xA0\x80"
      "ed\xff text",
      std::string(300, 'z') + " " + repeat("ж", 200)};
  {
    db::Database database(path.string());
    database.write([&](db::Tx& tx) {
      tx.conn.exec_script(
          "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='snowball');"
          "CREATE VIRTUAL TABLE t_terms USING fts5vocab(t, 'instance')");
      for (std::size_t i = 0; i < texts.size(); ++i)
        tx.conn.run("INSERT INTO t(rowid, body) VALUES (?, ?)",
                    {static_cast<std::int64_t>(i + 1), texts[i]});
    });
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Terms fts;
      database.read([&](db::Conn& c) {
        c.run("SELECT term FROM t_terms WHERE doc = ? ORDER BY offset",
              {static_cast<std::int64_t>(i + 1)},
              [&](const db::Row& r) { fts.push_back(r.text(0)); });
      });
      EXPECT_EQ(fts, index_terms(texts[i])) << texts[i];
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(SearchIndexTerms, FoldStemAndReduce) {
  EXPECT_EQ(index_terms("Подготовка ОТЧЁТА к работе"), (Terms{"подготов", "отчет", "к", "работ"}));
  EXPECT_EQ(index_terms("подготовить; подготовленный — работать"),
            (Terms{"подготов", "подготов", "работ"}));
  EXPECT_EQ(index_terms("Prepared the PREPARATION, banking"),
            (Terms{"prepar", "the", "prepar", "bank"}));
  // Romanian without diacritics.
  EXPECT_EQ(index_terms("Pregătirea lucrărilor, activităţi"), (Terms{"pregat", "lucr", "activ"}));
  EXPECT_EQ(index_terms("Счёт №1234"), (Terms{"счет", "1234"}));
  EXPECT_EQ(index_terms(""), Terms{});
  EXPECT_EQ(index_terms(" — «» !? "), Terms{});
  EXPECT_EQ(index_terms(std::string(300, 'z')), Terms{std::string(255, 'z')});
  // A cut never splits a letter: 255 bytes hold 127 two-byte letters.
  EXPECT_EQ(index_terms(repeat("ж", 200)), Terms{repeat("ж", 127)});
  EXPECT_EQ(index_terms("z" + repeat("ж", 200)), Terms{"z" + repeat("ж", 127)});
}

TEST(SearchIndexTerms, EachThreadHasItsOwnStemmers) {
  const std::string text = "Подготовка отчёта к работе: prepared reports, pregătirea lucrărilor";
  const Terms expected = index_terms(text);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i)
        if (index_terms(text) != expected) ++mismatches;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches, 0);
}

TEST(SearchIndexTerms, TsvectorTextHasLexemesWithPositions) {
  EXPECT_EQ(tsvector_text("работа, работы и отчёт"), "'и':3 'отчет':4 'работ':1,2");
  EXPECT_EQ(tsvector_text(""), "");
  EXPECT_EQ(tsvector_text("«»"), "");
  // Positions stop at 16383 and a lexeme keeps 255 of them, as PostgreSQL would store them.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "a ";
  many += "b";
  std::string expected = "'a':";
  for (int i = 1; i <= 255; ++i) expected += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_EQ(tsvector_text(many), expected + " 'b':16383");
}

TEST(SearchIndexQuery, TsqueryFromTypedWords) {
  EXPECT_EQ(tsquery_text("работа клиент"), "'работ' & 'клиент'");
  EXPECT_EQ(tsquery_text("Подготовка ОТЧЁТА"), "'подготов' & 'отчет'");
  EXPECT_EQ(tsquery_text("Отчёт foo-bar раб*"), "'отчет' & ('foo' <-> 'bar') & 'раб':*");
  EXPECT_EQ(tsquery_text("РАБОТА*"), "'работа':*");  // folded, not stemmed
  EXPECT_EQ(tsquery_text("результатов-раб*"), "('результат' <-> 'раб':*)");
  EXPECT_EQ(tsquery_text("раб** отч*"), "'раб':* & 'отч':*");
  EXPECT_EQ(tsquery_text("ра*б"), "('ра' <-> 'б')");
  EXPECT_EQ(tsquery_text("prepared pregătirea"), "'prepar' & 'pregat'");
  EXPECT_EQ(tsquery_text("PREGĂT*"), "'pregat':*");  // a prefix loses the diacritics too
}

TEST(SearchIndexQuery, TsqueryOperatorsTypedAreDropped) {
  EXPECT_EQ(tsquery_text("a' | b"), "'a' & 'b'");
  EXPECT_EQ(tsquery_text("!работа & (клиент | счёт)"), "'работ' & 'клиент' & 'счет'");
  EXPECT_EQ(tsquery_text("работа <-> клиент <2> x"), "'работ' & 'клиент' & '2' & 'x'");
  EXPECT_EQ(tsquery_text("'раб':*A"), "('раб' <-> 'a')");  // ends in A, not *: no prefix
  EXPECT_EQ(tsquery_text("'; DROP TABLE x; --"), "'drop' & 'tabl' & 'x'");
  EXPECT_EQ(tsquery_text("a\\'b"), "('a' <-> 'b')");
  EXPECT_EQ(tsquery_text(""), "");
  EXPECT_EQ(tsquery_text("  &|!()<->:* '' \\ "), "");
  for (const char* typed : {"", "*", "'", "a", "a*", "&", "раб:A", "x-", "«a»", "\xd0"})
    EXPECT_EQ(tsquery_text(typed).empty(), search::match_expression(typed).empty()) << typed;
}

TEST(SearchIndexQuery, TableNamesAreCheckedIdentifiers) {
  EXPECT_NO_THROW(search::Index("task_search"));
  EXPECT_THROW(search::Index("task_search; DROP TABLE users"), std::invalid_argument);
  EXPECT_THROW(search::Index(""), std::invalid_argument);
  EXPECT_THROW(search::Index("1tasks"), std::invalid_argument);
  auto m = search::Index("task_search").match(db::Dialect::Sqlite, "работа");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->sql, "SELECT rowid FROM task_search WHERE task_search MATCH ?");
  EXPECT_EQ(std::get<std::string>(m->param), "\"работа\"");
  m = search::Index("task_search").match(db::Dialect::Postgres, "работа");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->sql, "SELECT id FROM task_search WHERE terms @@ CAST(? AS tsquery)");
  EXPECT_EQ(std::get<std::string>(m->param), "'работ'");
}
