// ContractionHierarchy: adopting saved arrays and checking their invariants.

#include <string>
#include <utility>

#include <shouwang/routing/contraction_hierarchy.h>

#include "routing/ch/arc_lookup.h"

namespace shouwang::routing {
namespace {

Error corrupt(const std::string& message) {
  return Error(Errc::kCorrupt, message);
}

// CSR shape and per-arc invariants of one direction (not yet the shortcut halves).
Status check_shape(const ChArcs& arcs, std::size_t n, const char* name) {
  const std::string g(name);
  const std::size_t m = arcs.head.size();
  if (arcs.first_out.size() != n + 1) {
    return corrupt(g + " first_out has " + std::to_string(arcs.first_out.size()) + " entries for " +
                   std::to_string(n) + " nodes");
  }
  if (arcs.weight.size() != m || arcs.middle.size() != m) {
    return corrupt(g + " arc arrays differ in length");
  }
  if (arcs.first_out.front() != 0 || arcs.first_out.back() != m) {
    return corrupt(g + " first_out does not span the arcs");
  }
  for (std::size_t r = 0; r < n; ++r) {
    if (arcs.first_out[r] > arcs.first_out[r + 1]) {
      return corrupt(g + " first_out decreases at rank " + std::to_string(r));
    }
    for (std::uint32_t a = arcs.first_out[r]; a < arcs.first_out[r + 1]; ++a) {
      const std::string arc = g + " arc " + std::to_string(a);
      if (!arcs.head[a].valid() || arcs.head[a].value() >= n || arcs.head[a].value() <= r) {
        return corrupt(arc + " does not lead to a higher rank");
      }
      if (arcs.weight[a] == kInfinity)
        return corrupt(arc + " has an infinite weight");
      if (arcs.middle[a].valid() && arcs.middle[a].value() >= r) {
        return corrupt(arc + " has a middle node that does not rank below its ends");
      }
    }
  }
  return ok_status();
}

// Every shortcut of `arcs` (the upward graph if `upward`) splits into two existing
// halves whose weights add up to its own.
Status check_halves(const ChArcs& arcs, const ChArcs& up, const ChArcs& down, bool upward,
                    const char* name) {
  const std::size_t n = arcs.first_out.size() - 1;
  for (std::uint32_t r = 0; r < n; ++r) {
    for (std::uint32_t a = arcs.first_out[r]; a < arcs.first_out[r + 1]; ++a) {
      if (!arcs.middle[a].valid())
        continue;
      const std::uint32_t mid = arcs.middle[a].value();
      // Road direction: upward r ⇝ head = r ⇝ mid ⇝ head; downward head ⇝ r = head ⇝ mid ⇝ r.
      const std::uint32_t first = ch::find_arc(down, mid, upward ? r : arcs.head[a].value());
      const std::uint32_t second = ch::find_arc(up, mid, upward ? arcs.head[a].value() : r);
      const std::string arc = std::string(name) + " arc " + std::to_string(a);
      if (first == ch::kNoArc || second == ch::kNoArc) {
        return corrupt(arc + " is a shortcut whose halves are missing");
      }
      if (std::uint64_t{down.weight[first]} + up.weight[second] != arcs.weight[a]) {
        return corrupt(arc + " is a shortcut whose halves do not add up to its weight");
      }
    }
  }
  return ok_status();
}

}  // namespace

Result<ContractionHierarchy> ContractionHierarchy::from_arrays(std::vector<NodeId> order,
                                                               ChArcs upward, ChArcs downward) {
  ContractionHierarchy h;
  h.order_ = std::move(order);
  h.up_ = std::move(upward);
  h.down_ = std::move(downward);
  const std::size_t n = h.order_.size();
  h.rank_.assign(n, Rank());
  for (std::uint32_t r = 0; r < n; ++r) {
    const NodeId v = h.order_[r];
    if (!v.valid() || v.value() >= n || h.rank_[v.value()].valid()) {
      return corrupt("the node order is not a permutation (rank " + std::to_string(r) + ")");
    }
    h.rank_[v.value()] = Rank(r);
  }
  if (Status ok = h.check(); !ok)
    return ok.error();
  return h;
}

Status ContractionHierarchy::check() const {
  const std::size_t n = order_.size();
  if (rank_.size() != n)
    return corrupt("the rank and order arrays differ in length");
  for (std::uint32_t r = 0; r < n; ++r) {
    const NodeId v = order_[r];
    if (!v.valid() || v.value() >= n || rank_[v.value()] != Rank(r)) {
      return corrupt("the ranks are not the inverse of the node order at rank " +
                     std::to_string(r));
    }
  }
  if (Status ok = check_shape(up_, n, "upward"); !ok)
    return ok;
  if (Status ok = check_shape(down_, n, "downward"); !ok)
    return ok;
  if (Status ok = check_halves(up_, up_, down_, true, "upward"); !ok)
    return ok;
  return check_halves(down_, up_, down_, false, "downward");
}

}  // namespace shouwang::routing
