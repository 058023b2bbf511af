// The client ticket desk (M1–M7, seed 004): a studio serves client companies; each company has
// its sites and its contacts (outside people who log in), and the contacts send tickets that
// the studio works through a fixed set of statuses.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/discussion/thread.h"

namespace artel::helpdesk {

// Where tickets keep their comments and files.
inline constexpr discussion::Thread kThread{"ticket_comments", "ticket_files", "ticket_id"};

namespace status {
constexpr std::string_view kQueue = "QUEUE";
constexpr std::string_view kInWork = "IN_WORK";
constexpr std::string_view kNeedInfo = "NEED_INFO";                    // the client must answer
constexpr std::string_view kWaitingAcceptance = "WAITING_ACCEPTANCE";  // the client must check
constexpr std::string_view kAccepted = "ACCEPTED";                     // closed
inline constexpr std::array<std::string_view, 5> kAll = {kQueue, kInWork, kNeedInfo,
                                                         kWaitingAcceptance, kAccepted};
// The statuses in which the ticket waits for the client.
inline bool waits_for_client(std::string_view s) {
  return s == kNeedInfo || s == kWaitingAcceptance;
}
}  // namespace status

inline constexpr std::array<std::string_view, 3> kPriorities = {"LOW", "NORMAL", "HIGH"};

struct Company {
  std::int64_t id = 0;
  std::string title;
  std::int64_t responsible_id = 0;  // the studio's person for the client; 0: none
  std::int64_t group_id = 0;        // the client's project; 0: none
  std::string comments;
  std::int64_t created_at = 0, updated_at = 0;
};

struct Site {
  std::int64_t id = 0;
  std::int64_t company_id = 0;
  std::string url;
};

struct Ticket {
  std::int64_t id = 0;
  std::string title;
  std::int64_t company_id = 0;
  std::int64_t site_id = 0;
  std::int64_t contact_id = 0;
  std::string description;
  std::optional<std::int64_t> desired_date;
  std::string priority = "NORMAL";
  std::string status = "QUEUE";
  std::int64_t responsible_id = 0;
  std::int64_t task_id = 0;
  std::string source = "portal";
  std::int64_t comments_count = 0;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0, updated_at = 0, status_changed_at = 0;
  // Read with the ticket, for the answer.
  std::string company_title, site_url, contact_name, responsible_name;
};

}  // namespace artel::helpdesk
