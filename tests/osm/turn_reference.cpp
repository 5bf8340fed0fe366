#include "osm/turn_reference.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace shouwang::test {

TurnAwareReference::TurnAwareReference(const std::vector<OsmArc>& arcs, std::vector<TurnRule> rules)
    : rules_(std::move(rules)) {
  for (const OsmArc& a : arcs) out_[a.tail].emplace_back(a.head, a.time);
  for (const TurnRule& r : rules_) memory_ = std::max(memory_, r.prefix.size());
}

routing::Weight TurnAwareReference::travel(std::int64_t from, std::int64_t to) const {
  using State = std::vector<std::int64_t>;  // the last nodes driven, the current one last
  using Entry = std::pair<routing::Weight, State>;
  std::map<State, routing::Weight> settled;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  queue.push({0, State{from}});
  while (!queue.empty()) {
    auto [time, state] = queue.top();
    queue.pop();
    if (!settled.emplace(state, time).second) continue;
    if (state.back() == to) return time;
    const auto it = out_.find(state.back());
    if (it == out_.end()) continue;
    for (const auto& [next, step] : it->second) {
      if (!allowed(state, next)) continue;
      State after = state;
      after.push_back(next);
      if (after.size() > memory_) after.erase(after.begin());
      queue.push({time + step, std::move(after)});
    }
  }
  return routing::kInfinity;
}

bool TurnAwareReference::allowed(const std::vector<std::int64_t>& driven, std::int64_t next) const {
  for (const TurnRule& r : rules_) {
    if (r.prefix.size() > driven.size()) continue;
    if (!std::equal(r.prefix.rbegin(), r.prefix.rend(), driven.rbegin())) continue;
    const bool listed = std::find(r.next.begin(), r.next.end(), next) != r.next.end();
    if (listed != r.only) return false;
  }
  return true;
}

}  // namespace shouwang::test
