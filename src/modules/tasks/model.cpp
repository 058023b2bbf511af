#include "modules/tasks/model.h"

namespace artel::tasks {

bool is_open_status(int status) {
  return status == kNew || status == kPending || status == kInProgress;
}

bool is_valid_status(int status) {
  return status >= kNew && status <= kDeclined;
}

std::string api_name(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 4);
  bool has_lower = false;
  for (char c : key) has_lower = has_lower || (c >= 'a' && c <= 'z');
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (has_lower && c >= 'A' && c <= 'Z' && i > 0 && key[i - 1] != '_') out += '_';
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string camel_name(std::string_view upper_snake) {
  std::string out;
  out.reserve(upper_snake.size());
  bool up = false;
  for (char c : upper_snake) {
    if (c == '_') {
      up = !out.empty();
      continue;
    }
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out += up && lower >= 'a' && lower <= 'z' ? static_cast<char>(lower - 'a' + 'A') : lower;
    up = false;
  }
  return out;
}

}  // namespace artel::tasks
