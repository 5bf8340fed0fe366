#include <shouwang/routing/nearest_units.h>

#include <algorithm>

namespace shouwang::routing {
namespace {

constexpr auto kHeapOrder = [](const std::pair<Weight, std::uint32_t>& a, const std::pair<Weight, std::uint32_t>& b) {
  return a.first > b.first || (a.first == b.first && a.second > b.second);
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

void NearestUnits::remove(std::uint32_t unit) {
  if (!contains(unit)) return;
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
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.time_ms < b.time_ms || (a.time_ms == b.time_ms && a.unit < b.unit);
  });
  if (hits.size() > k) hits.resize(k);
  return hits;
}

}  // namespace shouwang::routing
