#include "store/postgres/binary_copy.h"

#include "store/postgres/binary_values.h"

namespace shouwang::store::postgres {

BinaryCopy::BinaryCopy() {
  static constexpr char kSignature[] = "PGCOPY\n\377\r\n";  // 11 bytes with its final NUL
  data_.append(kSignature, sizeof kSignature);
  put_be(data_, 0, 4);  // flags: no OIDs
  put_be(data_, 0, 4);  // header extension length
}

void BinaryCopy::begin_row(std::uint16_t fields) {
  put_be(data_, fields, 2);
}

void BinaryCopy::add_int8(std::int64_t value) {
  put_be(data_, 8, 4);
  put_be(data_, static_cast<std::uint64_t>(value), 8);
}

void BinaryCopy::add_bytes(std::string_view bytes) {
  put_be(data_, bytes.size(), 4);
  data_.append(bytes);
}

std::string BinaryCopy::finish() {
  put_be(data_, 0xFFFF, 2);  // a field count of -1 ends the data
  return std::move(data_);
}

}  // namespace shouwang::store::postgres
