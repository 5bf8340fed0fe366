#include <shouwang/exchange/backtest_input.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <chrono>
#include <functional>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <shouwang/exchange/coordinate_transform.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/import_source.h>
#include <shouwang/exchange/local_time.h>
#include <shouwang/exchange/shapefile.h>

#include "exchange/zip_entry.h"

namespace shouwang::exchange {
namespace {

constexpr std::size_t kProblemsKept = 10;

// Turns a WGS84 point into the plan's planar system.
using FromWgs84 = std::function<Result<Xy>(LatLon)>;

std::optional<double> read_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::int64_t wall_clock_seconds(const LocalDateTime& t) {
  const auto day = std::chrono::sys_days(std::chrono::year(t.year) / std::chrono::month(static_cast<unsigned>(t.month)) /
                                         std::chrono::day(static_cast<unsigned>(t.day)));
  return day.time_since_epoch().count() * 86'400 + t.hour * 3600 + t.minute * 60 + t.second;
}

// Rings of GeoJSON Polygon and MultiPolygon geometries, anywhere in the document.
Status collect_rings(const nlohmann::json& node, std::vector<std::vector<LatLon>>& rings, const std::string& source) {
  if (!node.is_object()) return {};
  const auto type = node.find("type");
  if (type == node.end() || !type->is_string()) return {};
  const auto polygon = [&](const nlohmann::json& coordinates) -> Status {
    if (!coordinates.is_array()) return Error(Errc::kInvalidArgument, source + ": a polygon's coordinates are not an array");
    for (const auto& ring : coordinates) {
      std::vector<LatLon> points;
      for (const auto& p : ring) {
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number())
          return Error(Errc::kInvalidArgument, source + ": a position is not [longitude, latitude]");
        points.push_back({p[1].get<double>(), p[0].get<double>()});
      }
      rings.push_back(std::move(points));
    }
    return {};
  };
  const std::string& t = type->get_ref<const std::string&>();
  if (t == "FeatureCollection" && node.contains("features") && node["features"].is_array()) {
    for (const auto& f : node["features"])
      if (auto s = collect_rings(f, rings, source); !s) return s;
  } else if (t == "Feature" && node.contains("geometry")) {
    return collect_rings(node["geometry"], rings, source);
  } else if (t == "GeometryCollection" && node.contains("geometries") && node["geometries"].is_array()) {
    for (const auto& g : node["geometries"])
      if (auto s = collect_rings(g, rings, source); !s) return s;
  } else if (t == "Polygon") {
    return polygon(node.value("coordinates", nlohmann::json()));
  } else if (t == "MultiPolygon" && node.contains("coordinates") && node["coordinates"].is_array()) {
    for (const auto& p : node["coordinates"])
      if (auto s = polygon(p); !s) return s;
  }
  return {};
}

Result<std::vector<std::vector<LatLon>>> read_geojson_rings(const std::filesystem::path& path) {
  auto text = detail::read_whole_file(path);
  if (!text) return text.error();
  const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
  const std::string source = path.filename().string();
  if (doc.is_discarded()) return Error(Errc::kInvalidArgument, source + " is not JSON");
  std::vector<std::vector<LatLon>> rings;
  if (auto s = collect_rings(doc, rings, source); !s) return s.error();
  if (rings.empty()) return Error(Errc::kInvalidArgument, source + " holds no Polygon or MultiPolygon");
  return rings;
}

bool is_geojson(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return detail::ends_with_ci(name, ".geojson") || detail::ends_with_ci(name, ".json");
}

}  // namespace

Result<BacktestInput> load_backtest_input(const BacktestPlanFile& plan) {
  BacktestInput input;
  std::optional<CoordinateTransform> transform;
  FromWgs84 from_wgs84;
  if (plan.epsg > 0) {
    auto t = CoordinateTransform::from_epsg(plan.epsg);
    if (!t) return t.error();
    if (t->metres_per_unit() <= 0.0)
      return Error(Errc::kInvalidArgument, plan.source + ": EPSG:" + std::to_string(plan.epsg) +
                                               " is not a projected system; cells need lengths, not angles");
    transform = std::move(t).value();
    input.unit = transform->unit_name();
    input.metres_per_unit = transform->metres_per_unit();
    from_wgs84 = [&t = *transform](LatLon p) { return t.from_wgs84(p); };
  }

  // The boundary first: a local frame is centred on it.
  if (is_geojson(plan.boundary_file)) {
    auto rings = read_geojson_rings(plan.boundary_file);
    if (!rings) return rings.error();
    if (!from_wgs84) {
      const auto& first = rings->front().front();
      from_wgs84 = [projection = LocalProjection(first)](LatLon p) -> Result<Xy> { return projection.to_xy(p); };
    }
    for (const auto& ring : *rings) {
      std::vector<Xy> planar;
      for (const LatLon p : ring) {
        auto xy = from_wgs84(p);
        if (!xy) return Error(Errc::kInvalidArgument, plan.boundary_file.filename().string() + ": " + xy.error().message);
        planar.push_back(*xy);
      }
      input.boundary.push_back(std::move(planar));
    }
  } else {
    if (plan.epsg <= 0)
      return Error(Errc::kInvalidArgument, plan.source + ": a shapefile boundary is in a projected system; give the events' epsg");
    auto shapes = read_shapefile_polygons(plan.boundary_file);
    if (!shapes) return shapes.error();
    input.boundary = std::move(shapes->rings);
  }

  auto source = read_import_source(plan.events_file);
  if (!source) return source.error();
  auto format = TimeFormat::parse(plan.time_format);
  if (!format) return Error(Errc::kInvalidArgument, plan.source + ": events.time_format: " + format.error().message);
  CsvReader reader(source->text);
  CsvRecord record;
  if (!reader.next(record)) return Error(Errc::kInvalidArgument, source->file_name + " is empty");
  std::unordered_map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < record.fields.size(); ++i) columns.emplace(record.fields[i], i);
  const auto column = [&](const std::string& name, const char* key) -> Result<std::size_t> {
    const auto found = columns.find(name);
    if (found == columns.end())
      return Error(Errc::kInvalidArgument, plan.source + ": events." + key + ": " + source->file_name +
                                               " has no column '" + name + "'", std::string("events.") + key);
    return found->second;
  };
  const bool projected = !plan.x_column.empty();
  auto time_at = column(plan.time_column, "time");
  if (!time_at) return time_at.error();
  auto a_at = column(projected ? plan.x_column : plan.lat_column, projected ? "x" : "lat");
  if (!a_at) return a_at.error();
  auto b_at = column(projected ? plan.y_column : plan.lon_column, projected ? "y" : "lon");
  if (!b_at) return b_at.error();
  std::optional<std::size_t> filter_at;
  if (!plan.filter_column.empty()) {
    auto f = column(plan.filter_column, "filter.column");
    if (!f) return f.error();
    filter_at = *f;
  }
  const auto skip = [&](const CsvRecord& r, const std::string& column_name, const std::string& why) {
    ++input.skipped;
    if (input.problems.size() < kProblemsKept)
      input.problems.push_back(source->file_name + ":" + std::to_string(r.line) + ": " + column_name + ": " + why);
  };
  while (reader.next(record)) {
    ++input.rows;
    if (record.problem) {
      skip(record, "-", record.problem->message);
      continue;
    }
    const auto field = [&](std::size_t i) -> std::string_view {
      return i < record.fields.size() ? std::string_view(record.fields[i]) : std::string_view();
    };
    if (filter_at && std::find(plan.filter_values.begin(), plan.filter_values.end(), field(*filter_at)) ==
                         plan.filter_values.end()) {
      ++input.filtered;
      continue;
    }
    auto when = format->read(field(*time_at));
    if (!when) {
      skip(record, plan.time_column, when.error().message);
      continue;
    }
    const auto a = read_number(field(*a_at));
    const auto b = read_number(field(*b_at));
    if (!a || !b) {
      skip(record, !a ? (projected ? plan.x_column : plan.lat_column) : (projected ? plan.y_column : plan.lon_column),
           "missing or not a number");
      continue;
    }
    Xy at{*a, *b};
    if (projected) {
      if (auto checked = transform->to_wgs84(*a, *b); !checked) {  // refuses 0/0 and swapped pairs
        skip(record, plan.x_column, checked.error().message);
        continue;
      }
    } else {
      auto xy = from_wgs84(LatLon{*a, *b});
      if (!xy) {
        skip(record, plan.lat_column, xy.error().message);
        continue;
      }
      at = *xy;
    }
    input.events.push_back({wall_clock_seconds(*when), at});
  }
  return input;
}

}  // namespace shouwang::exchange
