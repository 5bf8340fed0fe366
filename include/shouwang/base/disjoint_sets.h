#pragma once
// Disjoint sets (union–find) over dense ids 0..n-1, growing on demand. The smaller id of
// two joined sets represents them, so results do not depend on the order of joins.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace shouwang {

class DisjointSets {
 public:
  DisjointSets() = default;
  explicit DisjointSets(std::size_t n) { grow(n == 0 ? 0 : n - 1); }

  std::uint32_t find(std::uint32_t x) {
    grow(x);
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }
  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  void grow(std::uint32_t x) {
    const std::size_t old = parent_.size();
    if (x < old) return;
    parent_.resize(static_cast<std::size_t>(x) + 1);
    std::iota(parent_.begin() + static_cast<std::ptrdiff_t>(old), parent_.end(), static_cast<std::uint32_t>(old));
  }
  std::vector<std::uint32_t> parent_;
};

}  // namespace shouwang
