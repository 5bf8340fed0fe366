#pragma once
// Parameters of one statement, all sent in binary format with their types named, so that
// text reaches the server byte for byte (no escaping, no quoting) and integers exactly.

#include <cstdint>
#include <libpq-fe.h>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/binary_values.h"

namespace shouwang::store::postgres {

class QueryParams {
 public:
  // Type OIDs from PostgreSQL's catalogue (pg_type); stable across versions.
  static constexpr Oid kInt8 = 20;
  static constexpr Oid kText = 25;
  static constexpr Oid kBytea = 17;

  void add_int8(std::int64_t value) {
    std::string bytes;
    put_be(bytes, static_cast<std::uint64_t>(value), 8);
    add(kInt8, std::move(bytes));
  }
  void add_text(std::string_view value) { add(kText, std::string(value)); }
  void add_bytea(std::string_view value) { add(kBytea, std::string(value)); }

  [[nodiscard]] int size() const { return static_cast<int>(values_.size()); }
  [[nodiscard]] const Oid* types() const { return types_.data(); }
  [[nodiscard]] const char* const* values() const { return pointers_.data(); }
  [[nodiscard]] const int* lengths() const { return lengths_.data(); }
  [[nodiscard]] const int* formats() const { return formats_.data(); }

 private:
  void add(Oid type, std::string bytes) {
    values_.push_back(std::move(bytes));
    types_.push_back(type);
    lengths_.push_back(static_cast<int>(values_.back().size()));
    formats_.push_back(1);
    // Earlier strings may have moved when values_ grew: point at them afresh.
    pointers_.clear();
    for (const std::string& v : values_)
      pointers_.push_back(v.data());
  }

  std::vector<std::string> values_;
  std::vector<Oid> types_;
  std::vector<const char*> pointers_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

}  // namespace shouwang::store::postgres
