// Jurisdictions::to_geojson: the tree as the GeoJSON FeatureCollection that
// read_jurisdictions_geojson reads (docs/jurisdictions.md).

#include <cstdio>
#include <string>

#include <shouwang/base/text.h>
#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/fixed_geometry.h"

namespace shouwang::osm {
namespace {

void append_string(std::string& out, std::string_view text) {
  append_json_string(out, text);
}

// The fixed-point value with exactly 7 decimals, so that reading it back gives the same
// fixed-point coordinates.
void append_coordinate(std::string& out, std::int32_t fixed) {
  const std::int64_t v = fixed;
  const std::int64_t magnitude = v < 0 ? -v : v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld.%07lld", v < 0 ? "-" : "",
                static_cast<long long>(magnitude / 10000000),
                static_cast<long long>(magnitude % 10000000));
  out += buf;
}

void append_ring(std::string& out, const std::vector<LatLon>& ring) {
  out += '[';
  for (std::size_t i = 0; i <= ring.size(); ++i) {  // GeoJSON rings repeat their first position
    const jurisdiction::FixedPoint p = jurisdiction::to_fixed(ring[i % ring.size()]);
    if (i > 0)
      out += ',';
    out += '[';
    append_coordinate(out, p.x);
    out += ',';
    append_coordinate(out, p.y);
    out += ']';
  }
  out += ']';
}

void append_property(std::string& out, const char* key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  append_string(out, value);
}

}  // namespace

std::string Jurisdictions::to_geojson() const {
  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  for (const OrgUnit& unit : units()) {
    if (!first)
      out += ',';
    first = false;
    out += "{\"type\":\"Feature\",\"properties\":{";
    append_property(out, "code", unit.code);
    out += ',';
    append_property(out, "name", unit.name);
    out += ',';
    append_property(out, "name_en", unit.name_en);
    out += ',';
    append_property(out, "area_name", unit.area_name);
    out += ',';
    append_property(out, "area_name_en", unit.area_name_en);
    out += ',';
    append_property(out, "level", org_level_name(unit.level));
    out += ",\"parent\":";
    if (unit.parent.empty()) {
      out += "null";
    } else {
      append_string(out, unit.parent);
    }
    out += ",\"population\":";
    out += unit.population ? std::to_string(*unit.population) : "null";
    out += "},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[";
    for (std::size_t p = 0; p < unit.area.size(); ++p) {
      if (p > 0)
        out += ',';
      out += '[';
      append_ring(out, unit.area[p].outer);
      for (const auto& hole : unit.area[p].holes) {
        out += ',';
        append_ring(out, hole);
      }
      out += ']';
    }
    out += "]}}";
  }
  out += "]}";
  return out;
}

}  // namespace shouwang::osm
