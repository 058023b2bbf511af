#include "events/mail_outbox.h"

#include <iostream>
#include <vector>

#include "core/time.h"

namespace artel {

namespace {
// Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h; give up after 20.
std::int64_t retry_delay(std::int64_t attempts) {
  std::int64_t delay = 30;
  for (std::int64_t i = 1; i < attempts && delay < 3600; ++i) delay *= 2;
  return std::min<std::int64_t>(delay, 3600);
}
constexpr std::int64_t kMaxAttempts = 20;
}  // namespace

MailOutbox::MailOutbox(db::Database& db) : db_(db) {}

MailOutbox::~MailOutbox() {
  stop();
}

void MailOutbox::enqueue(db::Tx& tx, const OutgoingMail& m) {
  auto now = timeutil::now_seconds();
  tx.conn.run(
      "INSERT INTO mail_outbox(to_address, to_name, subject, body_text, body_html, created_at, "
      "next_attempt_at) VALUES (?,?,?,?,?,?,?)",
      {m.to, m.to_name, m.subject, m.text, m.html, now, now});
  tx.on_commit([this] { wake(); });
}

void MailOutbox::start(mail::SmtpConfig config) {
  config_ = std::move(config);
  started_ = true;
  thread_ = std::thread([this] { run(); });
}

void MailOutbox::stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  wake();
  thread_.join();
}

void MailOutbox::wake() {
  std::lock_guard lock(mu_);
  wake_ = true;
  cv_.notify_all();
}

int MailOutbox::deliver_due() {
  struct Due {
    std::int64_t id, attempts;
    mail::Message message;
  };
  std::vector<Due> due;
  auto now = timeutil::now_seconds();
  db_.read([&](db::Conn& c) {
    c.run(
        "SELECT id, attempts, to_address, to_name, subject, body_text, body_html FROM mail_outbox "
        "WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? ORDER BY id LIMIT 50",
        {kMaxAttempts, now}, [&](const db::Row& r) {
          due.push_back({r.integer(0), r.integer(1),
                         mail::Message{r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)}});
        });
  });
  int sent = 0;
  for (auto& d : due) {
    if (stopping_) break;
    std::string error = mail::send(config_, d.message);
    db_.write([&](db::Tx& tx) {
      if (error.empty()) {
        tx.conn.run("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                    {timeutil::now_seconds(), d.id});
      } else {
        tx.conn.run(
            "UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
            "WHERE id = ?",
            {error, timeutil::now_seconds() + retry_delay(d.attempts + 1), d.id});
      }
    });
    if (error.empty()) {
      ++sent;
    } else {
      std::cerr << "artel: mail to " << d.message.to << " not sent (will retry): " << error << "\n";
    }
  }
  return sent;
}

void MailOutbox::run() {
  while (!stopping_) {
    try {
      deliver_due();
    } catch (const std::exception& e) {
      std::cerr << "artel: mail sender: " << e.what() << "\n";
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(15), [this] { return wake_ || stopping_.load(); });
    wake_ = false;
  }
}

}  // namespace artel
