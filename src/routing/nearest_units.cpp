#include <shouwang/routing/nearest_units.h>

#include <algorithm>

#include <shouwang/routing/straight_drive.h>

namespace shouwang::routing {
namespace {

constexpr auto kHeapOrder = [](const std::pair<Weight, std::uint32_t>& a, const std::pair<Weight, std::uint32_t>& b) {
  return a.first > b.first || (a.first == b.first && a.second > b.second);
};

constexpr auto kByTimeThenUnit = [](const NearestUnits::Hit& a, const NearestUnits::Hit& b) {
  return a.time_ms < b.time_ms || (a.time_ms == b.time_ms && a.unit < b.unit);
};

}  // namespace

NearestUnits::NearestUnits(const ContractionHierarchy& hierarchy)
    : ch_(hierarchy), buckets_(hierarchy.node_count()) {
  for (Search* s : {&forward_, &backward_}) {
    s->round.assign(hierarchy.node_count(), 0);
    s->dist.assign(hierarchy.node_count(), kInfinity);
  }
}

void NearestUnits::begin(Search& search) const {
  if (++search.current == 0) {
    std::fill(search.round.begin(), search.round.end(), 0);
    search.current = 1;
  }
  search.heap.clear();
}

void NearestUnits::reach(Search& search, std::uint32_t rank, Weight d) {
  if (search.round[rank] != search.current || d < search.dist[rank]) {
    search.round[rank] = search.current;
    search.dist[rank] = d;
    search.heap.emplace_back(d, rank);
    std::push_heap(search.heap.begin(), search.heap.end(), kHeapOrder);
  }
}

bool NearestUnits::contains(std::uint32_t unit) const { return unit < present_.size() && present_[unit]; }

void NearestUnits::list(std::uint32_t unit, ArcId arc, std::uint32_t side) {
  auto& units = on_arc_[arc.value()];
  position_[unit]->index[side] = static_cast<std::uint32_t>(units.size());
  units.push_back({unit, side});
}

void NearestUnits::unlist(std::uint32_t unit, ArcId arc, std::uint32_t side) {
  const auto it = on_arc_.find(arc.value());
  auto& units = it->second;
  const std::uint32_t index = position_[unit]->index[side];
  const Listed last = units.back();
  units[index] = last;
  position_[last.unit]->index[last.side] = index;
  units.pop_back();
  if (units.empty()) on_arc_.erase(it);
}

void NearestUnits::remove(std::uint32_t unit) {
  if (!contains(unit)) return;
  if (const auto& position = position_[unit]) {
    if (position->snap.reverse) unlist(unit, *position->snap.reverse, 1);
    unlist(unit, position->snap.arc, 0);
    position_[unit].reset();
  }
  for (const Slot& slot : slots_[unit]) {
    auto& bucket = buckets_[slot.rank];
    const BucketItem last = bucket.back();
    bucket[slot.index] = last;
    slots_[last.unit][last.slot].index = slot.index;
    bucket.pop_back();
  }
  slots_[unit].clear();
  present_[unit] = false;
  --unit_count_;
}

void NearestUnits::set(std::uint32_t unit, std::span<const Entry> entries) {
  remove(unit);
  if (unit >= present_.size()) {
    present_.resize(unit + 1, false);
    slots_.resize(unit + 1);
    position_.resize(unit + 1);
    best_.resize(unit + 1, kInfinity);
  }
  present_[unit] = true;
  ++unit_count_;
  // Upward search from the unit: every settled node gets a bucket entry.
  Search& s = forward_;
  begin(s);
  for (const auto& [node, offset] : entries) reach(s, ch_.rank(node).value(), offset);
  const ChArcs& up = ch_.upward();
  while (!s.heap.empty()) {
    std::pop_heap(s.heap.begin(), s.heap.end(), kHeapOrder);
    const auto [d, r] = s.heap.back();
    s.heap.pop_back();
    if (d != s.dist[r]) continue;
    auto& bucket = buckets_[r];
    slots_[unit].push_back({r, static_cast<std::uint32_t>(bucket.size())});
    bucket.push_back({unit, d, static_cast<std::uint32_t>(slots_[unit].size() - 1)});
    for (std::uint32_t a = up.first_out[r]; a < up.first_out[r + 1]; ++a) reach(s, up.head[a].value(), d + up.weight[a]);
  }
}

void NearestUnits::set(std::uint32_t unit, const Snap& position, const RoadGraph& graph) {
  set(unit, position.as_source(graph));
  position_[unit] = Position{position, {}};
  list(unit, position.arc, 0);
  if (position.reverse) list(unit, *position.reverse, 1);
}

std::vector<NearestUnits::Hit> NearestUnits::nearest(std::span<const Entry> target, std::size_t k) {
  std::vector<Hit> hits;
  if (k == 0 || unit_count_ == 0) return hits;
  // The k-th smallest time seen so far bounds the search: a node farther than it cannot
  // improve the answer.
  std::vector<Weight> top;  // max-heap of the k best distinct-unit times
  auto kth = [&]() { return top.size() < k ? kInfinity : top.front(); };
  Search& s = backward_;
  begin(s);
  for (const auto& [node, offset] : target) reach(s, ch_.rank(node).value(), offset);
  const ChArcs& down = ch_.downward();
  while (!s.heap.empty()) {
    std::pop_heap(s.heap.begin(), s.heap.end(), kHeapOrder);
    const auto [d, r] = s.heap.back();
    s.heap.pop_back();
    if (d != s.dist[r]) continue;
    if (d >= kth()) break;
    for (const BucketItem& item : buckets_[r]) {
      const Weight t = item.time + d;
      if (t >= best_[item.unit]) continue;
      const bool first_time = best_[item.unit] == kInfinity;
      best_[item.unit] = t;
      if (!first_time) continue;
      touched_.push_back(item.unit);
      // The bound counts each unit once, with the first time found for it: that can only
      // over-estimate the k-th best, so pruning with it never loses a unit.
      if (top.size() < k) {
        top.push_back(t);
        std::push_heap(top.begin(), top.end());
      } else if (t < top.front()) {
        std::pop_heap(top.begin(), top.end());
        top.back() = t;
        std::push_heap(top.begin(), top.end());
      }
    }
    for (std::uint32_t a = down.first_out[r]; a < down.first_out[r + 1]; ++a) reach(s, down.head[a].value(), d + down.weight[a]);
  }
  for (std::uint32_t unit : touched_) {
    hits.push_back({unit, best_[unit]});
    best_[unit] = kInfinity;
  }
  touched_.clear();
  // The search usually touches far more units than k: order only the k best.
  const auto kept = static_cast<std::ptrdiff_t>(std::min(k, hits.size()));
  std::partial_sort(hits.begin(), hits.begin() + kept, hits.end(), kByTimeThenUnit);
  hits.resize(static_cast<std::size_t>(kept));
  return hits;
}

// A unit's time is min(graph time g, straight drive s), where only the units listed under
// the target's arc can have an s. Merging the straight drives into the graph top k is exact:
// let G be the k-th graph time (infinity when fewer than k units are reachable: then the
// graph hits are all reachable units, and every other unit has g = infinity). A unit outside
// the graph top k has g >= G. If its s <= G, its time min(g, s) is s, exactly what is
// merged. If s > G, what is merged (s) may over-estimate its time, but that time is >= G
// anyway and the k graph hits all end at most at G after merging, so the unit is cut, or
// could only have tied at the k-th time, where either unit may be named. A unit inside the
// graph top k has its exact g and takes min(g, s). So the k best of the merged list are the
// exact top k, and the graph search keeps its own pruning by the k-th time.
std::vector<NearestUnits::Hit> NearestUnits::nearest(const Snap& target, const RoadGraph& graph,
                                                     std::size_t k) {
  std::vector<Hit> hits = nearest(target.as_target(graph), k);
  const auto listed = on_arc_.find(target.arc.value());
  if (k == 0 || listed == on_arc_.end()) return hits;
  const std::size_t graph_hits = hits.size();
  for (const Listed& entry : listed->second) {
    const auto straight = straight_drive_time(graph, position_[entry.unit]->snap, target);
    if (!straight) continue;
    const auto end = hits.begin() + static_cast<std::ptrdiff_t>(graph_hits);
    const auto known =
        std::find_if(hits.begin(), end, [&](const Hit& h) { return h.unit == entry.unit; });
    if (known == end) {
      hits.push_back({entry.unit, *straight});
    } else {
      known->time_ms = std::min(known->time_ms, *straight);
    }
  }
  std::sort(hits.begin(), hits.end(), kByTimeThenUnit);
  if (hits.size() > k) hits.resize(k);
  return hits;
}

}  // namespace shouwang::routing
