#include "modules/feed/polls.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/feed/posts.h"
#include "modules/feed/store.h"

namespace artel::feed::polls {

namespace {

constexpr std::size_t kMaxAnswers = 20;

struct Poll {
  std::int64_t entry_id = 0;
  std::string question;
  bool multiple = false;
  std::string results = "AFTER_VOTE";
  bool closed = false;
};

std::map<std::int64_t, Poll> read_polls(db::Conn& conn, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, Poll> out;
  if (ids.empty()) return out;
  conn.run(
      "SELECT entry_id, question, multiple, results, closed FROM feed_polls WHERE entry_id IN " +
          db::in_list(ids.size()),
      db::values(ids), [&](const db::Row& r) {
        out[r.integer(0)] =
            Poll{r.integer(0), r.text(1), r.integer(2) != 0, r.text(3), r.integer(4) != 0};
      });
  return out;
}

json::object poll_json(db::Conn& conn, const Reader& reader, const Entry& e, const Poll& p) {
  struct Answer {
    std::int64_t id;
    std::string text;
    std::int64_t votes = 0;
  };
  std::vector<Answer> answers;
  conn.run("SELECT id, text FROM feed_poll_answers WHERE entry_id = ? ORDER BY sort, id", {e.id},
           [&](const db::Row& r) {
             answers.push_back({r.integer(0), r.text(1)});
           });
  std::map<std::int64_t, std::int64_t> votes;
  conn.run("SELECT answer_id, count(*) FROM feed_poll_votes WHERE entry_id = ? GROUP BY answer_id",
           {e.id}, [&](const db::Row& r) { votes[r.integer(0)] = r.integer(1); });
  std::int64_t voters =
      conn.integer("SELECT count(DISTINCT user_id) FROM feed_poll_votes WHERE entry_id = ?", {e.id})
          .value_or(0);
  json::array mine;
  conn.run(
      "SELECT answer_id FROM feed_poll_votes WHERE entry_id = ? AND user_id = ? ORDER BY "
      "answer_id",
      {e.id, reader.user_id},
      [&](const db::Row& r) { mine.push_back(json::string(std::to_string(r.integer(0)))); });
  bool voted = !mine.empty();
  bool shown =
      p.results == "ALL" || voted || p.closed || reader.all || e.author_id == reader.user_id;
  json::array list;
  for (const auto& a : answers) {
    json::object o{{"ID", std::to_string(a.id)}, {"TEXT", a.text}};
    std::int64_t n = votes[a.id];
    o["VOTES"] = shown ? json::value(n) : json::value(nullptr);
    o["PERCENT"] = shown ? json::value(voters ? std::lround(100.0 * static_cast<double>(n) /
                                                            static_cast<double>(voters))
                                              : 0)
                         : json::value(nullptr);
    list.push_back(std::move(o));
  }
  return json::object{{"QUESTION", p.question},
                      {"MULTIPLE", p.multiple ? "Y" : "N"},
                      {"RESULTS", p.results},
                      {"CLOSED", p.closed ? "Y" : "N"},
                      {"VOTED", voted ? "Y" : "N"},
                      {"MY_ANSWERS", mine},
                      {"VOTERS", shown ? json::value(voters) : json::value(nullptr)},
                      {"ANSWERS", list}};
}

Poll poll_of(db::Conn& conn, std::int64_t entry_id) {
  auto polls = read_polls(conn, {entry_id});
  if (polls.empty())
    throw bad_request("POLL_NOT_FOUND", "Post " + std::to_string(entry_id) + " has no poll.");
  return polls.begin()->second;
}

rest::CallResult vote(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  const json::value* answers = find_ci(call.params, "ANSWERS");
  if (!answers) throw bad_argument("ANSWERS", "ANSWERS (the chosen answer ids) is required.");
  std::set<std::int64_t> chosen;
  for (const json::value* v : as_list(*answers)) {
    auto a = as_int(*v);
    if (!a || *a <= 0) throw bad_argument("ANSWERS", "ANSWERS must hold answer ids.");
    chosen.insert(*a);
  }
  if (chosen.empty()) throw bad_argument("ANSWERS", "Choose at least one answer.");
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, id);
    Poll p = poll_of(tx.conn, e.id);
    if (p.closed) throw bad_request("POLL_CLOSED", "The poll is closed: it takes no more votes.");
    if (!p.multiple && chosen.size() > 1)
      throw bad_argument("ANSWERS", "This poll takes one answer.");
    for (auto a : chosen)
      if (!tx.conn.integer("SELECT 1 FROM feed_poll_answers WHERE id = ? AND entry_id = ?",
                           {a, e.id}))
        throw bad_argument("ANSWERS", "Answer " + std::to_string(a) + " is not in this poll.");
    // Voting again replaces the vote.
    tx.conn.run("DELETE FROM feed_poll_votes WHERE entry_id = ? AND user_id = ?",
                {e.id, call.caller.user_id});
    std::int64_t now = timeutil::now_seconds();
    for (auto a : chosen)
      tx.conn.run(
          "INSERT INTO feed_poll_votes(entry_id, answer_id, user_id, voted_at) VALUES (?, ?, ?, ?)",
          {e.id, a, call.caller.user_id, now});
    announce(tx, call.portal, e, "vote", call.caller.user_id);
    return rest::CallResult{poll_json(tx.conn, reader, e, p)};
  });
}

rest::CallResult get(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.read([&](db::Conn& conn) {
    Reader reader = reader_of(conn, call.caller);
    Entry e = visible_entry(conn, reader, id);
    return rest::CallResult{poll_json(conn, reader, e, poll_of(conn, e.id))};
  });
}

rest::CallResult close(rest::Call& call) {
  std::int64_t id = post_id_param(call.params);
  return call.portal.db.write([&](db::Tx& tx) {
    Reader reader = reader_of(tx.conn, call.caller);
    Entry e = visible_entry(tx.conn, reader, id);
    Poll p = poll_of(tx.conn, e.id);
    if (!may_edit(call.caller, e))
      throw access_denied("Only the author or an administrator closes a poll.");
    tx.conn.run("UPDATE feed_polls SET closed = 1 WHERE entry_id = ?", {e.id});
    p.closed = true;
    announce(tx, call.portal, e, "vote", call.caller.user_id);
    return rest::CallResult{poll_json(tx.conn, reader, e, p)};
  });
}

}  // namespace

void create(db::Conn& conn, std::int64_t entry_id, const json::value& value) {
  if (!value.is_object()) throw bad_argument("POLL", "POLL must be an object {QUESTION, ANSWERS}.");
  const json::object& poll = value.get_object();
  const json::value* q = find_ci(poll, "QUESTION");
  auto question = q ? as_string(*q) : std::nullopt;
  if (!question || trim(*question).empty() || !is_valid_utf8(*question) || question->size() > 1000)
    throw bad_argument("POLL", "The poll needs a QUESTION (at most 1,000 characters).");
  const json::value* a = find_ci(poll, "ANSWERS");
  std::vector<std::string> answers;
  if (a)
    for (const json::value* item : as_list(*a)) {
      auto text = item->is_object() ? std::nullopt : as_string(*item);
      if (!text || trim(*text).empty() || !is_valid_utf8(*text) || text->size() > 1000)
        throw bad_argument("POLL", "Each poll answer must be a text of at most 1,000 characters.");
      answers.emplace_back(trim(*text));
    }
  if (answers.size() < 2 || answers.size() > kMaxAnswers)
    throw bad_argument("POLL", "A poll has from 2 to 20 ANSWERS.");
  bool multiple = false;
  if (const json::value* m = find_ci(poll, "MULTIPLE")) {
    auto flag = as_flag(*m);
    if (!flag) throw bad_argument("POLL", "POLL.MULTIPLE must be Y or N.");
    multiple = *flag;
  }
  std::string results = "AFTER_VOTE";
  if (const json::value* r = find_ci(poll, "RESULTS")) {
    auto s = as_string(*r);
    std::string upper = s ? to_upper_ascii(trim(*s)) : "";
    if (upper != "AFTER_VOTE" && upper != "ALL")
      throw bad_argument("POLL", "POLL.RESULTS must be AFTER_VOTE or ALL.");
    results = upper;
  }
  conn.run("INSERT INTO feed_polls(entry_id, question, multiple, results) VALUES (?, ?, ?, ?)",
           {entry_id, std::string(trim(*question)), std::int64_t{multiple ? 1 : 0}, results});
  for (std::size_t i = 0; i < answers.size(); ++i)
    conn.run("INSERT INTO feed_poll_answers(entry_id, text, sort) VALUES (?, ?, ?)",
             {entry_id, answers[i], static_cast<std::int64_t>(i)});
}

std::map<std::int64_t, json::object> of_entries(db::Conn& conn, const Reader& reader,
                                                const std::vector<Entry>& entries) {
  std::vector<std::int64_t> ids;
  for (const auto& e : entries)
    if (e.entry_type == "post") ids.push_back(e.id);
  auto polls = read_polls(conn, ids);
  std::map<std::int64_t, json::object> out;
  for (const auto& e : entries)
    if (auto p = polls.find(e.id); p != polls.end())
      out[e.id] = poll_json(conn, reader, e, p->second);
  return out;
}

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"log.poll.vote", "log", Access::User, vote});
  registry.add({"log.poll.get", "log", Access::User, get});
  registry.add({"log.poll.close", "log", Access::User, close});
}

}  // namespace artel::feed::polls
