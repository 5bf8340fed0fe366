#pragma once
// Building blocks of Shouwang's own binary files: little-endian values appended to a byte
// string, a bounds-checked reader over one, the CRC-32 that closes every file, and the
// write-to-.partial-then-rename that makes a file appear whole or not at all.

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::osm::binary {

static_assert(std::endian::native == std::endian::little, "Shouwang's files are little-endian");

class ByteWriter {
 public:
  template <typename T>
  void put(const T& value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  template <typename T>
  void put_array(const T* data, std::size_t n) {
    if (n > 0) bytes_.append(reinterpret_cast<const char*>(data), n * sizeof(T));
  }
  template <typename T>
  void put_array(const std::vector<T>& values) {
    put_array(values.data(), values.size());
  }
  void put_varint(std::uint64_t v) {
    while (v >= 0x80) {
      bytes_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    bytes_.push_back(static_cast<char>(v));
  }
  void put_string(const std::string& s) {
    put_varint(s.size());
    bytes_ += s;
  }
  // WGS84 degrees in fixed point, 1e-7 degree: OSM's own precision.
  void put_degrees(double degrees) { put(static_cast<std::int32_t>(std::llround(degrees * 1e7))); }
  // Appends the CRC-32 of everything written so far.
  void seal();
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

// Reads from bytes[0, end); every get fails (returns false) rather than read past `end`.
class ByteReader {
 public:
  ByteReader(const std::string& bytes, std::size_t end) : bytes_(bytes), end_(end) {}
  template <typename T>
  bool get(T& value) {
    if (sizeof(T) > end_ - pos_) return false;
    std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& out, std::uint64_t n) {
    if (n > (end_ - pos_) / sizeof(T)) return false;
    out.resize(n);
    if (n > 0) std::memcpy(out.data(), bytes_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_string(std::string& out, std::uint64_t n) {
    if (n > end_ - pos_) return false;
    out.assign(bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool get_varint(std::uint64_t& v);
  bool get_string(std::string& out) {
    std::uint64_t n = 0;
    return get_varint(n) && get_string(out, n);
  }
  bool get_degrees(double& degrees) {
    std::int32_t fixed = 0;
    if (!get(fixed)) return false;
    degrees = fixed * 1e-7;
    return true;
  }
  [[nodiscard]] std::size_t pos() const { return pos_; }
  [[nodiscard]] bool at_end() const { return pos_ == end_; }

 private:
  const std::string& bytes_;
  std::size_t pos_ = 0;
  std::size_t end_;
};

// `crc` carries on from the CRC-32 of bytes before these: crc32_of(b, m, crc32_of(a, n)) is
// the CRC-32 of a followed by b.
std::uint32_t crc32_of(const char* data, std::size_t n, std::uint32_t crc = 0);
template <typename T>
std::uint32_t crc32_of(std::span<const T> values, std::uint32_t crc = 0) {
  return crc32_of(reinterpret_cast<const char*>(values.data()), values.size_bytes(), crc);
}

// The whole file after checking, in order, its magic (kCorrupt "bad magic"), the format
// version right after it (kInvalidArgument "written by another version") and its closing
// CRC-32 (kCorrupt "checksum mismatch"); kNotFound with `missing_hint`; messages name it.
Result<std::string> read_sealed_file(const std::string& path, const char (&magic)[8], std::uint32_t version,
                                     const char* what, const char* missing_hint);

Status write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace shouwang::osm::binary
