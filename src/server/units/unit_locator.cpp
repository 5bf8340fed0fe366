#include <shouwang/server/unit_locator.h>

#include <optional>

#include <shouwang/cad/travel_times.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>
#include <shouwang/routing/point_route.h>

namespace shouwang::server {
namespace {

// A car moves this far in about a second at city speed; smaller moves are GPS jitter as far
// as travel times are concerned.
constexpr double kMinMoveMetres = 10.0;

}  // namespace

struct UnitLocator::Roads {
  osm::GraphFileContents graph;
  std::optional<routing::ContractionHierarchy> hierarchy;
  std::optional<routing::SnapIndex> index;
  cad::RoadTravelOptions options;
  std::unique_ptr<cad::RoadTravelTimes> travel;
  std::optional<routing::ChQuery> route_query;  // for route(), under route_mutex_
  std::once_flag segments_built;
  routing::StreetSegments segments;
};

Result<std::unique_ptr<UnitLocator>> UnitLocator::load(const std::filesystem::path& data) {
  auto graph = osm::read_graph_file((data / osm::kGraphFileName).string());
  if (!graph) return graph.error();
  auto roads = std::make_unique<Roads>();
  roads->graph = std::move(graph).value();
  auto hierarchy = osm::read_ch_file((data / osm::kChFileName).string(), roads->graph.graph);
  if (!hierarchy) return hierarchy.error();
  roads->hierarchy.emplace(std::move(hierarchy).value());
  auto index = osm::read_snap_file((data / osm::kSnapFileName).string(), roads->graph.graph);
  if (!index) return index.error();
  roads->index.emplace(std::move(index).value());
  roads->options.min_move = Meters(kMinMoveMetres);
  roads->travel = std::make_unique<cad::RoadTravelTimes>(roads->graph.graph, *roads->hierarchy,
                                                         *roads->index, roads->options);
  roads->route_query.emplace(*roads->hierarchy);
  return std::unique_ptr<UnitLocator>(new UnitLocator(std::move(roads)));
}

UnitLocator::UnitLocator(std::unique_ptr<Roads> roads) : roads_(std::move(roads)) {}
UnitLocator::~UnitLocator() = default;

void UnitLocator::on_fix(std::string_view unit, LatLon position, UtcTime taken_at) {
  std::lock_guard lock(mutex_);
  ++stats_.fixes;
  places_.update(unit, {position, taken_at});
  const auto placed = roads_->travel->placed_at(unit);
  if (placed && haversine_distance(*placed, position).value() < kMinMoveMetres) return;  // stays
  if (roads_->travel->place(unit, position).ok()) {
    ++stats_.placements;
  } else {
    ++stats_.off_road;
  }
}

void UnitLocator::forget(std::string_view unit) {
  std::lock_guard lock(mutex_);
  places_.erase(unit);
  roads_->travel->remove(unit);
}

Result<cad::Recommendation> UnitLocator::recommend(const cad::State& state, const cad::Taxonomy& taxonomy,
                                                   const cad::Incident& incident,
                                                   const cad::RecommendOptions& options, UtcTime now) {
  std::lock_guard lock(mutex_);
  ++stats_.recommendations;
  return cad::recommend(state, taxonomy, incident, places_, *roads_->travel, options, now);
}

Result<UnitRoute> UnitLocator::route(const cad::Unit& unit, LatLon target, Seconds max_fix_age,
                                     UtcTime now) const {
  const std::optional<cad::UnitFix> live = fix(unit.id);
  const auto origin = cad::unit_origin(unit, live ? &*live : nullptr, max_fix_age, now);
  if (!origin) {
    return Error(Errc::kConflict, "unit " + unit.id + " has no fresh position and no home post",
                 "unit");
  }
  const routing::SnapIndex& index = *roads_->index;
  if (const auto on_road = index.snap(origin->position, roads_->options.unit_snap_limit);
      !on_road) {
    return Error(Errc::kConflict,
                 "unit " + unit.id + " is off the road map: " + on_road.error().message, "unit");
  }
  if (const auto on_road = index.snap(target, roads_->options.target_snap_limit); !on_road) {
    return Error(on_road.error().code, "the incident's position: " + on_road.error().message,
                 "location");
  }
  std::lock_guard lock(route_mutex_);
  // Each end was checked against its own limit above; route_between gets the larger one.
  auto route = routing::route_between(roads_->graph.graph, index, *roads_->route_query,
                                      origin->position, target, roads_->options.target_snap_limit);
  if (!route) {
    if (route.error().code == Errc::kNotFound) {
      return Error(Errc::kConflict, "no road leads from unit " + unit.id + " to the incident",
                   "unit");
    }
    return route.error();
  }
  UnitRoute out;
  out.origin = origin->kind;
  out.from = origin->position;
  out.to = target;
  out.eta = Seconds(route->time_ms / 1000.0);
  out.length = Meters(route->length_m);
  out.geometry = std::move(route->geometry);
  return out;
}

std::optional<cad::UnitFix> UnitLocator::fix(std::string_view unit) const {
  std::lock_guard lock(mutex_);
  const cad::UnitFix* found = places_.find(unit);
  if (found == nullptr) return std::nullopt;
  return *found;
}

UnitLocator::Stats UnitLocator::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

const routing::SnapIndex& UnitLocator::snap_index() const { return *roads_->index; }

const routing::ContractionHierarchy& UnitLocator::hierarchy() const { return *roads_->hierarchy; }

const routing::StreetSegments& UnitLocator::street_segments() const {
  std::call_once(roads_->segments_built, [this] { roads_->segments = routing::street_segments(roads_->graph.graph); });
  return roads_->segments;
}

}  // namespace shouwang::server
