#include "core/image.h"

#include <gtest/gtest.h>

namespace artel {
namespace {

using namespace std::string_literals;

TEST(ImageMime, RecognisesTheAcceptedFormats) {
  // A complete 1x1 PNG; the others are real file headers.
  const std::string png =
      "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"s;
  EXPECT_EQ(image_mime(png), "image/png");
  EXPECT_EQ(image_mime("\xff\xd8\xff\xe0\0\x10JFIF\0"s), "image/jpeg");
  EXPECT_EQ(image_mime("\xff\xd8\xff\xe1\0\x18"
                       "Exif\0\0"s),
            "image/jpeg");
  EXPECT_EQ(image_mime("GIF89a\x01\0\x01\0"s), "image/gif");
  EXPECT_EQ(image_mime("GIF87a\x01\0\x01\0"s), "image/gif");
  EXPECT_EQ(image_mime("RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0"s), "image/webp");
  EXPECT_EQ(image_mime("RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0"s), "image/webp");
  EXPECT_EQ(image_mime("RIFF\x40\0\0\0WEBPVP8X\x0a\0\0\0"s), "image/webp");
}

TEST(ImageMime, RejectsEverythingElse) {
  EXPECT_FALSE(image_mime(""));
  EXPECT_FALSE(image_mime("\x89PNG"));               // truncated signature
  EXPECT_FALSE(image_mime("\x89PNG\n\x1a\n\0\0"s));  // line endings mangled in transfer
  EXPECT_FALSE(image_mime("\xff\xd8"));              // too short for JPEG
  EXPECT_FALSE(image_mime("GIF88a"));
  EXPECT_FALSE(image_mime("RIFF\x24\0\0\0WAVEfmt "s));  // a WAV file
  EXPECT_FALSE(image_mime("RIFF\x24\0\0\0WEBP"s));      // no chunk
  EXPECT_FALSE(image_mime("RIFF\x24\0\0\0WEBPJUNK"s));
  EXPECT_FALSE(image_mime("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"));
  EXPECT_FALSE(image_mime("<html><script>alert(1)</script>"));
  EXPECT_FALSE(image_mime("%PDF-1.7"));
  EXPECT_FALSE(image_mime("BM\x36\0\0\0"s));        // BMP is not accepted
  EXPECT_FALSE(image_mime(" \x89PNG\r\n\x1a\n"s));  // the signature must come first
}

}  // namespace
}  // namespace artel
