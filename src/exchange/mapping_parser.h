#pragma once
// The reader of a mapping's sections (import_mapping.h): one member per section, each
// returning the first problem it finds as an error naming the file, line and key. The
// lookup-table sections (type, priority, disposition) are in mapping_tables.cpp.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include <shouwang/base/result.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/import_mapping.h>

#include "exchange/mapping_toml.h"

namespace shouwang::exchange::detail {

class MappingParser {
 public:
  MappingParser(std::string source, const cad::Taxonomy& taxonomy) : f_(std::move(source)), taxonomy_(taxonomy) {}

  Status parse(const toml::table& root, ImportMapping& out);

 private:
  Status parse_record(const toml::table& root, ImportMapping& out);
  Status parse_time(const toml::table& root, TimeRules& out);
  Result<std::optional<TimeColumn>> time_column(const toml::table& t, std::string_view name,
                                                const std::optional<std::string>& default_format);
  Status parse_location(const toml::table& root, LocationRules& out);
  Status parse_type(const toml::table& root, TypeRules& out);
  Status parse_priority(const toml::table& root, PriorityRules& out);
  Status parse_dispatch(const toml::table& root, std::optional<DispatchRules>& out);
  Status parse_disposition(const toml::table& root, DispositionRules& out);

  // The [[<path>.match]] tables of a section; `convert` checks and converts each value.
  template <typename V>
  Result<std::vector<MatchTable<V>>> match_tables(
      const toml::table& section, std::string_view path,
      const std::function<Result<V>(const toml::node&, const MappingKey&)>& convert);

  Result<std::string> type_code(const toml::node& node, const MappingKey& at) const;
  Result<std::string> disposition_code(const toml::node& node, const MappingKey& at) const;

  TomlFields f_;
  const cad::Taxonomy& taxonomy_;
};

}  // namespace shouwang::exchange::detail
