// Outgoing mail over SMTP (libcurl): building an RFC 5322 message and handing it to a relay.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace artel::mail {

struct SmtpConfig {
  // smtp://host:port (STARTTLS is used when the server offers it) or smtps://host:port.
  std::string url;
  std::string user, password;  // no authentication when user is empty
  std::string from;            // envelope sender and From address
  std::string from_name;       // display name, e.g. the portal's name
};

struct Message {
  std::string to, to_name, subject, text, html;  // html may be empty: plain text only
};

// The complete message with CRLF line endings: Date, From, To, Subject, Message-ID and a
// multipart/alternative body (text/plain, then text/html) in UTF-8, each part quoted-printable
// or base64, whichever is shorter (only text/plain when html is empty). Non-ASCII
// subjects and names become RFC 2047 encoded words; lines stay within 78 characters, except
// that a long ASCII subject or address stays whole (still within the 998-character limit). The
// Message-ID is random, under message_id_domain (the From address's domain when empty).
std::string build_mime(const SmtpConfig& config, const Message& message, std::int64_t unix_now,
                       std::string_view message_id_domain = {});

// Delivers one message. Returns "" on success, otherwise a sentence with the cause and the
// server's last reply when there was one. Gives up after 15 seconds. Never throws.
std::string send(const SmtpConfig& config, const Message& message);

}  // namespace artel::mail
