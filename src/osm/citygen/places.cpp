#include "osm/citygen/places.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace shouwang::osm::citygen {
namespace {

constexpr double kPlotSpacing = 50.0;

struct Plot {
  Xy pos;
  const BilingualName* street = nullptr;
  int number = 0;
  Zone zone = Zone::kRural;
  int station = -1;
  std::vector<Tag> poi;  // empty: a plain address
};

bool takes_addresses(RoadClass cls) {
  return cls == RoadClass::kPrimary || cls == RoadClass::kSecondary || cls == RoadClass::kTertiary ||
         cls == RoadClass::kResidential;
}

std::vector<Tag> named(const char* key, const char* value, const BilingualName& name) {
  return {{key, value}, {"name", name.zh}, {"name:en", name.en}};
}

class PoiPlacer {
 public:
  PoiPlacer(LayoutContext& ctx, std::vector<Plot>& plots) : ctx_(ctx), plots_(plots) {
    for (std::size_t i = 0; i < plots_.size(); ++i) order_.push_back(i);
    for (std::size_t i = order_.size(); i > 1; --i) {
      std::swap(order_[i - 1], order_[static_cast<std::size_t>(ctx_.rng.uniform_int(0, static_cast<std::int64_t>(i) - 1))]);
    }
  }

  // Puts `tags` on a random free plot whose zone is allowed; false when none is left.
  bool place_random(std::vector<Tag> tags, bool core_only) {
    while (cursor_ < order_.size()) {
      Plot& plot = plots_[order_[cursor_++]];
      if (!plot.poi.empty() || (core_only && plot.zone != Zone::kCore)) continue;
      plot.poi = std::move(tags);
      ++placed_;
      return true;
    }
    return false;
  }

  // Puts `tags` on the free plot nearest to `target` inside station area `station` (any
  // station when -1).
  bool place_near(Xy target, int station, std::vector<Tag> tags) {
    Plot* best = nullptr;
    double best_d = 1e300;
    for (Plot& plot : plots_) {
      if (!plot.poi.empty() || (station >= 0 && plot.station != station)) continue;
      const double d = distance(plot.pos, target);
      if (d < best_d) {
        best_d = d;
        best = &plot;
      }
    }
    if (best == nullptr) return false;
    best->poi = std::move(tags);
    ++placed_;
    return true;
  }

  [[nodiscard]] std::size_t placed() const { return placed_; }

 private:
  LayoutContext& ctx_;
  std::vector<Plot>& plots_;
  std::vector<std::size_t> order_;
  std::size_t cursor_ = 0;
  std::size_t placed_ = 0;
};

}  // namespace

PlaceCounts add_places(LayoutContext& ctx, const River& river, const AdminAreas& admin,
                       const std::vector<Road>& roads, const RoadNetwork& network, CityPlan& plan) {
  // 1. Plots along named streets.
  std::vector<Plot> plots;
  std::map<std::string, int> last_number;  // per street name, so split ways keep counting
  for (const NodedWay& way : network.ways) {
    const Road& road = roads[way.road];
    if (road.name.empty() || !takes_addresses(road.cls) || road.bridge != nullptr) continue;
    const double setback = road.cls == RoadClass::kPrimary ? 22.0 : 14.0;
    int& number = last_number[road.name.zh];
    double carry = kPlotSpacing / 2.0;
    for (std::size_t i = 1; i < way.nodes.size(); ++i) {
      const Xy a = network.nodes.xy(way.nodes[i - 1]);
      const Xy b = network.nodes.xy(way.nodes[i]);
      const double len = distance(a, b);
      if (len <= 0.0) continue;
      const Xy dir{(b.x - a.x) / len, (b.y - a.y) / len};
      const Xy left{-dir.y, dir.x};
      for (double at = carry; at < len; at += kPlotSpacing) {
        number += 2;
        const Xy base{a.x + dir.x * at, a.y + dir.y * at};
        for (int side = 0; side < 2; ++side) {
          const double sign = side == 0 ? 1.0 : -1.0;
          const Xy pos{base.x + left.x * setback * sign, base.y + left.y * setback * sign};
          if (!ctx.inside(pos, 20.0) || river.clearance(pos, 5.0) < 0.0) continue;
          if (!ctx.rng.bernoulli(0.6)) continue;
          Plot plot;
          plot.pos = pos;
          plot.street = &road.name;
          plot.number = number - 1 + side;  // odd on the left, even on the right
          plot.zone = ctx.zone(pos);
          plot.station = admin.station_at(pos);
          plots.push_back(std::move(plot));
        }
      }
      carry = std::fmod(carry - len, kPlotSpacing);
      if (carry < 0) carry += kPlotSpacing;
    }
  }

  // 2. Points of interest on some plots.
  PoiPlacer placer(ctx, plots);
  const BilingualName& city = plan.city;
  const double area_factor = (ctx.size * ctx.size) / (30000.0 * 30000.0);
  auto scaled = [area_factor](int n) { return std::max(1, static_cast<int>(std::lround(n * area_factor))); };

  placer.place_near({0, 0}, -1, named("amenity", "police", {city.zh + "公安局", city.en + " Public Security Bureau"}));
  placer.place_near({300, 200}, -1, named("amenity", "townhall", {city.zh + "人民政府", city.en + " People's Government"}));
  for (const Jurisdiction& d : admin.districts()) {
    const Xy c = admin.centre(d);
    auto bureau = named("amenity", "police", d.police);
    bureau.emplace_back("ref", d.code);
    placer.place_near(c, -1, std::move(bureau));
    placer.place_near({c.x + 250, c.y - 150}, -1,
                      named("amenity", "townhall", {d.name.zh + "人民政府", d.name.en + " People's Government"}));
    placer.place_near({c.x - 300, c.y + 200}, -1,
                      named("amenity", "hospital", {d.name.zh + "人民医院", d.name.en + " People's Hospital"}));
  }
  const auto& stations = admin.stations();
  for (std::size_t s = 0; s < stations.size(); ++s) {
    auto tags = named("amenity", "police", stations[s].police);
    tags.emplace_back("ref", stations[s].code);
    placer.place_near(admin.centre(stations[s]), static_cast<int>(s), std::move(tags));
  }
  auto numbered_name = [&city](int n, const char* zh, const char* en) {
    return BilingualName{city.zh + "第" + NameBook::chinese_number(n) + zh, city.en + " No. " + std::to_string(n) + en};
  };
  for (int n = 1; n <= scaled(6); ++n) {
    placer.place_random(named("amenity", "hospital", numbered_name(n, "人民医院", " People's Hospital")), true);
  }
  placer.place_random(named("amenity", "hospital", {city.zh + "中医院", city.en + " Hospital of Traditional Chinese Medicine"}), true);
  for (int n = 1; n <= scaled(40); ++n) {
    placer.place_random(named("amenity", "school", numbered_name(n, "中学", " Middle School")), false);
  }
  for (int n = 0; n < scaled(80); ++n) {
    placer.place_random(named("amenity", "school", NameBook::with_suffix(ctx.names.fresh_stem(), "小学", " Primary School")), false);
  }
  for (int n = 0; n < scaled(40); ++n) {
    placer.place_random(named("amenity", "marketplace", NameBook::with_suffix(ctx.names.fresh_stem(), "农贸市场", " Farmers' Market")), false);
  }
  for (int n = 0; n < scaled(15); ++n) {
    placer.place_random(named("shop", "mall", NameBook::with_suffix(ctx.names.fresh_stem(), "广场", " Plaza")), true);
  }
  for (int n = 0; n < scaled(30); ++n) {
    auto tags = named("railway", "station", NameBook::with_suffix(ctx.names.fresh_stem(), "站", " Station"));
    tags.emplace_back("station", "subway");
    tags.emplace_back("public_transport", "station");
    placer.place_random(std::move(tags), true);
  }
  const double h = ctx.half;
  // Stations take the city's name without 市: 江州站, not 江州市站.
  std::string short_zh = city.zh;
  if (short_zh.size() > 3 && short_zh.compare(short_zh.size() - 3, 3, "市") == 0) short_zh.resize(short_zh.size() - 3);
  for (const auto& [pos, zh, en] : {std::tuple{Xy{-0.15 * h, -0.35 * h}, "站", " Railway Station"},
                                    std::tuple{Xy{0.45 * h, 0.1 * h}, "东站", " East Railway Station"}}) {
    auto tags = named("railway", "station", {short_zh + zh, city.en + en});
    tags.emplace_back("public_transport", "station");
    tags.emplace_back("train", "yes");
    placer.place_near(pos, -1, std::move(tags));
  }
  for (const auto& [pos, zh, en] : {std::tuple{Xy{-0.5 * h, 0.3 * h}, "汽车客运站", " Coach Station"},
                                    std::tuple{Xy{0.2 * h, -0.5 * h}, "汽车南站", " South Coach Station"},
                                    std::tuple{Xy{0.3 * h, 0.5 * h}, "汽车北站", " North Coach Station"}}) {
    placer.place_near(pos, -1, named("amenity", "bus_station", {city.zh + zh, city.en + en}));
  }

  // 3. Every plot becomes a node with its address (and its POI tags, if it has any).
  for (Plot& plot : plots) {
    PointFeature point{plot.pos, std::move(plot.poi)};
    point.tags.emplace_back("addr:street", plot.street->zh);
    point.tags.emplace_back("addr:housenumber", std::to_string(plot.number));
    point.tags.emplace_back("addr:city", city.zh);
    if (plot.station >= 0) {
      const auto& district = admin.districts()[static_cast<std::size_t>(admin.district_of_station(plot.station))];
      point.tags.emplace_back("addr:district", district.name.zh);
    }
    plan.points.push_back(std::move(point));
  }
  return {plots.size(), placer.placed()};
}

}  // namespace shouwang::osm::citygen
