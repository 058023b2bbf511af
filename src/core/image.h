// Recognises the image formats accepted for photos and logos by their leading bytes. The file
// name and the client's declared type are not trusted: browsers render by content, so a file
// must be what it claims before it is served back as an image.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace artel {

// "image/png", "image/jpeg", "image/gif" or "image/webp"; nullopt for anything else (SVG is
// deliberately absent: it can carry scripts).
std::optional<std::string> image_mime(std::string_view bytes);

}  // namespace artel
