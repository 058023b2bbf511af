#include "modules/tasks/notices.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/bbcode.h"
#include "core/text.h"
#include "core/time.h"
#include "modules/im/notify.h"
#include "modules/settings/store.h"
#include "modules/users/model.h"

namespace artel::tasks::notices {

namespace {

// The sentences, per language (ru, en, ro). {actor} is the person, {task} the task's title as
// a link, {extra} a status, a date or a comment.
enum class Text {
  Assigned,
  AddedAccomplice,
  AddedAuditor,
  NamedCreator,
  Status,
  WaitsApproval,
  Approved,
  Returned,
  Deadline,
  Handed,
  Edited,
  Commented,
  Mentioned,
  DeadlineSoon,
  Overdue,
  Deleted,
};

const char* pattern(Text t, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  switch (t) {
    case Text::Assigned:
      return en   ? "{actor} assigned you a task: {task}"
             : ro ? "{actor} v-a atribuit o sarcină: {task}"
                  : "{actor} поставил(а) вам задачу: {task}";
    case Text::AddedAccomplice:
      return en   ? "{actor} added you as a participant of {task}"
             : ro ? "{actor} v-a adăugat ca participant la {task}"
                  : "{actor} добавил(а) вас соисполнителем задачи {task}";
    case Text::AddedAuditor:
      return en   ? "{actor} added you as an observer of {task}"
             : ro ? "{actor} v-a adăugat ca observator la {task}"
                  : "{actor} добавил(а) вас наблюдателем задачи {task}";
    case Text::NamedCreator:
      return en   ? "{actor} set a task with you as its creator: {task}"
             : ro ? "{actor} a creat o sarcină cu dvs. ca autor: {task}"
                  : "{actor} поставил(а) задачу от вашего имени: {task}";
    case Text::Status:
      return en   ? "{actor} changed the status of {task}: {extra}"
             : ro ? "{actor} a schimbat statutul sarcinii {task}: {extra}"
                  : "{actor} изменил(а) статус задачи {task}: {extra}";
    case Text::WaitsApproval:
      return en   ? "{actor} completed {task}: the work waits for your approval"
             : ro ? "{actor} a finalizat {task}: lucrarea așteaptă aprobarea dvs."
                  : "{actor} завершил(а) задачу {task}: работа ждёт вашего контроля";
    case Text::Approved:
      return en   ? "{actor} accepted the work on {task}"
             : ro ? "{actor} a acceptat lucrarea la {task}"
                  : "{actor} принял(а) работу по задаче {task}";
    case Text::Returned:
      return en   ? "{actor} returned {task} for more work"
             : ro ? "{actor} a returnat {task} pentru a fi refăcută"
                  : "{actor} вернул(а) задачу {task} на доработку";
    case Text::Deadline:
      return en   ? "{actor} moved the deadline of {task} to {extra}"
             : ro ? "{actor} a mutat termenul sarcinii {task} la {extra}"
                  : "{actor} перенёс(ла) крайний срок задачи {task} на {extra}";
    case Text::Handed:
      return en   ? "{actor} handed {task} to {extra}"
             : ro ? "{actor} a transmis {task} către {extra}"
                  : "{actor} передал(а) задачу {task}: ответственный {extra}";
    case Text::Edited:
      return en   ? "{actor} changed {task}"
             : ro ? "{actor} a modificat {task}"
                  : "{actor} изменил(а) задачу {task}";
    case Text::Commented:
      return en   ? "{actor} commented on {task}: {extra}"
             : ro ? "{actor} a comentat {task}: {extra}"
                  : "{actor} прокомментировал(а) задачу {task}: {extra}";
    case Text::Mentioned:
      return en   ? "{actor} mentioned you in {task}: {extra}"
             : ro ? "{actor} v-a menționat în {task}: {extra}"
                  : "{actor} упомянул(а) вас в задаче {task}: {extra}";
    case Text::DeadlineSoon:
      return en   ? "The deadline of {task} is near: {extra}"
             : ro ? "Termenul sarcinii {task} se apropie: {extra}"
                  : "Скоро крайний срок задачи {task}: {extra}";
    case Text::Overdue:
      return en   ? "{task} is overdue: the deadline was {extra}"
             : ro ? "Sarcina {task} a depășit termenul: {extra}"
                  : "Задача {task} просрочена: крайний срок был {extra}";
    case Text::Deleted:
      return en   ? "{actor} deleted the task {task}"
             : ro ? "{actor} a șters sarcina {task}"
                  : "{actor} удалил(а) задачу {task}";
  }
  return "";
}

std::string status_name(int status, std::string_view lang) {
  bool en = lang == "en", ro = lang == "ro";
  switch (status) {
    case kInProgress:
      return en ? "in progress" : ro ? "în lucru" : "выполняется";
    case kAwaitingControl:
      return en ? "awaiting control" : ro ? "așteaptă controlul" : "ждёт контроля";
    case kCompleted:
      return en ? "completed" : ro ? "finalizată" : "завершена";
    case kDeferred:
      return en ? "deferred" : ro ? "amânată" : "отложена";
    default:
      return en ? "pending" : ro ? "în așteptare" : "ждёт выполнения";
  }
}

std::string excerpt(std::string_view message) {
  std::string plain = bbcode::to_plain(message);
  for (auto& c : plain)
    if (c == '\n' || c == '\r') c = ' ';
  if (plain.size() <= 200) return plain;
  std::size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80) --cut;
  return plain.substr(0, cut) + "…";
}

class Sender {
 public:
  Sender(db::Tx& tx, Portal& portal, const Task& task, std::int64_t actor)
      : tx_(tx), portal_(portal), task_(task), actor_(actor) {
    tx.conn.run("SELECT user_id FROM task_user_state WHERE task_id = ? AND muted = 1", {task.id},
                [&](const db::Row& r) { muted_.insert(r.integer(0)); });
    if (actor) actor_name_ = person_name(actor);
  }

  // One notice to one person, in their language; never to the actor or to someone who muted.
  void send(std::int64_t to, const char* event, Text text, const std::string& extra = "") {
    if (!to || to == actor_ || muted_.count(to) || !sent_.insert(to).second) return;
    std::string lang = language(to);
    std::string link = "/tasks/task/view/" + std::to_string(task_.id) + "/";
    std::string p = pattern(text, lang);
    std::string message = replace_all(
        p, "{actor}",
        actor_ ? "[USER=" + std::to_string(actor_) + "]" + actor_name_ + "[/USER]" : "");
    message = replace_all(message, "{task}", "[URL=" + link + "]" + task_.title + "[/URL]");
    message = replace_all(message, "{extra}", extra);
    std::string out = replace_all(
        replace_all(replace_all(p, "{actor}", actor_name_), "{task}", "«" + task_.title + "»"),
        "{extra}", extra);
    notify::Notice n;
    n.to_user = to;
    n.from_user = actor_;
    n.module = "tasks";
    n.event = event;
    n.tag = tag(task_.id);
    n.sub_tag = n.tag + "|" + event;
    n.message = message;
    n.message_out = out;
    n.link = link;
    notify::send(tx_, portal_, n);
  }

  // The same notice to several people.
  void send_all(const std::vector<std::int64_t>& to, const char* event, Text text,
                const std::string& extra = "") {
    for (auto id : to) send(id, event, text, extra);
  }

  std::string date(std::int64_t t) const {
    auto settings = portal_.settings.snapshot();
    std::string iso = timeutil::format_iso8601(t, settings->tz_offset_at(t));
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
  }

  std::string language(std::int64_t user) {
    auto it = languages_.find(user);
    if (it != languages_.end()) return it->second;
    std::string lang =
        tx_.conn.text("SELECT language_id FROM users WHERE id = ?", {user}).value_or("");
    if (lang.empty()) lang = portal_.settings.snapshot()->language;
    languages_[user] = lang;
    return lang;
  }

  std::string person_name(std::int64_t user) {
    std::string name;
    tx_.conn.run(
        "SELECT name, last_name, email FROM users WHERE id = ?", {user},
        [&](const db::Row& r) { name = users::display_name(r.text(0), r.text(1), r.text(2)); });
    return name;
  }

  // A notice sent per language: {extra} depends on the recipient (a status name).
  template <class Extra>
  void send_each(const std::vector<std::int64_t>& to, const char* event, Text text, Extra extra) {
    for (auto id : to) send(id, event, text, extra(language(id)));
  }

 private:
  db::Tx& tx_;
  Portal& portal_;
  const Task& task_;
  std::int64_t actor_;
  std::string actor_name_;
  std::set<std::int64_t> muted_;
  std::set<std::int64_t> sent_;
  std::map<std::int64_t, std::string> languages_;
};

std::vector<std::int64_t> doers(const Task& t) {
  std::vector<std::int64_t> v{t.responsible_id};
  v.insert(v.end(), t.accomplices.begin(), t.accomplices.end());
  return v;
}

std::vector<std::int64_t> everyone(const Task& t) {
  std::vector<std::int64_t> v{t.created_by, t.responsible_id};
  v.insert(v.end(), t.accomplices.begin(), t.accomplices.end());
  v.insert(v.end(), t.auditors.begin(), t.auditors.end());
  return v;
}

std::vector<std::int64_t> added(const std::vector<std::int64_t>& before,
                                const std::vector<std::int64_t>& after) {
  std::vector<std::int64_t> out;
  for (auto id : after)
    if (std::find(before.begin(), before.end(), id) == before.end()) out.push_back(id);
  return out;
}

}  // namespace

std::string tag(std::int64_t task_id) {
  return "TASKS|TASK|" + std::to_string(task_id);
}

void created(db::Tx& tx, Portal& portal, const Task& task, std::int64_t actor) {
  Sender s(tx, portal, task, actor);
  s.send(task.responsible_id, "task_assigned", Text::Assigned);
  s.send_all(task.accomplices, "task_assigned", Text::AddedAccomplice);
  s.send_all(task.auditors, "task_assigned", Text::AddedAuditor);
  if (task.created_by != actor) s.send(task.created_by, "task_assigned", Text::NamedCreator);
}

void changed(db::Tx& tx, Portal& portal, const Task& before, const Task& after,
             std::int64_t actor) {
  Sender s(tx, portal, after, actor);
  // Newcomers first: a new responsible hears "a task for you", not "the status changed".
  if (before.responsible_id != after.responsible_id)
    s.send(after.responsible_id, "task_assigned", Text::Assigned);
  s.send_all(added(before.accomplices, after.accomplices), "task_assigned", Text::AddedAccomplice);
  s.send_all(added(before.auditors, after.auditors), "task_assigned", Text::AddedAuditor);

  if (before.status != after.status) {
    if (after.status == kAwaitingControl) {
      s.send(after.created_by, "task_control", Text::WaitsApproval);
    } else if (before.status == kAwaitingControl && after.status == kCompleted) {
      s.send_all(doers(after), "task_status", Text::Approved);
    } else if (before.status == kAwaitingControl && after.status == kPending) {
      s.send_all(doers(after), "task_status", Text::Returned);
    }
    std::vector<std::int64_t> people{after.created_by};
    auto d = doers(after);
    people.insert(people.end(), d.begin(), d.end());
    s.send_each(people, "task_status", Text::Status,
                [&](const std::string& lang) { return status_name(after.status, lang); });
    return;
  }
  if (before.responsible_id != after.responsible_id) {
    std::string name = s.person_name(after.responsible_id);
    s.send_all({before.responsible_id, after.created_by}, "task_changed", Text::Handed, name);
  }
  if (before.deadline != after.deadline && after.deadline) {
    auto people = everyone(after);
    s.send_all(people, "task_changed", Text::Deadline, s.date(after.deadline));
  }
  if (before.title != after.title || before.description != after.description ||
      before.priority != after.priority || before.end_date_plan != after.end_date_plan) {
    s.send_all(doers(after), "task_changed", Text::Edited);
  }
}

void commented(db::Tx& tx, Portal& portal, const Task& task, std::int64_t author,
               std::string_view text, const std::vector<std::int64_t>& mentioned) {
  Sender s(tx, portal, task, author);
  std::string short_text = excerpt(text);
  s.send_all(mentioned, "task_comment", Text::Mentioned, short_text);
  s.send_all(everyone(task), "task_comment", Text::Commented, short_text);
}

void deadline(db::Tx& tx, Portal& portal, const Task& task, bool overdue) {
  Sender s(tx, portal, task, 0);
  std::string when = s.date(task.deadline);
  if (overdue) {
    std::vector<std::int64_t> people = doers(task);
    people.push_back(task.created_by);
    s.send_all(people, "task_deadline", Text::Overdue, when);
  } else {
    s.send_all(doers(task), "task_deadline", Text::DeadlineSoon, when);
  }
}

void deleted(db::Tx& tx, Portal& portal, const Task& task, std::int64_t actor) {
  Sender s(tx, portal, task, actor);
  std::vector<std::int64_t> people = doers(task);
  people.push_back(task.created_by);
  s.send_all(people, "task_changed", Text::Deleted);
}

}  // namespace artel::tasks::notices
