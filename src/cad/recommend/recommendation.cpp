// The recommendation's names and small helpers; recommend() itself is in recommend.cpp.

#include <shouwang/cad/recommendation.h>

#include <array>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<CapabilitySource>, 4> kSourceNames{{
    {CapabilitySource::kType, "type"},
    {CapabilitySource::kUntyped, "untyped"},
    {CapabilitySource::kUnknownType, "unknown_type"},
    {CapabilitySource::kRequested, "requested"},
}};

constexpr std::array<EnumName<OriginKind>, 2> kOriginNames{{
    {OriginKind::kLivePosition, "live_position"},
    {OriginKind::kHomePost, "home_post"},
}};

using E = Exclusion;
constexpr std::array<EnumName<E>, 9> kExclusionNames{{
    {E::kRetired, "retired"},
    {E::kOffDuty, "off_duty"},
    {E::kEmergency, "emergency"},
    {E::kAlreadyAssigned, "already_assigned"},
    {E::kOutOfService, "out_of_service"},
    {E::kBusy, "busy"},
    {E::kLacksCapability, "lacks_capability"},
    {E::kNoPosition, "no_position"},
    {E::kUnreachable, "unreachable"},
}};

}  // namespace

std::string_view to_string(CapabilitySource source) {
  return name_in<CapabilitySource>(kSourceNames, source);
}

std::string_view to_string(OriginKind kind) {
  return name_in<OriginKind>(kOriginNames, kind);
}

std::string_view to_string(Exclusion code) {
  return name_in<E>(kExclusionNames, code);
}

const ReasonValue* Reason::param(std::string_view name) const {
  for (const auto& p : params) {
    if (p.name == name)
      return &p.value;
  }
  return nullptr;
}

std::vector<std::string> ranked_above(const Recommendation& recommendation, std::string_view unit) {
  std::vector<std::string> above;
  for (const RankedUnit& r : recommendation.ranked) {
    if (r.unit == unit)
      return above;
    above.push_back(r.unit);
  }
  return {};
}

void UnitPlaces::update(std::string_view unit, UnitFix fix) {
  const auto it = fixes_.find(unit);
  if (it == fixes_.end()) {
    fixes_.emplace(std::string(unit), fix);
  } else if (it->second.at <= fix.at) {
    it->second = fix;
  }
}

void UnitPlaces::erase(std::string_view unit) {
  if (const auto it = fixes_.find(unit); it != fixes_.end())
    fixes_.erase(it);
}

const UnitFix* UnitPlaces::find(std::string_view unit) const {
  const auto it = fixes_.find(unit);
  return it == fixes_.end() ? nullptr : &it->second;
}

}  // namespace shouwang::cad
