// The lookup-table sections of a mapping: [type], [priority] and [disposition], each a
// list of [[<section>.match]] tables whose values are checked against the taxonomy.

#include "exchange/mapping_parser.h"

namespace shouwang::exchange::detail {

template <typename V>
Result<std::vector<MatchTable<V>>> MappingParser::match_tables(
    const toml::table& section, std::string_view path,
    const std::function<Result<V>(const toml::node&, const MappingKey&)>& convert) {
  std::vector<MatchTable<V>> out;
  auto list = f_.array(section, path, "match");
  if (!list) return list.error();
  if (*list == nullptr) return out;
  for (std::size_t i = 0; i < (**list).size(); ++i) {
    const std::string key = std::string(path) + ".match[" + std::to_string(i + 1) + "]";
    const toml::node& node = *(**list).get(i);
    const toml::table* t = node.as_table();
    if (t == nullptr) return f_.error(TomlFields::key_at(node, key), "must be a table ([[" + std::string(path) + ".match]])");
    if (auto s = f_.only(*t, key, {"column", "columns", "match", "values"}); !s) return s.error();
    MatchTable<V> table;
    table.at = TomlFields::key_at(*t, key);
    if (t->contains("column") == t->contains("columns")) {
      return f_.error(table.at, "give the column to look up: column = \"...\" or columns = [\"...\", ...]");
    }
    auto columns = f_.columns(*t, key, t->contains("column") ? "column" : "columns");
    if (!columns) return columns.error();
    table.columns = std::move(columns).value();
    auto mode = f_.string(*t, key, "match");
    if (!mode) return mode.error();
    const std::string mode_name = mode->value_or("exact");
    if (mode_name == "exact") {
      table.mode = MatchMode::kExact;
    } else if (mode_name == "prefix") {
      table.mode = MatchMode::kPrefix;
    } else if (mode_name == "contains") {
      table.mode = MatchMode::kContains;
    } else {
      return f_.error(TomlFields::key_at(*t->get("match"), key + ".match"), "must be exact, prefix or contains");
    }
    auto values = f_.table(*t, key, "values");
    if (!values) return values.error();
    if (*values == nullptr || (**values).empty()) return f_.error(table.at, "needs a values table of source value = code");
    for (const auto& [source_value, target] : **values) {
      const MappingKey at{key + ".values." + std::string(source_value.str()),
                          static_cast<int>(source_value.source().begin.line)};
      auto converted = convert(target, at);
      if (!converted) return converted.error();
      table.values.emplace(std::string(source_value.str()), std::move(converted).value());
    }
    out.push_back(std::move(table));
  }
  return out;
}

Result<std::string> MappingParser::type_code(const toml::node& node, const MappingKey& at) const {
  const auto* text = node.as_string();
  if (text == nullptr) return f_.error(at, "must be an incident type code in quotes (\"0105\")");
  if (taxonomy_.types.find(text->get()) == nullptr) {
    return f_.error(at, "incident type '" + text->get() + "' is not in the taxonomy");
  }
  return text->get();
}

Result<std::string> MappingParser::disposition_code(const toml::node& node, const MappingKey& at) const {
  const auto* text = node.as_string();
  if (text == nullptr) return f_.error(at, "must be a disposition code in quotes (\"30\")");
  if (taxonomy_.dispositions.find(text->get()) == nullptr) {
    return f_.error(at, "disposition code '" + text->get() + "' is not in the taxonomy");
  }
  return text->get();
}

Status MappingParser::parse_type(const toml::table& root, TypeRules& out) {
  auto section = f_.table(root, "", "type");
  if (!section) return section.error();
  if (*section == nullptr) return f_.error({"type", 1}, "the [type] section is required");
  const toml::table& t = **section;
  out.at = TomlFields::key_at(t, "type");
  if (auto s = f_.only(t, "type", {"default", "unmapped", "match"}); !s) return s;
  if (!t.contains("default")) return f_.error(out.at, "type.default is required: the code for rows no table maps");
  auto code = type_code(*t.get("default"), TomlFields::key_at(*t.get("default"), "type.default"));
  if (!code) return code.error();
  out.default_code = std::move(code).value();
  auto unmapped = f_.string(t, "type", "unmapped");
  if (!unmapped) return unmapped.error();
  const std::string rule = unmapped->value_or("default");
  if (rule == "default") {
    out.unmapped = UnmappedRule::kDefault;
  } else if (rule == "skip") {
    out.unmapped = UnmappedRule::kSkip;
  } else {
    return f_.error(TomlFields::key_at(*t.get("unmapped"), "type.unmapped"), "must be \"default\" or \"skip\"");
  }
  auto tables = match_tables<std::string>(
      t, "type", [this](const toml::node& n, const MappingKey& at) { return type_code(n, at); });
  if (!tables) return tables.error();
  out.tables = std::move(tables).value();
  return {};
}

Status MappingParser::parse_priority(const toml::table& root, PriorityRules& out) {
  auto section = f_.table(root, "", "priority");
  if (!section) return section.error();
  if (*section == nullptr) return {};
  if (auto s = f_.only(**section, "priority", {"match"}); !s) return s;
  auto tables = match_tables<int>(**section, "priority", [this](const toml::node& n, const MappingKey& at) -> Result<int> {
    const auto* value = n.as_integer();
    if (value == nullptr || value->get() < cad::kHighestPriority || value->get() > cad::kLowestPriority) {
      return f_.error(at, "must be a priority from 1 (most urgent) to 4");
    }
    return static_cast<int>(value->get());
  });
  if (!tables) return tables.error();
  out.tables = std::move(tables).value();
  return {};
}

Status MappingParser::parse_disposition(const toml::table& root, DispositionRules& out) {
  auto section = f_.table(root, "", "disposition");
  if (!section) return section.error();
  if (*section == nullptr) return {};
  const toml::table& t = **section;
  if (auto s = f_.only(t, "disposition", {"default", "match"}); !s) return s;
  if (const toml::node* node = t.get("default")) {
    auto code = disposition_code(*node, TomlFields::key_at(*node, "disposition.default"));
    if (!code) return code.error();
    out.default_code = std::move(code).value();
  }
  auto tables = match_tables<std::string>(
      t, "disposition", [this](const toml::node& n, const MappingKey& at) { return disposition_code(n, at); });
  if (!tables) return tables.error();
  out.tables = std::move(tables).value();
  if (!out.tables.empty() && out.default_code.empty()) {
    return f_.error(TomlFields::key_at(t, "disposition.default"), "is required with disposition tables");
  }
  return {};
}


}  // namespace shouwang::exchange::detail
