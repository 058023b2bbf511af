// Static files of the web client, with the single-page-app fallback: any GET path that is not a
// file gets index.html, so deep links (/company/structure) work on reload.
#pragma once

#include <string>

#include "net/http.h"

namespace artel::net {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  Response serve(const Request& request) const;
  static std::string content_type(std::string_view path);

 private:
  std::string root_;
};

}  // namespace artel::net
