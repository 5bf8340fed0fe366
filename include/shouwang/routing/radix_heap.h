#pragma once
// A monotone radix heap: the priority queue of the bounded Dijkstra searches. Keys popped
// never decrease, which Dijkstra guarantees; in exchange every entry moves between at
// most 33 buckets in its life, and buckets are plain vectors, so the queue costs far less
// than a comparison heap on the searches that settle thousands of nodes (isochrones,
// coverage). Duplicates are allowed (lazy deletion is the caller's business).

#include <array>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace shouwang::routing {

template <typename Value>
class RadixHeap {
 public:
  using Key = std::uint32_t;

  [[nodiscard]] bool empty() const { return size_ == 0; }

  void clear() {
    for (auto& bucket : buckets_) bucket.clear();
    size_ = 0;
    last_ = 0;
  }

  // Precondition: key >= the last key popped.
  void push(Key key, Value value) {
    buckets_[bucket_of(key)].emplace_back(key, value);
    ++size_;
  }

  // Removes and returns an entry with the least key. Precondition: not empty.
  std::pair<Key, Value> pop() {
    if (buckets_[0].empty()) refill();
    auto top = buckets_[0].back();
    buckets_[0].pop_back();
    --size_;
    return top;
  }

 private:
  // Bucket i > 0 holds keys whose highest bit differing from last_ is bit i - 1; bucket 0
  // holds keys equal to last_.
  [[nodiscard]] std::size_t bucket_of(Key key) const { return static_cast<std::size_t>(std::bit_width(key ^ last_)); }

  // Moves the least non-empty bucket down: its minimum becomes last_, and every entry of
  // it then differs from last_ in a lower bit than before.
  void refill() {
    std::size_t i = 1;
    while (buckets_[i].empty()) ++i;
    auto& bucket = buckets_[i];
    Key least = bucket.front().first;
    for (const auto& entry : bucket) least = entry.first < least ? entry.first : least;
    last_ = least;
    for (const auto& entry : bucket) buckets_[bucket_of(entry.first)].push_back(entry);
    bucket.clear();
  }

  std::array<std::vector<std::pair<Key, Value>>, 33> buckets_;
  std::size_t size_ = 0;
  Key last_ = 0;
};

}  // namespace shouwang::routing
