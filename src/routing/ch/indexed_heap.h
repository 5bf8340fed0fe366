#pragma once
// A binary min-heap of dense ids with their keys, supporting key changes (the contraction
// order's priority queue, the witness search). Ties break by the smaller id, so the order
// of pops depends only on the keys and ids, never on the history of the heap. Memory: one
// position per id (4 bytes) plus the entries in the heap. Not thread-safe.

#include <cassert>
#include <cstdint>
#include <utility>
#include <vector>

namespace shouwang::routing::ch {

template <typename Key>
class IndexedMinHeap {
 public:
  struct Entry {
    Key key;
    std::uint32_t id;
  };

  explicit IndexedMinHeap(std::size_t id_count) : position_(id_count, kAbsent) {}

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] bool contains(std::uint32_t id) const { return position_[id] != kAbsent; }
  [[nodiscard]] const Entry& top() const {
    assert(!empty());
    return heap_.front();
  }

  // Inserts `id`, or moves it to `key` if it is already queued (up or down).
  void push_or_update(std::uint32_t id, Key key) {
    if (!contains(id)) {
      position_[id] = static_cast<std::uint32_t>(heap_.size());
      heap_.push_back({key, id});
      sift_up(heap_.size() - 1);
      return;
    }
    const std::size_t i = position_[id];
    const Key old = heap_[i].key;
    heap_[i].key = key;
    if (key < old) {
      sift_up(i);
    } else {
      sift_down(i);
    }
  }

  Entry pop() {
    assert(!empty());
    const Entry top_entry = heap_.front();
    position_[top_entry.id] = kAbsent;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_.front() = last;
      position_[last.id] = 0;
      sift_down(0);
    }
    return top_entry;
  }

  // Empties the heap in O(size), not O(id_count).
  void clear() {
    for (const Entry& e : heap_)
      position_[e.id] = kAbsent;
    heap_.clear();
  }

 private:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  static bool less(const Entry& a, const Entry& b) {
    return a.key < b.key || (a.key == b.key && a.id < b.id);
  }

  void place(std::size_t i, const Entry& e) {
    heap_[i] = e;
    position_[e.id] = static_cast<std::uint32_t>(i);
  }

  void sift_up(std::size_t i) {
    const Entry e = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / 2;
      if (!less(e, heap_[parent]))
        break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, e);
  }

  void sift_down(std::size_t i) {
    const Entry e = heap_[i];
    const std::size_t n = heap_.size();
    while (true) {
      std::size_t child = 2 * i + 1;
      if (child >= n)
        break;
      if (child + 1 < n && less(heap_[child + 1], heap_[child]))
        ++child;
      if (!less(heap_[child], e))
        break;
      place(i, heap_[child]);
      i = child;
    }
    place(i, e);
  }

  std::vector<Entry> heap_;
  std::vector<std::uint32_t> position_;
};

}  // namespace shouwang::routing::ch
