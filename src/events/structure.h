// Changes of the company structure — a person moved to other departments, a department moved
// under another parent or deleted — for the modules that keep data derived from it (the
// visibility scope of tasks). The users and departments services call changed() inside the
// transaction of the change, so the derived data is never stale after a commit.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "db/db.h"

namespace artel::structure {

struct Change {
  std::vector<std::int64_t> people;       // whose departments changed
  std::vector<std::int64_t> departments;  // moved under another parent, or deleted
};

class Listeners {
 public:
  using Listener = std::function<void(db::Tx&, const Change&)>;
  void add(Listener listener) { listeners_.push_back(std::move(listener)); }
  void changed(db::Tx& tx, const Change& change) const {
    for (const auto& l : listeners_) l(tx, change);
  }

 private:
  std::vector<Listener> listeners_;
};

}  // namespace artel::structure
