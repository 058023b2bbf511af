#include <gtest/gtest.h>

#include "core/bbcode.h"

using namespace artel;

TEST(Bbcode, PlainTextKeepsTheWordsAndDropsTheMarkup) {
  EXPECT_EQ(bbcode::to_plain("[B]Done[/B]: [i]really[/i]"), "Done: really");
  EXPECT_EQ(bbcode::to_plain("[USER=5]Anna Belova[/USER] mentioned you"),
            "Anna Belova mentioned you");
  EXPECT_EQ(bbcode::to_plain("one[BR]two"), "one\ntwo");
}

TEST(Bbcode, PlainTextShowsWhereALinkGoes) {
  EXPECT_EQ(bbcode::to_plain("See [URL=/tasks/task/view/17/]task 17[/URL]"),
            "See task 17 (/tasks/task/view/17/)");
  EXPECT_EQ(bbcode::to_plain("[URL]https://example.com[/URL]"), "https://example.com");
  EXPECT_EQ(bbcode::to_plain("[url=\"https://a.test/x\"][b]A[/b][/url]"), "A (https://a.test/x)");
}

TEST(Bbcode, UnknownOrBrokenTagsStayAsTyped) {
  EXPECT_EQ(bbcode::to_plain("[SPOILER]x[/SPOILER] [B"), "[SPOILER]x[/SPOILER] [B");
  EXPECT_EQ(bbcode::to_plain("a [URL=/x]never closed"), "a [URL=/x]never closed");
  EXPECT_EQ(bbcode::to_plain("price [5] and [/]"), "price [5] and [/]");
}

TEST(Bbcode, HtmlEscapesEverythingTyped) {
  EXPECT_EQ(bbcode::to_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(bbcode::to_html("[B]<i>[/B]"), "<b>&lt;i&gt;</b>");
}

TEST(Bbcode, HtmlStylesLinesAndLinks) {
  EXPECT_EQ(bbcode::to_html("[B]a[/B]\n[I]b[/I][U]c[/U][S]d[/S]"),
            "<b>a</b><br><i>b</i><u>c</u><s>d</s>");
  EXPECT_EQ(bbcode::to_html("[URL=/tasks/1/]Task[/URL]", "https://p.test"),
            "<a href=\"https://p.test/tasks/1/\">Task</a>");
  EXPECT_EQ(bbcode::to_html("[URL]https://a.test/?a=1&b=2[/URL]"),
            "<a href=\"https://a.test/?a=1&amp;b=2\">https://a.test/?a=1&amp;b=2</a>");
  EXPECT_EQ(bbcode::to_html("[USER=7]Ann[/USER]", "https://p.test"),
            "<a class=\"mention\" href=\"https://p.test/company/personal/user/7/\">Ann</a>");
}

TEST(Bbcode, HtmlRefusesUnsafeLinksButKeepsTheirText) {
  EXPECT_EQ(bbcode::to_html("[URL=javascript:alert(1)]click[/URL]"), "click");
  EXPECT_EQ(bbcode::to_html("[URL]javascript:alert(1)[/URL]"), "javascript:alert(1)");
  EXPECT_EQ(bbcode::to_html("[URL=//evil.test/]x[/URL]"), "x");
  EXPECT_EQ(bbcode::to_html("[URL=\"/a\" onclick=\"x\"]y[/URL]"),
            "<a href=\"/a&quot; onclick=&quot;x\">y</a>");
}

TEST(Bbcode, HtmlClosesWhatWasLeftOpenAndIgnoresStrayClosers) {
  EXPECT_EQ(bbcode::to_html("[B][I]x"), "<b><i>x</i></b>");
  EXPECT_EQ(bbcode::to_html("x[/B]"), "x[/B]");
  EXPECT_EQ(bbcode::to_html("[B]a[I]b[/B]c"), "<b>a<i>b</i></b>c");
  EXPECT_EQ(bbcode::to_html("[URL=/a]1[URL=/b]2[/URL]3[/URL]"), "<a href=\"/a\">123</a>");
}

TEST(Bbcode, SafeHref) {
  EXPECT_EQ(bbcode::safe_href("/tasks/1/", "https://p.test"), "https://p.test/tasks/1/");
  EXPECT_EQ(bbcode::safe_href("HTTPS://a.test", ""), "HTTPS://a.test");
  EXPECT_EQ(bbcode::safe_href("mailto:a@b.test", ""), "mailto:a@b.test");
  EXPECT_EQ(bbcode::safe_href("data:text/html,x", ""), "");
  EXPECT_EQ(bbcode::safe_href("/\\evil.test", ""), "");
  EXPECT_EQ(bbcode::safe_href("/a\nb", ""), "");
}

TEST(Bbcode, QuotesCodeAndLists) {
  EXPECT_EQ(bbcode::to_html("[QUOTE]Ann: ok[/QUOTE]done"), "<blockquote>Ann: ok</blockquote>done");
  EXPECT_EQ(bbcode::to_html("[CODE][B]x[/B] <y>[/CODE]"),
            "<pre><code>[B]x[/B] &lt;y&gt;</code></pre>");
  EXPECT_EQ(bbcode::to_html("[LIST][*]one[*]two[/LIST]"), "<ul><li>one<li>two</ul>");
  EXPECT_EQ(bbcode::to_plain("[LIST][*]one[*]two[/LIST]"), "\n• one\n• two");
  EXPECT_EQ(bbcode::to_plain("[QUOTE]a[/QUOTE] [CODE]b[/CODE]"), "a b");
  EXPECT_EQ(bbcode::to_html("[CODE]never closed"), "[CODE]never closed");
}

TEST(Bbcode, Mentions) {
  EXPECT_EQ(bbcode::mentions("[USER=5]Ann[/USER], [user=12]Bob[/user] and [USER=5]Ann[/USER]"),
            (std::vector<std::int64_t>{5, 12}));
  EXPECT_TRUE(bbcode::mentions("[USER=x]nobody[/USER] [USER=]a[/USER] 5").empty());
}
