#include "sim/calls/place_describer.h"

#include <utility>

namespace shouwang::sim::calls {
namespace {

constexpr double kAtAddressMetres = 3.0;
constexpr double kStreetFromAddressMetres = 120.0;
constexpr double kLandmarkMetres = 300.0;
constexpr double kFarLandmarkMetres = 800.0;
constexpr double kStreetMetres = 1500.0;
constexpr double kAnyStreetMetres = 20'000.0;

bool is_landmark(const osm::Place& p) {
  return p.kind == osm::PlaceKind::kPoi && !p.name_zh.empty() && !p.category.starts_with("place=");
}

PointGrid grid_of(const osm::PlaceIndex& index, const std::vector<std::uint32_t>& ids,
                  const LocalProjection& frame, double cell) {
  std::vector<LatLon> points;
  points.reserve(ids.size());
  for (const std::uint32_t id : ids)
    points.push_back(index.place(osm::PlaceId(id)).position);
  return PointGrid(frame, points, cell);
}

}  // namespace

PlaceDescriber::PlaceDescriber(const osm::PlaceIndex& index, const LocalProjection& frame,
                               std::string city_name)
    : index_(&index), city_name_(std::move(city_name)) {
  for (std::uint32_t i = 0; i < index.size(); ++i) {
    const osm::Place& p = index.place(osm::PlaceId(i));
    if (p.kind == osm::PlaceKind::kAddress && !p.street.empty())
      addresses_.push_back(i);
    if (is_landmark(p))
      landmarks_.push_back(i);
    if (p.kind == osm::PlaceKind::kStreet && !p.name_zh.empty())
      streets_.push_back(i);
  }
  address_grid_ = grid_of(index, addresses_, frame, 150.0);
  landmark_grid_ = grid_of(index, landmarks_, frame, 300.0);
  street_grid_ = grid_of(index, streets_, frame, 500.0);
}

std::string PlaceDescriber::describe(LatLon p) const {
  const auto place = [this](const std::vector<std::uint32_t>& ids,
                            std::uint32_t k) -> const osm::Place& {
    return index_->place(osm::PlaceId(ids[k]));
  };
  const auto address = address_grid_.nearest(p, kStreetFromAddressMetres);
  const auto landmark = landmark_grid_.nearest(p, kLandmarkMetres);
  if (address) {
    const osm::Place& a = place(addresses_, address->index);
    std::string text = a.street;
    if (address->metres <= kAtAddressMetres) {
      text += a.housenumber + "号";
      if (landmark)
        text += " 近 " + place(landmarks_, landmark->index).name_zh;
      return text;
    }
    if (landmark)
      return text + " 近 " + place(landmarks_, landmark->index).name_zh;
    return text + a.housenumber + "号附近";
  }
  // No address data nearby (real maps often have none): a street, then a landmark.
  const auto street = street_grid_.nearest(p, kStreetMetres);
  if (street && landmark)
    return place(streets_, street->index).name_zh + " 近 " +
           place(landmarks_, landmark->index).name_zh;
  if (landmark)
    return place(landmarks_, landmark->index).name_zh + "附近";
  if (street)
    return place(streets_, street->index).name_zh + "附近";
  if (const auto far = landmark_grid_.nearest(p, kFarLandmarkMetres))
    return place(landmarks_, far->index).name_zh + "附近";
  if (!city_name_.empty())
    return city_name_;
  // A city without a name (an extract cut from a larger area): whatever street is nearest.
  if (const auto any = street_grid_.nearest(p, kAnyStreetMetres))
    return place(streets_, any->index).name_zh + "附近";
  return {};
}

}  // namespace shouwang::sim::calls
