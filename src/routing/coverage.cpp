#include <algorithm>
#include <functional>

#include <shouwang/routing/coverage.h>

namespace shouwang::routing {

namespace {

// The sweep's step at rank r: its time is final once every higher rank's is, and its
// downward arcs (stored at it) come from exactly those ranks. Times beyond the limit become
// kInfinity, which keeps every later sum far from overflow.
void settle_from_above(const ChArcs& down, std::uint32_t r, Weight limit, std::vector<Weight>& time,
                       std::vector<std::int32_t>& post) {
  Weight best = time[r];
  std::int32_t owner = post[r];
  for (std::uint32_t a = down.first_out[r]; a < down.first_out[r + 1]; ++a) {
    const Weight from = time[down.head[a].value()];
    if (from >= best)
      continue;  // also skips unreached (kInfinity) heads
    const Weight t = from + down.weight[a];
    if (t < best) {
      best = t;
      owner = post[down.head[a].value()];
    }
  }
  time[r] = best <= limit ? best : kInfinity;
  post[r] = owner;
}

}  // namespace

std::size_t Coverage::covered_within(Weight t) const {
  return static_cast<std::size_t>(
      std::count_if(time.begin(), time.end(), [t](Weight w) { return w <= t; }));
}

Coverage coverage(const RoadGraph& graph, DijkstraQuery& query,
                  const std::vector<PostEntries>& posts, Weight limit) {
  Coverage out;
  out.time.assign(graph.node_count(), kInfinity);
  out.post.assign(graph.node_count(), -1);
  // One search from all posts at once: each node is settled first by its nearest post.
  // Where two posts enter at the same node, the one entering sooner owns it.
  std::vector<std::pair<NodeId, Weight>> sources;
  std::vector<std::int32_t> owner_of_node(graph.node_count(), -1);
  std::vector<Weight> owner_offset(graph.node_count(), kInfinity);
  for (std::size_t p = 0; p < posts.size(); ++p) {
    for (const auto& [node, offset] : posts[p]) {
      sources.emplace_back(node, offset);
      if (offset < owner_offset[node.value()]) {
        owner_offset[node.value()] = offset;
        owner_of_node[node.value()] = static_cast<std::int32_t>(p);
      }
    }
  }
  // Nodes settle after their parent in the shortest-path tree, so ownership flows down it.
  query.search(sources, limit);
  for (const auto& [v, t] : query.settled()) {
    out.time[v.value()] = t;
    const NodeId parent = query.parent(v);
    out.post[v.value()] = parent.valid() ? out.post[parent.value()] : owner_of_node[v.value()];
  }
  return out;
}

CoverageQuery::CoverageQuery(const ContractionHierarchy& hierarchy)
    : ch_(hierarchy), time_(hierarchy.node_count(), kInfinity), post_(hierarchy.node_count(), -1) {}

void CoverageQuery::reach(std::uint32_t rank, Weight time, std::int32_t post) {
  if (time < time_[rank]) {
    time_[rank] = time;
    post_[rank] = post;
    queue_.push(time, rank);
  }
}

Coverage CoverageQuery::run(const std::vector<PostEntries>& posts, Weight limit) {
  const std::size_t n = ch_.node_count();
  std::fill(time_.begin(), time_.end(), kInfinity);
  queue_.clear();

  // Upward search from every post at once. A label above the limit cannot start a path
  // within it, so the search stops there.
  for (std::size_t p = 0; p < posts.size(); ++p) {
    for (const auto& [node, offset] : posts[p]) {
      if (offset <= limit)
        reach(ch_.rank(node).value(), offset, static_cast<std::int32_t>(p));
    }
  }
  const ChArcs& up = ch_.upward();
  while (!queue_.empty()) {
    const auto [d, r] = queue_.pop();
    if (d != time_[r])
      continue;  // stale entry
    for (std::uint32_t a = up.first_out[r]; a < up.first_out[r + 1]; ++a) {
      const Weight nd = d + up.weight[a];
      if (nd <= limit)
        reach(up.head[a].value(), nd, post_[r]);
    }
  }

  // The sweep, from the top rank down.
  const ChArcs& down = ch_.downward();
  for (std::size_t r = n; r-- > 0;)
    settle_from_above(down, static_cast<std::uint32_t>(r), limit, time_, post_);

  Coverage out;
  out.time.assign(n, kInfinity);
  out.post.assign(n, -1);
  const auto order = ch_.order();
  for (std::size_t r = 0; r < n; ++r) {
    if (time_[r] > limit)
      continue;
    out.time[order[r].value()] = time_[r];
    out.post[order[r].value()] = post_[r];
  }
  return out;
}

TargetCoverageQuery::TargetCoverageQuery(const ContractionHierarchy& hierarchy,
                                         const std::vector<NodeId>& targets)
    : ch_(hierarchy), time_(hierarchy.node_count(), kInfinity), post_(hierarchy.node_count(), -1) {
  std::vector<bool> selected(ch_.node_count(), false);
  std::vector<std::uint32_t> stack;
  for (const NodeId t : targets) {
    const std::uint32_t r = ch_.rank(t).value();
    target_ranks_.push_back(r);
    if (!selected[r]) {
      selected[r] = true;
      stack.push_back(r);
    }
  }
  const ChArcs& down = ch_.downward();
  while (!stack.empty()) {
    const std::uint32_t r = stack.back();
    stack.pop_back();
    sweep_.push_back(r);
    for (std::uint32_t a = down.first_out[r]; a < down.first_out[r + 1]; ++a) {
      const std::uint32_t h = down.head[a].value();
      if (!selected[h]) {
        selected[h] = true;
        stack.push_back(h);
      }
    }
  }
  std::sort(sweep_.begin(), sweep_.end(), std::greater<>());
}

void TargetCoverageQuery::run(const std::vector<PostEntries>& posts, Weight limit,
                              std::vector<Weight>& time, std::vector<std::int32_t>& post) {
  for (const std::uint32_t r : touched_)
    time_[r] = kInfinity;
  for (const std::uint32_t r : sweep_)
    time_[r] = kInfinity;
  touched_.clear();
  queue_.clear();
  const auto reach = [&](std::uint32_t r, Weight t, std::int32_t p) {
    if (t < time_[r]) {
      if (time_[r] == kInfinity)
        touched_.push_back(r);
      time_[r] = t;
      post_[r] = p;
      queue_.push(t, r);
    }
  };
  for (std::size_t p = 0; p < posts.size(); ++p)
    for (const auto& [node, offset] : posts[p])
      if (offset <= limit)
        reach(ch_.rank(node).value(), offset, static_cast<std::int32_t>(p));
  const ChArcs& up = ch_.upward();
  while (!queue_.empty()) {
    const auto [d, r] = queue_.pop();
    if (d != time_[r])
      continue;
    for (std::uint32_t a = up.first_out[r]; a < up.first_out[r + 1]; ++a) {
      const Weight nd = d + up.weight[a];
      if (nd <= limit)
        reach(up.head[a].value(), nd, post_[r]);
    }
  }
  const ChArcs& down = ch_.downward();
  for (const std::uint32_t r : sweep_)
    settle_from_above(down, r, limit, time_, post_);
  time.resize(target_ranks_.size());
  post.resize(target_ranks_.size());
  for (std::size_t k = 0; k < target_ranks_.size(); ++k) {
    const std::uint32_t r = target_ranks_[k];
    time[k] = time_[r];
    post[k] = time_[r] == kInfinity ? -1 : post_[r];
  }
}

}  // namespace shouwang::routing
