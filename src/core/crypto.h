// Password hashing, tokens and encodings over libsodium. Everything here is stateless apart
// from sodium_init, which init() runs once; every other function calls it as well, so a caller
// that forgets init() still gets a seeded random generator.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace artel::crypto {

// Initialises libsodium. Safe to call many times and from many threads. Throws
// std::runtime_error if the library cannot be initialised (no entropy source).
void init();

// Argon2id hash in the self-describing "$argon2id$v=19$m=...,t=...,p=...$salt$hash" form, with
// libsodium's interactive limits (about 64 MiB and well under a second on a small server).
// Throws std::runtime_error when the memory for the hash cannot be allocated.
std::string hash_password(std::string_view password);

// True when the password matches a hash from hash_password. A malformed or foreign hash gives
// false; this never throws.
bool verify_password(std::string_view stored_hash, std::string_view password);

// A random token of lower-case letters and digits, the alphabet of Bitrix24 webhook codes
// ("8g9l071eismy9q2l"). Each character carries log2(36) ≈ 5.17 bits.
std::string random_token(std::size_t length = 16);

// Compares secrets in time that does not depend on where they differ. Different lengths give
// false at once: the length of a token is not a secret.
bool constant_time_equal(std::string_view a, std::string_view b);

// SHA-256 as 64 lower-case hex digits. Used to store tokens so that a leaked database does not
// leak usable credentials.
std::string sha256_hex(std::string_view data);

// Standard base64 (RFC 4648 alphabet) with padding.
std::string base64_encode(std::string_view bytes);

// Decodes standard base64 with or without padding, ignoring white space and an optional
// "data:<mime>;base64," prefix (browsers send uploads as data URLs). nullopt on anything else.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace artel::crypto
