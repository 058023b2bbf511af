// A task (C1–C21) as stored, its statuses and roles, and the vocabulary the REST API speaks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace artel::tasks {

// Bitrix24's status numbers. New tasks start pending (2); 1 and 7 exist for old clients only.
enum Status : int {
  kNew = 1,
  kPending = 2,
  kInProgress = 3,
  kAwaitingControl = 4,  // "supposedly completed": waits for the creator's approval
  kCompleted = 5,
  kDeferred = 6,
  kDeclined = 7,
};

// The meta statuses of subStatus and of the STATUS filter.
constexpr int kSubOverdue = -1;
constexpr int kSubNotViewed = -2;
constexpr int kSubAlmostOverdue = -3;
// A deadline closer than this counts as "almost overdue" and gets the "deadline soon" notice.
constexpr std::int64_t kDeadlineSoonSeconds = 24 * 3600;

bool is_open_status(int status);  // 1, 2, 3 (work may still be done)
bool is_valid_status(int status);

enum class Role : char {
  Creator = 'O',
  Responsible = 'R',
  Accomplice = 'A',
  Auditor = 'U',
};

enum class Priority : int { Low = 0, Normal = 1, High = 2 };

struct Task {
  std::int64_t id = 0;
  std::int64_t parent_id = 0;  // 0: not a subtask
  std::string title;
  std::string description;
  int status = kPending;
  int priority = 1;
  std::string mark;  // "P", "N" or ""
  std::int64_t created_by = 0;
  std::int64_t responsible_id = 0;
  std::int64_t group_id = 0;
  std::int64_t stage_id = 0;
  std::int64_t created_date = 0;
  std::int64_t changed_by = 0;
  std::int64_t changed_date = 0;
  std::int64_t status_changed_by = 0;
  std::int64_t status_changed_date = 0;
  std::int64_t closed_by = 0;
  std::int64_t closed_date = 0;
  std::int64_t activity_date = 0;
  std::int64_t date_start = 0;
  std::int64_t deadline = 0;  // 0: none
  std::int64_t start_date_plan = 0;
  std::int64_t end_date_plan = 0;
  bool allow_change_deadline = true;
  bool allow_time_tracking = false;
  bool task_control = false;
  bool add_in_report = false;
  bool match_work_time = false;
  std::int64_t time_estimate = 0;  // planned seconds
  std::int64_t time_spent = 0;     // sum of time entries, seconds
  std::string duration_type = "days";
  std::int64_t comments_count = 0;
  std::string guid;
  std::string xml_id;
  std::int64_t forked_by_template_id = 0;
  std::optional<double> sorting;

  // Filled by the store on request (lists load them for a whole page at once).
  std::vector<std::int64_t> accomplices;
  std::vector<std::int64_t> auditors;
  std::vector<std::string> tags;
  std::vector<std::string> crm_links;
  std::vector<std::int64_t> depends_on;
};

// "responsibleId" and "RESPONSIBLE_ID" both give "RESPONSIBLE_ID": Bitrix24 documents upper
// case, its own output is camelCase, and clients send either.
std::string api_name(std::string_view key);
// camelCase output name of an UPPER_SNAKE field: RESPONSIBLE_ID → responsibleId.
std::string camel_name(std::string_view upper_snake);

}  // namespace artel::tasks
