#include <algorithm>
#include <cassert>

#include <shouwang/routing/ch_query.h>

#include "routing/ch/arc_lookup.h"
#include "routing/detail/dary_heap.h"

namespace shouwang::routing {
namespace {

using HeapEntry = std::pair<Weight, std::uint32_t>;
using detail::heap_pop;
using detail::heap_push;

}  // namespace

ChQuery::ChQuery(const ContractionHierarchy& hierarchy) : hierarchy_(hierarchy) {
  forward_.arcs = &hierarchy.upward();
  forward_.opposite = &hierarchy.downward();
  backward_.arcs = &hierarchy.downward();
  backward_.opposite = &hierarchy.upward();
  for (Side* side : {&forward_, &backward_}) {
    side->stamp.assign(hierarchy.node_count(), 0);
    side->labels.resize(hierarchy.node_count());
  }
}

void ChQuery::start() {
  if (++round_ == 0) {  // the stamp wrapped: clear the stamps once
    for (Side* side : {&forward_, &backward_})
      std::fill(side->stamp.begin(), side->stamp.end(), 0);
    round_ = 1;
  }
  forward_.heap.clear();
  backward_.heap.clear();
  best_ = kInfinity;
}

void ChQuery::reach(Side& side, std::uint16_t round, std::uint32_t rank, Weight d,
                    std::uint32_t parent, std::uint32_t arc) {
  Label& l = side.labels[rank];
  if (side.reached(rank, round) && l.distance <= d)
    return;
  side.stamp[rank] = round;
  l = Label{d, parent, arc};
  heap_push(side.heap, {d, rank});
}

void ChQuery::settle(Side& side, const Side& other) {
  const auto [d, v] = heap_pop(side.heap);
  if (d != side.labels[v].distance)
    return;  // stale: v was reached more cheaply since

  if (other.reached(v, round_) && d + other.labels[v].distance < best_) {
    best_ = d + other.labels[v].distance;
    meeting_ = v;
  }

  // Stall-on-demand: an arc from a higher node x down into v that beats d means v is not
  // on a shortest up-path, so its arcs need not be followed.
  const ChArcs& down = *side.opposite;
  for (std::uint32_t a = down.first_out[v]; a < down.first_out[v + 1]; ++a) {
    const std::uint32_t x = down.head[a].value();
    if (side.reached(x, round_) && side.labels[x].distance + down.weight[a] < d)
      return;
  }

  const ChArcs& arcs = *side.arcs;
  for (std::uint32_t a = arcs.first_out[v]; a < arcs.first_out[v + 1]; ++a) {
    reach(side, round_, arcs.head[a].value(), d + arcs.weight[a], v, a);
  }
}

Weight ChQuery::search() {
  while (true) {
    const bool f = !forward_.heap.empty() && forward_.heap.front().first < best_;
    const bool b = !backward_.heap.empty() && backward_.heap.front().first < best_;
    if (!f && !b)
      break;
    if (f && (!b || forward_.heap.front().first <= backward_.heap.front().first)) {
      settle(forward_, backward_);
    } else {
      settle(backward_, forward_);
    }
  }
  return best_;
}

Weight ChQuery::distance(NodeId source, NodeId target) {
  assert(source.valid() && source.value() < hierarchy_.node_count());
  assert(target.valid() && target.value() < hierarchy_.node_count());
  start();
  const std::uint32_t s = hierarchy_.rank(source).value();
  const std::uint32_t t = hierarchy_.rank(target).value();
  reach(forward_, round_, s, 0, s, 0);
  reach(backward_, round_, t, 0, t, 0);
  return search();
}

Weight ChQuery::distance(std::span<const std::pair<NodeId, Weight>> sources,
                         std::span<const std::pair<NodeId, Weight>> targets) {
  start();
  for (const auto& [node, offset] : sources) {
    assert(node.valid() && node.value() < hierarchy_.node_count());
    const std::uint32_t r = hierarchy_.rank(node).value();
    reach(forward_, round_, r, offset, r, 0);
  }
  for (const auto& [node, offset] : targets) {
    assert(node.valid() && node.value() < hierarchy_.node_count());
    const std::uint32_t r = hierarchy_.rank(node).value();
    reach(backward_, round_, r, offset, r, 0);
  }
  return search();
}

void ChQuery::unpack(std::uint32_t from, std::uint32_t to, Rank middle,
                     std::vector<std::uint32_t>& out) const {
  struct Segment {
    std::uint32_t from;
    std::uint32_t to;
    Rank middle;
  };
  const ChArcs& up = hierarchy_.upward();
  const ChArcs& down = hierarchy_.downward();
  std::vector<Segment> stack{{from, to, middle}};
  while (!stack.empty()) {
    const Segment s = stack.back();
    stack.pop_back();
    if (!s.middle.valid()) {
      out.push_back(s.to);
      continue;
    }
    // from ⇝ mid is the downward arc at mid to `from`; mid ⇝ to the upward arc at mid to `to`.
    const std::uint32_t mid = s.middle.value();
    const std::uint32_t first = ch::find_arc(down, mid, s.from);
    const std::uint32_t second = ch::find_arc(up, mid, s.to);
    assert(first != ch::kNoArc && second != ch::kNoArc);  // guaranteed by check()
    stack.push_back({mid, s.to, up.middle[second]});
    stack.push_back({s.from, mid, down.middle[first]});
  }
}

std::vector<NodeId> ChQuery::path() const {
  std::vector<NodeId> nodes;
  if (round_ == 0 || best_ == kInfinity)
    return nodes;
  // The forward labels lead from the meeting node back to the source.
  std::vector<std::uint32_t> chain;
  for (std::uint32_t v = meeting_;; v = forward_.labels[v].parent) {
    chain.push_back(v);
    if (forward_.labels[v].parent == v)
      break;
  }
  std::reverse(chain.begin(), chain.end());
  std::vector<std::uint32_t> ranks{chain.front()};
  for (std::size_t i = 1; i < chain.size(); ++i) {
    const std::uint32_t a = forward_.labels[chain[i]].arc;
    unpack(chain[i - 1], chain[i], hierarchy_.upward().middle[a], ranks);
  }
  // The backward labels lead from the meeting node on to the target.
  for (std::uint32_t v = meeting_; backward_.labels[v].parent != v;) {
    const Label& l = backward_.labels[v];
    unpack(v, l.parent, hierarchy_.downward().middle[l.arc], ranks);
    v = l.parent;
  }
  nodes.reserve(ranks.size());
  for (const std::uint32_t r : ranks)
    nodes.push_back(hierarchy_.node(Rank(r)));
  return nodes;
}

}  // namespace shouwang::routing
