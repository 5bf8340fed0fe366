#pragma once
// The answers of `shouwang stats` as tables: one row per key, with the names of types and
// organisation units beside their codes, printed aligned for a terminal or as CSV.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/jurisdictions.h>

namespace shouwang::cli {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  [[nodiscard]] std::string text() const;  // aligned columns (CJK characters count double)
  [[nodiscard]] std::string csv() const;
};

struct StatsNames {
  const cad::Taxonomy* taxonomy = nullptr;
  const osm::Jurisdictions* org = nullptr;  // may be null
  bool english = false;
};

Table stats_table(std::string_view what, const nlohmann::json& answer, const StatsNames& names);

}  // namespace shouwang::cli
