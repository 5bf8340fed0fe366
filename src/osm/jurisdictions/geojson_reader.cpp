// read_jurisdictions_geojson: a bureau's own jurisdiction file (docs/jurisdictions.md).
// Every message names the feature by its index, and every error's field is the JSON path
// of what is wrong ("features[3].properties.level").

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/osm/jurisdictions.h>

namespace shouwang::osm {
namespace {

using nlohmann::json;

struct FeatureReader {
  const std::string& source;
  std::size_t index;

  [[nodiscard]] std::string path() const { return "features[" + std::to_string(index) + "]"; }

  [[nodiscard]] Error error(const std::string& field, const std::string& what) const {
    return Error(Errc::kInvalidArgument,
                 source + ": feature " + std::to_string(index) + ": " + field + " " + what,
                 path() + "." + field);
  }

  // A code: a string, or a whole number as GIS tools write numeric-looking columns.
  static std::optional<std::string> code_text(const json& value) {
    if (value.is_string())
      return value.get<std::string>();
    if (value.is_number_unsigned())
      return std::to_string(value.get<std::uint64_t>());
    return std::nullopt;
  }

  Result<std::string> text(const json& properties, const char* key, bool required) const {
    const auto it = properties.find(key);
    if (it == properties.end() || it->is_null()) {
      if (required)
        return error(std::string("properties.") + key, "is missing");
      return std::string();
    }
    if (!it->is_string())
      return error(std::string("properties.") + key, "must be a string");
    if (required && it->get_ref<const std::string&>().empty()) {
      return error(std::string("properties.") + key, "is empty");
    }
    return it->get<std::string>();
  }

  Result<std::vector<LatLon>> ring(const json& value, const std::string& field) const {
    if (!value.is_array() || value.size() < 4) {
      return error(field, "must be a closed ring: an array of at least 4 [lon, lat] positions");
    }
    std::vector<LatLon> out;
    for (std::size_t k = 0; k < value.size(); ++k) {
      const json& position = value[k];
      const std::string at = field + "[" + std::to_string(k) + "]";
      if (!position.is_array() || position.size() < 2 || !position[0].is_number() ||
          !position[1].is_number()) {
        return error(at, "must be a [lon, lat] position");
      }
      const double lon = position[0].get<double>(), lat = position[1].get<double>();
      if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180.0 ||
          std::abs(lat) > 90.0) {
        return error(at, "is not a longitude and latitude in degrees");
      }
      out.push_back({lat, lon});
    }
    if (!(out.front() == out.back()))
      return error(field, "is not closed: its last position differs from its first");
    out.pop_back();
    return out;
  }

  Result<AreaPolygon> polygon(const json& value, const std::string& field) const {
    if (!value.is_array() || value.empty())
      return error(field, "must be an array of rings (outer ring first)");
    AreaPolygon out;
    for (std::size_t r = 0; r < value.size(); ++r) {
      auto ring_value = ring(value[r], field + "[" + std::to_string(r) + "]");
      if (!ring_value)
        return ring_value.error();
      if (r == 0) {
        out.outer = std::move(ring_value).value();
      } else {
        out.holes.push_back(std::move(ring_value).value());
      }
    }
    return out;
  }

  Result<std::vector<AreaPolygon>> geometry(const json& feature) const {
    const auto it = feature.find("geometry");
    if (it == feature.end() || !it->is_object())
      return error("geometry", "must be a Polygon or MultiPolygon object");
    const auto type = it->find("type");
    const auto coordinates = it->find("coordinates");
    const bool is_polygon = type != it->end() && *type == "Polygon";
    const bool is_multi = type != it->end() && *type == "MultiPolygon";
    if (!is_polygon && !is_multi)
      return error("geometry.type", "must be \"Polygon\" or \"MultiPolygon\"");
    if (coordinates == it->end() || !coordinates->is_array())
      return error("geometry.coordinates", "must be an array");
    std::vector<AreaPolygon> out;
    if (is_polygon) {
      auto p = polygon(*coordinates, "geometry.coordinates");
      if (!p)
        return p.error();
      out.push_back(std::move(p).value());
      return out;
    }
    if (coordinates->empty())
      return error("geometry.coordinates", "has no polygon");
    for (std::size_t i = 0; i < coordinates->size(); ++i) {
      auto p = polygon((*coordinates)[i], "geometry.coordinates[" + std::to_string(i) + "]");
      if (!p)
        return p.error();
      out.push_back(std::move(p).value());
    }
    return out;
  }

  Result<OrgUnit> unit(const json& feature) const {
    if (!feature.is_object() || feature.value("type", json()) != "Feature") {
      return Error(Errc::kInvalidArgument,
                   source + ": feature " + std::to_string(index) + " is not a GeoJSON Feature",
                   path());
    }
    const auto props = feature.find("properties");
    if (props == feature.end() || !props->is_object())
      return error("properties", "must be an object");
    OrgUnit unit;
    unit.source = "geojson feature " + std::to_string(index);
    const auto code = props->find("code");
    if (code == props->end() || !code_text(*code) || code_text(*code)->empty()) {
      return error("properties.code", "must be a non-empty string (or a whole number)");
    }
    unit.code = *code_text(*code);
    auto name = text(*props, "name", true);
    if (!name)
      return name.error();
    unit.name = *name;
    for (auto [key, target] :
         {std::pair{"name_en", &unit.name_en}, std::pair{"area_name", &unit.area_name},
          std::pair{"area_name_en", &unit.area_name_en}}) {
      auto value = text(*props, key, false);
      if (!value)
        return value.error();
      *target = *value;
    }
    if (unit.name_en.empty())
      unit.name_en = unit.name;
    auto level = text(*props, "level", true);
    if (!level)
      return level.error();
    if (*level == "city") {
      unit.level = OrgLevel::kCity;
    } else if (*level == "sub_bureau") {
      unit.level = OrgLevel::kSubBureau;
    } else if (*level == "station") {
      unit.level = OrgLevel::kStation;
    } else {
      return error("properties.level",
                   "must be \"city\", \"sub_bureau\" or \"station\", not \"" + *level + "\"");
    }
    const auto parent = props->find("parent");
    if (parent != props->end() && !parent->is_null()) {
      if (!code_text(*parent))
        return error("properties.parent", "must be the parent's code");
      unit.parent = *code_text(*parent);
    }
    const auto population = props->find("population");
    if (population != props->end() && !population->is_null()) {
      // nlohmann keeps a non-negative integer literal as unsigned: negative numbers,
      // fractions, strings and booleans are all something else.
      if (!population->is_number_unsigned() ||
          population->get<std::uint64_t>() >
              static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return error("properties.population", "must be a non-negative whole number (or null)");
      }
      unit.population = static_cast<std::int64_t>(population->get<std::uint64_t>());
    }
    auto area = geometry(feature);
    if (!area)
      return area.error();
    unit.area = std::move(area).value();
    return unit;
  }
};

// from_units names a unit's field as "units[i].member"; here that is a JSON path.
Error as_feature_error(Error error) {
  if (error.field == "units")
    error.field = "features";
  const std::string prefix = "units[";
  if (error.field.rfind(prefix, 0) != 0)
    return error;
  const auto close = error.field.find("].");
  if (close == std::string::npos)
    return error;
  const std::string member = error.field.substr(close + 2);
  const std::string where = member == "area" ? "geometry" : "properties." + member;
  error.field =
      "features[" + error.field.substr(prefix.size(), close - prefix.size()) + "]." + where;
  return error;
}

}  // namespace

Result<Jurisdictions> parse_jurisdictions_geojson(std::string_view text,
                                                  const std::string& source_name) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    return Error(Errc::kInvalidArgument, source_name + " is not valid JSON: " + e.what());
  }
  if (!root.is_object() || root.value("type", json()) != "FeatureCollection") {
    return Error(Errc::kInvalidArgument, source_name + " is not a GeoJSON FeatureCollection",
                 "type");
  }
  const auto features = root.find("features");
  if (features == root.end() || !features->is_array()) {
    return Error(Errc::kInvalidArgument, source_name + ": \"features\" must be an array",
                 "features");
  }
  std::vector<OrgUnit> units;
  units.reserve(features->size());
  for (std::size_t i = 0; i < features->size(); ++i) {
    auto unit = FeatureReader{source_name, i}.unit((*features)[i]);
    if (!unit)
      return unit.error();
    units.push_back(std::move(unit).value());
  }
  auto tree = Jurisdictions::from_units(std::move(units));
  if (!tree) {
    Error e = as_feature_error(tree.error());
    e.message = source_name + ": " + e.message;
    return e;
  }
  return tree;
}

Result<Jurisdictions> read_jurisdictions_geojson(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error(Errc::kNotFound, "no jurisdiction file at " + path);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in)
    return Error(Errc::kIoError, "cannot read " + path);
  return parse_jurisdictions_geojson(text.str(), path);
}

}  // namespace shouwang::osm
