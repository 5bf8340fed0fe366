#pragma once
// What a built CallModel holds: the city's places and roads and the compiled call
// classes. Built once by CallModel::build and then only read.

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/sim/call_model.h>

#include "sim/calls/call_classes.h"
#include "sim/calls/city_places.h"
#include "sim/calls/place_describer.h"
#include "sim/calls/point_grid.h"
#include "sim/calls/rate_profile.h"
#include "sim/calls/road_network.h"
#include "sim/calls/road_sampler.h"

namespace shouwang::sim::calls {

// One call class against the taxonomy at hand: the type codes it knows, with their draws.
struct ClassModel {
  const CallClass* spec = nullptr;
  RateProfile rates{};
  double share = 0;  // normalised over the classes kept
  std::vector<std::string> codes{};
  std::vector<double> near_repeat{};  // per code
  std::vector<int> setting{};         // per code: a Setting, or -1 for the class's mix
  std::vector<double> background{};   // cumulative weights over codes
  std::vector<double> at_hotspots{};  // cumulative weights over codes; empty: never at one
  std::array<double, kSettingCount> settings{};  // cumulative
  double hotspot_share = 0;                      // 0 when the city has no hotspots
  double mean_repeats = 0;  // near-repeat calls per call of the class, on average
};

}  // namespace shouwang::sim::calls

namespace shouwang::sim {

struct CallModel::Data {
  CallModelOptions options{};
  double calls_per_day = 0;
  double residents = 0;
  double primary_per_hour = 0;  // calls per average hour before near-repeats
  osm::CitySummary city{};
  osm::PlaceIndex places{};
  std::unique_ptr<calls::RoadNetwork> roads{};
  LocalProjection frame{LatLon{}};
  calls::CityPlaces sites{};
  calls::PointGrid home_grid{};
  calls::RoadSampler road_sampler{};
  std::unique_ptr<calls::PlaceDescriber> describer{};
  std::vector<calls::ClassModel> classes{};
  std::vector<CallModel::Hotspot> hotspots{};
};

}  // namespace shouwang::sim
