#pragma once
// Where the units are and how fast they can get somewhere: the city's road network (the
// files `shouwang import-osm` wrote), every unit's latest live fix, and the road travel
// times the recommendation ranks by (cad/recommendation.h). Telemetry feeds it fixes; the
// API asks it for recommendations.
//
// Thread-safe: one mutex serialises fixes and recommendations (RoadTravelTimes moves
// units during a query). A fix costs one snap and one upward search, a recommendation
// about a millisecond for a thousand units, so the lock is held briefly either way. Routes
// for the map take a second mutex around their own query object.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/snap_index.h>
#include <shouwang/routing/street_segments.h>

namespace shouwang::server {

// A unit's road route to a place, for drawing on the map.
struct UnitRoute {
  cad::OriginKind origin = cad::OriginKind::kLivePosition;
  LatLon from;                   // the unit's live fix or home post
  LatLon to;                     // the target as given
  Seconds eta{0.0};              // road travel time between the snapped ends
  Meters length{0.0};            // along the roads, between the snapped ends
  std::vector<LatLon> geometry;  // from the start's road point to the target's
};

class UnitLocator {
 public:
  // Loads road_graph.swg, contraction.swc and snap_index.sws from `data`; kNotFound when
  // the directory has no road network (the server then runs without recommendations).
  static Result<std::unique_ptr<UnitLocator>> load(const std::filesystem::path& data);
  ~UnitLocator();
  UnitLocator(const UnitLocator&) = delete;
  UnitLocator& operator=(const UnitLocator&) = delete;

  // A unit's new live position. A move of less than `min_move` from the position the
  // routing last placed it at only updates the fix (its time keeps it fresh).
  void on_fix(std::string_view unit, LatLon position, UtcTime taken_at);
  // The unit left the roster or its shift: no longer placed.
  void forget(std::string_view unit);

  [[nodiscard]] Result<cad::Recommendation> recommend(const cad::State& state, const cad::Taxonomy& taxonomy,
                                                      const cad::Incident& incident,
                                                      const cad::RecommendOptions& options, UtcTime now);

  // The road route a unit would drive to `target`: from where the recommendation would
  // start it (its live fix while at most `max_fix_age` old, else its home post), with the
  // recommendation's snapping limits. kConflict (field "unit") when the unit has no fresh
  // fix and no home post, starts off the road map or has no road to the target;
  // kOutOfRange (field "location") when the target is off the road map. Routes run on a
  // query object of their own, so they do not wait for recommendations or fixes.
  [[nodiscard]] Result<UnitRoute> route(const cad::Unit& unit, LatLon target, Seconds max_fix_age,
                                        UtcTime now) const;

  // The road network's snapping index, and its street segments (built on the first call,
  // once), for hotspot statistics on segments. Both live as long as the locator.
  [[nodiscard]] const routing::SnapIndex& snap_index() const;
  [[nodiscard]] const routing::StreetSegments& street_segments() const;

  // The contraction hierarchy of the road network, for searches of other parts (the
  // quick-response circles); it lives as long as the locator.
  [[nodiscard]] const routing::ContractionHierarchy& hierarchy() const;

  // The latest fix of a unit, if any.
  [[nodiscard]] std::optional<cad::UnitFix> fix(std::string_view unit) const;

  struct Stats {
    std::uint64_t fixes = 0;
    std::uint64_t placements = 0;  // fixes that moved a unit on the road network
    std::uint64_t off_road = 0;    // fixes too far from every road to place
    std::uint64_t recommendations = 0;
  };
  [[nodiscard]] Stats stats() const;

 private:
  struct Roads;
  explicit UnitLocator(std::unique_ptr<Roads> roads);

  std::unique_ptr<Roads> roads_;
  mutable std::mutex mutex_;
  mutable std::mutex route_mutex_;  // the route query object (Roads::route_query)
  cad::UnitPlaces places_;
  Stats stats_;
};

}  // namespace shouwang::server
