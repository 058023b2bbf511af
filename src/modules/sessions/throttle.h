// Counts failed log-ins per account and per address in a sliding window, so that guessing a
// password is slow. Kept in memory: a restart forgives, which is acceptable for a throttle.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace artel::sessions {

class LoginThrottle {
 public:
  bool blocked(const std::string& account, const std::string& address);
  void failed(const std::string& account, const std::string& address);
  void succeeded(const std::string& account);

 private:
  using Clock = std::chrono::steady_clock;
  bool over(std::deque<Clock::time_point>& q, std::size_t limit);
  std::mutex mu_;
  std::map<std::string, std::deque<Clock::time_point>> by_account_, by_address_;
};

}  // namespace artel::sessions
