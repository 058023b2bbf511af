#include "core/ip_allowlist.h"

#include <gtest/gtest.h>

namespace artel {
namespace {

IpAllowList list(const std::vector<std::string>& entries) {
  std::string error;
  auto l = IpAllowList::parse(entries, &error);
  EXPECT_TRUE(l) << error;
  return l.value_or(IpAllowList{});
}

std::string error_for(const std::vector<std::string>& entries) {
  std::string error;
  EXPECT_FALSE(IpAllowList::parse(entries, &error));
  return error;
}

TEST(IpAllowList, EmptyListAllowsEverything) {
  auto l = list({});
  EXPECT_TRUE(l.empty());
  EXPECT_TRUE(l.allows("1.2.3.4"));
  EXPECT_TRUE(l.allows("2001:db8::1"));
  EXPECT_TRUE(l.allows("not an address"));
}

TEST(IpAllowList, SingleAddresses) {
  auto l = list({"192.168.1.10", "2001:db8::1"});
  EXPECT_FALSE(l.empty());
  EXPECT_TRUE(l.allows("192.168.1.10"));
  EXPECT_FALSE(l.allows("192.168.1.11"));
  EXPECT_TRUE(l.allows("2001:db8::1"));
  EXPECT_TRUE(l.allows("2001:0db8:0000:0000:0000:0000:0000:0001"));  // same address, long form
  EXPECT_FALSE(l.allows("2001:db8::2"));
}

TEST(IpAllowList, Ipv4Ranges) {
  auto l = list({"10.0.0.0/8", "172.16.0.0/12", "192.168.5.128/25"});
  EXPECT_TRUE(l.allows("10.0.0.0"));
  EXPECT_TRUE(l.allows("10.255.255.255"));
  EXPECT_FALSE(l.allows("11.0.0.0"));
  EXPECT_FALSE(l.allows("9.255.255.255"));
  EXPECT_TRUE(l.allows("172.16.0.1"));
  EXPECT_TRUE(l.allows("172.31.255.255"));
  EXPECT_FALSE(l.allows("172.32.0.0"));
  EXPECT_FALSE(l.allows("172.15.255.255"));
  EXPECT_TRUE(l.allows("192.168.5.128"));
  EXPECT_TRUE(l.allows("192.168.5.255"));
  EXPECT_FALSE(l.allows("192.168.5.127"));
}

TEST(IpAllowList, PrefixExtremes) {
  auto all4 = list({"0.0.0.0/0"});
  EXPECT_TRUE(all4.allows("1.2.3.4"));
  EXPECT_TRUE(all4.allows("255.255.255.255"));
  EXPECT_FALSE(all4.allows("2001:db8::1"));  // an IPv4 range says nothing about IPv6

  auto host = list({"8.8.8.8/32"});
  EXPECT_TRUE(host.allows("8.8.8.8"));
  EXPECT_FALSE(host.allows("8.8.8.9"));

  auto all6 = list({"::/0"});
  EXPECT_TRUE(all6.allows("2001:db8::1"));
  EXPECT_TRUE(all6.allows("::1"));

  auto one6 = list({"::1/128"});
  EXPECT_TRUE(one6.allows("::1"));
  EXPECT_FALSE(one6.allows("::2"));
}

TEST(IpAllowList, HostBitsInARangeAreIgnored) {
  auto l = list({"10.1.2.3/8", "2001:db8:abcd::1/32"});
  EXPECT_TRUE(l.allows("10.200.0.1"));
  EXPECT_TRUE(l.allows("2001:db8:ffff::5"));
  EXPECT_FALSE(l.allows("2001:db9::1"));
}

TEST(IpAllowList, Ipv6RangesOnOddPrefixes) {
  auto l = list({"2001:db8::/32", "fd00:1234:5678::/47"});
  EXPECT_TRUE(l.allows("2001:db8::"));
  EXPECT_TRUE(l.allows("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
  EXPECT_FALSE(l.allows("2001:db9::"));
  EXPECT_TRUE(l.allows("fd00:1234:5678::1"));
  EXPECT_TRUE(l.allows("fd00:1234:5679:ffff::1"));  // bit 47 is a host bit
  EXPECT_FALSE(l.allows("fd00:1234:567a::1"));
}

TEST(IpAllowList, MappedIpv6MatchesIpv4Entries) {
  auto l = list({"10.0.0.0/8", "1.2.3.4"});
  EXPECT_TRUE(l.allows("::ffff:1.2.3.4"));
  EXPECT_TRUE(l.allows("::FFFF:10.9.8.7"));
  EXPECT_TRUE(l.allows("::ffff:a09:807"));  // 10.9.8.7 in hex
  EXPECT_FALSE(l.allows("::ffff:11.0.0.1"));
  EXPECT_FALSE(l.allows("::1.2.3.4"));  // the deprecated IPv4-compatible form is another address
  EXPECT_FALSE(l.allows("64:ff9b::102:304"));
}

TEST(IpAllowList, AddressFormsFromSocketsAndHeaders) {
  auto l = list({"fe80::/10", "2001:db8::1"});
  EXPECT_TRUE(l.allows("fe80::1%eth0"));
  EXPECT_TRUE(l.allows("[2001:db8::1]"));
  EXPECT_TRUE(l.allows(" 2001:db8::1 "));
}

TEST(IpAllowList, UnparsableAddressesAreRefused) {
  auto l = list({"0.0.0.0/0", "::/0"});
  EXPECT_FALSE(l.allows(""));
  EXPECT_FALSE(l.allows("localhost"));
  EXPECT_FALSE(l.allows("1.2.3"));
  EXPECT_FALSE(l.allows("1.2.3.4/8"));
  EXPECT_FALSE(l.allows("1.2.3.256"));
  EXPECT_FALSE(l.allows(std::string(200, '1')));
}

TEST(IpAllowList, EntriesMayHaveSurroundingSpaces) {
  auto l = list({" 10.0.0.0/8 ", "\t192.168.0.1"});
  EXPECT_TRUE(l.allows("10.1.1.1"));
  EXPECT_TRUE(l.allows("192.168.0.1"));
}

TEST(IpAllowList, BadEntriesAreNamed) {
  EXPECT_NE(error_for({"10.0.0.0/8", "10.0.0.0/33"}).find("\"10.0.0.0/33\""), std::string::npos);
  EXPECT_NE(error_for({"2001:db8::/129"}).find("/128"), std::string::npos);
  EXPECT_NE(error_for({"example.com"}).find("\"example.com\""), std::string::npos);
  for (const std::string bad : {"", "  ", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8/8",
                                "10.0.0.0/8x", "10.0.0.0/0008", "/8", "256.0.0.1", "10.0.0",
                                "1.2.3.4 5", "2001:db8:::1", "::ffff:1.2.3", "10.0.0.0 /8"})
    EXPECT_FALSE(IpAllowList::parse({bad}, nullptr)) << '"' << bad << '"';
}

TEST(IpAllowList, ErrorMayBeOmitted) {
  EXPECT_FALSE(IpAllowList::parse({"bad"}));
}

}  // namespace
}  // namespace artel
