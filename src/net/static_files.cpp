#include "net/static_files.h"

#include <filesystem>

namespace artel::net {

namespace fs = std::filesystem;

std::string StaticFiles::content_type(std::string_view path) {
  auto dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Response StaticFiles::serve(const Request& request) const {
  Response r;
  if (request.method != "GET") {
    r.status = 405;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.body = "Method not allowed";
    return r;
  }
  // Refuse anything that could climb out of the root.
  std::string path = request.path;
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos || path.find('%') != std::string::npos)
    path = "/";
  std::error_code ec;
  fs::path file = fs::path(root_) / fs::path(path).relative_path();
  bool is_asset = path.rfind("/assets/", 0) == 0;
  if (path == "/" || !fs::is_regular_file(file, ec)) {
    if (is_asset) {
      r.status = 404;
      r.set_header("Content-Type", "text/plain; charset=utf-8");
      r.body = "Not found";
      return r;
    }
    file = fs::path(root_) / "index.html";
    if (!fs::is_regular_file(file, ec)) {
      r.status = 503;
      r.set_header("Content-Type", "text/plain; charset=utf-8");
      r.body = "The web client is not built: run scripts/build.";
      return r;
    }
    r.set_header("Cache-Control", "no-cache");
  } else if (is_asset) {
    // Vite names assets by content hash, so they never change under the same name.
    r.set_header("Cache-Control", "public, max-age=31536000, immutable");
  }
  r.set_header("Content-Type", content_type(file.string()));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.file_path = file.string();
  return r;
}

}  // namespace artel::net
