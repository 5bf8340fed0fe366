#include "exchange/column_binding.h"

namespace shouwang::exchange::detail {

ColumnIndex::ColumnIndex(const std::vector<std::string>& header, std::string mapping_source)
    : source_(std::move(mapping_source)) {
  header_.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    header_.push_back(trim(header[i]));
    index_.emplace(header_.back(), i);
    ++repeated_[header_.back()];
  }
}

Result<std::size_t> ColumnIndex::find(std::string_view column, const MappingKey& at) const {
  const std::string name(column);
  const auto found = index_.find(name);
  const std::string where = source_ + ":" + std::to_string(at.line) + ": " + at.key + ": ";
  if (found == index_.end()) {
    std::string names;
    for (const auto& h : header_) names += (names.empty() ? "" : ", ") + h;
    return Error(Errc::kInvalidArgument,
                 where + "the file has no column '" + name + "' (its columns: " + names + ")", at.key);
  }
  if (repeated_.at(name) > 1) {
    return Error(Errc::kInvalidArgument, where + "the file has " + std::to_string(repeated_.at(name)) +
                                             " columns named '" + name + "'; the mapping cannot tell them apart",
                 at.key);
  }
  return found->second;
}

Result<std::size_t> ColumnIndex::find(const ColumnRef& ref) const { return find(ref.column, ref.at); }

Result<std::vector<std::size_t>> ColumnIndex::find_all(const TemplateRef& text) const {
  std::vector<std::size_t> out;
  for (const std::string& column : text.text.columns()) {
    auto field = find(column, text.at);
    if (!field) return field.error();
    out.push_back(*field);
  }
  return out;
}

}  // namespace shouwang::exchange::detail
