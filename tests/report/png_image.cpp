#include "report/png_image.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>
#include <zlib.h>

namespace shouwang::report::testing {
namespace {

std::uint32_t big_endian(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

}  // namespace

std::size_t PngImage::count_near(Rgb c, int tolerance) const {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 2 < rgb.size(); i += 3) {
    const int r = static_cast<unsigned char>(rgb[i]);
    const int g = static_cast<unsigned char>(rgb[i + 1]);
    const int b = static_cast<unsigned char>(rgb[i + 2]);
    if (std::abs(r - c.r) <= tolerance && std::abs(g - c.g) <= tolerance &&
        std::abs(b - c.b) <= tolerance)
      ++n;
  }
  return n;
}

std::optional<PngImage> read_png(const std::filesystem::path& file, std::string* why) {
  std::ifstream in(file, std::ios::binary);
  const std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (data.size() < 8 || data.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    *why = "no PNG signature";
    return std::nullopt;
  }
  PngImage image;
  int channels = 0;
  std::string compressed;
  for (std::size_t at = 8; at + 8 <= data.size();) {
    const std::uint32_t length = big_endian(data, at);
    const std::string type = data.substr(at + 4, 4);
    if (at + 12 + length > data.size())
      break;
    const std::string body = data.substr(at + 8, length);
    if (type == "IHDR") {
      image.width = static_cast<int>(big_endian(body, 0));
      image.height = static_cast<int>(big_endian(body, 4));
      const int depth = static_cast<unsigned char>(body[8]);
      const int colour = static_cast<unsigned char>(body[9]);
      const int interlace = static_cast<unsigned char>(body[12]);
      channels = colour == 2 ? 3 : colour == 6 ? 4 : 0;
      if (depth != 8 || channels == 0 || interlace != 0) {
        *why = "not 8-bit RGB(A) without interlace";
        return std::nullopt;
      }
    } else if (type == "IDAT") {
      compressed += body;
    }
    at += 12 + length;
  }
  const std::size_t stride = static_cast<std::size_t>(image.width) * channels;
  std::vector<unsigned char> raw((stride + 1) * image.height);
  uLongf raw_size = raw.size();
  if (channels == 0 ||
      uncompress(raw.data(), &raw_size, reinterpret_cast<const Bytef*>(compressed.data()),
                 compressed.size()) != Z_OK ||
      raw_size != raw.size()) {
    *why = "the image data does not inflate to its size";
    return std::nullopt;
  }
  // Undo each row's filter (PNG spec, section 9) against the row above.
  std::vector<unsigned char> pixels(stride * image.height);
  for (int y = 0; y < image.height; ++y) {
    const unsigned char filter = raw[y * (stride + 1)];
    const unsigned char* in_row = &raw[y * (stride + 1) + 1];
    unsigned char* row = &pixels[y * stride];
    const unsigned char* up = y > 0 ? &pixels[(y - 1) * stride] : nullptr;
    for (std::size_t x = 0; x < stride; ++x) {
      const int a = x >= static_cast<std::size_t>(channels) ? row[x - channels] : 0;
      const int b = up != nullptr ? up[x] : 0;
      const int c = up != nullptr && x >= static_cast<std::size_t>(channels) ? up[x - channels] : 0;
      int predicted = 0;
      switch (filter) {
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) / 2;
          break;
        case 4:
          predicted = paeth(a, b, c);
          break;
        default:
          break;
      }
      row[x] = static_cast<unsigned char>(in_row[x] + predicted);
    }
  }
  image.rgb.reserve(static_cast<std::size_t>(image.width) * image.height * 3);
  for (std::size_t i = 0; i < pixels.size(); i += channels)
    image.rgb.append(reinterpret_cast<const char*>(&pixels[i]), 3);
  return image;
}

}  // namespace shouwang::report::testing
