#include "core/crypto.h"

#include <gtest/gtest.h>

#include <set>

namespace artel::crypto {
namespace {

TEST(Crypto, InitCanBeCalledRepeatedly) {
  init();
  init();
}

TEST(Crypto, PasswordHashVerifies) {
  const std::string hash = hash_password("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Crypto, PasswordHashesAreSalted) {
  EXPECT_NE(hash_password("пароль"), hash_password("пароль"));
  EXPECT_TRUE(verify_password(hash_password("пароль"), "пароль"));
}

TEST(Crypto, EmptyPasswordStillHashes) {
  const std::string hash = hash_password("");
  EXPECT_TRUE(verify_password(hash, ""));
  EXPECT_FALSE(verify_password(hash, " "));
}

TEST(Crypto, MalformedHashesAreRejectedWithoutThrowing) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=65536,t=2,p=1$garbage", "x"));
  EXPECT_FALSE(verify_password(std::string(1000, 'a'), "x"));
  std::string with_nul = hash_password("x");
  with_nul.insert(5, 1, '\0');
  EXPECT_FALSE(verify_password(with_nul, "x"));
  // A hash cut short must not verify.
  const std::string hash = hash_password("x");
  EXPECT_FALSE(verify_password(hash.substr(0, hash.size() - 4), "x"));
}

TEST(Crypto, RandomTokensLookLikeWebhookCodes) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string t = random_token();
    ASSERT_EQ(t.size(), 16u);
    for (char c : t) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(random_token(32).size(), 32u);
  EXPECT_EQ(random_token(0), "");
}

TEST(Crypto, RandomTokensUseTheWholeAlphabet) {
  const std::string t = random_token(5000);
  for (char c : std::string("abcdefghijklmnopqrstuvwxyz0123456789"))
    EXPECT_NE(t.find(c), std::string::npos) << c;
}

TEST(Crypto, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("8g9l071eismy9q2l", "8g9l071eismy9q2l"));
  EXPECT_FALSE(constant_time_equal("8g9l071eismy9q2l", "8g9l071eismy9q2m"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
}

TEST(Crypto, Sha256KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, Base64KnownVectors) {
  // RFC 4648, section 10.
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_decode("Zm9vYmE="), "fooba");
  EXPECT_EQ(base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64_decode(""), "");
}

TEST(Crypto, Base64RoundTripsBinary) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  bytes += std::string("\0\0\xff\xfe", 4);
  for (std::size_t len = 0; len <= bytes.size(); len += 7) {
    const std::string part = bytes.substr(0, len);
    auto decoded = base64_decode(base64_encode(part));
    ASSERT_TRUE(decoded) << len;
    EXPECT_EQ(*decoded, part) << len;
  }
}

TEST(Crypto, Base64DecodeIsLenient) {
  EXPECT_EQ(base64_decode("Zm9vYg"), "foob");                     // no padding
  EXPECT_EQ(base64_decode("Zm9v\r\nYmFy\n"), "foobar");           // line breaks
  EXPECT_EQ(base64_decode("  Zm 9v YmE =  "), "fooba");           // spaces anywhere
  EXPECT_EQ(base64_decode("data:image/png;base64,Zm9v"), "foo");  // data URL
  EXPECT_EQ(base64_decode("data:;base64,Zm9vYmE"), "fooba");
  EXPECT_EQ(base64_decode("+/+/"), std::string("\xfb\xff\xbf", 3));  // standard alphabet
}

TEST(Crypto, Base64DecodeRejectsGarbage) {
  EXPECT_FALSE(base64_decode("Zm9v!"));
  EXPECT_FALSE(base64_decode("Z"));  // one character cannot carry a byte
  EXPECT_FALSE(base64_decode("Zm9vY"));
  EXPECT_FALSE(base64_decode("Zm9v==="));  // too much padding
  EXPECT_FALSE(base64_decode("Zm9vYg="));  // padding that does not complete the quantum
  EXPECT_FALSE(base64_decode("Zm=9v"));    // padding in the middle
  EXPECT_FALSE(base64_decode("-_-_"));     // URL-safe alphabet is not standard
  EXPECT_FALSE(base64_decode("Zh=="));     // non-zero trailing bits
  EXPECT_FALSE(base64_decode("data:text/plain,hello"));  // not a base64 data URL
  EXPECT_FALSE(base64_decode("data:image/png;base64"));
}

}  // namespace
}  // namespace artel::crypto
