#pragma once
// "Which units get here first?": unit positions kept as buckets on a contraction
// hierarchy, answering the K units with the smallest road travel time to a point exactly.
//
// Setting a unit runs one upward search from its position and leaves (unit, time) in the
// bucket of every node it settles. A query runs one upward search backwards from the
// target; for every node it settles, bucket time + search time is a travel time from that
// unit, and the smallest over all nodes is the exact shortest time (the CH meeting-node
// property). Not thread-safe: one instance per thread, or lock around it.
//
// A unit set at a snapped position is also listed under the arcs of its road segment, so
// that a query at a snapped target adds the units on the target's own segment with their
// straight drive (straight_drive.h), which no graph search sees: a unit just behind the
// target on its road drives straight on rather than round the block.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {

class NearestUnits {
 public:
  using Entry = std::pair<NodeId, Weight>;  // where a trip enters / leaves the graph

  explicit NearestUnits(const ContractionHierarchy& hierarchy);

  // Places (or moves) unit `unit` at the given graph entries (Snap::as_source). A unit set
  // this way has no place on a segment: only its graph time counts, also for a Snap target.
  void set(std::uint32_t unit, std::span<const Entry> entries);
  // Places (or moves) unit `unit` at a snapped position: its graph entries, and its place on
  // the segment for the straight drive to a target on the same one. `graph` is the graph
  // the hierarchy and the snap were made for. One upward search plus O(1) for the segment.
  void set(std::uint32_t unit, const Snap& position, const RoadGraph& graph);
  void remove(std::uint32_t unit);
  [[nodiscard]] bool contains(std::uint32_t unit) const;
  [[nodiscard]] std::size_t size() const { return unit_count_; }

  struct Hit {
    std::uint32_t unit;
    Weight time_ms;
    friend bool operator==(const Hit&, const Hit&) = default;
  };
  // The `k` units with the smallest travel time to the target entries (Snap::as_target),
  // sorted by (time, unit); unreachable units are left out.
  [[nodiscard]] std::vector<Hit> nearest(std::span<const Entry> target, std::size_t k);
  // The same for a snapped target: a unit's time is the smaller of its graph time and, for
  // a unit set at a position on the target's segment, its straight drive to the target.
  // Exact; costs one graph query plus the units on the target's segment.
  [[nodiscard]] std::vector<Hit> nearest(const Snap& target, const RoadGraph& graph,
                                         std::size_t k);

 private:
  struct BucketItem {
    std::uint32_t unit;
    Weight time;
    std::uint32_t slot;  // index into the unit's slot list, for O(1) removal
  };
  struct Slot {
    std::uint32_t rank;
    std::uint32_t index;  // position in buckets_[rank]
  };
  struct Search {
    std::vector<std::uint32_t> round;
    std::vector<Weight> dist;
    std::vector<std::pair<Weight, std::uint32_t>> heap;
    std::uint32_t current = 0;
  };
  // A unit set at a snapped position, listed under `arc` and, on a two-way road, under
  // `reverse` too (every arc a target can have for a straight drive from it to exist).
  struct Position {
    Snap snap;
    std::array<std::uint32_t, 2> index{};  // in on_arc_[arc] and on_arc_[reverse]
  };
  struct Listed {
    std::uint32_t unit;
    std::uint32_t side;  // 0: listed under the unit's arc, 1: under its reverse
  };
  void list(std::uint32_t unit, ArcId arc, std::uint32_t side);
  void unlist(std::uint32_t unit, ArcId arc, std::uint32_t side);
  void begin(Search& search) const;
  static void reach(Search& search, std::uint32_t rank, Weight d);

  const ContractionHierarchy& ch_;
  std::vector<std::vector<BucketItem>> buckets_;  // per rank
  std::vector<std::vector<Slot>> slots_;          // per unit
  std::vector<bool> present_;
  std::vector<std::optional<Position>> position_;  // per unit, when set at a Snap
  std::unordered_map<std::uint32_t, std::vector<Listed>> on_arc_;  // arc id -> units
  std::size_t unit_count_ = 0;
  Search forward_;
  Search backward_;
  std::vector<Weight> best_;                     // per unit, during a query
  std::vector<std::uint32_t> touched_;
};

}  // namespace shouwang::routing
