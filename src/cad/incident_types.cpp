#include <algorithm>
#include <array>
#include <map>

#include <shouwang/cad/incident_types.h>

#include "cad/tsv_file.h"

namespace shouwang::cad {
namespace {

constexpr std::array<std::string_view, 7> kColumns{
    "code", "name_zh", "name_en", "common_code", "priority", "capabilities", "groups"};

bool is_type_code(std::string_view code) {
  if (code.empty() || code.size() % 2 != 0 || code.size() > 2 * kMaxTypeLevel)
    return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_common_code(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

bool is_capability(std::string_view name) {
  return !name.empty() && name.front() >= 'a' && name.front() <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string group_names() {
  std::string out;
  for (const auto g : all_reporting_groups()) {
    if (!out.empty())
      out += ", ";
    out += to_string(g);
  }
  return out;
}

}  // namespace

Result<IncidentTypes> IncidentTypes::parse(std::string_view text, std::string_view source_name) {
  const TsvSource source(source_name);
  auto rows = read_tsv(text, source, kColumns);
  if (!rows.ok())
    return rows.error();

  IncidentTypes result;
  std::map<std::string, std::size_t, std::less<>> line_of_code;
  for (const auto& row : *rows) {
    const auto& f = row.fields;
    IncidentType type;
    type.code = f[0];
    if (!is_type_code(type.code)) {
      return source.error(row.line, "code",
                          "'" + type.code + "' is not a local code of 2, 4, 6 or 8 digits");
    }
    if (const auto seen = line_of_code.find(type.code); seen != line_of_code.end()) {
      return source.error(
          row.line, "code",
          "'" + type.code + "' is already defined on line " + std::to_string(seen->second));
    }
    type.level = static_cast<int>(type.code.size() / 2);
    const IncidentType* parent = nullptr;
    if (type.level > 1) {
      type.parent_code = type.code.substr(0, type.code.size() - 2);
      parent = result.find(type.parent_code);
      if (parent == nullptr) {
        return source.error(row.line, "code",
                            "parent category '" + type.parent_code + "' of '" + type.code +
                                "' must be defined on an earlier line");
      }
    }
    type.name_zh = f[1];
    type.name_en = f[2];
    if (type.name_zh.empty())
      return source.error(row.line, "name_zh", "the Chinese name is empty");
    if (type.name_en.empty())
      return source.error(row.line, "name_en", "the English name is empty");
    type.common_code = f[3];
    if (!is_common_code(type.common_code)) {
      return source.error(
          row.line, "common_code",
          "'" + type.common_code + "' must be upper-case letters, digits, '_' and '.'");
    }
    if (f[4].size() != 1 || f[4][0] < '0' + kHighestPriority || f[4][0] > '0' + kLowestPriority) {
      return source.error(row.line, "priority",
                          "'" + f[4] + "' is not a priority 1..4 (1 most urgent)");
    }
    type.default_priority = f[4][0] - '0';
    type.capabilities = split_list(f[5]);
    for (const auto& capability : type.capabilities) {
      if (!is_capability(capability)) {
        return source.error(
            row.line, "capabilities",
            "'" + capability + "' is not a capability name (lower-case snake_case)");
      }
    }
    std::sort(type.capabilities.begin(), type.capabilities.end());
    if (std::adjacent_find(type.capabilities.begin(), type.capabilities.end()) !=
        type.capabilities.end()) {
      return source.error(row.line, "capabilities", "a capability is listed twice");
    }
    for (const auto& name : split_list(f[6])) {
      const auto group = parse_reporting_group(name);
      if (!group) {
        return source.error(row.line, "groups",
                            "'" + name + "' is not a reporting group; use one of " + group_names());
      }
      type.groups.push_back(*group);
    }
    if (parent != nullptr) {
      type.groups.insert(type.groups.end(), parent->groups.begin(), parent->groups.end());
    }
    std::sort(type.groups.begin(), type.groups.end());
    type.groups.erase(std::unique(type.groups.begin(), type.groups.end()), type.groups.end());
    line_of_code.emplace(type.code, row.line);
    result.types_.push_back(std::move(type));
  }
  if (result.types_.empty()) {
    return source.error(1, "code", "the taxonomy defines no incident types");
  }
  return result;
}

Result<IncidentTypes> IncidentTypes::load(const std::filesystem::path& path) {
  auto text = read_text_file(path);
  if (!text.ok())
    return text.error();
  return parse(*text, path.string());
}

const IncidentType* IncidentTypes::find(std::string_view code) const {
  for (const auto& type : types_) {
    if (type.code == code)
      return &type;
  }
  return nullptr;
}

std::vector<const IncidentType*> IncidentTypes::path(std::string_view code) const {
  std::vector<const IncidentType*> chain;
  for (const IncidentType* t = find(code); t != nullptr; t = find(t->parent_code)) {
    chain.push_back(t);
    if (t->parent_code.empty())
      break;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<const IncidentType*> IncidentTypes::children(std::string_view code) const {
  std::vector<const IncidentType*> out;
  for (const auto& type : types_) {
    if (type.parent_code == code && !type.parent_code.empty())
      out.push_back(&type);
  }
  return out;
}

bool IncidentTypes::in_group(std::string_view code, ReportingGroup group) const {
  const IncidentType* type = find(code);
  return type != nullptr &&
         std::find(type->groups.begin(), type->groups.end(), group) != type->groups.end();
}

}  // namespace shouwang::cad
