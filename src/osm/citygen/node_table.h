#pragma once
// Node identities by position: two points within the same centimetre are one node. This
// is how separately generated ways (a ramp and the ring it leaves) come to share a node.

#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include <shouwang/base/geo.h>

namespace shouwang::osm::citygen {

class NodeTable {
 public:
  // The node at p's centimetre cell, created if there is none.
  std::uint32_t intern(Xy p) {
    const auto [it, inserted] = index_.try_emplace(key(p), static_cast<std::uint32_t>(xy_.size()));
    if (inserted) xy_.push_back(p);
    return it->second;
  }
  // A node that is never shared by position (a POI standing on a street vertex).
  std::uint32_t add_unshared(Xy p) {
    xy_.push_back(p);
    return static_cast<std::uint32_t>(xy_.size() - 1);
  }
  [[nodiscard]] Xy xy(std::uint32_t id) const { return xy_[id]; }
  [[nodiscard]] std::size_t size() const { return xy_.size(); }

 private:
  static std::uint64_t key(Xy p) {
    const auto qx = static_cast<std::int64_t>(std::llround(p.x * 100.0));
    const auto qy = static_cast<std::int64_t>(std::llround(p.y * 100.0));
    return (static_cast<std::uint64_t>(qx) << 32) ^ (static_cast<std::uint64_t>(qy) & 0xFFFFFFFFULL);
  }

  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<Xy> xy_;
};

}  // namespace shouwang::osm::citygen
