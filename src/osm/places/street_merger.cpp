#include "osm/places/street_merger.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>
#include <numeric>
#include <string>
#include <tuple>

#include <shouwang/base/disjoint_sets.h>

namespace shouwang::osm::places {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
constexpr double kMetresPerDegree = kEarthRadiusMeters * kRadiansPerDegree;

const std::string& group_name(const Place& p) {
  return p.name_zh.empty() ? p.name_en : p.name_zh;
}

BoundingBox unite(const BoundingBox& a, const BoundingBox& b) {
  return {
      {std::min(a.south_west.lat, b.south_west.lat), std::min(a.south_west.lon, b.south_west.lon)},
      {std::max(a.north_east.lat, b.north_east.lat), std::max(a.north_east.lon, b.north_east.lon)}};
}

// One street from the pieces `members` (indices into `pieces`, in OSM id order).
Place join(const std::vector<Place>& pieces, const std::vector<std::size_t>& members) {
  BoundingBox box = pieces[members.front()].bbox;
  for (const std::size_t m : members)
    box = unite(box, pieces[m].bbox);
  const LatLon centre{(box.south_west.lat + box.north_east.lat) / 2.0,
                      (box.south_west.lon + box.north_east.lon) / 2.0};
  const double cos_lat = std::cos(centre.lat * kRadiansPerDegree);
  std::size_t middle = members.front();
  double best = INFINITY;
  for (const std::size_t m : members) {
    const double dy = pieces[m].position.lat - centre.lat;
    const double dx = (pieces[m].position.lon - centre.lon) * cos_lat;
    const double d = dx * dx + dy * dy;
    if (d < best) {
      best = d;
      middle = m;
    }
  }
  Place street = pieces[middle];
  street.bbox = box;
  for (const std::size_t m : members) {
    if (!pieces[m].name_en.empty()) {
      street.name_en = pieces[m].name_en;
      break;
    }
  }
  for (const std::size_t m : members) {
    if (!street.name_zh.empty())
      break;
    street.name_zh = pieces[m].name_zh;
  }
  return street;
}

}  // namespace

double box_gap_metres(const BoundingBox& a, const BoundingBox& b) {
  const double dlat =
      std::max({0.0, a.south_west.lat - b.north_east.lat, b.south_west.lat - a.north_east.lat});
  const double dlon =
      std::max({0.0, a.south_west.lon - b.north_east.lon, b.south_west.lon - a.north_east.lon});
  const double lat = (a.south_west.lat + b.south_west.lat) / 2.0;
  const double dx = dlon * kMetresPerDegree * std::cos(lat * kRadiansPerDegree);
  const double dy = dlat * kMetresPerDegree;
  return std::hypot(dx, dy);
}

std::vector<Place> merge_street_pieces(std::vector<Place> pieces, double join_distance_m) {
  // Same name together, then along the south edge of the box (for the sweep below).
  std::sort(pieces.begin(), pieces.end(), [](const Place& a, const Place& b) {
    return std::tie(group_name(a), a.bbox.south_west.lat, a.osm_id) <
           std::tie(group_name(b), b.bbox.south_west.lat, b.osm_id);
  });
  const double join_degrees_lat = join_distance_m / kMetresPerDegree;
  std::vector<Place> streets;
  std::size_t begin = 0;
  while (begin < pieces.size()) {
    assert(pieces[begin].kind == PlaceKind::kStreet);
    std::size_t end = begin + 1;
    while (end < pieces.size() && group_name(pieces[end]) == group_name(pieces[begin]))
      ++end;
    DisjointSets sets(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
      for (std::size_t j = i + 1; j < end; ++j) {
        // Sorted by south edge: once j starts too far north of i, so do all after it.
        if (pieces[j].bbox.south_west.lat > pieces[i].bbox.north_east.lat + join_degrees_lat)
          break;
        if (box_gap_metres(pieces[i].bbox, pieces[j].bbox) <= join_distance_m)
          sets.join(static_cast<std::uint32_t>(i - begin), static_cast<std::uint32_t>(j - begin));
      }
    }
    std::vector<std::vector<std::size_t>> clusters(end - begin);
    for (std::size_t i = begin; i < end; ++i)
      clusters[sets.find(static_cast<std::uint32_t>(i - begin))].push_back(i);
    std::vector<Place> group;
    for (auto& members : clusters) {
      if (members.empty())
        continue;
      std::sort(members.begin(), members.end(), [&pieces](std::size_t a, std::size_t b) {
        return pieces[a].osm_id < pieces[b].osm_id;
      });
      group.push_back(join(pieces, members));
    }
    std::sort(group.begin(), group.end(),
              [](const Place& a, const Place& b) { return a.osm_id < b.osm_id; });
    for (Place& p : group)
      streets.push_back(std::move(p));
    begin = end;
  }
  return streets;
}

}  // namespace shouwang::osm::places
