#include "cad/decide/unit_rules.h"

#include <algorithm>

#include <shouwang/base/text.h>
#include <shouwang/cad/code_text.h>
#include <shouwang/cad/record_id.h>

#include "cad/decide/refusals.h"

namespace shouwang::cad {
namespace {

bool is_capability_name(std::string_view name) {
  return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char ch) {
           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
         });
}

Result<std::vector<std::string>> sorted_set(const std::vector<std::string>& items, std::string_view field) {
  auto trimmed = trimmed_items(items, field);
  if (!trimmed.ok())
    return trimmed.error();
  std::vector<std::string> out = std::move(trimmed).value();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Result<std::vector<std::string>> trimmed_items(const std::vector<std::string>& items, std::string_view field) {
  if (items.size() > kMaxListItems) {
    return Error(Errc::kInvalidArgument, "at most " + std::to_string(kMaxListItems) + " items", std::string(field));
  }
  std::vector<std::string> out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    std::string item = trim(items[k]);
    const std::string where = std::string(field) + "[" + std::to_string(k) + "]";
    if (item.empty())
      return Error(Errc::kInvalidArgument, "an item must not be empty", where);
    if (item.size() > kMaxItemLength) {
      return Error(Errc::kInvalidArgument, "an item is at most " + std::to_string(kMaxItemLength) + " bytes",
                   where);
    }
    out.push_back(std::move(item));
  }
  return out;
}

Result<UnitProfile> normalized_profile(const UnitProfile& profile) {
  UnitProfile out = profile;
  out.name = trim(profile.name);
  if (out.name.size() > 128)
    return Error(Errc::kInvalidArgument, "a unit name is at most 128 bytes", "profile.name");
  if (!is_code(profile.station)) {
    return Error(Errc::kInvalidArgument, "a station code is 1 to 32 letters, digits, '-' or '_'",
                 "profile.station");
  }
  auto capabilities = sorted_set(profile.capabilities, "profile.capabilities");
  if (!capabilities.ok())
    return capabilities.error();
  out.capabilities = std::move(capabilities).value();
  for (std::size_t k = 0; k < out.capabilities.size(); ++k) {
    if (!is_capability_name(out.capabilities[k])) {
      return Error(Errc::kInvalidArgument,
                   "a capability is 1 to 32 lower-case letters, digits or '_' (\"" + out.capabilities[k] + "\")",
                   "profile.capabilities");
    }
  }
  auto equipment = sorted_set(profile.equipment, "profile.equipment");
  if (!equipment.ok())
    return equipment.error();
  out.equipment = std::move(equipment).value();
  auto devices = sorted_set(profile.devices, "profile.devices");
  if (!devices.ok())
    return devices.error();
  out.devices = std::move(devices).value();
  if (profile.home_post) {
    if (auto valid = make_lat_lon(profile.home_post->lat, profile.home_post->lon); !valid.ok())
      return Error(Errc::kInvalidArgument, valid.error().message, "profile.home_post");
  }
  return out;
}

Result<const Unit*> active_unit(const Decision& d, std::string_view id, std::string_view action) {
  auto unit = d.unit(id);
  if (!unit.ok())
    return unit.error();
  if ((*unit)->retired)
    return refuse(**unit, action);
  return unit;
}

std::string open_orders_text(const Unit& unit) {
  std::string out;
  for (const OrderId id : unit.orders) {
    if (!out.empty())
      out += ", ";
    out += to_string(id);
  }
  return out;
}

}  // namespace shouwang::cad
