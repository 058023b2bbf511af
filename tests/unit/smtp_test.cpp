#include "mail/smtp.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/crypto.h"
#include "core/text.h"

namespace artel::mail {
namespace {

namespace fs = std::filesystem;

SmtpConfig config() {
  return {"smtp://127.0.0.1:1", "", "", "noreply@portal.example.com", "Artel Portal"};
}

Message message() {
  return {"ivan@example.com", "Ivan Petrov", "Welcome", "Hello, Ivan!\nSee you.",
          "<p>Hello, <b>Ivan</b>!</p>"};
}

std::vector<std::string> split_lines(const std::string& crlf_text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < crlf_text.size()) {
    auto end = crlf_text.find("\r\n", start);
    if (end == std::string::npos) end = crlf_text.size();
    lines.push_back(crlf_text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

// The value of a header, unfolded ("Subject: a\r\n b" gives "a b").
std::string header(const std::string& mime, const std::string& name) {
  const auto head = mime.substr(0, mime.find("\r\n\r\n"));
  auto pos = ("\r\n" + head).find("\r\n" + name + ": ");
  if (pos == std::string::npos) return "";
  std::string value;
  for (std::size_t i = pos + name.size() + 2; i < head.size(); ++i) {
    if (head.compare(i, 3, "\r\n ") == 0 || head.compare(i, 3, "\r\n\t") == 0) {
      i += 1;  // keep the folding white space, drop the line break
      continue;
    }
    if (head.compare(i, 2, "\r\n") == 0) break;
    value.push_back(head[i]);
  }
  return value;
}

// Decodes the RFC 2047 B-words of a header value, dropping the white space between words.
std::string decode_words(const std::string& value) {
  std::string out, pending_space;
  std::size_t i = 0;
  bool last_was_word = false;
  while (i < value.size()) {
    if (value.compare(i, 10, "=?UTF-8?B?") == 0) {
      auto end = value.find("?=", i + 10);
      auto decoded = crypto::base64_decode(value.substr(i + 10, end - i - 10));
      EXPECT_TRUE(decoded) << value;
      if (!last_was_word) out += pending_space;
      out += decoded.value_or("");
      pending_space.clear();
      last_was_word = true;
      i = end + 2;
    } else if (value[i] == ' ') {
      pending_space += ' ';
      ++i;
    } else {
      out += pending_space;
      pending_space.clear();
      out.push_back(value[i++]);
      last_was_word = false;
    }
  }
  return out + pending_space;
}

std::string decode_quoted_printable(const std::string& qp) {
  std::string out;
  for (std::size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] != '=') {
      out.push_back(qp[i]);
    } else if (qp.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else {
      out.push_back(static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    }
  }
  return out;
}

struct Part {
  std::string headers, body;
};

bool is_base64(const Part& p) {
  return p.headers.find("Content-Transfer-Encoding: base64") != std::string::npos;
}

std::string decode_part(const Part& p) {
  if (is_base64(p)) return crypto::base64_decode(p.body).value_or("<invalid base64>");
  EXPECT_NE(p.headers.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
  return decode_quoted_printable(p.body);
}

std::string with_crlf(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

// The parts of a multipart message, bodies still encoded.
std::vector<Part> parts(const std::string& mime) {
  const std::string type = header(mime, "Content-Type");
  const auto b = type.find("boundary=\"");
  if (b == std::string::npos) return {};
  const std::string boundary = "--" + type.substr(b + 10, type.find('"', b + 10) - b - 10);
  std::vector<Part> result;
  std::size_t pos = mime.find("\r\n" + boundary + "\r\n");
  while (pos != std::string::npos) {
    const std::size_t start = pos + boundary.size() + 4;
    const std::size_t next = mime.find("\r\n" + boundary, start);
    if (next == std::string::npos) break;
    const std::string part = mime.substr(start, next - start);
    const auto split = part.find("\r\n\r\n");
    result.push_back({part.substr(0, split), part.substr(split + 4)});
    if (mime.compare(next + 2 + boundary.size(), 2, "--") == 0) break;
    pos = next;
  }
  return result;
}

// ---- build_mime --------------------------------------------------------------------------------

TEST(BuildMime, UsesCrlfAndShortLines) {
  Message m = message();
  m.text = std::string(3000, 'x') + "\n" + std::string(500, ' ') + "\r\nend";
  m.html = "<p>" + std::string(2000, 'y') + "</p>\n";
  const std::string mime = build_mime(config(), m, 1724916859, "portal.example.com");
  for (std::size_t i = 0; i < mime.size(); ++i) {
    if (mime[i] == '\n') {
      ASSERT_TRUE(i > 0 && mime[i - 1] == '\r') << "bare LF at " << i;
    }
    if (mime[i] == '\r') {
      ASSERT_TRUE(i + 1 < mime.size() && mime[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  EXPECT_TRUE(mime.ends_with("\r\n"));
  for (const auto& line : split_lines(mime)) EXPECT_LE(line.size(), 78u) << line;
}

TEST(BuildMime, HasTheRequiredHeaders) {
  const std::string mime = build_mime(config(), message(), 1724916859, "portal.example.com");
  EXPECT_EQ(header(mime, "Date"), "Thu, 29 Aug 2024 07:34:19 +0000");
  EXPECT_EQ(header(mime, "From"), "\"Artel Portal\" <noreply@portal.example.com>");
  EXPECT_EQ(header(mime, "To"), "\"Ivan Petrov\" <ivan@example.com>");
  EXPECT_EQ(header(mime, "Subject"), "Welcome");
  EXPECT_EQ(header(mime, "MIME-Version"), "1.0");
  const std::string id = header(mime, "Message-ID");
  EXPECT_TRUE(id.starts_with("<") && id.ends_with("@portal.example.com>")) << id;
  EXPECT_NE(
      id, header(build_mime(config(), message(), 1724916859, "portal.example.com"), "Message-ID"));
  EXPECT_TRUE(header(mime, "Content-Type").starts_with("multipart/alternative; boundary=\"=_"));
}

TEST(BuildMime, MessageIdDomainDefaultsToTheSender) {
  const std::string mime = build_mime(config(), message(), 0);
  EXPECT_TRUE(header(mime, "Message-ID").ends_with("@portal.example.com>"));
  EXPECT_EQ(header(mime, "Date"), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(BuildMime, HasPlainAndHtmlParts) {
  Message m = message();
  m.text = "Здравствуйте, Иван!\nВаш пароль: a=b\n.\n..dots\ntrailing space \nend\ttab\t";
  m.html = "<p>Здравствуйте, <b>Иван</b>!</p>\r\n<p>Ștefan și Țara</p>";
  const std::string mime = build_mime(config(), m, 0);
  const auto ps = parts(mime);
  ASSERT_EQ(ps.size(), 2u) << mime;
  EXPECT_NE(ps[0].headers.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(ps[1].headers.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  for (const auto& p : ps) {
    for (const auto& line : split_lines(p.body)) {
      EXPECT_FALSE(line.starts_with(".")) << line;
      EXPECT_FALSE(line.ends_with(" ") || line.ends_with("\t")) << line;
    }
  }
  EXPECT_EQ(decode_part(ps[0]), with_crlf(m.text));
  EXPECT_EQ(decode_part(ps[1]), m.html);
}

TEST(BuildMime, ChoosesTheShorterEncoding) {
  Message m = message();
  m.text = "Hello, Ivan! Your account on the portal is ready. Ștefan\n";
  m.html = "<p>Здравствуйте, Иван! Ваша учётная запись на портале готова.</p>\n";
  const auto ps = parts(build_mime(config(), m, 0));
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_FALSE(is_base64(ps[0]));  // mostly ASCII: readable quoted-printable
  EXPECT_TRUE(is_base64(ps[1]));   // mostly Cyrillic: base64 is a third of the size
  EXPECT_EQ(decode_part(ps[0]), with_crlf(m.text));
  EXPECT_EQ(decode_part(ps[1]), with_crlf(m.html));
  for (const auto& line : split_lines(ps[1].body)) EXPECT_LE(line.size(), 76u);
}

TEST(BuildMime, LongLinesRoundTrip) {
  Message m = message();
  m.text = std::string(5000, 'a') + "\n" + std::string(100, '.') + "\n" + std::string(300, '=');
  m.html = "";
  const std::string mime = build_mime(config(), m, 0);
  EXPECT_EQ(header(mime, "Content-Type"), "text/plain; charset=UTF-8");
  const std::string body = mime.substr(mime.find("\r\n\r\n") + 4);
  EXPECT_EQ(header(mime, "Content-Transfer-Encoding"), "quoted-printable");
  std::string crlf = std::string(5000, 'a') + "\r\n" + std::string(100, '.') + "\r\n" +
                     std::string(300, '=') + "\r\n";
  EXPECT_EQ(decode_quoted_printable(body), crlf);
  for (const auto& line : split_lines(body)) {
    EXPECT_LE(line.size(), 76u);
    EXPECT_FALSE(line.starts_with("."));
  }
}

TEST(BuildMime, EncodesNonAsciiSubjectsAndNames) {
  Message m = message();
  m.subject = "Приглашение на портал «Артель»";
  m.to_name = "Иван Петров";
  SmtpConfig c = config();
  c.from_name = "Портал";
  const std::string mime = build_mime(c, m, 0);
  const std::string subject = header(mime, "Subject");
  EXPECT_TRUE(subject.starts_with("=?UTF-8?B?")) << subject;
  EXPECT_EQ(decode_words(subject), m.subject);
  const std::string to = header(mime, "To");
  EXPECT_TRUE(to.ends_with(" <ivan@example.com>"));
  EXPECT_EQ(decode_words(to.substr(0, to.find(" <"))), "Иван Петров");
  EXPECT_EQ(decode_words(header(mime, "From")), "Портал <noreply@portal.example.com>");
}

TEST(BuildMime, LongSubjectsSplitOnCharacterBoundaries) {
  Message m = message();
  for (int i = 0; i < 40; ++i) m.subject += "Ăşţ Жё 日本 ";
  const std::string mime = build_mime(config(), m, 0);
  std::size_t words = 0;
  for (const auto& line : split_lines(mime.substr(0, mime.find("\r\n\r\n")))) {
    EXPECT_LE(line.size(), 78u) << line;
    auto start = line.find("=?UTF-8?B?");
    if (start == std::string::npos || !line.ends_with("?=")) continue;
    const std::string word = line.substr(start);
    EXPECT_LE(word.size(), 75u);
    auto bytes = crypto::base64_decode(word.substr(10, word.size() - 12));
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(is_valid_utf8(*bytes)) << "a word splits a character: " << word;
    ++words;
  }
  EXPECT_GT(words, 5u);
  EXPECT_EQ(decode_words(header(mime, "Subject")), m.subject);
}

TEST(BuildMime, HeaderValuesCannotAddHeaders) {
  Message m = message();
  m.subject = "Hello\r\nBcc: victim@example.com";
  m.to_name = "Eve\"\r\nX-Evil: 1";
  const std::string mime = build_mime(config(), m, 0);
  const std::string head = mime.substr(0, mime.find("\r\n\r\n"));
  EXPECT_EQ(head.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(head.find("\r\nX-Evil:"), std::string::npos);
  EXPECT_EQ(header(mime, "To"), "\"Eve\\\"X-Evil: 1\" <ivan@example.com>");
  EXPECT_EQ(header(mime, "Subject"), "HelloBcc: victim@example.com");
}

TEST(BuildMime, LooksLikeAnEncodedWordOnlyWhenItIsOne) {
  Message m = message();
  m.subject = "=?UTF-8?B?SGk=?= is not what it seems";
  const std::string mime = build_mime(config(), m, 0);
  EXPECT_EQ(decode_words(header(mime, "Subject")), m.subject);
}

// ---- send --------------------------------------------------------------------------------------

// The SMTP sink from smtp_sink_fixture.py, run under Debian's python3 (which has aiosmtpd).
class SmtpSink {
 public:
  static constexpr const char* kPython = "/usr/bin/python3";

  static bool available() {
    return access(kPython, X_OK) == 0 &&
           std::system("/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1") == 0;
  }

  static fs::path script() {
    fs::path here = fs::path(__FILE__).parent_path() / "smtp_sink_fixture.py";
    if (fs::exists(here)) return fs::absolute(here);
    return fs::absolute("tests/unit/smtp_sink_fixture.py");
  }

  SmtpSink() {
    output_ = fs::temp_directory_path() /
              ("artel_smtp_sink_" + std::to_string(getpid()) + "_" + crypto::random_token(8));
    int out[2], in[2];
    if (pipe(out) != 0 || pipe(in) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    const std::string script_path = script().string(), output_path = output_.string();
    char* argv[] = {const_cast<char*>("python3"), const_cast<char*>(script_path.c_str()),
                    const_cast<char*>(output_path.c_str()), nullptr};
    if (posix_spawn(&pid_, kPython, &actions, nullptr, argv, environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
    if (pid_ > 0) port_ = read_port();
  }

  ~SmtpSink() {
    if (stdin_ >= 0) close(stdin_);  // the sink exits at end of input...
    if (pid_ > 0) {
      kill(pid_, SIGTERM);  // ...or at once on SIGTERM
      int status = 0;
      waitpid(pid_, &status, 0);
    }
    if (stdout_ >= 0) close(stdout_);
    std::error_code ec;
    fs::remove(output_, ec);
  }

  int port() const { return port_; }

  std::string received() const {
    std::ifstream in(output_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }

 private:
  int read_port() {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (line.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return 0;
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return 0;
      char buf[64];
      const ssize_t n = read(stdout_, buf, sizeof buf);
      if (n <= 0) return 0;
      line.append(buf, static_cast<std::size_t>(n));
    }
    return std::atoi(line.c_str());
  }

  fs::path output_;
  pid_t pid_ = -1;
  int stdin_ = -1, stdout_ = -1;
  int port_ = 0;
};

TEST(SmtpSend, DeliversToARealServer) {
  if (!SmtpSink::available()) GTEST_SKIP() << "/usr/bin/python3 with aiosmtpd is not installed";
  SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << "the SMTP sink did not start";

  SmtpConfig c = config();
  c.url = "smtp://127.0.0.1:" + std::to_string(sink.port());
  Message m = message();
  m.subject = "Приглашение на портал";
  m.text = "Здравствуйте!\n.\nThe line above is a lone dot.";
  const std::string error = send(c, m);
  ASSERT_EQ(error, "");

  const std::string got = sink.received();
  EXPECT_NE(got.find("X-Envelope-From: noreply@portal.example.com\r\n"), std::string::npos) << got;
  EXPECT_NE(got.find("X-Envelope-To: ivan@example.com\r\n"), std::string::npos) << got;
  const std::string mime = got.substr(got.find("Date: "));
  EXPECT_EQ(decode_words(header(mime, "Subject")), "Приглашение на портал");
  EXPECT_EQ(header(mime, "To"), "\"Ivan Petrov\" <ivan@example.com>");
  const auto ps = parts(mime);
  ASSERT_EQ(ps.size(), 2u) << got;
  EXPECT_EQ(decode_part(ps[0]), "Здравствуйте!\r\n.\r\nThe line above is a lone dot.");
  EXPECT_EQ(decode_part(ps[1]), m.html);
}

TEST(SmtpSend, ReportsTheServersRefusal) {
  if (!SmtpSink::available()) GTEST_SKIP() << "/usr/bin/python3 with aiosmtpd is not installed";
  SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << "the SMTP sink did not start";
  SmtpConfig c = config();
  c.url = "smtp://127.0.0.1:" + std::to_string(sink.port());
  Message m = message();
  m.to = "rejected@example.com";
  const std::string error = send(c, m);
  EXPECT_NE(error.find("550"), std::string::npos) << error;
  EXPECT_NE(error.find("Mailbox unavailable"), std::string::npos) << error;
  EXPECT_EQ(sink.received(), "");
}

// A port on which nothing listens: bound and released at once.
int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(SmtpSend, ClosedPortFailsQuickly) {
  SmtpConfig c = config();
  c.url = "smtp://127.0.0.1:" + std::to_string(closed_port());
  const auto start = std::chrono::steady_clock::now();
  const std::string error = send(c, message());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(error.empty());
  EXPECT_NE(error.find("connect"), std::string::npos) << error;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(SmtpSend, RejectsBadSettingsWithoutConnecting) {
  SmtpConfig c = config();
  c.url = "http://127.0.0.1:25";
  EXPECT_NE(send(c, message()).find("smtp://"), std::string::npos);
  c = config();
  c.from = "not an address";
  EXPECT_NE(send(c, message()).find("sender"), std::string::npos);
  Message m = message();
  m.to = "a@b.c>\r\nRCPT TO:<x@y.z";
  EXPECT_NE(send(config(), m).find("recipient"), std::string::npos);
  m.to = "";
  EXPECT_FALSE(send(config(), m).empty());
}

}  // namespace
}  // namespace artel::mail
