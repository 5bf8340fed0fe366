#include <shouwang/analytics/circle_arrivals.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace shouwang::analytics {
namespace {

// Sites on a coarse grid of the history's planar frame, so each incident looks only at the
// sites in its own and the neighbouring cells.
class SiteGrid {
 public:
  SiteGrid(const IncidentHistory& history, std::span<const CircleArea> sites, double cell_m)
      : history_(history), cell_(cell_m) {
    for (std::uint32_t k = 0; k < sites.size(); ++k)
      cells_[key(planar_of(sites[k].position))].push_back(k);
  }

  template <typename F>
  void near(Xy at, F visit) const {
    const auto [cx, cy] = cell_of(at);
    for (std::int64_t dx = -1; dx <= 1; ++dx)
      for (std::int64_t dy = -1; dy <= 1; ++dy)
        if (const auto it = cells_.find(pack(cx + dx, cy + dy)); it != cells_.end())
          for (const std::uint32_t k : it->second)
            visit(k);
  }

 private:
  // The history's frame is a local equirectangular projection; the inverse of to_lat_lon by
  // two probes (east and north one metre) is linear, so it is exact here.
  Xy planar_of(LatLon p) const {
    const LatLon origin = history_.to_lat_lon({0, 0});
    const LatLon east = history_.to_lat_lon({1, 0});
    const LatLon north = history_.to_lat_lon({0, 1});
    return {(p.lon - origin.lon) / (east.lon - origin.lon), (p.lat - origin.lat) / (north.lat - origin.lat)};
  }
  std::pair<std::int64_t, std::int64_t> cell_of(Xy p) const {
    return {static_cast<std::int64_t>(std::floor(p.x / cell_)), static_cast<std::int64_t>(std::floor(p.y / cell_))};
  }
  static std::int64_t pack(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }
  std::int64_t key(Xy p) const {
    const auto [x, y] = cell_of(p);
    return pack(x, y);
  }

  const IncidentHistory& history_;
  double cell_;
  std::map<std::int64_t, std::vector<std::uint32_t>> cells_;
};

double median(std::vector<double>& v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

std::vector<CircleMonth> circle_arrivals(const IncidentHistory& history, std::span<const CircleArea> sites,
                                         const Period& period, Meters near) {
  const SiteGrid grid(history, sites, std::max(near.value(), 1.0));
  struct Tally {
    CircleMonth row;
    std::vector<double> times;
  };
  std::map<std::pair<std::uint32_t, std::string>, Tally> tallies;
  for (const std::uint32_t row : history.rows_in(period)) {
    if (history.standing(row) != Standing::kCounted)
      continue;
    const auto at = history.planar(row);
    if (!at)
      continue;
    const std::int32_t issued = history.offset(row, Milestone::kFirstIssued);
    const std::int32_t arrived = history.offset(row, Milestone::kFirstArrived);
    const bool has_arrival = issued != kNoOffset && arrived != kNoOffset && arrived >= issued;
    const double seconds = has_arrival ? (arrived - issued) / 10.0 : 0;
    const std::string month = to_string(history.day(row)).substr(0, 7);
    const LatLon where = history.to_lat_lon(*at);
    grid.near(*at, [&](std::uint32_t k) {
      if (haversine_distance(where, sites[k].position).value() > near.value())
        return;
      Tally& t = tallies[{k, month}];
      t.row.incidents += 1;
      if (has_arrival) {
        t.row.arrived += 1;
        t.row.within += seconds <= sites[k].promise_s;
        t.times.push_back(seconds);
      }
    });
  }
  std::vector<CircleMonth> out;
  for (auto& [key, t] : tallies) {
    t.row.site = sites[key.first].site;
    t.row.month = key.second;
    t.row.median_s = median(t.times);
    out.push_back(std::move(t.row));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CircleMonth& a, const CircleMonth& b) { return a.site < b.site; });
  return out;
}

}  // namespace shouwang::analytics
