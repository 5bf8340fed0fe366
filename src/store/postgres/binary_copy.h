#pragma once
// Rows in PostgreSQL's binary COPY format, for `COPY ... FROM STDIN (FORMAT binary)`: a
// fixed signature and header, then per row a field count and each field as a length and
// its bytes, then a trailer. Values go to the server exactly as given, without the escaping
// that text COPY needs, and a whole batch travels in one message.

#include <cstdint>
#include <string>
#include <string_view>

namespace shouwang::store::postgres {

class BinaryCopy {
 public:
  BinaryCopy();  // writes the signature and header

  void begin_row(std::uint16_t fields);
  void add_int8(std::int64_t value);
  // A text or bytea field: its raw bytes.
  void add_bytes(std::string_view bytes);

  // Appends the trailer and hands over the data; the object is spent afterwards.
  std::string finish();

 private:
  std::string data_;
};

}  // namespace shouwang::store::postgres
