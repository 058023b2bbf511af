// search::Index through db::Database on real databases, and the PostgreSQL query and lexeme text
// it builds. The database tests run on SQLite always and on PostgreSQL when
// ARTEL_TEST_POSTGRES_URL names a database on a server where the role may create databases
// (postgresql://postgres@127.0.0.1:PORT/postgres); each test then gets a database of its own,
// dropped afterwards. The expectations are the same for both, so passing on both means that a
// word finds the same documents whichever database holds the portal.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "db/db.h"
#include "search/index.h"
#include "search/query.h"
#include "search/terms.h"

using namespace artel;

namespace artel::search {
void PrintTo(const IndexTerm& t, std::ostream* os) {
  *os << t.text << '@' << t.position;
}
}  // namespace artel::search

using search::index_terms;
using search::tsquery_text;
using search::tsvector_text;

namespace {

using Titles = std::vector<std::string>;
using Terms = std::vector<std::string>;

// index_terms() one entry a word: its term, or its two terms as "english|romanian".
Terms word_terms(std::string_view text) {
  Terms words;
  std::size_t last = 0;
  for (const search::IndexTerm& t : index_terms(text)) {
    if (!words.empty() && t.position == last)
      words.back() += "|" + t.text;
    else
      words.push_back(t.text);
    last = t.position;
  }
  return words;
}

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

TEST_P(SearchIndex, EnglishStaysAsItWas) {
  add({"Prepare the agenda", "Preparation of slides", "Monthly reports", "The report",
       "Share the file", "Shares of stock", "Take care", "Nobody cares", "Order lunch",
       "ordinary day", "Page header", "Head of sales", "A linear plan", "Line manager"});
  Titles prepare{"Prepare the agenda", "Preparation of slides"};
  EXPECT_EQ(search("prepare"), prepare);
  EXPECT_EQ(search("preparation"), prepare);
  Titles report{"Monthly reports", "The report"};
  EXPECT_EQ(search("report"), report);
  EXPECT_EQ(search("reports"), report);
  Titles share{"Share the file", "Shares of stock"};
  EXPECT_EQ(search("share"), share);
  EXPECT_EQ(search("shares"), share);
  Titles care{"Take care", "Nobody cares"};
  EXPECT_EQ(search("care"), care);
  EXPECT_EQ(search("cares"), care);
  EXPECT_EQ(search("order"), (Titles{"Order lunch"}));
  EXPECT_EQ(search("head"), (Titles{"Head of sales"}));
  EXPECT_EQ(search("header"), (Titles{"Page header"}));
  EXPECT_EQ(search("line"), (Titles{"Line manager"}));
  // Phrases and prefixes of English words.
  EXPECT_EQ(search("take-care"), (Titles{"Take care"}));
  EXPECT_EQ(search("care-take"), Titles{});
  EXPECT_EQ(search("prep*"), prepare);
  EXPECT_EQ(search("shar*"), share);
}

TEST_P(SearchIndex, RomanianWithAndWithoutDiacriticsMeet) {
  add({"Verificarea lucrărilor", "o lucrare nouă", "lucrarea finală", "Lucrari de vara",
       "Pregătiri pentru lansare", "pregatire de iarna", "renovare", "Renovări de birouri",
       "verificare tehnica", "Lucru de mana", "Работа над ошибками"});
  Titles works{"Verificarea lucrărilor", "o lucrare nouă", "lucrarea finală", "Lucrari de vara"};
  for (const char* form : {"lucrare", "lucrarea", "lucrări", "lucrari", "LUCRĂRILOR", "lucrarilor"})
    EXPECT_EQ(search(form), works) << form;
  Titles renovation{"renovare", "Renovări de birouri"};
  EXPECT_EQ(search("renovări"), renovation);
  EXPECT_EQ(search("renovare"), renovation);
  Titles preparation{"Pregătiri pentru lansare", "pregatire de iarna"};
  EXPECT_EQ(search("pregatire"), preparation);
  EXPECT_EQ(search("pregătiri"), preparation);
  EXPECT_EQ(search("pregătirea"), preparation);
  Titles checks{"Verificarea lucrărilor", "verificare tehnica"};
  EXPECT_EQ(search("verificarea"), checks);
  EXPECT_EQ(search("verificări"), checks);
  EXPECT_EQ(search("lucru"), (Titles{"Lucru de mana"}));  // a thing, not a work
  EXPECT_EQ(search("работа"), (Titles{"Работа над ошибками"}));
  // Both words; a phrase takes either term of each place, in order; a prefix loses diacritics.
  EXPECT_EQ(search("verificarea lucrare"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(search("verificarea-lucrarilor"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(search("verificare-lucrări"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(search("lucrarilor-verificarea"), Titles{});
  EXPECT_EQ(search("lucrare-noua"), (Titles{"o lucrare nouă"}));
  EXPECT_EQ(search("verificarea-lucr*"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(search("pregăt*"), preparation);
  EXPECT_EQ(search("renov*"), renovation);
  EXPECT_EQ(search("lucrar*"), (Titles{"o lucrare nouă", "lucrarea finală", "Lucrari de vara"}));
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
  std::string text =
      "Подготовка отчёта к работе: prepared reports, pregătirea lucrărilor; работы; lucrare, "
      "renovare";
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
      std::string(300, 'z') + " " + repeat("ж", 200),
      // plain-Latin words with two terms each, at one offset
      "Verificarea lucrarilor de renovare: pregatire, lucrare; take care of the shares"};
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
      std::vector<search::IndexTerm> fts;
      database.read([&](db::Conn& c) {
        c.run("SELECT term, offset FROM t_terms WHERE doc = ? ORDER BY offset, term",
              {static_cast<std::int64_t>(i + 1)}, [&](const db::Row& r) {
                fts.push_back({r.text(0), static_cast<std::size_t>(r.integer(1))});
              });
      });
      // A word's two terms are at one offset, in no order fts5vocab keeps.
      std::vector<search::IndexTerm> ours = index_terms(texts[i]);
      std::sort(ours.begin(), ours.end(), [](const auto& a, const auto& b) {
        return std::tie(a.position, a.text) < std::tie(b.position, b.text);
      });
      EXPECT_EQ(fts, ours) << texts[i];
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(SearchIndexTerms, FoldStemAndReduce) {
  EXPECT_EQ(word_terms("Подготовка ОТЧЁТА к работе"), (Terms{"подготов", "отчет", "к", "работ"}));
  EXPECT_EQ(word_terms("подготовить; подготовленный — работать"),
            (Terms{"подготов", "подготов", "работ"}));
  // Plain Latin: the English term, and the Romanian one when it differs.
  EXPECT_EQ(word_terms("Prepared the PREPARATION, banking"),
            (Terms{"prepar|prepared", "the", "prepar|preparation", "bank|banking"}));
  // Romanian letters: the Romanian term only, without diacritics.
  EXPECT_EQ(word_terms("Pregătirea lucrărilor, activităţi"), (Terms{"pregat", "lucr", "activ"}));
  EXPECT_EQ(word_terms("Счёт №1234"), (Terms{"счет", "1234"}));
  EXPECT_EQ(index_terms("o lucrare"),
            (std::vector<search::IndexTerm>{{"o", 0}, {"lucrar", 1}, {"lucr", 1}}));
  EXPECT_EQ(index_terms(""), std::vector<search::IndexTerm>{});
  EXPECT_EQ(index_terms(" — «» !? "), std::vector<search::IndexTerm>{});
  EXPECT_EQ(word_terms(std::string(300, 'z')), Terms{std::string(255, 'z')});
  // A cut never splits a letter: 255 bytes hold 127 two-byte letters.
  EXPECT_EQ(word_terms(repeat("ж", 200)), Terms{repeat("ж", 127)});
  EXPECT_EQ(word_terms("z" + repeat("ж", 200)), Terms{"z" + repeat("ж", 127)});
}

TEST(SearchIndexTerms, PlainLatinWordsAreEnglishAndRomanian) {
  // Romanian without diacritics meets Romanian with them through the second term.
  EXPECT_EQ(word_terms("lucrare lucrarea lucrari lucrări lucrările lucrărilor"),
            (Terms{"lucrar|lucr", "lucrarea|lucr", "lucrari|lucr", "lucr", "lucr", "lucr"}));
  EXPECT_EQ(
      word_terms("renovare renovări verificarea verificare verificări"),
      (Terms{"renovar|renov", "renov", "verificarea|verific", "verificar|verific", "verific"}));
  EXPECT_EQ(word_terms("pregatire pregătiri pregatiri Pregătirea"),
            (Terms{"pregatir|pregat", "pregat", "pregatiri|pregat", "pregat"}));
  // English keeps its terms; the Romanian reading is one more, or none when it is the same.
  EXPECT_EQ(word_terms("prepare preparation report reports"),
            (Terms{"prepar|prep", "prepar|preparation", "report", "report|reports"}));
  EXPECT_EQ(word_terms("share shares care cares car"),
            (Terms{"share|shar", "share|shares", "care|car", "care|cares", "car"}));
  // Snowball leaves these whole as Romanian, so they are not reduced: header is not head.
  EXPECT_EQ(word_terms("header reader linear head"), (Terms{"header", "reader", "linear", "head"}));
  // Russian, digits and mixed scripts have one term, as before.
  EXPECT_EQ(word_terms("Работа 2024 ЖКХ-2 x2"), (Terms{"работ", "2024", "жкх", "2", "x2"}));
}

TEST(SearchIndexTerms, RomanianAsTheLatinLanguageHasOneTerm) {
  // tokenize='snowball romanian': a plain word is Romanian only, reduced as one.
  auto stemmers = search::Stemmers::create("romanian");
  ASSERT_TRUE(stemmers);
  std::string term, second;
  for (const char* word : {"lucrare", "lucrari", "lucrărilor"}) {
    stemmers->terms(word, false, term, second);
    EXPECT_EQ(term, "lucr") << word;
    EXPECT_EQ(second, "") << word;
  }
  stemmers->terms("formular", false, term, second);
  EXPECT_EQ(term, "formul");  // not a guess: reduced like any Romanian stem
}

TEST(SearchIndexTerms, PrefixHasOneTermWithoutRomanianDiacritics) {
  search::Stemmers& stemmers = search::Stemmers::for_this_thread();
  std::string term, second = "stale";
  stemmers.terms("Lucrare", true, term, second);
  EXPECT_EQ(term, "lucrare");
  EXPECT_EQ(second, "");
  stemmers.terms("PREGĂT", true, term, second);
  EXPECT_EQ(term, "pregat");
  stemmers.terms("Întâlniri", true, term, second);
  EXPECT_EQ(term, "intalniri");
}

TEST(SearchIndexTerms, EachThreadHasItsOwnStemmers) {
  const std::string text = "Подготовка отчёта к работе: prepared reports, pregătirea lucrărilor";
  const std::vector<search::IndexTerm> expected = index_terms(text);
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
  // A word's two terms at its one position.
  EXPECT_EQ(tsvector_text("o lucrare, lucrările"), "'lucr':2,3 'lucrar':2 'o':1");
  EXPECT_EQ(tsvector_text("care car"), "'car':1,2 'care':1");
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
  EXPECT_EQ(tsquery_text("prepared pregătirea"), "('prepar' | 'prepared') & 'pregat'");
  EXPECT_EQ(tsquery_text("PREGĂT*"), "'pregat':*");  // a prefix loses the diacritics too
}

TEST(SearchIndexQuery, TsqueryAlternativesForTwoTerms) {
  EXPECT_EQ(tsquery_text("lucrare"), "('lucrar' | 'lucr')");
  EXPECT_EQ(tsquery_text("renovări"), "'renov'");
  EXPECT_EQ(tsquery_text("report"), "'report'");  // one term: no alternative
  EXPECT_EQ(tsquery_text("Verificarea lucrare"),
            "('verificarea' | 'verific') & ('lucrar' | 'lucr')");
  // In a phrase an alternative is one place of it; a prefix has one term.
  EXPECT_EQ(tsquery_text("verificarea-lucrarilor"),
            "(('verificarea' | 'verific') <-> ('lucrarilor' | 'lucr'))");
  EXPECT_EQ(tsquery_text("verificarea-lucr*"), "(('verificarea' | 'verific') <-> 'lucr':*)");
  EXPECT_EQ(tsquery_text("lucrare*"), "'lucrare':*");
  EXPECT_EQ(tsquery_text("pregăt*"), "'pregat':*");
}

TEST(SearchIndexQuery, TsqueryOperatorsTypedAreDropped) {
  EXPECT_EQ(tsquery_text("a' | b"), "'a' & 'b'");
  EXPECT_EQ(tsquery_text("!работа & (клиент | счёт)"), "'работ' & 'клиент' & 'счет'");
  EXPECT_EQ(tsquery_text("работа <-> клиент <2> x"), "'работ' & 'клиент' & '2' & 'x'");
  EXPECT_EQ(tsquery_text("'раб':*A"), "('раб' <-> 'a')");  // ends in A, not *: no prefix
  EXPECT_EQ(tsquery_text("'; DROP TABLE x; --"), "'drop' & 'tabl' & 'x'");
  EXPECT_EQ(tsquery_text("lucrare' | renovare)"), "('lucrar' | 'lucr') & ('renovar' | 'renov')");
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
