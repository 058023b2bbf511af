#include <gtest/gtest.h>

#include "modules/settings/store.h"

using artel::valid_public_url;

TEST(PublicUrl, AcceptsAnAddressWithOptionalPortAndPath) {
  EXPECT_TRUE(valid_public_url("https://portal.example.com"));
  EXPECT_TRUE(valid_public_url("http://127.0.0.1:8080"));
  EXPECT_TRUE(valid_public_url("http://[::1]:8080"));
  EXPECT_TRUE(valid_public_url("https://example.com/portal"));
}

TEST(PublicUrl, RefusesWhatCannotBeALinkPrefix) {
  EXPECT_FALSE(valid_public_url(""));
  EXPECT_FALSE(valid_public_url("http://"));
  EXPECT_FALSE(valid_public_url("ftp://example.com"));
  EXPECT_FALSE(valid_public_url("https://example.com/"));
  EXPECT_FALSE(valid_public_url("https://user@example.com"));
  EXPECT_FALSE(valid_public_url("https://example.com/?a=1"));
  EXPECT_FALSE(valid_public_url("https://exa mple.com"));
  EXPECT_FALSE(valid_public_url("https://example.com/a\"b"));
  EXPECT_FALSE(valid_public_url("javascript:alert(1)"));
}
