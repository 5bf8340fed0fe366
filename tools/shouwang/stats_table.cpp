#include "stats_table.h"

#include <cmath>
#include <cstdio>

#include <shouwang/exchange/csv_reader.h>

namespace shouwang::cli {
namespace {

using nlohmann::json;

// Display width: East Asian wide characters take two columns.
std::size_t width(std::string_view text) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

std::string number(const json& v, int decimals = 0) {
  if (v.is_null())
    return "—";
  if (v.is_number_integer() || v.is_number_unsigned())
    return std::to_string(v.get<long long>());
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, v.get<double>());
  return text;
}

std::string percent(const json& v) {
  if (v.is_null())
    return "—";
  char text[32];
  std::snprintf(text, sizeof text, "%+.2f%%", v.get<double>());
  return text;
}

std::string share(const json& v) {
  if (v.is_null())
    return "—";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", v.get<double>() * 100.0);
  return text;
}

// The name of a key part, for the dimensions that have names.
std::string name_of(const std::string& dimension, const std::string& code,
                    const StatsNames& names) {
  if (code.empty())
    return names.english ? "(none)" : "（无）";
  if (dimension.starts_with("type") && names.taxonomy != nullptr) {
    if (const cad::IncidentType* type = names.taxonomy->types.find(code))
      return names.english ? type->name_en : type->name_zh;
  }
  if ((dimension == "station" || dimension == "district") && names.org != nullptr) {
    if (const osm::OrgUnit* unit = names.org->find(code))
      return names.english ? unit->name_en : unit->name;
  }
  return {};
}

bool named(const std::string& dimension) {
  return dimension.starts_with("type") || dimension == "station" || dimension == "district";
}

// The key columns of a row: each part, and its name where it has one.
void key_header(const json& by, std::vector<std::string>& header) {
  for (const json& d : by) {
    header.push_back(d.get<std::string>());
    if (named(d.get<std::string>()))
      header.push_back("name");
  }
}

void key_cells(const json& by, const json& key, const StatsNames& names,
               std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < by.size(); ++i) {
    const std::string dimension = by[i].get<std::string>();
    const std::string code =
        key.is_array() && i < key.size() ? key[i].get<std::string>() : std::string();
    cells.push_back(code);
    if (named(dimension))
      cells.push_back(name_of(dimension, code, names));
  }
}

void total_cells(const json& by, std::vector<std::string>& cells, bool english) {
  for (const json& d : by) {
    cells.push_back(cells.empty() ? (english ? "total" : "合计") : "");
    if (named(d.get<std::string>()))
      cells.push_back("");
  }
}

// A table of `a`'s keyed rows and its total: the key columns, then `columns` filled by
// `values(row)`.
template <typename Values>
Table keyed_table(const json& a, const StatsNames& names, const std::vector<std::string>& columns,
                  Values&& values) {
  Table t;
  key_header(a["by"], t.header);
  if (t.header.empty())
    t.header.emplace_back("");
  t.header.insert(t.header.end(), columns.begin(), columns.end());
  const auto add = [&](const json& row, bool total) {
    std::vector<std::string> cells;
    if (total || a["by"].empty()) {
      total_cells(a["by"], cells, names.english);
      if (cells.empty())
        cells.emplace_back(names.english ? "total" : "合计");
    } else {
      key_cells(a["by"], row["key"], names, cells);
    }
    for (std::string& cell : values(row))
      cells.push_back(std::move(cell));
    t.rows.push_back(std::move(cells));
  };
  for (const json& row : a["rows"])
    add(row, false);
  add(a["total"], true);
  return t;
}

Table counts(const json& a, const StatsNames& names) {
  return keyed_table(a, names, {"current", "last_year", "yoy", "previous", "pop", "rate_per_10k"},
                     [](const json& row) {
                       return std::vector<std::string>{
                           number(row["current"]),
                           number(row["last_year"]),
                           percent(row["yoy_percent"]),
                           number(row["previous"]),
                           percent(row["pop_percent"]),
                           row.contains("rate_per_10k") ? number(row["rate_per_10k"], 2) : ""};
                     });
}

Table response(const json& a, const StatsNames& names) {
  std::vector<std::string> columns{"n", "mean_s", "median_s", "p90_s"};
  for (const json& limit : a["limits_s"])
    columns.push_back("<=" + number(limit) + "s");
  columns.emplace_back("missing");
  columns.emplace_back("out_of_order");
  return keyed_table(a, names, columns, [](const json& row) {
    std::vector<std::string> cells{number(row["n"])};
    for (const char* field : {"mean_s", "median_s", "p90_s"})
      cells.push_back(row.contains(field) ? number(row[field], 1) : "—");
    for (const json& w : row["within"])
      cells.push_back(share(w["share"]));
    cells.push_back(number(row["missing"]));
    cells.push_back(number(row["out_of_order"]));
    return cells;
  });
}

Table buckets(const json& a, const StatsNames& names) {
  Table t;
  const std::string by = a["by"].get<std::string>();
  t.header = {"rank", by};
  if (by == "station")
    t.header.emplace_back("name");
  t.header.emplace_back("n");
  double lower = 0;
  for (const json& b : a["bounds_s"]) {
    t.header.push_back(number(json(lower)) + "-" + number(b) + "s");
    lower = b.get<double>();
  }
  t.header.push_back(">" + number(json(lower)) + "s");
  for (const char* column : {"median_s", "within_standard", "missing"})
    t.header.emplace_back(column);
  const auto add = [&](const json& row, bool total) {
    std::vector<std::string> cells{
        total ? "" : number(row["rank"]),
        total ? (names.english ? "total" : "合计") : row["key"].get<std::string>()};
    if (by == "station")
      cells.push_back(total ? "" : name_of("station", row["key"].get<std::string>(), names));
    cells.push_back(number(row["n"]));
    for (const json& n : row["buckets"])
      cells.push_back(number(n));
    cells.push_back(number(row["median_s"], 1));
    cells.push_back(share(row["within_standard"]));
    cells.push_back(number(row["missing"]));
    t.rows.push_back(std::move(cells));
  };
  for (const json& row : a["rows"])
    add(row, false);
  add(a["total"], true);
  return t;
}

Table streaks(const json& a, const StatsNames& names) {
  Table t;
  const std::string level = a["level"].get<std::string>();
  t.header = {level, "name", "days", "since", "at_least"};
  for (const json& row : a["rows"]) {
    const std::string key = row["key"].get<std::string>();
    t.rows.push_back({key, name_of(level, key, names), number(row["days"]),
                      row["since"].get<std::string>(), row["at_least"].get<bool>() ? "yes" : ""});
  }
  return t;
}

Table safety(const json& a, const StatsNames& names) {
  Table t;
  const std::string level = a["level"].get<std::string>();
  t.header = {level,       "name",     "index",  "rate",    "trend",
              "clearance", "response", "before", "moved_by"};
  for (const json& row : a["rows"]) {
    const std::string key = row["key"].get<std::string>();
    std::vector<std::string> cells{key, name_of(level, key, names), number(row["now"]["index"], 1)};
    for (const json& part : row["now"]["parts"])
      cells.push_back(
          part["value"].is_null() && part["name"] != "trend" ? "—" : number(part["score"], 1));
    cells.push_back(number(row["before"]["index"], 1));
    cells.push_back(row["moved_by"].is_null() ? ""
                                              : row["moved_by"].get<std::string>() + " " +
                                                    number(row["moved_by_points"], 1));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Table standards(const json& a, const StatsNames& names) {
  Table t;
  t.header = {"station", "name", "class", "density", "standard_s", "n", "median_s", "p90_s",
              "within_standard"};
  for (const json& row : a["stations"]) {
    const std::string key = row["key"].get<std::string>();
    t.rows.push_back({key, name_of("station", key, names), row["class"].get<std::string>(),
                      number(row["density"]), number(row["standard_s"]), number(row["n"]),
                      number(row.value("median_s", json()), 1), number(row.value("p90_s", json()), 1),
                      share(row["within_standard"])});
  }
  for (const char* part : {"urban", "suburban"}) {
    const json& total = a[part];
    t.rows.push_back({names.english ? std::string("total ") + part
                                    : std::string(part) == "urban" ? "城区合计" : "城郊合计",
                      "", part, "", number(total["standard_s"]), number(total["n"]),
                      number(total.value("median_s", json()), 1),
                      number(total.value("p90_s", json()), 1), share(total["within"][0]["share"])});
  }
  const json& nfpa = a["nfpa"];
  t.rows.push_back({"NFPA 1710", names.english ? "travel P90" : "行驶时间P90", "", "",
                    number(nfpa["standard_s"]), number(nfpa["n"]),
                    number(nfpa.value("median_s", json()), 1), number(nfpa.value("p90_s", json()), 1),
                    nfpa["meets"].is_null() ? "—" : nfpa["meets"].get<bool>() ? "meets" : "fails"});
  return t;
}

}  // namespace

std::string Table::text() const {
  std::vector<std::size_t> widths(header.size(), 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], width(cells[i]));
  };
  measure(header);
  for (const auto& row : rows)
    measure(row);
  std::string out;
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      out += cells[i];
      if (i + 1 < cells.size())
        out.append(widths[i] - width(cells[i]) + 2, ' ');
    }
    out += '\n';
  };
  line(header);
  for (const auto& row : rows)
    line(row);
  return out;
}

std::string Table::csv() const {
  std::string out = exchange::format_csv_record(header);
  for (const auto& row : rows)
    out += exchange::format_csv_record(row);
  return out;
}

// The hottest cells (or street segments) of a hotspot map: by z-score for the statistics,
// else by density or count; a cell's place is the centre of its polygon, a segment's the
// middle vertex of its line.
Table hotspots(const json& a) {
  constexpr std::size_t kRows = 30;
  const std::string method = a["properties"]["method"].get<std::string>();
  std::vector<const json*> cells;
  for (const json& f : a["features"])
    cells.push_back(&f);
  const auto key = [&](const json* f) {
    const json& p = (*f)["properties"];
    if (p.contains("z"))
      return p["z"].get<double>();
    if (p.contains("density_per_km2"))
      return p["density_per_km2"].get<double>();
    return p["count"].get<double>();
  };
  std::stable_sort(cells.begin(), cells.end(), [&](const json* x, const json* y) { return key(x) > key(y); });
  Table t;
  const bool segments = a["properties"].value("on", "cells") == "segments";
  t.header = {segments ? "segment" : "cell", "lat", "lon", "count"};
  if (segments)
    t.header.push_back("per km");
  if (method == "kde")
    t.header.push_back("per km²");
  if (method == "gi_star" || method == "local_moran")
    t.header.insert(t.header.end(), {"z", "p", "class"});
  for (std::size_t i = 0; i < cells.size() && i < kRows; ++i) {
    const json& f = *cells[i];
    const json& p = f["properties"];
    double lon = 0, lat = 0;
    if (segments) {
      const json& line = f["geometry"]["coordinates"];
      const json& middle = line[line.size() / 2];
      lon = middle[0].get<double>();
      lat = middle[1].get<double>();
    } else {
      const json& ring = f["geometry"]["coordinates"][0];
      lon = (ring[0][0].get<double>() + ring[2][0].get<double>()) / 2;
      lat = (ring[0][1].get<double>() + ring[2][1].get<double>()) / 2;
    }
    std::vector<std::string> row{std::to_string(p[segments ? "segment" : "cell"].get<long long>()),
                                 number(json(lat), 5), number(json(lon), 5), number(p["count"], 0)};
    if (segments)
      row.push_back(number(p["per_km"], 2));
    if (method == "kde")
      row.push_back(number(p["density_per_km2"], 1));
    if (p.contains("z"))
      row.insert(row.end(), {number(p["z"], 2), number(p["p"], 4),
                             p["class"].is_null() ? "-" : p["class"].get<std::string>()});
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table warnings(const json& a, const StatsNames& names) {
  Table t;
  t.header = {"area", "subject", "method", "count", "baseline", "sd", "statistic", "threshold", "baseline days"};
  for (const json& w : a["alarms"]) {
    const std::string area = w["area"].get<std::string>();
    std::string area_name = area;
    if (names.org != nullptr)
      for (const osm::OrgUnit& u : names.org->units())
        if (u.code == area)
          area_name = names.english ? u.name_en : u.name;
    t.rows.push_back({area_name, w["subject"].get<std::string>(), w["method"].get<std::string>(),
                      number(w["count"], 0), number(w["baseline_mean"], 2), number(w["baseline_sd"], 2),
                      number(w["statistic"], 2), number(w["threshold"], 1),
                      w["baseline_first"].get<std::string>() + ".." + w["baseline_last"].get<std::string>()});
  }
  return t;
}

Table stats_table(std::string_view what, const json& answer, const StatsNames& names) {
  if (what == "counts")
    return counts(answer, names);
  if (what == "response")
    return response(answer, names);
  if (what == "buckets")
    return buckets(answer, names);
  if (what == "streaks")
    return streaks(answer, names);
  if (what == "safety")
    return safety(answer, names);
  if (what == "standards")
    return standards(answer, names);
  if (what == "hotspots")
    return hotspots(answer);
  if (what == "warnings")
    return warnings(answer, names);
  Table t;
  t.header = {"incident"};
  for (const json& id : answer["ids"])
    t.rows.push_back({id.get<std::string>()});
  return t;
}

}  // namespace shouwang::cli
