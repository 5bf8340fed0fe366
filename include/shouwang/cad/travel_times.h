#pragma once
// Road travel times from many units to one place: what the recommendation (recommendation.h)
// ranks by. TravelTimes is the narrow interface recommend() asks, so the ranking rules are
// tested with hand-made times as well as on real roads; RoadTravelTimes answers it on the
// road network.
//
// RoadTravelTimes keeps every unit it was told about on a routing::NearestUnits (buckets on
// the contraction hierarchy), under a dense index of its own. A unit is snapped and set
// once per position it takes (one upward search), not once per query; a query snaps the
// target once and runs one backward search that yields the time of every unit at once,
// exact, instead of one route per unit:
//
//   telemetry fix ──place(unit, p)──▶ snap p, NearestUnits::set        (once per move)
//   recommend()   ──to(target, origins)──▶ place() origins that moved  (usually none)
//                                          snap target, NearestUnits::nearest(all units)

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::cad {

// Hashes callsigns for unordered maps that are searched by std::string_view.
struct CallsignHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view callsign) const noexcept;
};

// Where a unit would set out from.
struct TravelOrigin {
  std::string_view unit;  // callsign
  LatLon position;
};

enum class TravelOutcome : std::uint8_t {
  kReached,  // `time` holds the travel time
  kOffRoad,  // the origin is farther from every road than the snapping limit
  kNoRoute,  // no road leads from the origin to the target (one-way streets, a cut-off part)
};
std::string_view to_string(TravelOutcome outcome);  // "reached", "off_road", "no_route"

struct TravelTime {
  TravelOutcome outcome = TravelOutcome::kNoRoute;
  Seconds time{0.0};  // for kReached only
  friend bool operator==(const TravelTime&, const TravelTime&) = default;
};

class TravelTimes {
 public:
  virtual ~TravelTimes() = default;
  // The travel time from each origin to `target`, in the order of `origins` (each unit at
  // most once). An error only when the target itself cannot be used (off the road map:
  // kOutOfRange naming the distance; kInvalidArgument for coordinates off the globe).
  [[nodiscard]] virtual Result<std::vector<TravelTime>> to(
      LatLon target, std::span<const TravelOrigin> origins) = 0;
};

struct RoadTravelOptions {
  // A unit farther than this from every road is off the road map (a boat on the river, a
  // fix far outside the city): its time is kOffRoad.
  Meters unit_snap_limit{500.0};
  // The incident may lie farther from a road (a park, a field, the water); the time is to
  // the nearest road point within this distance.
  Meters target_snap_limit{2000.0};
  // A unit that moved less than this from where it was placed stays placed there: GPS
  // jitter of a parked car does not cost a snap and an upward search at every fix or
  // query, and the time from a point this close differs by about a second at most.
  Meters min_move{0.0};
};

// Road travel times on one city's road graph. The times run between the points where the
// unit and the target snap onto the roads (the off-road legs are not counted), and a unit
// on the target's own road segment may drive straight there (routing/straight_drive.h).
//
// The graph, hierarchy and index must outlive this object and belong together (the
// hierarchy and index made for `graph`). Not thread-safe, also not for to(), which moves
// units: the owner (the server) serialises place(), remove() and to(). Memory: the
// NearestUnits buckets, about one entry per node of each unit's upward search space.
class RoadTravelTimes final : public TravelTimes {
 public:
  RoadTravelTimes(const routing::RoadGraph& graph, const routing::ContractionHierarchy& hierarchy,
                  const routing::SnapIndex& index, RoadTravelOptions options = {});

  // Places a unit at `position`, or moves it there: snaps once and sets it on the hierarchy
  // (one upward search). Placing a unit where it already is (within min_move) costs one
  // lookup. A position
  // off the road map is kept as such, so that it is not snapped again, and returned as
  // kOutOfRange (kInvalidArgument for coordinates off the globe); to() then gives the unit
  // kOffRoad until it moves.
  Status place(std::string_view unit, LatLon position);
  // Forgets a unit (off shift, retired) and frees its index; unknown units are ignored.
  void remove(std::string_view unit);

  // Where the unit was last placed, on the road map or not.
  [[nodiscard]] std::optional<LatLon> placed_at(std::string_view unit) const;
  [[nodiscard]] std::size_t size() const { return by_unit_.size(); }

  // Places each origin that is not where its unit was placed (a unit waiting at its home
  // post is snapped the first time only), then snaps the target and asks the NearestUnits
  // for every placed unit in one query. Units placed but not among `origins` cost only
  // their share of that query.
  [[nodiscard]] Result<std::vector<TravelTime>> to(LatLon target,
                                                   std::span<const TravelOrigin> origins) override;

 private:
  struct Slot {
    LatLon position;
    bool on_road = false;
  };
  // The unit's slot, a new one when it is new; `created` tells which.
  std::uint32_t slot_of(std::string_view unit, bool& created);
  // place() on a known slot: snaps and sets unless the position is unchanged.
  Status move(std::uint32_t slot, bool created, std::string_view unit, LatLon position);

  const routing::RoadGraph& graph_;
  const routing::SnapIndex& index_;
  RoadTravelOptions options_;
  routing::NearestUnits nearest_;
  std::unordered_map<std::string, std::uint32_t, CallsignHash, std::equal_to<>> by_unit_;
  std::vector<Slot> slots_;               // by dense index
  std::vector<std::uint32_t> free_;       // indices of removed units, reused first
  std::vector<routing::Weight> time_ms_;  // by dense index, during to()
};

}  // namespace shouwang::cad
