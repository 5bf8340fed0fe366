#pragma once
// Where an incident is: a set of candidates from different sources, never one field that a
// later fix silently overwrites. Sources disagree when their uncertainty circles are far
// apart; then a person must confirm which one is right before the incident has an
// effective position again.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>

namespace shouwang::cad {

enum class LocationSource : std::uint8_t {
  kCallerText,      // what the caller said (报警人描述), possibly without coordinates
  kMatchedAddress,  // a standard address the call taker matched (标准地址)
  kHandsetGnss,     // the handset's own GNSS fix (AML)
  kSmsLinkGps,      // one-shot GPS from a link sent by SMS (短信定位)
  kCellSector,      // the serving cell's sector (基站定位), coarse
  kMapPin,          // a pin a person placed on the map (人工标注)
};

std::string_view to_string(LocationSource source);
std::optional<LocationSource> parse_location_source(std::string_view name);

// Two positioned candidates disagree when the distance between them exceeds the sum of
// their uncertainty radii plus this margin.
inline constexpr Meters kDisagreementMargin{100.0};

struct LocationCandidate {
  LocationSource source = LocationSource::kCallerText;
  std::string text;                // address as said or matched; may be empty for a fix
  std::optional<LatLon> position;  // none for text that has not been placed
  Meters uncertainty{0.0};         // radius around `position`; 0 without a position
  UtcTime observed_at;             // when the caller said it / the fix was taken
  UtcTime added_at;
  std::string added_by;
  std::string confirmed_by;  // empty until a person confirms it
  std::optional<UtcTime> confirmed_at;
  friend bool operator==(const LocationCandidate&, const LocationCandidate&) = default;
};

struct IncidentLocation {
  std::vector<LocationCandidate> candidates;  // append-only, in the order added
  std::optional<std::size_t> confirmed;       // the candidate a person confirmed last
  bool needs_confirmation = false;            // sources disagree and nobody has decided
  friend bool operator==(const IncidentLocation&, const IncidentLocation&) = default;
};

bool candidates_disagree(const LocationCandidate& a, const LocationCandidate& b);

// Adds a candidate. It raises needs_confirmation when it disagrees with the confirmed
// candidate or, with none confirmed, with any positioned candidate.
void add_candidate(IncidentLocation& location, LocationCandidate candidate);

// Records a person's decision for candidate `index` (precondition: in range); clears
// needs_confirmation.
void confirm_candidate(IncidentLocation& location, std::size_t index, std::string_view by,
                       UtcTime at);

// The candidate to use for dispatch: the confirmed one; else, when the sources agree, the
// positioned candidate with the smallest uncertainty (the latest on a tie); else none.
const LocationCandidate* effective_location(const IncidentLocation& location);

// True when some two positioned candidates disagree (ignores confirmations).
bool any_disagreement(const IncidentLocation& location);

}  // namespace shouwang::cad
