#include "core/ip_allowlist.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace artel {

namespace {

using Address = std::array<std::uint8_t, 16>;

constexpr int kMappedPrefix = 96;  // ::ffff:0:0/96 holds the IPv4 addresses

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses either family into the 16-byte form. `v4` tells which family the text was in.
std::optional<Address> parse_address(std::string_view text, bool& v4) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  char buf[INET6_ADDRSTRLEN] = {};
  text.copy(buf, text.size());
  Address a{};
  unsigned char v4bytes[4];
  if (inet_pton(AF_INET, buf, v4bytes) == 1) {
    a[10] = a[11] = 0xff;
    std::memcpy(a.data() + 12, v4bytes, 4);
    v4 = true;
    return a;
  }
  if (inet_pton(AF_INET6, buf, a.data()) == 1) {
    v4 = false;
    return a;
  }
  return std::nullopt;
}

bool in_range(const Address& a, const Address& network, int prefix) {
  const int whole = prefix / 8, bits = prefix % 8;
  if (std::memcmp(a.data(), network.data(), static_cast<std::size_t>(whole)) != 0) return false;
  if (bits == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
  return (a[whole] & mask) == (network[whole] & mask);
}

void clear_host_bits(Address& a, int prefix) {
  for (int i = 0; i < 16; ++i) {
    const int keep = std::clamp(prefix - i * 8, 0, 8);
    a[i] &= static_cast<std::uint8_t>(0xff << (8 - keep));
  }
}

}  // namespace

std::optional<IpAllowList> IpAllowList::parse(const std::vector<std::string>& entries,
                                              std::string* error) {
  IpAllowList list;
  for (const auto& raw : entries) {
    const std::string_view entry = trim_spaces(raw);
    auto fail = [&](std::string_view why) -> std::optional<IpAllowList> {
      if (error) *error = "\"" + std::string(raw) + "\" " + std::string(why);
      return std::nullopt;
    };
    if (entry.empty()) return fail("is empty; expected an IP address or a CIDR range.");

    const auto slash = entry.find('/');
    bool v4 = false;
    auto address = parse_address(entry.substr(0, slash), v4);
    if (!address) return fail("is not an IPv4 or IPv6 address or a CIDR range.");

    const int max_prefix = v4 ? 32 : 128;
    int prefix = max_prefix;
    if (slash != std::string_view::npos) {
      const std::string_view digits = entry.substr(slash + 1);
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
      if (digits.empty() || digits.size() > 3 || ec != std::errc() ||
          end != digits.data() + digits.size() || prefix < 0 || prefix > max_prefix)
        return fail(v4 ? "has an invalid prefix length; IPv4 allows /0 to /32."
                       : "has an invalid prefix length; IPv6 allows /0 to /128.");
    }
    if (v4) prefix += kMappedPrefix;
    clear_host_bits(*address, prefix);
    list.ranges_.push_back({*address, prefix});
  }
  return list;
}

bool IpAllowList::allows(std::string_view address) const {
  if (ranges_.empty()) return true;
  std::string_view text = trim_spaces(address);
  // A scoped link-local address ("fe80::1%eth0") is compared without its interface.
  if (auto pct = text.find('%'); pct != std::string_view::npos) text = text.substr(0, pct);
  // Bracketed form from a URL or a Host header ("[2001:db8::1]").
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  bool v4 = false;
  auto a = parse_address(text, v4);
  if (!a) return false;
  for (const auto& r : ranges_)
    if (in_range(*a, r.network, r.prefix)) return true;
  return false;
}

}  // namespace artel
