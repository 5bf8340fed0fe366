// The queries of a Jurisdictions value: all read-only over the shared Data.

#include <cmath>

#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/jurisdictions_data.h"

namespace shouwang::osm {
namespace {

const Jurisdictions::Data& empty_data() {
  static const Jurisdictions::Data kEmpty;
  return kEmpty;
}

bool locatable(LatLon p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90.0 && std::abs(p.lon) <= 180.0;
}

std::string_view locate(const Jurisdictions::Data& data, const jurisdiction::AreaIndex& index,
                        std::uint32_t first, LatLon p) {
  if (!locatable(p)) return {};
  const std::int32_t area = index.locate(jurisdiction::to_fixed(p));
  if (area == jurisdiction::AreaIndex::kNone) return {};
  return data.units[first + static_cast<std::uint32_t>(area)].code;
}

}  // namespace

Jurisdictions::Jurisdictions() : data_(std::shared_ptr<const Data>(&empty_data(), [](const Data*) {})) {}

Jurisdictions::Jurisdictions(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

std::string_view Jurisdictions::station_at(LatLon p) const {
  return locate(*data_, data_->station_index, data_->first_station, p);
}

std::string_view Jurisdictions::sub_bureau_at(LatLon p) const {
  return locate(*data_, data_->sub_bureau_index, data_->first_sub_bureau, p);
}

const OrgUnit* Jurisdictions::find(std::string_view code) const {
  const auto it = data_->by_code.find(code);
  return it == data_->by_code.end() ? nullptr : &data_->units[it->second];
}

const OrgUnit* Jurisdictions::city() const { return data_->units.empty() ? nullptr : &data_->units.front(); }

std::vector<const OrgUnit*> Jurisdictions::children(std::string_view code) const {
  std::vector<const OrgUnit*> out;
  const auto it = data_->by_code.find(code);
  if (it == data_->by_code.end()) return out;
  for (std::uint32_t child : data_->children[it->second]) out.push_back(&data_->units[child]);
  return out;
}

bool Jurisdictions::is_within(std::string_view code, std::string_view ancestor_code) const {
  const auto unit = data_->by_code.find(code);
  const auto ancestor = data_->by_code.find(ancestor_code);
  if (unit == data_->by_code.end() || ancestor == data_->by_code.end()) return false;
  for (std::uint32_t u = unit->second; u != Data::kNoParent; u = data_->parent[u]) {
    if (u == ancestor->second) return true;
  }
  return false;
}

std::vector<const OrgUnit*> Jurisdictions::path(std::string_view code) const {
  std::vector<const OrgUnit*> out;
  const auto it = data_->by_code.find(code);
  if (it == data_->by_code.end()) return out;
  for (std::uint32_t u = it->second; u != Data::kNoParent; u = data_->parent[u]) out.push_back(&data_->units[u]);
  return {out.rbegin(), out.rend()};
}

std::size_t Jurisdictions::station_count(std::string_view code) const {
  const auto it = data_->by_code.find(code);
  return it == data_->by_code.end() ? 0 : data_->station_counts[it->second];
}

const std::vector<OrgUnit>& Jurisdictions::units() const { return data_->units; }

const std::vector<std::string>& Jurisdictions::notes() const { return data_->notes; }

}  // namespace shouwang::osm
