#include <shouwang/exchange/shapefile.h>

#include <bit>
#include <cstdint>
#include <cstring>

#include "exchange/zip_entry.h"

namespace shouwang::exchange {
namespace {

constexpr std::size_t kHeaderBytes = 100;
constexpr std::int32_t kFileCode = 9994;
constexpr std::int32_t kNullShape = 0;
constexpr std::int32_t kPolygon = 5;
constexpr std::int32_t kPolygonZ = 15;
constexpr std::int32_t kPolygonM = 25;

class Bytes {
 public:
  Bytes(std::string_view data, std::string_view source) : data_(data), source_(source) {}

  [[nodiscard]] bool has(std::size_t offset, std::size_t n) const {
    return offset <= data_.size() && n <= data_.size() - offset;
  }
  [[nodiscard]] std::int32_t big32(std::size_t offset) const {
    std::uint32_t v;
    std::memcpy(&v, data_.data() + offset, 4);
    if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap32(v);
    return static_cast<std::int32_t>(v);
  }
  [[nodiscard]] std::int32_t little32(std::size_t offset) const {
    std::uint32_t v;
    std::memcpy(&v, data_.data() + offset, 4);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
    return static_cast<std::int32_t>(v);
  }
  [[nodiscard]] double little_double(std::size_t offset) const {
    std::uint64_t v;
    std::memcpy(&v, data_.data() + offset, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return std::bit_cast<double>(v);
  }
  [[nodiscard]] Error corrupt(std::size_t offset, const std::string& what) const {
    return Error(Errc::kCorrupt, std::string(source_) + ": byte " + std::to_string(offset) + ": " + what);
  }

 private:
  std::string_view data_;
  std::string_view source_;
};

// One polygon record's parts, from its body at `body` (`length` bytes).
Result<std::size_t> read_polygon(const Bytes& in, std::size_t body, std::size_t length,
                                 std::vector<std::vector<Xy>>& rings) {
  constexpr std::size_t kFixed = 4 + 32 + 4 + 4;  // type, box, part count, point count
  if (length < kFixed) return in.corrupt(body, "a polygon record shorter than its fixed fields");
  const std::int32_t parts = in.little32(body + 36);
  const std::int32_t points = in.little32(body + 40);
  if (parts < 1 || points < 0) return in.corrupt(body + 36, "a polygon with no parts or a negative point count");
  const std::size_t points_at = body + kFixed + 4 * static_cast<std::size_t>(parts);
  if (kFixed + 4 * static_cast<std::size_t>(parts) + 16 * static_cast<std::size_t>(points) > length)
    return in.corrupt(body, "a polygon record longer than its header says");
  for (std::int32_t p = 0; p < parts; ++p) {
    const std::int32_t first = in.little32(body + kFixed + 4 * static_cast<std::size_t>(p));
    const std::int32_t last = p + 1 < parts ? in.little32(body + kFixed + 4 * static_cast<std::size_t>(p + 1)) : points;
    if (first < 0 || last < first || last > points)
      return in.corrupt(body + kFixed + 4 * static_cast<std::size_t>(p), "a part index out of order");
    std::vector<Xy> ring;
    ring.reserve(static_cast<std::size_t>(last - first));
    for (std::int32_t i = first; i < last; ++i) {
      const std::size_t at = points_at + 16 * static_cast<std::size_t>(i);
      ring.push_back({in.little_double(at), in.little_double(at + 8)});
    }
    rings.push_back(std::move(ring));
  }
  return static_cast<std::size_t>(parts);
}

}  // namespace

Result<ShapefilePolygons> parse_shapefile_polygons(std::string_view shp, std::string_view source) {
  const Bytes in(shp, source);
  if (!in.has(0, kHeaderBytes) || in.big32(0) != kFileCode)
    return in.corrupt(0, "not a shapefile (no 9994 file code in a 100-byte header)");
  const std::int32_t shape_type = in.little32(32);
  if (shape_type != kPolygon && shape_type != kPolygonZ && shape_type != kPolygonM)
    return in.corrupt(32, "shape type " + std::to_string(shape_type) + " is not a polygon (5, 15 or 25)");
  const std::size_t declared = 2 * static_cast<std::size_t>(static_cast<std::uint32_t>(in.big32(24)));
  const std::size_t end = std::min(declared, shp.size());
  ShapefilePolygons out;
  std::size_t at = kHeaderBytes;
  while (at + 8 <= end) {
    const std::int32_t words = in.big32(at + 4);
    if (words < 2) return in.corrupt(at + 4, "a record shorter than its shape type");
    const std::size_t body = at + 8;
    const std::size_t length = 2 * static_cast<std::size_t>(words);
    if (!in.has(body, length)) return in.corrupt(at, "a record that runs past the end of the file");
    const std::int32_t type = in.little32(body);
    if (type != kNullShape) {
      if (type != shape_type) return in.corrupt(body, "a record of shape type " + std::to_string(type) + " in a file of type " + std::to_string(shape_type));
      auto parts = read_polygon(in, body, length, out.rings);
      if (!parts) return parts.error();
      ++out.records;
    }
    at = body + length;
  }
  if (at != end) return in.corrupt(at, "a truncated record header");
  return out;
}

Result<ShapefilePolygons> read_shapefile_polygons(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error(Errc::kNotFound, "no file " + path.string());
  std::string shp, prj, name = path.filename().string();
  if (detail::ends_with_ci(name, ".zip")) {
    auto entry = detail::read_only_zip_entry(path, ".shp");
    if (!entry) return entry.error();
    name += ":" + entry->name;
    shp = std::move(entry->bytes);
    auto projection = detail::read_optional_zip_entry(path, ".prj");
    if (!projection) return projection.error();
    if (*projection) prj = std::move((*projection)->bytes);
  } else {
    auto bytes = detail::read_whole_file(path);
    if (!bytes) return bytes.error();
    shp = std::move(bytes).value();
    std::filesystem::path prj_path = path;
    prj_path.replace_extension(".prj");
    if (std::filesystem::is_regular_file(prj_path, ec)) {
      auto text = detail::read_whole_file(prj_path);
      if (!text) return text.error();
      prj = std::move(text).value();
    }
  }
  auto polygons = parse_shapefile_polygons(shp, name);
  if (!polygons) return polygons.error();
  polygons->projection_wkt = std::move(prj);
  return polygons;
}

}  // namespace shouwang::exchange
