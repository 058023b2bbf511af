#include "jobs/scheduler.h"

#include <cstdlib>
#include <exception>
#include <iostream>

namespace artel::jobs {

Scheduler::Scheduler(double scale) : scale_(scale > 0 ? scale : 1.0) {}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::every(std::chrono::milliseconds period, std::string name, Job job) {
  auto scaled = std::chrono::milliseconds(
      std::max<std::int64_t>(1, static_cast<std::int64_t>(period.count() / scale_)));
  entries_.push_back({std::move(name), scaled, std::move(job), {}});
}

void Scheduler::start() {
  if (thread_.joinable()) return;
  auto now = std::chrono::steady_clock::now();
  for (auto& e : entries_) e.next = now + e.period;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Scheduler::run_all_now() {
  for (auto& e : entries_) run_one(e);
}

// A failing job is reported and tried again at its next period; it never stops the others.
void Scheduler::run_one(Entry& entry) {
  try {
    entry.job();
  } catch (const std::exception& e) {
    std::cerr << "artel: job " << entry.name << " failed: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "artel: job " << entry.name << " failed" << std::endl;
  }
}

void Scheduler::run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    auto next = std::chrono::steady_clock::time_point::max();
    for (const auto& e : entries_) next = std::min(next, e.next);
    if (entries_.empty()) {
      cv_.wait(lock, [this] { return stopping_; });
      break;
    }
    cv_.wait_until(lock, next, [this] { return stopping_ || woken_; });
    if (stopping_) break;
    bool all = woken_;
    woken_ = false;
    auto now = std::chrono::steady_clock::now();
    for (auto& e : entries_) {
      if (!all && e.next > now) continue;
      e.next = now + e.period;
      lock.unlock();
      run_one(e);
      lock.lock();
      if (stopping_) break;
    }
  }
}

double scale_from_environment() {
  const char* text = std::getenv("ARTEL_JOBS_SCALE");
  if (!text || !*text) return 1.0;
  char* end = nullptr;
  double v = std::strtod(text, &end);
  return (end && *end == '\0' && v > 0) ? v : 1.0;
}

}  // namespace artel::jobs
