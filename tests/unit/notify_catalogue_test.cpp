#include <gtest/gtest.h>

#include <set>
#include <string>

#include "modules/im/catalogue.h"

using namespace artel::notify;

TEST(NotifyCatalogue, HoldsTheEventsOtherModulesSend) {
  for (const char* event : {"task_assigned", "task_comment", "task_status", "task_changed",
                            "task_control", "task_deadline"})
    EXPECT_NE(find_event_type("tasks", event), nullptr) << event;
  EXPECT_NE(find_event_type("im", "default"), nullptr);
  EXPECT_EQ(find_event_type("tasks", "nothing"), nullptr);
}

TEST(NotifyCatalogue, EveryTypeHasATitleInEveryLanguage) {
  std::set<std::string> seen;
  for (const auto& t : event_types()) {
    std::string key = std::string(t.module) + "|" + std::string(t.event);
    EXPECT_TRUE(seen.insert(key).second) << "twice: " << key;
    std::set<std::string> titles;
    for (const char* lang : {"en", "ru", "ro"}) {
      std::string title = event_title(t, lang);
      EXPECT_NE(title, key) << lang;
      titles.insert(title);
      EXPECT_NE(module_title(t.module, lang), std::string(t.module)) << lang;
    }
    EXPECT_EQ(titles.size(), 3u) << key;
  }
}
