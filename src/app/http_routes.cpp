#include "app/http_routes.h"

#include "db/db.h"
#include "modules/files/store.h"

namespace artel {

net::Response HttpRoutes::handle(const net::Request& request) {
  if (request.path == "/rest" || request.path.rfind("/rest/", 0) == 0) return rest_.handle(request);
  if (request.path.rfind("/upload/", 0) == 0) return upload(request);
  return static_.serve(request);
}

// /upload/<id>/<first 16 hex of the content hash>/<name>: the hash part makes the address
// unguessable, the id finds the row.
net::Response HttpRoutes::upload(const net::Request& request) {
  net::Response r;
  r.status = 404;
  r.set_header("Content-Type", "text/plain; charset=utf-8");
  r.body = "Not found";
  std::string_view rest = std::string_view(request.path).substr(8);
  auto slash = rest.find('/');
  if (slash == std::string_view::npos) return r;
  std::int64_t id = 0;
  for (char c : rest.substr(0, slash)) {
    if (c < '0' || c > '9' || id > 1'000'000'000'000) return r;
    id = id * 10 + (c - '0');
  }
  std::string_view after = rest.substr(slash + 1);
  std::string_view prefix = after.substr(0, after.find('/'));
  auto file = portal_.db.read([&](db::Conn& c) { return portal_.files.find(c, id); });
  if (!file || prefix.size() != 16 || file->sha256.compare(0, 16, prefix) != 0) return r;
  net::Response ok;
  ok.set_header("Content-Type", file->mime);
  ok.set_header("Cache-Control", "private, max-age=31536000, immutable");
  ok.set_header("X-Content-Type-Options", "nosniff");
  ok.set_header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  ok.file_path = portal_.files.path_of(file->sha256);
  return ok;
}

}  // namespace artel
