// The snowball tokenizer and the query builder against a real in-memory SQLite FTS5 table. The
// expectations are what libstemmer 2.2 (Debian 12) really does, checked word by word.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "db/db.h"
#include "search/query.h"
#include "search/snowball_tokenizer.h"
#include "search/terms.h"

using namespace artel;
using search::match_expression;

namespace {

class Fts {
 public:
  explicit Fts(const char* tokenize = "snowball") {
    EXPECT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    search::register_snowball_tokenizer(db_);
    exec(std::string("CREATE VIRTUAL TABLE docs USING fts5(title, tokenize='") + tokenize + "')");
  }
  ~Fts() { sqlite3_close(db_); }

  void exec(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
    sqlite3_free(error);
  }
  void add(const std::vector<std::string>& titles) {
    for (const auto& t : titles) query("INSERT INTO docs(title) VALUES (?1)", t);
  }
  // Titles matching an FTS5 expression, in insertion order.
  std::vector<std::string> match(const std::string& expression) {
    return query("SELECT title FROM docs WHERE docs MATCH ?1 ORDER BY rowid", expression);
  }
  // Titles matching what a person typed, through the query builder.
  // An empty expression means "do not search", as the callers will do.
  std::vector<std::string> search(const std::string& typed) {
    std::string expression = match_expression(typed);
    return expression.empty() ? std::vector<std::string>{} : match(expression);
  }

  std::vector<std::string> query(const char* sql, const std::string& param) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    sqlite3_bind_text(stmt, 1, param.data(), static_cast<int>(param.size()), SQLITE_TRANSIENT);
    std::vector<std::string> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    EXPECT_EQ(rc, SQLITE_DONE) << sql << " [" << param << "]: " << sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
};

using Titles = std::vector<std::string>;

}  // namespace

TEST(SnowballTokenizer, RussianInflectionsShareAStem) {
  Fts fts;
  fts.add({"Результаты работы", "Замечания к работе", "РАБОТА над ошибками", "Рабочий ноутбук"});
  // «рабочий» stems to рабоч-, not работ-.
  EXPECT_EQ(fts.search("работа"),
            (Titles{"Результаты работы", "Замечания к работе", "РАБОТА над ошибками"}));
  EXPECT_EQ(fts.search("Работу"), fts.search("работа"));
}

TEST(SnowballTokenizer, VerbAndNounMeet) {
  Fts fts;
  fts.add({"подготовка отчёта", "Без подготовки", "подготовить план", "подготовленный доклад",
           "Готовность к запуску", "Работать из дома", "Рабочий ноутбук", "Результаты работы"});
  // Snowball: подготовить → подготов, подготовка → подготовк, подготовленный → подготовлен; the
  // reduction brings all three to подготов. работать → работа and работы → работ meet at работ.
  Titles preparation{"подготовка отчёта", "Без подготовки", "подготовить план",
                     "подготовленный доклад"};
  EXPECT_EQ(fts.search("подготовка"), preparation);
  EXPECT_EQ(fts.search("подготовить"), preparation);
  EXPECT_EQ(fts.search("подготовлено"), preparation);
  EXPECT_EQ(fts.search("работа"), (Titles{"Работать из дома", "Результаты работы"}));
  EXPECT_EQ(fts.search("работать"), fts.search("работа"));
  // готовность (готовн) meets готовый and готовить (готов), not подготовка: a prefix is a root of
  // its own.
  EXPECT_EQ(fts.search("готовить"), (Titles{"Готовность к запуску"}));
  EXPECT_EQ(fts.search("подготов*"), preparation);
}

TEST(SnowballTokenizer, ShortRootsStayApart) {
  Fts fts;
  fts.add({"Банк", "Бан пользователя", "Строка таблицы", "Строить склад", "Среда", "Средства",
           "Правка текста", "Права доступа"});
  // With too little left (fewer than 4 letters or 2 vowels) nothing is removed: банк → бан would
  // be 3 letters, строк → стро and правк → прав a single syllable.
  EXPECT_EQ(fts.search("банк"), (Titles{"Банк"}));
  EXPECT_EQ(fts.search("бан"), (Titles{"Бан пользователя"}));
  EXPECT_EQ(fts.search("строка"), (Titles{"Строка таблицы"}));
  EXPECT_EQ(fts.search("строить"), (Titles{"Строить склад"}));
  EXPECT_EQ(fts.search("среда"), (Titles{"Среда"}));
  EXPECT_EQ(fts.search("правка"), (Titles{"Правка текста"}));
  EXPECT_EQ(fts.search("право"), (Titles{"Права доступа"}));
}

TEST(SnowballTokenizer, YoIsFoldedToYe) {
  Fts fts;
  fts.add({"Отчёт за март", "Отчет за апрель", "ОТЧЁТЫ"});
  EXPECT_EQ(fts.search("отчет"), (Titles{"Отчёт за март", "Отчет за апрель", "ОТЧЁТЫ"}));
  EXPECT_EQ(fts.search("отчёт"), fts.search("отчет"));
}

TEST(SnowballTokenizer, EnglishStems) {
  Fts fts;
  fts.add({"worked late", "Working hours", "WORKS", "workshop"});
  EXPECT_EQ(fts.search("work"), (Titles{"worked late", "Working hours", "WORKS"}));
}

TEST(SnowballTokenizer, RomanianWithAndWithoutDiacritics) {
  Fts fts;
  fts.add({"lucrări de renovare", "Lucrările anului", "lucrarea finală", "o lucrare",
           "Verificarea lucrărilor", "renovări", "lucru"});
  // Tokens with ă â î ș ț go to the romanian stemmer: lucrări, lucrările, lucrărilor → lucrăr →
  // lucr. A plain-Latin token has its English term and, colocated, its Romanian one: lucrare →
  // lucrar and lucr, lucrarea → lucrarea and lucr. Either matches, in documents and queries.
  Titles works{"lucrări de renovare", "Lucrările anului", "lucrarea finală", "o lucrare",
               "Verificarea lucrărilor"};
  EXPECT_EQ(fts.search("lucrări"), works);
  EXPECT_EQ(fts.search("lucrare"), works);
  EXPECT_EQ(fts.search("lucrarea"), works);
  EXPECT_EQ(fts.search("renovări"), (Titles{"lucrări de renovare", "renovări"}));
  EXPECT_EQ(fts.search("renovare"), fts.search("renovări"));
  EXPECT_EQ(fts.search("verificare"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(fts.search("lucru"), (Titles{"lucru"}));
}

TEST(SnowballTokenizer, ColocatedTermsInPhrasesAndPrefixes) {
  Fts fts;
  fts.add({"Verificarea lucrărilor", "verificare tehnica a lucrarilor", "lucrare nouă",
           "lucrărilor verificarea", "pregatire de iarna", "Pregătiri"});
  // A phrase takes either term at each place, and still wants the places adjacent and in order.
  EXPECT_EQ(fts.search("verificarea-lucrare"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(fts.search("verificare-lucrarilor"), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(fts.match("\"verificarea lucrare\""), (Titles{"Verificarea lucrărilor"}));
  EXPECT_EQ(fts.match("\"lucrare verificarea\""), (Titles{"lucrărilor verificarea"}));
  EXPECT_EQ(fts.search("lucrare-noua"), (Titles{"lucrare nouă"}));
  // A prefix has one term, without Romanian diacritics; it matches the start of either term.
  EXPECT_EQ(fts.search("lucr*"),
            (Titles{"Verificarea lucrărilor", "verificare tehnica a lucrarilor", "lucrare nouă",
                    "lucrărilor verificarea"}));
  // lucrari*: only the English term of «lucrarilor» starts so (the others are lucr).
  EXPECT_EQ(fts.search("lucrări*"), (Titles{"verificare tehnica a lucrarilor"}));
  EXPECT_EQ(fts.search("pregăt*"), (Titles{"pregatire de iarna", "Pregătiri"}));
  EXPECT_EQ(fts.search("verificarea-lucr*"), (Titles{"Verificarea lucrărilor"}));
  // OR, NOT and NEAR (FTS5 syntax, never built from what is typed) see one place per word.
  EXPECT_EQ(fts.match("lucrare NOT verificare"), (Titles{"lucrare nouă"}));
  EXPECT_EQ(fts.match("NEAR(verificare lucrare, 0)"),
            (Titles{"Verificarea lucrărilor", "lucrărilor verificarea"}));
}

TEST(SnowballTokenizer, HighlightMarksAWordWithTwoTermsOnce) {
  Fts fts;
  fts.add({"o lucrare nouă", "Verificarea lucrărilor", "Take care of it"});
  auto highlight = [&](const std::string& typed) {
    return fts.query("SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH ?1",
                     match_expression(typed));
  };
  // lucrare matched through both its terms (lucrar from «lucrare», lucr from «lucrări»).
  EXPECT_EQ(highlight("lucrare"), (Titles{"o [lucrare] nouă", "Verificarea [lucrărilor]"}));
  EXPECT_EQ(highlight("lucrărilor"), (Titles{"o [lucrare] nouă", "Verificarea [lucrărilor]"}));
  EXPECT_EQ(highlight("verificare-lucrare"), (Titles{"[Verificarea lucrărilor]"}));
  EXPECT_EQ(highlight("care"), (Titles{"Take [care] of it"}));
}

TEST(SnowballTokenizer, RomanianAsTheLatinLanguage) {
  Fts fts("snowball romanian");
  fts.add({"lucrări de renovare", "Lucrările anului", "lucrarea finală", "o lucrare", "lucru"});
  // With romanian for all Latin tokens: lucrare, lucrarea → lucr; lucrări, lucrările → lucrăr,
  // reduced to lucr. lucru (a thing) keeps its stem.
  Titles works{"lucrări de renovare", "Lucrările anului", "lucrarea finală", "o lucrare"};
  EXPECT_EQ(fts.search("lucrare"), works);
  EXPECT_EQ(fts.search("lucrări"), works);
  EXPECT_EQ(fts.search("lucru"), (Titles{"lucru"}));
}

TEST(SnowballTokenizer, RomanianVerbAndNounMeet) {
  Fts fts;
  fts.add({"Pregătirea raportului", "a pregăti prezentarea", "Pregătiri pentru lansare",
           "Întâlniri cu clienții", "întâlnire", "Bancă", "ban"});
  Titles preparation{"Pregătirea raportului", "a pregăti prezentarea", "Pregătiri pentru lansare"};
  EXPECT_EQ(fts.search("pregătire"), preparation);
  EXPECT_EQ(fts.search("pregăti"), preparation);
  EXPECT_EQ(fts.search("întâlnire"), (Titles{"Întâlniri cu clienții", "întâlnire"}));
  EXPECT_EQ(fts.search("bancă"), (Titles{"Bancă"}));
  // Romanian terms are written without diacritics, so a prefix is too.
  EXPECT_EQ(fts.search("pregăt*"), preparation);
  EXPECT_EQ(fts.search("PREGAT*"), preparation);
}

TEST(SnowballTokenizer, EnglishVerbAndNounMeetWithoutReduction) {
  Fts fts;
  fts.add({"Prepare the agenda", "Preparation of slides", "prepared by Ann", "Organize a meeting",
           "Organization chart", "Banking fees", "Ban on travel", "Order lunch", "ordinary day"});
  // Porter2 removes -ation and -ization itself; nothing is reduced after it.
  Titles preparation{"Prepare the agenda", "Preparation of slides", "prepared by Ann"};
  EXPECT_EQ(fts.search("prepare"), preparation);
  EXPECT_EQ(fts.search("preparation"), preparation);
  EXPECT_EQ(fts.search("organization"), (Titles{"Organize a meeting", "Organization chart"}));
  EXPECT_EQ(fts.search("bank"), (Titles{"Banking fees"}));
  EXPECT_EQ(fts.search("ban"), (Titles{"Ban on travel"}));
  EXPECT_EQ(fts.search("order"), (Titles{"Order lunch"}));
}

TEST(SnowballTokenizer, CommaAndCedillaRomanianLettersMatch) {
  Fts fts;
  fts.add({"activități culturale", "activităţi sportive"});  // ț (comma) and ţ (cedilla)
  EXPECT_EQ(fts.search("activităţile").size(), 2u);
  EXPECT_EQ(fts.search("ACTIVITĂȚI").size(), 2u);
}

TEST(SnowballTokenizer, PrefixIsNotStemmed) {
  Fts fts;
  fts.add({"Рабочий ноутбук", "Результаты работы"});
  EXPECT_EQ(fts.search("раб*"), (Titles{"Рабочий ноутбук", "Результаты работы"}));
  // Stemmed, "работа*" would become работ* and find «работы»; unstemmed it finds nothing.
  EXPECT_EQ(fts.search("работа*"), Titles{});
  // In a phrase only the last token is the prefix; the others are still stemmed.
  EXPECT_EQ(fts.search("результатов-раб*"), (Titles{"Результаты работы"}));
}

TEST(SnowballTokenizer, HighlightUsesOriginalOffsets) {
  Fts fts;
  fts.add({"«Результаты» РАБОТЫ — отдела"});
  EXPECT_EQ(fts.query("SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH ?1",
                      match_expression("работа")),
            (Titles{"«Результаты» [РАБОТЫ] — отдела"}));
}

TEST(SnowballTokenizer, SplitsOnPunctuationKeepsDigits) {
  Fts fts;
  fts.add({"Счёт №1234, оплата", "ticket#42:done"});
  EXPECT_EQ(fts.search("1234"), (Titles{"Счёт №1234, оплата"}));
  EXPECT_EQ(fts.search("42"), (Titles{"ticket#42:done"}));
  EXPECT_EQ(fts.search("счет оплата"), (Titles{"Счёт №1234, оплата"}));
}

TEST(SnowballTokenizer, UnknownLanguageIsRejected) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  search::register_snowball_tokenizer(db);
  EXPECT_NE(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='snowball klingon')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

TEST(SnowballTokenizer, EveryDatabaseConnectionHasIt) {
  auto path = std::filesystem::temp_directory_path() / "artel_search_test.db";
  std::filesystem::remove(path);
  {
    db::Database database(path.string());
    database.write([](db::Tx& tx) {
      tx.conn.exec_script("CREATE VIRTUAL TABLE notes USING fts5(body, tokenize='snowball')");
      tx.conn.run("INSERT INTO notes(body) VALUES (?)", {std::string("Замечания к работе")});
    });
    auto n = database.read([](db::Conn& c) {  // a reader connection, not the writer
      return c.integer("SELECT count(*) FROM notes WHERE notes MATCH ?", {std::string("работа")});
    });
    EXPECT_EQ(n, 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(SearchQuery, WordsBecomeQuotedTermsAnded) {
  EXPECT_EQ(match_expression("работа клиент"), R"("работа" "клиент")");
  EXPECT_EQ(match_expression("  работа\t\n клиент  "), R"("работа" "клиент")");
}

TEST(SearchQuery, EmptyInputGivesEmptyExpression) {
  EXPECT_EQ(match_expression(""), "");
  EXPECT_EQ(match_expression("   "), "");
  EXPECT_EQ(match_expression(R"(" ( ) * - ^ : "")"), "");
}

TEST(SearchQuery, TrailingStarIsAPrefix) {
  EXPECT_EQ(match_expression("раб*"), R"("раб"*)");
  EXPECT_EQ(match_expression("раб** отч*"), R"("раб"* "отч"*)");
  EXPECT_EQ(match_expression("*раб"), R"("раб")");  // a leading star is only punctuation
  EXPECT_EQ(match_expression("ра*б"), R"("ра б")");
}

TEST(SearchQuery, QuotesCannotBreakOut) {
  EXPECT_EQ(match_expression(R"(a" OR "b)"), R"("a" "OR" "b")");
  EXPECT_EQ(match_expression(R"(""работа"")"), R"("работа")");
  EXPECT_EQ(match_expression("say \"hi there\""), R"("say" "hi" "there")");
}

TEST(SearchQuery, SyntaxCharactersAndKeywordsAreText) {
  EXPECT_EQ(match_expression("(работа OR клиент)"), R"("работа" "OR" "клиент")");
  EXPECT_EQ(match_expression("NEAR(a b, 5)"), R"("NEAR a" "b" "5")");
  EXPECT_EQ(match_expression("a AND NOT b"), R"("a" "AND" "NOT" "b")");
  EXPECT_EQ(match_expression("title:secret -x +y ^z"), R"("title secret" "x" "y" "z")");
  EXPECT_EQ(match_expression("foo-bar"), R"("foo bar")");
}

TEST(SearchQuery, HostileInputRunsAndMatchesLiterally) {
  Fts fts;
  fts.add({"work or play", "work and play", "near the office"});
  // Each of these would be an FTS5 syntax error or an operator if passed through raw.
  for (const char* typed : {"\"", "(", ")", "work\"", "NEAR(", "AND", "work OR", "title:work", "*",
                            "-work", "^", "{title}: x", "work\x80\xff", "\xd0"}) {
    fts.search(typed);  // the expectations in query() fail on any SQLite error
  }
  fts.add({"lucrare OR renovare"});
  for (const char* typed : {"lucrare\"", "lucrare OR", "NEAR(lucrare", "lucrare-", "-lucrare*",
                            "lucrare:renovare", "lucrări\x80", "l\xc3"}) {
    fts.search(typed);
  }
  EXPECT_EQ(fts.search("lucrare OR renovare"), (Titles{"lucrare OR renovare"}));
  // "OR" is a term: only the title containing "or" matches, not the union.
  EXPECT_EQ(fts.search("work OR play"), (Titles{"work or play"}));
  EXPECT_EQ(fts.search("NEAR"), (Titles{"near the office"}));
}

// ---------------------------------------------------------------------------------------------
// The reduction after the Snowball stem, on stems as libstemmer gives them.

namespace {

std::string reduced(search::StemLanguage language, std::string_view stem) {
  return std::string(stem.substr(0, search::reduced_length(language, stem)));
}

}  // namespace

TEST(SearchTerms, RussianReductionMeetsVerbAndNoun) {
  using search::StemLanguage;
  auto ru = [](std::string_view stem) { return reduced(StemLanguage::Russian, stem); };
  EXPECT_EQ(ru("подготовк"), "подготов");  // подготовка
  EXPECT_EQ(ru("подготов"), "подготов");   // подготовить
  EXPECT_EQ(ru("подготовлен"), "подготов");  // подготовленный: ен, then the epenthetic л
  EXPECT_EQ(ru("подготовл"), "подготов");  // подготовлю
  EXPECT_EQ(ru("работа"), "работ");        // работать
  EXPECT_EQ(ru("работ"), "работ");         // работа
  EXPECT_EQ(ru("организац"), "организ");   // организация
  EXPECT_EQ(ru("организова"), "организ");  // организовать
  EXPECT_EQ(ru("планирова"), "планир");    // планировать: план would be one syllable
  EXPECT_EQ(ru("планирован"), "планир");   // планирование
  EXPECT_EQ(ru("выполнен"), "выполн");     // выполнение
  EXPECT_EQ(ru("выполня"), "выполн");      // выполнять
  EXPECT_EQ(ru("выполн"), "выполн");       // выполнить
  EXPECT_EQ(ru("настройк"), "настро");     // настройка
  EXPECT_EQ(ru("готовн"), "готов");        // готовность
  EXPECT_EQ(ru("отчетн"), "отчет");        // отчетность
  EXPECT_EQ(ru("заказчик"), "заказ");
  EXPECT_EQ(ru("руководител"), "руковод");
}

TEST(SearchTerms, RussianReductionKeepsShortRoots) {
  using search::StemLanguage;
  auto ru = [](std::string_view stem) { return reduced(StemLanguage::Russian, stem); };
  EXPECT_EQ(ru("банк"), "банк");    // бан: 3 letters
  EXPECT_EQ(ru("бланк"), "бланк");  // блан: one syllable
  EXPECT_EQ(ru("строк"), "строк");  // стро (строить)
  EXPECT_EQ(ru("дела"), "дела");    // делать; дел: 3 letters
  EXPECT_EQ(ru("реш"), "реш");
  EXPECT_EQ(ru("решен"), "решен");    // реш: 3 letters
  EXPECT_EQ(ru("урок"), "урок");      // к after a vowel
  EXPECT_EQ(ru("сторон"), "сторон");  // н after a vowel
  EXPECT_EQ(ru("выполн"), "выполн");  // н after л is a verb's root, not -ный
  EXPECT_EQ(ru("рубл"), "рубл");
  EXPECT_EQ(ru(""), "");
  EXPECT_EQ(ru("а"), "а");
}

TEST(SearchTerms, RomanianReductionAndNoneForOtherLanguages) {
  using search::StemLanguage;
  EXPECT_EQ(reduced(StemLanguage::Romanian, "lucrăr"), "lucr");      // lucrări
  EXPECT_EQ(reduced(StemLanguage::Romanian, "pregătir"), "pregăt");  // pregătiri
  EXPECT_EQ(reduced(StemLanguage::Romanian, "hotărâr"), "hotăr");    // hotărâri
  EXPECT_EQ(reduced(StemLanguage::Romanian, "număr"), "număr");      // num: 3 letters
  EXPECT_EQ(reduced(StemLanguage::Romanian, "pregăt"), "pregăt");
  // Without diacritics alike: lucrari, renovari, pregatiri.
  EXPECT_EQ(reduced(StemLanguage::Romanian, "lucrar"), "lucr");
  EXPECT_EQ(reduced(StemLanguage::Romanian, "renovar"), "renov");
  EXPECT_EQ(reduced(StemLanguage::Romanian, "pregatir"), "pregat");
  EXPECT_EQ(reduced(StemLanguage::Romanian, "hotărîr"), "hotăr");  // the old spelling with î
  EXPECT_EQ(reduced(StemLanguage::Romanian, "dar"), "dar");
  EXPECT_EQ(reduced(StemLanguage::Other, "worker"), "worker");
  EXPECT_EQ(reduced(StemLanguage::Other, "работа"), "работа");
}

TEST(SearchTerms, MalformedUtf8SeparatesWords) {
  auto decode_all = [](std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(search::decode_utf8(s, i));
    return out;
  };
  using C = std::vector<char32_t>;
  EXPECT_EQ(decode_all("aж€😀"), (C{'a', 0x436, 0x20AC, 0x1F600}));
  EXPECT_EQ(decode_all("\xC1\x81"), (C{0xFFFD, 0xFFFD}));              // overlong A
  EXPECT_EQ(decode_all("\xE0\x81\x81"), (C{0xFFFD, 0xFFFD, 0xFFFD}));  // overlong A
  EXPECT_EQ(decode_all("\xED\xA0\x80"), (C{0xFFFD, 0xFFFD, 0xFFFD}));  // surrogate D800
  EXPECT_EQ(decode_all("\xF4\x90\x80\x80").front(), 0xFFFDu);          // above U+10FFFF
  EXPECT_EQ(decode_all("\xD0"), (C{0xFFFD}));                          // truncated
}
