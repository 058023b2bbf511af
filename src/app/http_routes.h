// Which part of the server answers which path: /rest/ the API, /upload/ stored files, everything
// else the web client.
#pragma once

#include "net/http.h"
#include "net/static_files.h"
#include "rest/endpoint.h"

namespace artel {

class HttpRoutes {
 public:
  HttpRoutes(Portal& portal, const rest::Registry& registry, std::string web_root)
      : portal_(portal), rest_(portal, registry), static_(std::move(web_root)) {}
  net::Response handle(const net::Request& request);

 private:
  net::Response upload(const net::Request& request);
  Portal& portal_;
  rest::Endpoint rest_;
  net::StaticFiles static_;
};

}  // namespace artel
