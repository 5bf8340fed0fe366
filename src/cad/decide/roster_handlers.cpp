// The unit roster: registering units, editing what they are, retiring them.

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/event_types.h>

#include "cad/codec/record_codec.h"
#include "cad/decide/handlers.h"
#include "cad/decide/refusals.h"
#include "cad/decide/unit_rules.h"

namespace shouwang::cad {
namespace {

void emit_profile(Decision& d, std::string_view type, const std::string& unit, const UnitProfile& profile) {
  d.emit(type, {unit_entity(unit)}, {{"unit_id", unit}, {"profile", encode(profile)}});
}

}  // namespace

std::string unit_entity(std::string_view unit) {
  return std::string(event_type::kUnitEntityPrefix) + std::string(unit);
}

Status handle(Decision& d, const RegisterUnit& c) {
  if (!is_code(c.unit)) {
    return Error(Errc::kInvalidArgument, "a unit id (callsign) is 1 to 32 letters, digits, '-' or '_'", "unit");
  }
  if (const Unit* existing = d.state().find_unit(c.unit)) {
    return Error(Errc::kAlreadyExists,
                 "unit " + c.unit + " is already registered" + (existing->retired ? " (retired)" : ""), "unit");
  }
  auto profile = normalized_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  emit_profile(d, event_type::kUnitRegistered, c.unit, *profile);
  return {};
}

Status handle(Decision& d, const UpdateUnit& c) {
  auto unit = active_unit(d, c.unit, "edit it");
  if (!unit.ok())
    return unit.error();
  auto profile = normalized_profile(c.profile);
  if (!profile.ok())
    return profile.error();
  if (*profile == (*unit)->profile)
    return Error(Errc::kConflict, "unit " + c.unit + " already has this profile", "profile");
  emit_profile(d, event_type::kUnitUpdated, c.unit, *profile);
  return {};
}

Status handle(Decision& d, const RetireUnit& c) {
  auto unit = active_unit(d, c.unit, "retire it");
  if (!unit.ok())
    return unit.error();
  if (auto s = require_text(c.reason, "reason", "the reason"); !s.ok())
    return s;
  if ((*unit)->status != UnitStatus::kOffDuty)
    return refuse(**unit, "retire it", "end its shift first");
  if ((*unit)->emergency)
    return refuse(**unit, "retire it", "its emergency is still raised; clear it first");
  d.emit(event_type::kUnitRetired, {unit_entity(c.unit)}, {{"unit_id", c.unit}, {"reason", c.reason}});
  return {};
}

}  // namespace shouwang::cad
