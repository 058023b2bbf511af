#include "core/image.h"

namespace artel {

std::optional<std::string> image_mime(std::string_view bytes) {
  using namespace std::string_view_literals;
  // PNG: the 8-byte signature, designed to catch text-mode transfer damage.
  if (bytes.starts_with("\x89PNG\r\n\x1a\n"sv)) return "image/png";
  // JPEG: start-of-image marker followed by the first segment's marker byte.
  if (bytes.starts_with("\xff\xd8\xff"sv)) return "image/jpeg";
  if (bytes.starts_with("GIF87a"sv) || bytes.starts_with("GIF89a"sv)) return "image/gif";
  // WebP: a RIFF container of form type WEBP whose first chunk is VP8 (lossy), VP8L (lossless)
  // or VP8X (extended). Checking the chunk rules out other RIFF files such as WAV or AVI.
  if (bytes.size() >= 16 && bytes.starts_with("RIFF"sv) && bytes.substr(8, 4) == "WEBP"sv &&
      (bytes.substr(12, 4) == "VP8 "sv || bytes.substr(12, 4) == "VP8L"sv ||
       bytes.substr(12, 4) == "VP8X"sv))
    return "image/webp";
  return std::nullopt;
}

}  // namespace artel
