#pragma once
// Where a unit would set out from (recommendation.h): its live fix while fresh, else its
// home post, else nowhere.

#include <optional>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/unit.h>

namespace shouwang::cad::recommend_detail {

struct Origin {
  OriginKind kind = OriginKind::kLivePosition;
  LatLon position;
};

struct OriginChoice {
  std::optional<Origin> origin;    // none: no fresh fix and no home post
  std::optional<Seconds> fix_age;  // of the unit's fix, used or stale; none without a fix
};

// A fix taken after `now` (a terminal's clock ahead of the centre's) counts as 0 s old.
OriginChoice choose_origin(const Unit& unit, const UnitFix* fix, Seconds max_fix_age, UtcTime now);

}  // namespace shouwang::cad::recommend_detail
