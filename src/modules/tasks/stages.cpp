// Kanban stages (C16) as Bitrix24's task.stages.* methods keep them, on two kinds of board:
// "My Plan", a personal board with the person's own columns (entityId 0), where a task of mine
// (as responsible or co-executor) that I have not placed sits in my first column; and a
// workgroup's board (entityId = the group), whose columns its owner and moderators arrange and
// on which every task of the group sits in one column (tasks.stage_id). The group board's rules
// of who moves what are in group_board.cpp.
#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"
#include "events/live.h"
#include "modules/groups/access.h"
#include "modules/settings/store.h"
#include "modules/tasks/boards.h"
#include "modules/tasks/input.h"
#include "modules/tasks/methods.h"
#include "modules/tasks/service.h"

namespace artel::tasks::stages {

namespace {

constexpr std::size_t kMaxStages = 50;

std::vector<Stage> load(db::Conn& conn, const Board& board) {
  std::vector<Stage> out;
  conn.run(
      "SELECT id, title, sort, color, COALESCE(system_type, ''), entity_id, entity_type, "
      "extranet_move FROM task_stages WHERE entity_type = ? AND entity_id = ? ORDER BY sort, id",
      {std::string(1, board.type), board.id}, [&](const db::Row& r) {
        out.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.integer(5),
                       r.text(6), r.integer(7) != 0});
      });
  return out;
}

std::vector<std::string> default_titles(char board_type, std::string_view language) {
  if (board_type == 'G') {
    if (language == "en") return {"New", "In progress", "Done"};
    if (language == "ro") return {"Noi", "În lucru", "Finalizate"};
    return {"Новые", "Выполняются", "Сделаны"};
  }
  if (language == "en") return {"Not planned", "This week", "Later"};
  if (language == "ro") return {"Neplanificate", "Săptămâna aceasta", "Mai târziu"};
  return {"Не спланированы", "Сделаю на неделе", "Сделаю позже"};
}

// A board starts with three columns in the person's (or, for a group, the portal's) language;
// the first takes every task not placed elsewhere and cannot be deleted.
std::vector<Stage> ensure(db::Tx& tx, Portal& portal, const Board& board) {
  auto stages = load(tx.conn, board);
  if (!stages.empty()) return stages;
  std::string lang;
  if (board.type == 'U')
    lang = tx.conn.text("SELECT language_id FROM users WHERE id = ?", {board.id}).value_or("");
  if (lang.empty()) lang = portal.settings.snapshot()->language;
  const char* colors[] = {"00C4FB", "47D1E2", "FFA900"};
  auto titles = default_titles(board.type, lang);
  for (std::size_t i = 0; i < titles.size(); ++i)
    tx.conn.run(
        "INSERT INTO task_stages(entity_type, entity_id, title, sort, color, system_type) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {std::string(1, board.type), board.id, titles[i], static_cast<std::int64_t>((i + 1) * 100),
         colors[i], i == 0 ? db::Value(std::string("NEW")) : db::Value(nullptr)});
  return load(tx.conn, board);
}

json::object stage_json(const Stage& s) {
  return json::object{
      {"ID", std::to_string(s.id)},
      {"TITLE", s.title},
      {"SORT", std::to_string(s.sort)},
      {"COLOR", s.color},
      {"SYSTEM_TYPE", s.system_type.empty() ? json::value(nullptr) : json::value(s.system_type)},
      {"ENTITY_ID", std::to_string(s.entity_id)},
      {"ENTITY_TYPE", s.entity_type},
      {"EXTRANET_MOVE", s.extranet_move ? "Y" : "N"},
      {"ADDITIONAL_FILTER", json::array()},
      {"TO_UPDATE", json::array()},
      {"TO_UPDATE_ACCESS", nullptr}};
}

// The board of entityId (fields.ENTITY_ID): the caller's My Plan for 0, else a group whose
// board the caller may see.
Board board_of(db::Conn& conn, const rest::Caller& caller, const json::object& params,
               const json::object* fields) {
  const json::value* v = fields ? find_ci(*fields, "ENTITY_ID") : nullptr;
  if (!v) v = find_ci(params, "entityId");
  if (!v) return {'U', caller.user_id};
  auto n = as_int(*v);
  if (!n || *n < 0) throw bad_argument("entityId", "entityId must be 0 (My Plan) or a group id.");
  if (*n == 0) return {'U', caller.user_id};
  board::check_sees_board(conn, caller, *n);
  return {'G', *n};
}

// Arranging a board's columns: one's own plan; a group's for its owner, moderators, admins.
void check_arranges(db::Conn& conn, const rest::Caller& caller, const Board& b) {
  if (b.type == 'G') board::check_arranges(conn, caller, b.id);
}

// The stage with its board, when the caller may arrange that board; NOT_FOUND otherwise.
Stage arranged_stage(db::Conn& conn, const rest::Caller& caller, std::int64_t id) {
  auto s = find_stage(conn, id);
  bool mine = s && s->entity_type == "U" && s->entity_id == caller.user_id;
  bool group = s && s->entity_type == "G" && board::sees_board(conn, caller, s->entity_id);
  if (!mine && !group)
    throw bad_request("NOT_FOUND", "Column " + std::to_string(id) + " is not found.");
  check_arranges(conn, caller, s->board());
  return *s;
}

void renumber(db::Conn& conn, const std::vector<std::int64_t>& order) {
  for (std::size_t i = 0; i < order.size(); ++i)
    conn.run("UPDATE task_stages SET sort = ? WHERE id = ?",
             {static_cast<std::int64_t>((i + 1) * 100), order[i]});
}

// The stage's place after another (0 = first). The first column stays first.
void place_after(db::Conn& conn, const std::vector<Stage>& stages, std::int64_t id,
                 std::int64_t after_id) {
  std::vector<std::int64_t> order;
  for (const auto& s : stages)
    if (s.id != id) order.push_back(s.id);
  auto pos = std::find(order.begin(), order.end(), after_id);
  if (after_id && pos == order.end())
    throw bad_argument("AFTER_ID", "AFTER_ID must be a column of the same board.");
  if (!after_id)
    pos = order.empty() ? order.end() : order.begin();
  else
    ++pos;
  // Nothing goes before the system column.
  if (!order.empty() && pos == order.begin() && !stages.empty() && stages.front().id != id &&
      !stages.front().system_type.empty())
    ++pos;
  order.insert(pos, id);
  renumber(conn, order);
}

std::string color_of(const json::value& v) {
  std::string c = as_string(v).value_or("");
  if (!c.empty() && c[0] == '#') c.erase(0, 1);
  if (c.size() != 6 || !std::all_of(c.begin(), c.end(), [](char ch) {
        return std::isxdigit(static_cast<unsigned char>(ch));
      }))
    throw bad_argument("COLOR", "COLOR must be six hex digits such as 00C4FB.");
  return to_upper_ascii(c);
}

std::string title_of(const json::value& v) {
  std::string t(trim(as_string(v).value_or("")));
  if (t.empty()) throw bad_request("EMPTY_TITLE", "A column needs a title.");
  if (t.size() > 255 || !is_valid_utf8(t))
    throw bad_argument("TITLE", "TITLE must be UTF-8 text of up to 255 characters.");
  return t;
}

// Every open tab of the person (or of everyone on the group's board) shows the same columns.
void announce(db::Tx& tx, Portal& portal, const Board& b, const char* action,
              std::int64_t stage_id) {
  std::vector<std::int64_t> to{b.id};
  if (b.type == 'G') to = board::watchers(tx.conn, b.id);
  live::publish_after_commit(tx, portal, std::move(to), "task.stages",
                             json::object{{"ACTION", action},
                                          {"ID", std::to_string(stage_id)},
                                          {"ENTITY_ID", std::to_string(b.type == 'G' ? b.id : 0)}});
}

bool flag_field(const json::object& f, std::string_view name) {
  const json::value* v = find_ci(f, name);
  auto on = v ? as_flag(*v) : std::nullopt;
  if (v && !on) throw bad_argument(std::string(name), std::string(name) + " must be Y or N.");
  return on.value_or(false);
}

rest::CallResult get(rest::Call& call) {
  return call.portal.db.write([&](db::Tx& tx) {
    Board b = board_of(tx.conn, call.caller, call.params, nullptr);
    json::object out;
    for (const auto& s : ensure(tx, call.portal, b)) out[std::to_string(s.id)] = stage_json(s);
    return rest::CallResult{std::move(out)};
  });
}

rest::CallResult add(rest::Call& call) {
  const json::object* f = object_param(call.params, "fields");
  if (!f) throw bad_argument("fields", "fields (TITLE, COLOR, AFTER_ID) is required.");
  const json::value* tv = find_ci(*f, "TITLE");
  std::string title = title_of(tv ? *tv : json::value(""));
  std::string color = find_ci(*f, "COLOR") ? color_of(*find_ci(*f, "COLOR")) : "47D1E2";
  std::optional<std::int64_t> after;
  if (const json::value* v = find_ci(*f, "AFTER_ID")) {
    after = as_int(*v);
    if (!after || *after < 0) throw bad_argument("AFTER_ID", "AFTER_ID must be a column id.");
  }
  bool extranet_move = flag_field(*f, "EXTRANET_MOVE");
  std::int64_t id = call.portal.db.write([&](db::Tx& tx) {
    Board b = board_of(tx.conn, call.caller, call.params, f);
    check_arranges(tx.conn, call.caller, b);
    auto stages = ensure(tx, call.portal, b);
    if (stages.size() >= kMaxStages)
      throw bad_request("TOO_MANY_STAGES", "A board holds at most 50 columns.");
    std::int64_t new_id = tx.conn.insert(
        "INSERT INTO task_stages(entity_type, entity_id, title, sort, color, extranet_move) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {std::string(1, b.type), b.id, title, stages.back().sort + 100, color,
         std::int64_t{extranet_move && b.type == 'G'}});
    stages = load(tx.conn, b);
    place_after(tx.conn, stages, new_id, after.value_or(stages[stages.size() - 2].id));
    announce(tx, call.portal, b, "add", new_id);
    return new_id;
  });
  return {id};
}

rest::CallResult update(rest::Call& call) {
  const json::value* iv = find_ci(call.params, "id");
  auto id = iv ? as_int(*iv) : std::nullopt;
  if (!id) throw bad_argument("id", "id (the column) is required.");
  const json::object* f = object_param(call.params, "fields");
  if (!f) throw bad_argument("fields", "fields is required.");
  call.portal.db.write([&](db::Tx& tx) {
    auto stage = arranged_stage(tx.conn, call.caller, *id);
    if (find_ci(*f, "EXTRANET_MOVE"))
      tx.conn.run("UPDATE task_stages SET extranet_move = ? WHERE id = ?",
                  {std::int64_t{flag_field(*f, "EXTRANET_MOVE") && stage.entity_type == "G"}, *id});
    if (const json::value* v = find_ci(*f, "TITLE"))
      tx.conn.run("UPDATE task_stages SET title = ? WHERE id = ?", {title_of(*v), *id});
    if (const json::value* v = find_ci(*f, "COLOR"))
      tx.conn.run("UPDATE task_stages SET color = ? WHERE id = ?", {color_of(*v), *id});
    if (const json::value* v = find_ci(*f, "AFTER_ID")) {
      auto after = as_int(*v);
      if (!after || *after < 0) throw bad_argument("AFTER_ID", "AFTER_ID must be a column id.");
      if (!stage.system_type.empty())
        throw bad_request("IS_SYSTEM", "The first column stays first.");
      place_after(tx.conn, load(tx.conn, stage.board()), *id, *after);
    }
    announce(tx, call.portal, stage.board(), "update", *id);
  });
  return {true};
}

rest::CallResult remove(rest::Call& call) {
  const json::value* iv = find_ci(call.params, "id");
  auto id = iv ? as_int(*iv) : std::nullopt;
  if (!id) throw bad_argument("id", "id (the column) is required.");
  call.portal.db.write([&](db::Tx& tx) {
    Board b = arranged_stage(tx.conn, call.caller, *id).board();
    auto stages = load(tx.conn, b);
    auto it =
        std::find_if(stages.begin(), stages.end(), [&](const Stage& s) { return s.id == *id; });
    if (it == stages.begin() || !it->system_type.empty())
      throw bad_request("CANT_DELETE_FIRST", "The first column cannot be deleted.");
    // Its tasks go back to the first column.
    if (b.type == 'G')
      board::move_column_tasks(tx, *id, stages.front().id, call.caller.user_id);
    else
      tx.conn.run("DELETE FROM task_plan WHERE stage_id = ?", {*id});
    tx.conn.run("DELETE FROM task_stages WHERE id = ?", {*id});
    announce(tx, call.portal, b, "delete", *id);
  });
  return {true};
}

// A task's place within a column: between its neighbours. A task never placed counts as
// sorted by minus its id (the newest on top of the first column).
double effective_sort(db::Conn& conn, std::int64_t user_id, std::int64_t task_id) {
  std::optional<double> sort;
  conn.run("SELECT sort FROM task_plan WHERE user_id = ? AND task_id = ?", {user_id, task_id},
           [&](const db::Row& r) { sort = r.real(0); });
  return sort ? *sort : -static_cast<double>(task_id);
}

// The nearest sort on one side of `anchor` among the column's tasks: those placed there and, in
// the first column, the person's tasks never placed (sorted by minus their id).
std::optional<double> neighbour_sort(db::Conn& conn, std::int64_t user_id, std::int64_t stage_id,
                                     bool first_column, std::int64_t task_id, double anchor,
                                     bool below) {
  std::optional<double> best;
  auto consider = [&](double v) {
    if (below ? v >= anchor : v <= anchor) return;
    if (!best || (below ? v > *best : v < *best)) best = v;
  };
  conn.run(std::string("SELECT sort FROM task_plan WHERE user_id = ? AND stage_id = ? AND task_id "
                       "<> ? AND sort ") +
               (below ? "< ? ORDER BY sort DESC" : "> ? ORDER BY sort ASC") + " LIMIT 1",
           {user_id, stage_id, task_id, anchor}, [&](const db::Row& r) { consider(r.real(0)); });
  if (first_column) {
    // -id below the anchor means an id above -anchor, and the other way round.
    conn.run(std::string("SELECT ") + (below ? "min" : "max") +
                 "(m.task_id) FROM task_members m WHERE m.user_id = ? AND m.role IN ('R', 'A') "
                 "AND m.task_id <> ? AND NOT EXISTS (SELECT 1 FROM task_plan p WHERE p.user_id = "
                 "m.user_id AND p.task_id = m.task_id) AND m.task_id " +
                 (below ? "> ?" : "< ?"),
             {user_id, task_id, static_cast<std::int64_t>(std::llround(-anchor))},
             [&](const db::Row& r) {
               if (!r.is_null(0)) consider(-static_cast<double>(r.integer(0)));
             });
  }
  return best;
}

rest::CallResult move_task(rest::Call& call) {
  std::int64_t task_id = task_id_param(call.params);
  const json::value* sv = find_ci(call.params, "stageId");
  auto stage_id = sv ? as_int(*sv) : std::nullopt;
  if (!stage_id || *stage_id <= 0) throw bad_argument("stageId", "stageId (a column) is required.");
  auto neighbour = [&](const char* name) -> std::int64_t {
    const json::value* v = find_ci(call.params, name);
    if (!v) return 0;
    auto n = as_int(*v);
    if (!n || *n < 0) throw bad_argument(name, std::string(name) + " must be a task id.");
    return *n;
  };
  std::int64_t before = neighbour("before"), after = neighbour("after");
  call.portal.db.write([&](db::Tx& tx) {
    Loaded l = load_visible(tx.conn, call.caller, task_id);
    auto target = find_stage(tx.conn, *stage_id);
    if (target && target->entity_type == "G")
      return board::move(tx, call.portal, l, *target, before, after);
    if (!target)
      throw bad_request("NOT_FOUND", "Column " + std::to_string(*stage_id) + " is not found.");
    if (!l.relation.member())
      throw ApiError(403, "ACCESS_DENIED_MOVE",
                     "Only a task you take part in goes into your plan.");
    auto stages = ensure(tx, call.portal, {'U', call.caller.user_id});
    if (std::none_of(stages.begin(), stages.end(),
                     [&](const Stage& s) { return s.id == *stage_id; }))
      throw bad_request("NOT_FOUND", "Column " + std::to_string(*stage_id) + " is not found.");
    std::int64_t me = call.caller.user_id;
    bool first_column = stages.front().id == *stage_id;
    double sort = 1;
    if (before || after) {
      // Between the anchor and its neighbour on the other side.
      std::int64_t anchor = before ? before : after;
      double a = effective_sort(tx.conn, me, anchor);
      auto other = neighbour_sort(tx.conn, me, *stage_id, first_column, task_id, a, before != 0);
      sort = other ? (a + *other) / 2 : (before ? a - 1 : a + 1);
    } else {
      tx.conn.run("SELECT max(sort) FROM task_plan WHERE user_id = ? AND stage_id = ?",
                  {me, *stage_id}, [&](const db::Row& r) {
                    if (!r.is_null(0)) sort = r.real(0) + 1;
                  });
    }
    tx.conn.run(
        "INSERT INTO task_plan(user_id, task_id, stage_id, sort) VALUES (?, ?, ?, ?) ON "
        "CONFLICT (user_id, task_id) DO UPDATE SET stage_id = excluded.stage_id, sort = "
        "excluded.sort",
        {me, task_id, *stage_id, sort});
    live::publish_after_commit(tx, call.portal, {me}, "task.plan",
                               json::object{{"TASK_ID", std::to_string(task_id)},
                                            {"STAGE_ID", std::to_string(*stage_id)}});
  });
  return {true};
}

}  // namespace

void register_methods(rest::Registry& registry) {
  using rest::Access;
  registry.add({"task.stages.get", "task", Access::User, get});
  registry.add({"task.stages.add", "task", Access::User, add});
  registry.add({"task.stages.update", "task", Access::User, update});
  registry.add({"task.stages.delete", "task", Access::User, remove});
  registry.add({"task.stages.movetask", "task", Access::User, move_task});
}

}  // namespace artel::tasks::stages

namespace artel::tasks {

std::vector<Stage> columns(db::Conn& conn, const Board& board) {
  return stages::load(conn, board);
}

std::vector<Stage> ensure_columns(db::Tx& tx, Portal& portal, const Board& board) {
  return stages::ensure(tx, portal, board);
}

std::optional<Stage> find_stage(db::Conn& conn, std::int64_t id) {
  std::optional<Stage> out;
  conn.run(
      "SELECT id, title, sort, color, COALESCE(system_type, ''), entity_id, entity_type, "
      "extranet_move FROM task_stages WHERE id = ?",
      {id}, [&](const db::Row& r) {
        out = Stage{r.integer(0), r.text(1),    r.integer(2), r.text(3),
                    r.text(4),    r.integer(5), r.text(6),    r.integer(7) != 0};
      });
  return out;
}

}  // namespace artel::tasks
