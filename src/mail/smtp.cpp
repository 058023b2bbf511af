#include "mail/smtp.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>

#include "core/crypto.h"

namespace artel::mail {

namespace {

constexpr std::string_view kCrlf = "\r\n";

// Header values come from user data (names, subjects); a CR or LF there would let it add
// headers of its own. Control characters are dropped before anything is written.
std::string without_controls(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  return out;
}

bool is_plain_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// RFC 2047 B-encoded words, each at most 75 characters and holding whole UTF-8 characters
// (a character may not be split between words). Words are separated by folding white space.
std::string encoded_words(std::string_view utf8) {
  // 42 bytes -> 56 base64 characters -> 68 in all, so even "Subject: " + word fits in 78.
  constexpr std::size_t kMaxChunk = 42;
  std::string out;
  while (!utf8.empty()) {
    std::size_t n = std::min(kMaxChunk, utf8.size());
    // Back up over continuation bytes (10xxxxxx) so the chunk ends on a character boundary.
    while (n < utf8.size() && n > 0 && (static_cast<unsigned char>(utf8[n]) & 0xc0) == 0x80) --n;
    if (n == 0) n = std::min(kMaxChunk, utf8.size());  // not UTF-8 at all; split anyway
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + crypto::base64_encode(utf8.substr(0, n)) + "?=";
    utf8.remove_prefix(n);
  }
  return out;
}

std::string subject_header(std::string_view subject) {
  const std::string s = without_controls(subject);
  // "=?" would be read as the start of an encoded word, so such subjects are encoded too.
  if (is_plain_ascii(s) && s.find("=?") == std::string::npos && s.size() <= 900) return s;
  return encoded_words(s);
}

// `Name <address>`, with the name quoted when ASCII and encoded otherwise.
std::string mailbox(std::string_view name, std::string_view address) {
  const std::string addr = "<" + without_controls(address) + ">";
  const std::string n = without_controls(name);
  if (n.empty()) return addr;
  if (!is_plain_ascii(n) || n.find("=?") != std::string::npos || n.size() > 60)
    return encoded_words(n) + " " + addr;
  std::string quoted = "\"";
  for (char c : n) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return quoted + "\" " + addr;
}

// Quoted-printable (RFC 2045) with CRLF hard breaks and lines of at most 76 characters.
// A line-initial "." is encoded as well, so that no relay's dot-stuffing can alter the text.
std::string quoted_printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t line_len = 0;
  auto put = [&](std::string_view piece) {
    if (line_len + piece.size() > 75) {  // leave room for the "=" of a soft break
      out += "=\r\n";
      line_len = 0;
      if (piece == ".") piece = "=2E";  // now at the start of a line after all
    }
    out += piece;
    line_len += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      out += kCrlf;
      line_len = 0;
      continue;
    }
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    const bool literal = (c >= 33 && c <= 126 && c != '=' && !(c == '.' && line_len == 0)) ||
                         ((c == ' ' || c == '\t') && !at_line_end);
    if (literal) {
      put(std::string_view(reinterpret_cast<const char*>(&text[i]), 1));
    } else {
      const char enc[3] = {'=', kHex[c >> 4], kHex[c & 15]};
      put(std::string_view(enc, 3));
    }
  }
  return out;
}

std::string rfc5322_date(std::int64_t unix_now) {
  // gmtime_r does not consult TZ, so this is safe in a multi-threaded server.
  const std::time_t t = static_cast<std::time_t>(unix_now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

// Base64 in lines of 76 characters, over the text with its line breaks made CRLF (the
// canonical form that RFC 2045 requires before encoding text).
std::string base64_lines(std::string_view text) {
  std::string canonical;
  canonical.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) canonical += '\r';
    canonical += text[i];
  }
  const std::string encoded = crypto::base64_encode(canonical);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) {
    if (i > 0) out += kCrlf;
    out += encoded.substr(i, 76);
  }
  return out;
}

// Content-Type and Content-Transfer-Encoding headers, a blank line and the encoded text.
// Quoted-printable keeps mostly-Latin text readable; mostly-Cyrillic text would triple in
// size under it, so whichever encoding is shorter is used.
std::string text_entity(std::string_view subtype, std::string_view text) {
  std::string body = quoted_printable(text);
  std::string encoding = "quoted-printable";
  if (std::string b64 = base64_lines(text); b64.size() < body.size()) {
    body = std::move(b64);
    encoding = "base64";
  }
  return "Content-Type: text/" + std::string(subtype) + "; charset=UTF-8\r\n" +
         "Content-Transfer-Encoding: " + encoding + "\r\n\r\n" + body + "\r\n";
}

}  // namespace

std::string build_mime(const SmtpConfig& config, const Message& message, std::int64_t unix_now,
                       std::string_view message_id_domain) {
  std::string domain = without_controls(message_id_domain);
  if (domain.empty()) {
    const auto at = config.from.rfind('@');
    domain = at == std::string::npos ? "localhost" : without_controls(config.from.substr(at + 1));
  }

  std::string out;
  out += "Date: " + rfc5322_date(unix_now) + "\r\n";
  out += "From: " + mailbox(config.from_name, config.from) + "\r\n";
  out += "To: " + mailbox(message.to_name, message.to) + "\r\n";
  out += "Subject: " + subject_header(message.subject) + "\r\n";
  out += "Message-ID: <" + crypto::random_token(24) + "@" + domain + ">\r\n";
  out += "MIME-Version: 1.0\r\n";

  if (message.html.empty()) return out + text_entity("plain", message.text);

  // "=_" occurs in neither quoted-printable nor base64 output, so no body holds the boundary.
  const std::string boundary = "=_artel_" + crypto::random_token(24);
  out += "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
  out += "This is a multi-part message in MIME format.\r\n";
  out += "--" + boundary + "\r\n" + text_entity("plain", message.text);
  out += "--" + boundary + "\r\n" + text_entity("html", message.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

// ---- Delivery --------------------------------------------------------------------------------

namespace {

struct Upload {
  std::string_view rest;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->rest.size());
  std::memcpy(buffer, up->rest.data(), n);
  up->rest.remove_prefix(n);
  return n;
}

// Keeps the server's last refusal (a 4xx or 5xx reply), which says why a command failed.
// The very last reply is no use: after a failure curl still sends QUIT and reads "221 Bye".
int record_refusal(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type == CURLINFO_HEADER_IN && size > 0 && (data[0] == '4' || data[0] == '5')) {
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    *static_cast<std::string*>(user) = std::move(line);
  }
  return 0;
}

bool valid_address(std::string_view a) {
  return !a.empty() && a.find('@') != std::string_view::npos &&
         std::none_of(a.begin(), a.end(), [](char c) {
           return static_cast<unsigned char>(c) < 0x21 || c == '<' || c == '>' || c == 0x7f;
         });
}

std::string deliver(const SmtpConfig& config, const Message& message) {
  if (!config.url.starts_with("smtp://") && !config.url.starts_with("smtps://"))
    return "The SMTP server address must start with smtp:// or smtps://.";
  if (!valid_address(config.from)) return "The sender address \"" + config.from + "\" is invalid.";
  if (!valid_address(message.to)) return "The recipient address \"" + message.to + "\" is invalid.";

  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  const std::string mime = build_mime(config, message, std::time(nullptr));
  Upload upload{mime};
  std::string refusal;
  char error[CURL_ERROR_SIZE] = {};

  CURL* curl = curl_easy_init();
  if (!curl) return "The mail transfer could not be started (out of memory).";
  const std::string from = "<" + config.from + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());

  curl_easy_setopt(curl, CURLOPT_URL, config.url.c_str());
  // Plain smtp:// upgrades with STARTTLS whenever the server offers it; smtps:// is TLS anyway.
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!config.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 15000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // signals and threads do not mix
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, record_refusal);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &refusal);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // the debug callback runs only in verbose mode

  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc == CURLE_OK) return "";

  std::string sentence = curl_easy_strerror(rc);
  if (error[0] != '\0' && sentence != error) sentence += ": " + std::string(error);
  if (!refusal.empty()) sentence += " (server replied: " + refusal + ")";
  if (!sentence.ends_with('.') && !sentence.ends_with(')')) sentence += '.';
  return sentence;
}

}  // namespace

std::string send(const SmtpConfig& config, const Message& message) {
  try {
    return deliver(config, message);
  } catch (const std::exception& e) {
    return std::string("Mail could not be sent: ") + e.what();
  } catch (...) {
    return "Mail could not be sent.";
  }
}

}  // namespace artel::mail
