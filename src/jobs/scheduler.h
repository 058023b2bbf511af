// Background jobs of a serving portal: deadline alerts, recurring tasks, grouped e-mail digests.
// Each job is a function run periodically on one scheduler thread. Jobs keep their state in the
// database (what is due, what was already sent), so a restart loses nothing and runs nothing
// twice: the scheduler itself remembers only when to call each job next.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace artel::jobs {

class Scheduler {
 public:
  using Job = std::function<void()>;

  // `scale` divides every period: tests run the portal with ARTEL_JOBS_SCALE=60 so that a job
  // registered for every minute runs every second.
  explicit Scheduler(double scale = 1.0);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Registers a job before start(). The first run comes one period after start.
  void every(std::chrono::milliseconds period, std::string name, Job job);

  void start();
  void stop();  // waits for a running job to finish
  // Runs every job at the next opportunity (after a change that a job should see soon).
  void wake();
  // Runs every job once on the calling thread (command-line tools and tests).
  void run_all_now();

 private:
  struct Entry {
    std::string name;
    std::chrono::milliseconds period;
    Job job;
    std::chrono::steady_clock::time_point next;
  };
  void run();
  static void run_one(Entry& entry);

  double scale_;
  std::vector<Entry> entries_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
};

// The scale from the environment (ARTEL_JOBS_SCALE), 1 when absent or not a positive number.
double scale_from_environment();

}  // namespace artel::jobs
