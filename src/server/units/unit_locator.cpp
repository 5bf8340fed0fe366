#include <shouwang/server/unit_locator.h>

#include <optional>

#include <shouwang/cad/travel_times.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>

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
  std::unique_ptr<cad::RoadTravelTimes> travel;
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
  cad::RoadTravelOptions options;
  options.min_move = Meters(kMinMoveMetres);
  roads->travel = std::make_unique<cad::RoadTravelTimes>(roads->graph.graph, *roads->hierarchy, *roads->index, options);
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

}  // namespace shouwang::server
