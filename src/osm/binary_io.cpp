#include "osm/binary_io.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <zlib.h>

namespace shouwang::osm::binary {

void ByteWriter::seal() { put(crc32_of(bytes_.data(), bytes_.size())); }

bool ByteReader::get_varint(std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    std::uint8_t byte = 0;
    if (!get(byte)) return false;
    v |= std::uint64_t{byte & 0x7Fu} << shift;
    if ((byte & 0x80u) == 0) return true;
  }
  return false;
}

std::uint32_t crc32_of(const char* data, std::size_t n, std::uint32_t crc) {
  uLong running = crc;  // zlib's CRC of no bytes is 0
  while (n > 0) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    running = crc32(running, reinterpret_cast<const Bytef*>(data), chunk);
    data += chunk;
    n -= chunk;
  }
  return static_cast<std::uint32_t>(running);
}

Result<std::string> read_sealed_file(const std::string& path, const char (&magic)[8], std::uint32_t version,
                                     const char* what, const char* missing_hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kNotFound, "no " + std::string(what) + " at " + path + " (" + missing_hint + ")");
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return Error(Errc::kIoError, "cannot read " + path + ": " + std::strerror(errno));
  if (bytes.size() < sizeof magic + 2 * sizeof(std::uint32_t) || std::memcmp(bytes.data(), magic, sizeof magic) != 0) {
    return Error(Errc::kCorrupt, path + ": not a Shouwang " + what + " file (bad magic)");
  }
  // The version comes before the checksum, so that a file of another format version is
  // reported as such rather than as damaged.
  std::uint32_t stored_version = 0;
  std::memcpy(&stored_version, bytes.data() + sizeof magic, sizeof stored_version);
  if (stored_version != version) {
    return Error(Errc::kInvalidArgument, path + " was written by another version of Shouwang (" + what + " format " +
                                             std::to_string(stored_version) + ", this build reads " +
                                             std::to_string(version) + "): import the OSM file again");
  }
  std::uint32_t stored_crc = 0;
  std::memcpy(&stored_crc, bytes.data() + bytes.size() - sizeof stored_crc, sizeof stored_crc);
  if (crc32_of(bytes.data(), bytes.size() - sizeof stored_crc) != stored_crc) {
    return Error(Errc::kCorrupt, path + ": checksum mismatch (the file is damaged or truncated)");
  }
  return bytes;
}

Status write_file_atomically(const std::string& path, const std::string& bytes) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Error(Errc::kIoError, "cannot write " + partial + ": " + std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      const std::string reason = std::strerror(errno);
      std::error_code ec;
      std::filesystem::remove(partial, ec);
      return Error(Errc::kIoError, "cannot write " + partial + ": " + reason);
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

}  // namespace shouwang::osm::binary
