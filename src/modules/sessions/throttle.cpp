#include "modules/sessions/throttle.h"

namespace artel::sessions {

namespace {
constexpr auto kWindow = std::chrono::minutes(15);
constexpr std::size_t kPerAccount = 5;
constexpr std::size_t kPerAddress = 30;
}  // namespace

bool LoginThrottle::over(std::deque<Clock::time_point>& q, std::size_t limit) {
  auto now = Clock::now();
  while (!q.empty() && now - q.front() > kWindow) q.pop_front();
  return q.size() >= limit;
}

bool LoginThrottle::blocked(const std::string& account, const std::string& address) {
  std::lock_guard lock(mu_);
  return over(by_account_[account], kPerAccount) || over(by_address_[address], kPerAddress);
}

void LoginThrottle::failed(const std::string& account, const std::string& address) {
  std::lock_guard lock(mu_);
  by_account_[account].push_back(Clock::now());
  by_address_[address].push_back(Clock::now());
  if (by_account_.size() > 100000) by_account_.clear();  // bounded memory under a spray attack
  if (by_address_.size() > 100000) by_address_.clear();
}

void LoginThrottle::succeeded(const std::string& account) {
  std::lock_guard lock(mu_);
  by_account_.erase(account);
}

}  // namespace artel::sessions
