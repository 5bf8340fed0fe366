#pragma once
// Integers in PostgreSQL's binary wire formats (parameters, results, binary COPY) are
// big-endian; text and bytea values are their raw bytes.

#include <cstdint>
#include <string>

namespace shouwang::store::postgres {

inline void put_be(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// Reads `bytes` big-endian bytes; the caller has checked that they are there.
inline std::uint64_t get_be(const char* data, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value = (value << 8) | static_cast<unsigned char>(data[i]);
  return value;
}

}  // namespace shouwang::store::postgres
