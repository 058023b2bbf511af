// Outgoing e-mail. A message is written to mail_outbox in the same transaction as the change
// that causes it (an invitation, later a notification), and a sender thread delivers it after
// commit, retrying with back-off. A crash between commit and delivery loses nothing: the row
// stays due and the next start sends it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "db/db.h"
#include "mail/smtp.h"

namespace artel {

struct OutgoingMail {
  std::string to;
  std::string to_name;
  std::string subject;
  std::string text;
  std::string html;
};

class MailOutbox {
 public:
  explicit MailOutbox(db::Database& db);
  ~MailOutbox();

  void enqueue(db::Tx& tx, const OutgoingMail& mail);

  // Starts the sender thread (not started by command-line tools that only queue mail).
  void start(mail::SmtpConfig config);
  void stop();
  bool configured() const { return started_; }

  // Sends everything due now; returns how many were sent (used by the thread and by tests).
  int deliver_due();

 private:
  void run();
  void wake();

  db::Database& db_;
  mail::SmtpConfig config_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> stopping_{false};
  bool started_ = false;
};

}  // namespace artel
