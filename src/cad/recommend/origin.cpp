#include "cad/recommend/origin.h"

#include <algorithm>

namespace shouwang::cad::recommend_detail {

OriginChoice choose_origin(const Unit& unit, const UnitFix* fix, Seconds max_fix_age, UtcTime now) {
  OriginChoice choice;
  if (fix != nullptr) {
    choice.fix_age = Seconds(std::max(0.0, now.seconds_since(fix->at)));
    if (*choice.fix_age <= max_fix_age) {
      choice.origin = Origin{OriginKind::kLivePosition, fix->position};
      return choice;
    }
  }
  if (unit.profile.home_post)
    choice.origin = Origin{OriginKind::kHomePost, *unit.profile.home_post};
  return choice;
}

}  // namespace shouwang::cad::recommend_detail
