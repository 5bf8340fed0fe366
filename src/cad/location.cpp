#include <array>

#include <shouwang/cad/location.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

using L = LocationSource;

constexpr std::array<EnumName<L>, 6> kNames{{
    {L::kCallerText, "caller_text"},
    {L::kMatchedAddress, "matched_address"},
    {L::kHandsetGnss, "handset_gnss"},
    {L::kSmsLinkGps, "sms_link_gps"},
    {L::kCellSector, "cell_sector"},
    {L::kMapPin, "map_pin"},
}};

}  // namespace

std::string_view to_string(LocationSource source) {
  return name_in<L>(kNames, source);
}

std::optional<LocationSource> parse_location_source(std::string_view name) {
  return value_in<L>(kNames, name);
}

bool candidates_disagree(const LocationCandidate& a, const LocationCandidate& b) {
  if (!a.position || !b.position)
    return false;
  return haversine_distance(*a.position, *b.position) >
         a.uncertainty + b.uncertainty + kDisagreementMargin;
}

void add_candidate(IncidentLocation& location, LocationCandidate candidate) {
  if (location.confirmed) {
    const auto& confirmed = location.candidates[*location.confirmed];
    if (confirmed.position) {
      location.needs_confirmation =
          location.needs_confirmation || candidates_disagree(confirmed, candidate);
      location.candidates.push_back(std::move(candidate));
      return;
    }
  }
  for (const auto& other : location.candidates) {
    if (candidates_disagree(other, candidate))
      location.needs_confirmation = true;
  }
  location.candidates.push_back(std::move(candidate));
}

void confirm_candidate(IncidentLocation& location, std::size_t index, std::string_view by,
                       UtcTime at) {
  auto& candidate = location.candidates[index];
  candidate.confirmed_by = std::string(by);
  candidate.confirmed_at = at;
  location.confirmed = index;
  location.needs_confirmation = false;
}

const LocationCandidate* effective_location(const IncidentLocation& location) {
  if (location.confirmed)
    return &location.candidates[*location.confirmed];
  if (location.needs_confirmation)
    return nullptr;
  const LocationCandidate* best = nullptr;
  for (const auto& candidate : location.candidates) {
    if (candidate.position && (best == nullptr || candidate.uncertainty <= best->uncertainty)) {
      best = &candidate;
    }
  }
  return best;
}

bool any_disagreement(const IncidentLocation& location) {
  const auto& c = location.candidates;
  for (std::size_t i = 0; i < c.size(); ++i) {
    for (std::size_t j = i + 1; j < c.size(); ++j) {
      if (candidates_disagree(c[i], c[j]))
        return true;
    }
  }
  return false;
}

}  // namespace shouwang::cad
