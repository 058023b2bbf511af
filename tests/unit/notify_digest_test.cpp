#include <gtest/gtest.h>

#include "modules/im/digest.h"

using namespace artel::notify;

namespace {

digest::Letter letter(const std::string& language = "en") {
  digest::Letter l;
  l.to = "ann@example.test";
  l.to_name = "Ann <Belova>";
  l.language = language;
  l.tz_offset = 3 * 3600;
  l.portal_name = "Acme & Co";
  l.base_url = "https://portal.example.test";
  return l;
}

// 2026-03-03 09:05:00 UTC, 12:05 in Moscow.
constexpr std::int64_t kAt = 1772528700;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(NotifyDigest, OneNoticeNamesThePortalAndLinksTheObject) {
  auto m =
      digest::compose(letter(), {{"Boris Petrov", "[B]Task 17[/B] is yours", "/tasks/17/", kAt}});
  EXPECT_EQ(m.to, "ann@example.test");
  EXPECT_EQ(m.subject, "Acme & Co: Task 17 is yours");
  EXPECT_TRUE(contains(m.text, "12:05 — Boris Petrov: Task 17 is yours"));
  EXPECT_TRUE(contains(m.text, "https://portal.example.test/tasks/17/"));
  EXPECT_TRUE(contains(m.text, "https://portal.example.test/notifications/settings"));
  EXPECT_TRUE(contains(m.html, "<b>Task 17</b> is yours"));
  EXPECT_TRUE(contains(m.html, "href=\"https://portal.example.test/tasks/17/\""));
}

TEST(NotifyDigest, SeveralNoticesBecomeOneListingThem) {
  auto m = digest::compose(letter(), {{"Boris", "first", "/t/1/", kAt},
                                      {"Boris", "second", "/t/1/", kAt + 60},
                                      {"", "third", "", kAt + 120}});
  EXPECT_EQ(m.subject, "Acme & Co: 3 notifications — third");
  auto first = m.text.find("first"), second = m.text.find("second"), third = m.text.find("third");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_TRUE(contains(m.text, "12:07 — third"));
  EXPECT_TRUE(contains(m.html, "<li>"));
}

TEST(NotifyDigest, HtmlEscapesNamesAndTexts) {
  auto m = digest::compose(letter(), {{"<Eve>", "<img src=x onerror=alert(1)>", "", kAt}});
  EXPECT_FALSE(contains(m.html, "<img"));
  EXPECT_FALSE(contains(m.html, "<Eve>"));
  EXPECT_TRUE(contains(m.html, "&lt;Eve&gt;"));
  EXPECT_TRUE(contains(m.html, "Ann &lt;Belova&gt;"));
  EXPECT_TRUE(contains(m.html, "<b>Acme &amp; Co</b>"));
  // The plain part is plain: nothing escaped there.
  EXPECT_TRUE(contains(m.text, "Ann <Belova>"));
}

TEST(NotifyDigest, SpeaksThePersonsLanguage) {
  auto ru = digest::compose(letter("ru"), {{"", "a", "", kAt}, {"", "b", "", kAt}});
  EXPECT_EQ(ru.subject, "Acme & Co: 2 уведомления — b");
  EXPECT_TRUE(contains(ru.text, "Здравствуйте"));
  auto many = digest::compose(letter("ru"), std::vector<digest::Item>(5, {"", "x", "", kAt}));
  EXPECT_EQ(many.subject, "Acme & Co: 5 уведомлений — x");
  auto ro = digest::compose(letter("ro"), std::vector<digest::Item>(21, {"", "x", "", kAt}));
  EXPECT_EQ(ro.subject, "Acme & Co: 21 de notificări — x");
}

TEST(NotifyDigest, LongTextIsCutInTheSubjectAtACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "ж";  // two bytes each
  auto m = digest::compose(letter(), {{"", text, "", kAt}});
  EXPECT_TRUE(m.subject.ends_with("…"));
  EXPECT_LE(m.subject.size(), std::string("Acme & Co: ").size() + 80 + 3);
  std::string cut = m.subject.substr(11, m.subject.size() - 11 - 3);
  EXPECT_EQ(cut.size() % 2, 0u);
}

TEST(NotifyDigest, WithoutAPublicAddressThereAreNoLinksToNowhere) {
  auto l = letter();
  l.base_url.clear();
  auto m = digest::compose(l, {{"", "x", "/tasks/1/", kAt}});
  EXPECT_FALSE(contains(m.text, "/tasks/1/"));
  EXPECT_FALSE(contains(m.html, "href"));
  EXPECT_EQ(digest::absolute_link("https://elsewhere.test/a", ""), "https://elsewhere.test/a");
  EXPECT_EQ(digest::absolute_link("javascript:x", "https://p.test"), "");
}
