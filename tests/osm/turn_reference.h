#pragma once
// Test helper: the reference for turn restrictions. Shortest travel times on a road network
// given as arcs between OSM nodes, obeying turn rules by remembering the last nodes driven
// (a search over states of recent nodes, that is edge-based). It shares nothing with the
// node splitting it is used to check.

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::test {

// Right after driving along the OSM nodes `prefix`, the next node must be one of `next`
// (only) or must not be (no).
struct TurnRule {
  std::vector<std::int64_t> prefix;
  std::vector<std::int64_t> next;
  bool only = false;
};

struct OsmArc {
  std::int64_t tail = 0;
  std::int64_t head = 0;
  routing::Weight time = 0;
};

class TurnAwareReference {
 public:
  TurnAwareReference(const std::vector<OsmArc>& arcs, std::vector<TurnRule> rules);

  // The shortest travel time from `from` (with nothing driven before) to `to`, arriving
  // there in any way; kInfinity when no allowed sequence of nodes gets there.
  [[nodiscard]] routing::Weight travel(std::int64_t from, std::int64_t to) const;

 private:
  [[nodiscard]] bool allowed(const std::vector<std::int64_t>& driven, std::int64_t next) const;

  std::map<std::int64_t, std::vector<std::pair<std::int64_t, routing::Weight>>> out_;
  std::vector<TurnRule> rules_;
  std::size_t memory_ = 1;  // nodes remembered: the longest prefix
};

}  // namespace shouwang::test
