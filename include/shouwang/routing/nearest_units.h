#pragma once
// "Which units get here first?": unit positions kept as buckets on a contraction
// hierarchy, answering the K units with the smallest road travel time to a point exactly.
//
// Setting a unit runs one upward search from its position and leaves (unit, time) in the
// bucket of every node it settles. A query runs one upward search backwards from the
// target; for every node it settles, bucket time + search time is a travel time from that
// unit, and the smallest over all nodes is the exact shortest time (the CH meeting-node
// property). Not thread-safe: one instance per thread, or lock around it.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>

namespace shouwang::routing {

class NearestUnits {
 public:
  using Entry = std::pair<NodeId, Weight>;  // where a trip enters / leaves the graph

  explicit NearestUnits(const ContractionHierarchy& hierarchy);

  // Places (or moves) unit `unit` at the given graph entries (Snap::as_source).
  void set(std::uint32_t unit, std::span<const Entry> entries);
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
  void begin(Search& search) const;
  static void reach(Search& search, std::uint32_t rank, Weight d);

  const ContractionHierarchy& ch_;
  std::vector<std::vector<BucketItem>> buckets_;  // per rank
  std::vector<std::vector<Slot>> slots_;          // per unit
  std::vector<bool> present_;
  std::size_t unit_count_ = 0;
  Search forward_;
  Search backward_;
  std::vector<Weight> best_;                     // per unit, during a query
  std::vector<std::uint32_t> touched_;
};

}  // namespace shouwang::routing
