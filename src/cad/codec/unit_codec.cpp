// A unit as JSON: its profile (also the payload of unit.registered / unit.updated), its
// shift and emergency, and the whole record for snapshots and the API.

#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

void put_position(nlohmann::json& out, const std::optional<LatLon>& position) {
  if (!position)
    return;
  out["lat"] = position->lat;
  out["lon"] = position->lon;
}

nlohmann::json encode(const DutyShift& shift) {
  return {{"crew", shift.crew},
          {"vehicle", shift.vehicle},
          {"equipment", shift.equipment},
          {"patrol_area", shift.patrol_area},
          {"started_at", shift.started_at.to_iso8601()},
          {"started_by", shift.started_by}};
}

DutyShift decode_shift(const FieldReader& in) {
  return {in.strings("crew"), in.string("vehicle"), in.strings("equipment"), in.string("patrol_area"),
          in.time("started_at"), in.string("started_by")};
}

nlohmann::json encode(const UnitEmergency& emergency) {
  nlohmann::json out = {{"raised_at", emergency.raised_at.to_iso8601()},
                        {"raised_by", emergency.raised_by},
                        {"note", emergency.note}};
  put_position(out, emergency.position);
  return out;
}

UnitEmergency decode_emergency(const FieldReader& in) {
  return {in.time("raised_at"), in.string("raised_by"), in.string("note"), in.optional_lat_lon("lat", "lon")};
}

}  // namespace

nlohmann::json encode(const UnitProfile& profile) {
  nlohmann::json out = {{"name", profile.name},
                        {"type", to_string(profile.type)},
                        {"station", profile.station},
                        {"capabilities", profile.capabilities},
                        {"equipment", profile.equipment},
                        {"devices", profile.devices}};
  if (profile.home_post)
    out["home_post"] = {{"lat", profile.home_post->lat}, {"lon", profile.home_post->lon}};
  return out;
}

UnitProfile decode_profile(const FieldReader& in) {
  UnitProfile profile;
  profile.name = in.string("name");
  profile.type = in.enumeration<UnitType>("type", parse_unit_type);
  profile.station = in.string("station");
  profile.capabilities = in.strings("capabilities");
  profile.equipment = in.strings("equipment");
  profile.devices = in.strings("devices");
  if (in.has("home_post"))
    profile.home_post = in.object("home_post").optional_lat_lon("lat", "lon");
  return profile;
}

nlohmann::json encode(const Unit& unit) {
  nlohmann::json out = {{"id", unit.id},
                        {"profile", encode(unit.profile)},
                        {"registered_at", unit.registered_at.to_iso8601()},
                        {"retired", unit.retired},
                        {"status", to_string(unit.status)},
                        {"status_reason", unit.status_reason},
                        {"orders", encode_ids(unit.orders)},
                        {"history", encode_history(unit.history)}};
  put_time(out, "expected_return", unit.expected_return);
  if (unit.shift)
    out["shift"] = encode(*unit.shift);
  if (unit.emergency)
    out["emergency"] = encode(*unit.emergency);
  return out;
}

Unit decode_unit(const FieldReader& in) {
  Unit unit;
  unit.id = in.string("id");
  unit.profile = decode_profile(in.object("profile"));
  unit.registered_at = in.time("registered_at");
  unit.retired = in.boolean("retired");
  unit.status = in.enumeration<UnitStatus>("status", parse_unit_status);
  unit.status_reason = in.string("status_reason");
  unit.expected_return = in.optional_time("expected_return");
  unit.orders = decode_ids<OrderId>(in, "orders", parse_order_id);
  unit.history = decode_history<UnitStatus>(in, "history", parse_unit_status);
  if (in.has("shift"))
    unit.shift = decode_shift(in.object("shift"));
  if (in.has("emergency"))
    unit.emergency = decode_emergency(in.object("emergency"));
  return unit;
}

}  // namespace shouwang::cad
