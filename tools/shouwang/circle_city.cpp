#include "circle_city.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <shouwang/cad/location.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/snap_file.h>

namespace shouwang::cli {
namespace {

struct SiteKind {
  std::string_view category;
  cad::SiteType type;
  int tier_s;
};

// OSM categories of key sites and the promise each gets.
constexpr SiteKind kSiteKinds[] = {
    {"amenity=bus_station", cad::SiteType::kTransportHub, 60},
    {"railway=station", cad::SiteType::kTransportHub, 60},
    {"public_transport=station", cad::SiteType::kTransportHub, 60},
    {"amenity=ferry_terminal", cad::SiteType::kTransportHub, 60},
    {"aeroway=aerodrome", cad::SiteType::kTransportHub, 60},
    {"amenity=townhall", cad::SiteType::kGovernment, 60},
    {"office=government", cad::SiteType::kGovernment, 60},
    {"amenity=school", cad::SiteType::kSchool, 180},
    {"amenity=kindergarten", cad::SiteType::kSchool, 180},
    {"amenity=hospital", cad::SiteType::kHospital, 180},
    {"amenity=marketplace", cad::SiteType::kMarket, 300},
    {"shop=mall", cad::SiteType::kMarket, 300},
};

std::string numbered(std::string_view prefix, std::size_t n, int width) {
  std::string digits = std::to_string(n);
  if (digits.size() < static_cast<std::size_t>(width))
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return std::string(prefix) + digits;
}

}  // namespace

Result<std::unique_ptr<CityRoads>> load_city_roads(const std::filesystem::path& data) {
  auto roads = std::make_unique<CityRoads>();
  auto graph = osm::read_graph_file((data / osm::kGraphFileName).string());
  if (!graph)
    return graph.error();
  roads->graph = std::move(graph).value();
  auto hierarchy = osm::read_ch_file((data / osm::kChFileName).string(), roads->graph.graph);
  if (!hierarchy)
    return hierarchy.error();
  roads->hierarchy.emplace(std::move(hierarchy).value());
  auto index = osm::read_snap_file((data / osm::kSnapFileName).string(), roads->graph.graph);
  if (!index)
    return index.error();
  roads->index.emplace(std::move(index).value());
  return roads;
}

std::vector<cad::RegisterSite> sites_from_pois(const osm::PlaceIndex& places, const osm::Jurisdictions* org) {
  std::vector<cad::RegisterSite> out;
  for (const osm::Place& place : places.places()) {
    if (place.kind != osm::PlaceKind::kPoi)
      continue;
    const auto kind = std::find_if(std::begin(kSiteKinds), std::end(kSiteKinds),
                                   [&](const SiteKind& k) { return k.category == place.category; });
    if (kind == std::end(kSiteKinds))
      continue;
    std::string name = place.name_zh.empty() ? place.name_en : place.name_zh;
    if (!place.name_en.empty() && place.name_en != name)
      name += " " + place.name_en;
    if (name.empty())
      continue;
    if (name.size() > 128) {
      // Cut at a character boundary: back to the first byte of the character at 128.
      std::size_t cut = 128;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
        --cut;
      name.resize(cut);
    }
    cad::SiteProfile profile;
    profile.name = name;
    profile.type = kind->type;
    profile.tier_s = kind->tier_s;
    profile.station = org != nullptr ? std::string(org->station_at(place.position)) : std::string();
    profile.position = place.position;
    out.push_back({numbered("S-", out.size() + 1, 4), profile});
  }
  return out;
}

std::vector<LatLon> candidate_grid(const CityRoads& roads, Meters spacing) {
  const auto coordinates = roads.graph.graph.coordinates();
  if (coordinates.empty())
    return {};
  double south = 90, north = -90, west = 180, east = -180;
  for (const LatLon c : coordinates) {
    south = std::min(south, c.lat);
    north = std::max(north, c.lat);
    west = std::min(west, c.lon);
    east = std::max(east, c.lon);
  }
  constexpr double kMetresPerDegree = 111'320.0;
  const double mid = (south + north) / 2 * M_PI / 180;
  const double dlat = spacing.value() / kMetresPerDegree;
  const double dlon = spacing.value() / (kMetresPerDegree * std::max(0.1, std::cos(mid)));
  std::vector<LatLon> out;
  for (double lat = south + dlat / 2; lat < north; lat += dlat) {
    for (double lon = west + dlon / 2; lon < east; lon += dlon) {
      auto snap = roads.index->snap({lat, lon}, Meters(spacing.value() / 2));
      if (snap)
        out.push_back(snap->point);
    }
  }
  return out;
}

IncidentDemand incidents_of(const cad::State& state) {
  IncidentDemand out;
  for (const auto& [id, incident] : state.incidents) {
    auto at = cad::incident_target(incident);
    if (!at)
      continue;
    out.positions.push_back(*at);
    out.weights.push_back(static_cast<double>(5 - std::clamp(incident.priority, 1, 4)));
  }
  return out;
}

Result<IncidentDemand> incidents_from_csv(const std::filesystem::path& file, const std::string& lat_column,
                                          const std::string& lon_column, std::size_t& skipped) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return Error(Errc::kNotFound, file.string() + ": cannot be read", "incidents");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  exchange::CsvReader reader(text);
  exchange::CsvRecord record;
  if (!reader.next(record))
    return Error(Errc::kInvalidArgument, file.string() + " is empty", "incidents");
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < record.fields.size(); ++k)
    column[record.fields[k]] = k;
  if (!column.contains(lat_column) || !column.contains(lon_column))
    return Error(Errc::kInvalidArgument,
                 file.string() + ": the header has no columns '" + lat_column + "' and '" + lon_column + "'",
                 "incidents");
  const std::size_t lat_at = column[lat_column], lon_at = column[lon_column];
  IncidentDemand out;
  while (reader.next(record)) {
    if (record.problem || record.fields.size() <= std::max(lat_at, lon_at)) {
      ++skipped;
      continue;
    }
    char* end = nullptr;
    const double lat = std::strtod(record.fields[lat_at].c_str(), &end);
    const bool lat_ok = end != record.fields[lat_at].c_str() && *end == '\0';
    const double lon = std::strtod(record.fields[lon_at].c_str(), &end);
    const bool lon_ok = end != record.fields[lon_at].c_str() && *end == '\0';
    auto position = make_lat_lon(lat, lon);
    if (!lat_ok || !lon_ok || !position.ok()) {
      ++skipped;
      continue;
    }
    out.positions.push_back(*position);
    out.weights.push_back(1.0);
  }
  return out;
}

}  // namespace shouwang::cli
