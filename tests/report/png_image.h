#pragma once
// Reading the PNG files poppler's pdftoppm writes (8-bit RGB or RGBA, not interlaced) into
// pixels, so that a test can look at a rendered page.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace shouwang::report::testing {

struct Rgb {
  int r = 0, g = 0, b = 0;
};

struct PngImage {
  int width = 0;
  int height = 0;
  std::string rgb;  // 3 bytes per pixel, rows top to bottom
  // Pixels within `tolerance` of `c` on every channel.
  [[nodiscard]] std::size_t count_near(Rgb c, int tolerance) const;
};

// Absent (with `why` set) for a file that is not such a PNG.
std::optional<PngImage> read_png(const std::filesystem::path& file, std::string* why);

}  // namespace shouwang::report::testing
