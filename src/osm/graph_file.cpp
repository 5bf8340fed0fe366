#include <shouwang/osm/graph_file.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <zlib.h>

namespace shouwang::osm {
namespace {

constexpr char kMagic[8] = {'S', 'W', 'R', 'O', 'A', 'D', 'G', '\0'};
constexpr std::uint32_t kFlagEmergency = 1;

// Appends plain little-endian values (the only byte order Shouwang targets, checked below).
class Writer {
 public:
  template <typename T>
  void put(const T& value) {
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  template <typename T>
  void put_array(const T* data, std::size_t n) {
    const auto* p = reinterpret_cast<const char*>(data);
    bytes_.insert(bytes_.end(), p, p + n * sizeof(T));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  bool get(T& value) {
    if (pos_ + sizeof(T) > end_) return false;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& out, std::uint64_t n) {
    if (n > (end_ - pos_) / sizeof(T)) return false;
    out.resize(n);
    std::memcpy(out.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  void set_end(std::size_t end) { end_ = end; }
  [[nodiscard]] std::size_t pos() const { return pos_; }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
  std::size_t end_ = bytes_.size();
};

static_assert(sizeof(NodeId) == sizeof(std::uint32_t));

std::uint32_t crc_of(const char* data, std::size_t n) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (n > 0) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data), chunk);
    data += chunk;
    n -= chunk;
  }
  return static_cast<std::uint32_t>(crc);
}

}  // namespace

Status write_graph_file(const std::string& path, const GraphFileContents& contents) {
  const routing::RoadGraph& g = contents.graph;
  Writer w;
  w.put_array(kMagic, sizeof kMagic);
  w.put(kGraphFileVersion);
  w.put(contents.emergency_profile ? kFlagEmergency : std::uint32_t{0});
  w.put(static_cast<std::uint64_t>(g.node_count()));
  w.put(static_cast<std::uint64_t>(g.arc_count()));
  w.put_array(g.first_out().data(), g.first_out().size());
  w.put_array(g.heads().data(), g.heads().size());
  w.put_array(g.times().data(), g.times().size());
  w.put_array(g.lengths().data(), g.lengths().size());
  for (const LatLon& c : g.coordinates()) {  // fixed point, 1e-7 degree (as OSM stores them)
    w.put(static_cast<std::int32_t>(std::llround(c.lat * 1e7)));
    w.put(static_cast<std::int32_t>(std::llround(c.lon * 1e7)));
  }
  w.put_array(contents.osm_node_ids.data(), contents.osm_node_ids.size());
  w.put(crc_of(w.bytes().data(), w.bytes().size()));

  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Error(Errc::kIoError, "cannot write " + partial + ": " + std::strerror(errno));
    out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(partial, ec);
      return Error(Errc::kIoError, "cannot write " + partial + ": " + std::strerror(errno));
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return Error(Errc::kIoError, "cannot rename " + partial + " to " + path + ": " + ec.message());
  }
  return ok_status();
}

Result<GraphFileContents> read_graph_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kNotFound, "no road graph at " + path + " (run shouwang import-osm first)");
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto corrupt = [&path](const std::string& what) { return Error(Errc::kCorrupt, path + ": " + what); };
  if (bytes.size() < sizeof kMagic + 28 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return corrupt("not a Shouwang road graph file (bad magic)");
  }
  Reader r(bytes);
  r.set_end(bytes.size() - sizeof(std::uint32_t));
  char magic[8];
  for (char& c : magic) r.get(c);
  std::uint32_t version = 0, flags = 0;
  std::uint64_t n = 0, m = 0;
  r.get(version);
  if (version != kGraphFileVersion) {
    return Error(Errc::kInvalidArgument, path + " was written by another version of Shouwang (file format " +
                                             std::to_string(version) + ", this build reads " +
                                             std::to_string(kGraphFileVersion) + "): import the OSM file again");
  }
  std::uint32_t stored_crc = 0;
  std::memcpy(&stored_crc, bytes.data() + bytes.size() - sizeof stored_crc, sizeof stored_crc);
  if (crc_of(bytes.data(), bytes.size() - sizeof stored_crc) != stored_crc) {
    return corrupt("checksum mismatch (the file is damaged or truncated)");
  }
  r.get(flags);
  r.get(n);
  r.get(m);
  std::vector<std::uint32_t> first_out, length;
  std::vector<NodeId> head;
  std::vector<routing::Weight> time;
  std::vector<std::int32_t> fixed;
  GraphFileContents contents;
  if (!r.get_array(first_out, n + 1) || !r.get_array(head, m) || !r.get_array(time, m) || !r.get_array(length, m) ||
      !r.get_array(fixed, 2 * n) || !r.get_array(contents.osm_node_ids, n) || r.pos() != bytes.size() - 4) {
    return corrupt("sizes do not match the counts in the header");
  }
  std::vector<LatLon> coords(n);
  for (std::size_t v = 0; v < n; ++v) coords[v] = {fixed[2 * v] * 1e-7, fixed[2 * v + 1] * 1e-7};
  auto graph = routing::RoadGraph::from_arrays(std::move(first_out), std::move(head), std::move(time),
                                               std::move(length), std::move(coords));
  if (!graph) return corrupt(graph.error().message);
  contents.graph = std::move(graph).value();
  contents.emergency_profile = (flags & kFlagEmergency) != 0;
  return contents;
}

}  // namespace shouwang::osm
