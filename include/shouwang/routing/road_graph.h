#pragma once
// The directed road graph in compressed sparse row form: the arcs leaving node v are
// [first_out[v], first_out[v + 1]). Node ids are dense 0..n-1, arc ids dense 0..m-1.
// Immutable once built and safe to share between threads. No I/O here.

#include <cstdint>
#include <span>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>

namespace shouwang::routing {

// Travel time in milliseconds. Sums along any city path fit comfortably in 32 bits.
using Weight = std::uint32_t;
inline constexpr Weight kInfinity = 0xFFFFFFFFu;

// One directed road segment as the importer hands it over.
struct ArcInput {
  NodeId tail;
  NodeId head;
  Weight time_ms = 0;
  std::uint32_t length_dm = 0;  // decimetres
};

class RoadGraph {
 public:
  RoadGraph() = default;

  // Sorts the arcs by tail (stable) into CSR form. kInvalidArgument for an arc whose end
  // is not a node, a self-loop, or a coordinate off the globe.
  static Result<RoadGraph> build(std::vector<LatLon> coordinates, std::vector<ArcInput> arcs);

  // Adopts ready CSR arrays (as read from a file) after check(); kCorrupt if they fail it.
  static Result<RoadGraph> from_arrays(std::vector<std::uint32_t> first_out, std::vector<NodeId> head,
                                       std::vector<Weight> time_ms, std::vector<std::uint32_t> length_dm,
                                       std::vector<LatLon> coordinates);

  [[nodiscard]] std::size_t node_count() const { return coordinates_.size(); }
  [[nodiscard]] std::size_t arc_count() const { return head_.size(); }

  [[nodiscard]] ArcId begin_out(NodeId v) const { return ArcId(first_out_[v.value()]); }
  [[nodiscard]] ArcId end_out(NodeId v) const { return ArcId(first_out_[v.value() + 1]); }
  [[nodiscard]] NodeId head(ArcId a) const { return head_[a.value()]; }
  [[nodiscard]] Weight time_ms(ArcId a) const { return time_ms_[a.value()]; }
  [[nodiscard]] std::uint32_t length_dm(ArcId a) const { return length_dm_[a.value()]; }
  [[nodiscard]] LatLon coordinate(NodeId v) const { return coordinates_[v.value()]; }

  // The same roads with every arc turned around (for backward searches).
  [[nodiscard]] RoadGraph reversed() const;

  // Raw arrays, for serialisation and tight loops.
  [[nodiscard]] std::span<const std::uint32_t> first_out() const { return first_out_; }
  [[nodiscard]] std::span<const NodeId> heads() const { return head_; }
  [[nodiscard]] std::span<const Weight> times() const { return time_ms_; }
  [[nodiscard]] std::span<const std::uint32_t> lengths() const { return length_dm_; }
  [[nodiscard]] std::span<const LatLon> coordinates() const { return coordinates_; }

  // Structural invariants: first_out is monotone from 0 to m, heads are nodes, array
  // sizes agree. The message names the first broken one.
  [[nodiscard]] Status check() const;

 private:
  std::vector<std::uint32_t> first_out_{0};
  std::vector<NodeId> head_;
  std::vector<Weight> time_ms_;
  std::vector<std::uint32_t> length_dm_;
  std::vector<LatLon> coordinates_;
};

}  // namespace shouwang::routing
