#pragma once
// Incident, call, dispatch-order and early-warning ids. Each id embeds the centre's 6-digit
// administrative-division code, the centre's local calendar day and a per-day serial, so
// ids never collide across centres and people can read them:
//
//   incident  310100-20261122-000123
//   call      310100-20261122-C000045
//   order     310100-20261122-D000017
//   warning   310100-20261122-W000003
//
// The 64-bit strong id packs the same three numbers; packed ids sort by (division, day,
// serial), so the last id of a day is found by one ordered-map lookup:
//
//   bit 63 ......... 44 43 ........ 28 27 ............ 0
//       division code    local day        serial
//       (0..999999)      (days since      (1..999999)
//                         1970-01-01)

#include <cstdint>
#include <string>
#include <string_view>

#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>

namespace shouwang::cad {

inline constexpr std::uint32_t kMaxDivisionCode = 999'999;
inline constexpr std::uint32_t kMaxDailySerial = 999'999;
inline constexpr std::int32_t kMaxLocalDay = 0xFFFF;  // 2149-06-06

// The parts of an id. Valid when division <= kMaxDivisionCode, 0 <= day <= kMaxLocalDay
// and 1 <= serial <= kMaxDailySerial.
struct RecordNumber {
  std::uint32_t division = 0;
  std::int32_t day = 0;  // the centre's local calendar day, in days since 1970-01-01
  std::uint32_t serial = 0;
  friend bool operator==(const RecordNumber&, const RecordNumber&) = default;
};

[[nodiscard]] bool is_valid(const RecordNumber& number);

// Packing. Precondition: is_valid(number).
IncidentId make_incident_id(const RecordNumber& number);
CallId make_call_id(const RecordNumber& number);
OrderId make_order_id(const RecordNumber& number);
WarningId make_warning_id(const RecordNumber& number);

// Unpacking. Precondition: the id is valid.
RecordNumber record_number(IncidentId id);
RecordNumber record_number(CallId id);
RecordNumber record_number(OrderId id);
RecordNumber record_number(WarningId id);

// The smallest packed value of (division, day): ids of that day are in [first, first of
// the next day). Used to find the last serial of a day.
std::uint64_t first_packed_of_day(std::uint32_t division, std::int32_t day);

// Text forms (see above). An invalid id prints as "-".
std::string to_string(IncidentId id);
std::string to_string(CallId id);
std::string to_string(OrderId id);
std::string to_string(WarningId id);

// Parse the text forms; anything else is kInvalidArgument naming `field`.
Result<IncidentId> parse_incident_id(std::string_view text, std::string_view field = "incident");
Result<CallId> parse_call_id(std::string_view text, std::string_view field = "call");
Result<OrderId> parse_order_id(std::string_view text, std::string_view field = "order");
Result<WarningId> parse_warning_id(std::string_view text, std::string_view field = "warning");

}  // namespace shouwang::cad
