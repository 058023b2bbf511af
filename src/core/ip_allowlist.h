// The portal's "allowed IP addresses" setting: a list of addresses and CIDR ranges outside of
// which REST calls and sign-ins are refused.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace artel {

class IpAllowList {
 public:
  // Entries are addresses ("192.168.1.10", "2001:db8::1") or ranges ("10.0.0.0/8",
  // "2001:db8::/32"); surrounding spaces are ignored. A range's host bits need not be zero
  // ("10.1.2.3/8" means 10.0.0.0/8), as people often write the address they started from.
  // On a bad entry returns nullopt and, when error is given, a sentence naming it.
  static std::optional<IpAllowList> parse(const std::vector<std::string>& entries,
                                          std::string* error = nullptr);

  // True when the address is in some range, or when the list is empty. IPv4-mapped IPv6
  // addresses ("::ffff:1.2.3.4", as a dual-stack socket reports IPv4 peers) match IPv4
  // entries. An unparsable address is refused, unless the list is empty.
  bool allows(std::string_view address) const;

  bool empty() const { return ranges_.empty(); }

 private:
  // Both families are kept as 16-byte IPv6 addresses: IPv4 ones in their mapped form
  // ::ffff:a.b.c.d, with the prefix length counted from the start of the 128 bits.
  struct Range {
    std::array<std::uint8_t, 16> network;
    int prefix;
  };
  std::vector<Range> ranges_;
};

}  // namespace artel
