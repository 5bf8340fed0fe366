#include "cad/decide/decision.h"

#include <shouwang/cad/record_id.h>

#include "cad/json/utf8.h"

namespace shouwang::cad {
namespace {

// The highest serial of (division, day) among the map's keys, 0 if none: packed ids sort
// by (division, day, serial), so it is the key just below the next day's first.
template <typename Map>
std::uint32_t last_serial_of_day(const Map& map, std::uint32_t division, std::int32_t day) {
  using Id = typename Map::key_type;
  auto it = map.lower_bound(Id(first_packed_of_day(division, day + 1)));
  if (it == map.begin())
    return 0;
  --it;
  const RecordNumber n = record_number(it->first);
  return n.division == division && n.day == day ? n.serial : 0;
}

// The path of the first string in `value` that is not valid UTF-8, or "".
std::string invalid_text_field(const nlohmann::json& value, const std::string& path) {
  if (value.is_string()) {
    return is_valid_utf8(value.get_ref<const std::string&>()) ? std::string() : path;
  }
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (!is_valid_utf8(key))
        return path.empty() ? "key" : path;
      auto bad = invalid_text_field(item, path.empty() ? key : path + "." + key);
      if (!bad.empty())
        return bad;
    }
  }
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      auto bad = invalid_text_field(value[i], path + "[" + std::to_string(i) + "]");
      if (!bad.empty())
        return bad;
    }
  }
  return {};
}

}  // namespace

Result<RecordNumber> Decision::next_number(std::uint32_t last_serial_in_state,
                                           std::uint32_t& handed_out) const {
  const std::int32_t day = today();
  if (day < 0 || day > kMaxLocalDay) {
    return Error(Errc::kOutOfRange,
                 "time " + now_.to_iso8601() + " is outside the years ids can carry (1970..2149)",
                 "time");
  }
  const std::uint64_t serial = std::uint64_t{last_serial_in_state} + handed_out + 1;
  if (serial > kMaxDailySerial) {
    return Error(Errc::kOutOfRange,
                 "all 999999 ids of the day are used; ids continue at local midnight", "time");
  }
  ++handed_out;
  return RecordNumber{centre_.division_code, day, static_cast<std::uint32_t>(serial)};
}

Result<IncidentId> Decision::new_incident_id() {
  auto n = next_number(last_serial_of_day(state_.incidents, centre_.division_code, today()),
                       incidents_handed_out_);
  if (!n.ok())
    return n.error();
  return make_incident_id(*n);
}

Result<CallId> Decision::new_call_id() {
  auto n = next_number(last_serial_of_day(state_.calls, centre_.division_code, today()),
                       calls_handed_out_);
  if (!n.ok())
    return n.error();
  return make_call_id(*n);
}

Result<OrderId> Decision::new_order_id() {
  auto n = next_number(last_serial_of_day(state_.orders, centre_.division_code, today()),
                       orders_handed_out_);
  if (!n.ok())
    return n.error();
  return make_order_id(*n);
}

Result<WarningId> Decision::new_warning_id() {
  auto n = next_number(last_serial_of_day(state_.warnings, centre_.division_code, today()),
                       warnings_handed_out_);
  if (!n.ok())
    return n.error();
  return make_warning_id(*n);
}

Result<const Call*> Decision::call(CallId id, std::string_view field) const {
  const Call* found = state_.find(id);
  if (found == nullptr) {
    return Error(Errc::kNotFound, "call " + to_string(id) + " does not exist", std::string(field));
  }
  return found;
}

Result<const Incident*> Decision::incident(IncidentId id, std::string_view field) const {
  const Incident* found = state_.find(id);
  if (found == nullptr) {
    return Error(Errc::kNotFound, "incident " + to_string(id) + " does not exist",
                 std::string(field));
  }
  return found;
}

Result<const Order*> Decision::order(OrderId id, std::string_view field) const {
  const Order* found = state_.find(id);
  if (found == nullptr) {
    return Error(Errc::kNotFound, "order " + to_string(id) + " does not exist", std::string(field));
  }
  return found;
}

Result<const Unit*> Decision::unit(std::string_view id, std::string_view field) const {
  const Unit* found = state_.find_unit(id);
  if (found == nullptr) {
    return Error(Errc::kNotFound, "unit " + std::string(id) + " is not registered", std::string(field));
  }
  return found;
}

void Decision::emit(std::string_view type, std::vector<std::string> entities,
                    nlohmann::json payload) {
  if (const auto bad = invalid_text_field(payload, ""); !bad.empty()) {
    if (!text_error_) {
      text_error_ = Error(Errc::kInvalidArgument, "field " + bad + " is not valid UTF-8 text", bad);
    }
    return;
  }
  store::EventDraft draft;
  draft.time = now_;
  draft.actor = actor_;
  draft.type = std::string(type);
  draft.entities = std::move(entities);
  draft.payload = payload.dump();
  drafts_.push_back(std::move(draft));
}

}  // namespace shouwang::cad
