// The interface languages Artel ships (A13): the languages of the seeds.
#pragma once

#include <array>
#include <string_view>

namespace artel {

inline constexpr std::array<std::string_view, 3> kInterfaceLanguages = {"ru", "en", "ro"};

inline bool is_interface_language(std::string_view code) {
  for (auto l : kInterfaceLanguages)
    if (l == code) return true;
  return false;
}

}  // namespace artel
