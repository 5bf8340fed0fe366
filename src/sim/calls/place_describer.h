#pragma once
// How a call taker would write down where a call is: the nearest named street and the
// nearest landmark ("人民路 近 中心菜市场"), an address when the call is at one
// ("人民路12号"), else what is nearest. Built from the city's place index, which must
// outlive it. Immutable; safe to share between threads.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/osm/place_index.h>

#include "sim/calls/point_grid.h"

namespace shouwang::sim::calls {

class PlaceDescriber {
 public:
  PlaceDescriber(const osm::PlaceIndex& index, const LocalProjection& frame, std::string city_name);

  [[nodiscard]] std::string describe(LatLon p) const;

 private:
  const osm::PlaceIndex* index_;
  std::string city_name_;
  std::vector<std::uint32_t> addresses_, landmarks_, streets_;  // place ids
  PointGrid address_grid_, landmark_grid_, street_grid_;
};

}  // namespace shouwang::sim::calls
