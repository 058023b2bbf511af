// The demo company's live feed, as seed 002 asks an administrator to start it: an important
// welcome that everyone confirms reading, a poll, a post to one department and one to a
// workgroup, with comments and likes. The entries of the demo's tasks are already there.
#include "app/demo.h"

#include "core/bbcode.h"
#include "core/time.h"
#include "db/db.h"
#include "modules/discussion/comments.h"
#include "modules/feed/polls.h"
#include "modules/feed/store.h"

namespace artel {

namespace {

std::int64_t person(db::Conn& conn, const char* email) {
  return conn.integer("SELECT id FROM users WHERE email = ?", {std::string(email)}).value_or(0);
}

std::int64_t post(db::Tx& tx, std::int64_t author, const char* title, const std::string& text,
                  std::vector<std::string> codes, bool important = false) {
  feed::Entry e;
  e.author_id = author;
  e.title = title;
  e.message = text;
  e.important = important;
  e.created_at = e.updated_at = timeutil::now_seconds();
  e.id = feed::store::insert(tx.conn, e);
  codes.push_back("U" + std::to_string(author));
  feed::store::add_codes(tx.conn, e.id, codes);
  feed::store::search_index().put(tx.conn, e.id, e.title + "\n" + bbcode::to_plain(e.message));
  return e.id;
}

void comment(db::Tx& tx, Portal& portal, std::int64_t entry, std::int64_t author,
             const char* text) {
  discussion::insert(tx, portal, feed::kThread, entry, author, text, 0, nullptr);
  tx.conn.run("UPDATE feed_entries SET comments_count = comments_count + 1 WHERE id = ?", {entry});
}

void like(db::Tx& tx, std::int64_t entry, const std::vector<std::int64_t>& people) {
  for (auto id : people)
    tx.conn.run(
        "INSERT INTO feed_likes(entry_id, comment_id, user_id, created_at) VALUES (?, 0, "
        "?, ?) ON CONFLICT DO NOTHING",
        {entry, id, timeutil::now_seconds()});
  tx.conn.run("UPDATE feed_entries SET likes_count = ? WHERE id = ?",
              {static_cast<std::int64_t>(people.size()), entry});
}

}  // namespace

void fill_demo_feed(Portal& portal) {
  portal.db.write([&](db::Tx& tx) {
    if (tx.conn.integer("SELECT 1 FROM feed_entries WHERE entry_type = 'post' LIMIT 1")) return;
    std::int64_t anna = person(tx.conn, "anna.volkova@demo.artel");
    std::int64_t ivan = person(tx.conn, "ivan.petrov@demo.artel");
    std::int64_t natalia = person(tx.conn, "natalia.popova@demo.artel");
    std::int64_t sergey = person(tx.conn, "sergey.morozov@demo.artel");
    std::int64_t maria = person(tx.conn, "maria.lebedeva@demo.artel");
    std::int64_t olga = person(tx.conn, "olga.smirnova@demo.artel");
    if (!anna || !ivan || !natalia || !sergey || !maria || !olga) return;
    std::int64_t sales =
        tx.conn.integer("SELECT id FROM departments WHERE name = 'Продажи'").value_or(0);
    std::int64_t guild =
        tx.conn.integer("SELECT id FROM sonet_groups WHERE name = 'Фронтенд-гильдия'").value_or(0);

    std::int64_t welcome =
        post(tx, anna, "Добро пожаловать на портал",
             "Коллеги, все новости компании теперь здесь, в живой ленте. Задачи ставим в "
             "«Задачах», вопросы клиентов — в тикетах. Прочитайте, пожалуйста, и нажмите "
             "«Прочитал».",
             {"UA"}, true);
    tx.conn.run("INSERT INTO feed_important_reads(entry_id, user_id, read_at) VALUES (?, ?, ?)",
                {welcome, ivan, timeutil::now_seconds()});
    like(tx, welcome, {ivan, natalia});
    comment(tx, portal, welcome, ivan, "Отлично, наконец-то всё в одном месте!");

    std::int64_t poll =
        post(tx, natalia, "Корпоратив", "Выбираем, куда поедем на новогодний корпоратив.", {"UA"});
    feed::polls::create(
        tx.conn, poll,
        json::object{{"QUESTION", "Куда поедем?"},
                     {"ANSWERS", json::array{"Загородный клуб", "Ресторан в центре", "Боулинг"}},
                     {"RESULTS", "ALL"}});
    if (sales) {
      std::string text = "План продаж на декабрь — в задаче отдела. [USER=" + std::to_string(olga) +
                         "]Ольга Смирнова[/USER], проверь цифры, пожалуйста.";
      std::int64_t plan =
          post(tx, ivan, "", text, {"DR" + std::to_string(sales), "U" + std::to_string(olga)});
      comment(tx, portal, plan, olga, "Проверила, всё сходится.");
    }
    if (guild) {
      std::int64_t review =
          post(tx, sergey, "Ревью в пятницу", "Собираемся в пятницу в 16:00 смотреть новый канбан.",
               {"SG" + std::to_string(guild)});
      like(tx, review, {maria});
    }
  });
}

}  // namespace artel
