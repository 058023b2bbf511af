#include "core/crypto.h"

#include <sodium.h>

#include <stdexcept>

namespace artel::crypto {

void init() {
  // sodium_init is itself idempotent and thread-safe: 0 on the first call, 1 afterwards.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised.");
}

std::string hash_password(std::string_view password) {
  init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("Out of memory while hashing a password.");
  return out;
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  // libsodium reads the hash as a C string of at most crypto_pwhash_STRBYTES - 1 characters;
  // copying into a bounded, terminated buffer keeps a hostile value from reading past its end.
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos)
    return false;
  try {
    init();
  } catch (const std::exception&) {
    return false;
  }
  char buf[crypto_pwhash_STRBYTES] = {};
  stored_hash.copy(buf, stored_hash.size());
  return crypto_pwhash_str_verify(buf, password.data(), password.size()) == 0;
}

std::string random_token(std::size_t length) {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  init();
  std::string token(length, '\0');
  // randombytes_uniform avoids the modulo bias that byte % 36 would introduce.
  for (auto& c : token) c = kAlphabet[randombytes_uniform(kAlphabet.size())];
  return token;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string base64_encode(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.pop_back();  // the terminating NUL that sodium_base64_encoded_len counts
  return out;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text) {
  // A data URL ("data:image/png;base64,iVBOR...") carries the payload after the comma; only the
  // base64 form is accepted, a percent-encoded data URL is not what callers expect.
  if (text.starts_with("data:")) {
    auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    if (!text.substr(0, comma).ends_with(";base64")) return std::nullopt;
    text.remove_prefix(comma + 1);
  }

  std::string compact;
  compact.reserve(text.size());
  for (char c : text)
    if (!is_space(c)) compact.push_back(c);

  // Padding is optional, but when present it must complete the last quantum, as RFC 4648 says.
  std::size_t pad = 0;
  while (!compact.empty() && compact.back() == '=') {
    compact.pop_back();
    ++pad;
  }
  if (pad > 2) return std::nullopt;
  if (pad > 0 && (compact.size() + pad) % 4 != 0) return std::nullopt;
  if (compact.size() % 4 == 1) return std::nullopt;  // one character cannot encode a byte

  std::string out(compact.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  // The unpadded variant decodes both forms once padding is stripped. libsodium also rejects
  // non-zero trailing bits, so every accepted text has exactly one decoding.
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), compact.data(),
                        compact.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_ORIGINAL_NO_PADDING) != 0 ||
      end != compact.data() + compact.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace artel::crypto
