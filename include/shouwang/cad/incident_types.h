#pragma once
// The incident type taxonomy: a tree of local codes (up to four levels, two digits per
// level: 01 刑事 → 0102 盗窃 → 010201 入室盗窃), each with zh and en names, a common code
// for exchange with other systems (APCO-style discipline.category.subtype), a default
// priority, the unit capabilities it needs and its reporting groups. The default taxonomy
// ships as data/taxonomy/incident_types.tsv; agencies edit the file, not the code
// (format: docs/formats/incident-taxonomy.md).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/reporting_group.h>

namespace shouwang::cad {

inline constexpr int kMaxTypeLevel = 4;
inline constexpr int kHighestPriority = 1;  // most urgent
inline constexpr int kLowestPriority = 4;

struct IncidentType {
  std::string code;                       // "010201"
  std::string parent_code;                // "0102"; empty for a top-level category
  int level = 1;                          // 1..4: code length / 2
  std::string name_zh;                    // "入室盗窃"
  std::string name_en;                    // "Residential burglary"
  std::string common_code;                // "LAW.BURGLARY.RESIDENTIAL"
  int default_priority = 3;               // 1..4, 1 most urgent
  std::vector<std::string> capabilities;  // unit capabilities needed, e.g. "forensics"
  std::vector<ReportingGroup> groups;     // own groups and every ancestor's, sorted
};

// Immutable after loading; safe to share between threads.
class IncidentTypes {
 public:
  // Parses the TSV text; `source` names it in errors. Any problem is kInvalidArgument with
  // a message naming the source, the line and the field, and `field` set to the column.
  static Result<IncidentTypes> parse(std::string_view text, std::string_view source);
  // Reads and parses a file; a file that cannot be read is kIoError naming it.
  static Result<IncidentTypes> load(const std::filesystem::path& path);

  // nullptr when the code is unknown.
  [[nodiscard]] const IncidentType* find(std::string_view code) const;
  // The chain from the top-level category down to `code`; empty when unknown.
  [[nodiscard]] std::vector<const IncidentType*> path(std::string_view code) const;
  [[nodiscard]] std::vector<const IncidentType*> children(std::string_view code) const;
  [[nodiscard]] bool in_group(std::string_view code, ReportingGroup group) const;

  // In file order (every parent before its children).
  [[nodiscard]] const std::vector<IncidentType>& all() const { return types_; }
  [[nodiscard]] std::size_t size() const { return types_.size(); }

 private:
  std::vector<IncidentType> types_;
};

}  // namespace shouwang::cad
