#pragma once
// The columns a mapping names, resolved against one file's header, and the lookup tables
// (type, priority, disposition) bound to those columns.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/base/text.h>
#include <shouwang/exchange/import_mapping.h>

namespace shouwang::exchange::detail {

// Header names (without surrounding spaces) to field indexes.
class ColumnIndex {
 public:
  ColumnIndex(const std::vector<std::string>& header, std::string mapping_source);

  // kInvalidArgument naming the mapping's file, line and key when the column is missing or
  // appears twice in the header.
  [[nodiscard]] Result<std::size_t> find(const ColumnRef& ref) const;
  [[nodiscard]] Result<std::vector<std::size_t>> find_all(const TemplateRef& text) const;

  [[nodiscard]] const std::string& name(std::size_t field) const { return header_[field]; }
  [[nodiscard]] std::size_t size() const { return header_.size(); }

 private:
  [[nodiscard]] Result<std::size_t> find(std::string_view column, const MappingKey& at) const;

  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::string, std::size_t> repeated_;  // name -> how often it appears
  std::string source_;
};

template <typename V>
struct BoundTable {
  std::vector<std::size_t> fields;
  MatchMode mode = MatchMode::kExact;
  std::map<std::string, V> values;
};

template <typename V>
Result<BoundTable<V>> bind_table(const MatchTable<V>& table, const ColumnIndex& columns) {
  BoundTable<V> out;
  out.mode = table.mode;
  out.values = table.values;
  for (const ColumnRef& ref : table.columns) {
    auto field = columns.find(ref);
    if (!field) return field.error();
    out.fields.push_back(*field);
  }
  return out;
}

// The row's value for the table's columns: trimmed, several joined by "|".
template <typename V>
std::string table_key(const BoundTable<V>& table, const std::vector<std::string>& fields) {
  std::string key;
  for (std::size_t k = 0; k < table.fields.size(); ++k) {
    if (k > 0) key.push_back('|');
    key += trim(fields[table.fields[k]]);
  }
  return key;
}

// The value the table gives `key`, or nullptr. Prefix and contains tables take the
// longest matching key (the first in key order on a tie).
template <typename V>
const V* lookup(const BoundTable<V>& table, const std::string& key) {
  if (table.mode == MatchMode::kExact) {
    const auto found = table.values.find(key);
    return found == table.values.end() ? nullptr : &found->second;
  }
  const V* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& [candidate, value] : table.values) {
    const bool matches = table.mode == MatchMode::kPrefix ? std::string_view(key).starts_with(candidate)
                                                          : key.find(candidate) != std::string::npos;
    if (matches && (best == nullptr || candidate.size() > best_length)) {
      best = &value;
      best_length = candidate.size();
    }
  }
  return best;
}

// The first table (in mapping order) that maps the row; `first_key` gets the row's value
// for the first table, for reports of unmapped values.
template <typename V>
const V* lookup_all(const std::vector<BoundTable<V>>& tables, const std::vector<std::string>& fields,
                    std::string* first_key) {
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const std::string key = table_key(tables[i], fields);
    if (i == 0 && first_key != nullptr) *first_key = key;
    if (const V* value = lookup(tables[i], key)) return value;
  }
  return nullptr;
}

}  // namespace shouwang::exchange::detail
