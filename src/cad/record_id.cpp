#include <cassert>
#include <charconv>
#include <cstdio>
#include <string>

#include <shouwang/base/clock.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::cad {
namespace {

constexpr int kSerialBits = 28;
constexpr int kDayBits = 16;
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

std::uint64_t pack(const RecordNumber& n) {
  assert(is_valid(n));
  return (std::uint64_t{n.division} << (kDayBits + kSerialBits)) |
         (static_cast<std::uint64_t>(n.day) << kSerialBits) | std::uint64_t{n.serial};
}

RecordNumber unpack(std::uint64_t packed) {
  RecordNumber n;
  n.serial = static_cast<std::uint32_t>(packed & ((std::uint64_t{1} << kSerialBits) - 1));
  n.day = static_cast<std::int32_t>((packed >> kSerialBits) & ((std::uint64_t{1} << kDayBits) - 1));
  n.division = static_cast<std::uint32_t>(packed >> (kDayBits + kSerialBits));
  return n;
}

// "310100-20261122-" followed by the kind letter (none for incidents) and 6 digits.
std::string format(const RecordNumber& n, std::string_view kind_letter) {
  const std::string date =
      UtcTime::from_micros(std::int64_t{n.day} * kMicrosPerDay).to_iso8601().substr(0, 10);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%06u-%.4s%.2s%.2s-%.*s%06u", n.division, date.c_str(),
                date.c_str() + 5, date.c_str() + 8, static_cast<int>(kind_letter.size()),
                kind_letter.data(), n.serial);
  return buffer;
}

bool all_digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return !s.empty();
}

std::uint32_t to_number(std::string_view digits) {
  std::uint32_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

Result<RecordNumber> parse(std::string_view text, std::string_view kind_letter,
                           std::string_view what, std::string_view field) {
  const std::string example = "310100-20261122-" + std::string(kind_letter) + "000123";
  const auto bad = [&](std::string_view why) {
    return Error(Errc::kInvalidArgument,
                 std::string(what) + " id '" + std::string(text) + "' " + std::string(why) +
                     "; expected the form " + example,
                 std::string(field));
  };
  if (text.size() != example.size())
    return bad("has the wrong length");
  const std::string_view division = text.substr(0, 6);
  const std::string_view date = text.substr(7, 8);
  const std::string_view letter = text.substr(16, kind_letter.size());
  const std::string_view serial = text.substr(16 + kind_letter.size());
  if (text[6] != '-' || text[15] != '-' || letter != kind_letter || !all_digits(division) ||
      !all_digits(date) || !all_digits(serial)) {
    return bad("is malformed");
  }
  const std::string iso = std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2)) +
                          "-" + std::string(date.substr(6, 2)) + "T00:00:00Z";
  const auto midnight = UtcTime::parse_iso8601(iso);
  if (!midnight.ok() || midnight->micros() < 0)
    return bad("has an impossible date");
  RecordNumber n;
  n.division = to_number(division);
  n.day = static_cast<std::int32_t>(midnight->micros() / kMicrosPerDay);
  n.serial = to_number(serial);
  if (!is_valid(n))
    return bad("is out of range (serial 000001..999999, year 1970..2149)");
  return n;
}

}  // namespace

bool is_valid(const RecordNumber& n) {
  return n.division <= kMaxDivisionCode && n.day >= 0 && n.day <= kMaxLocalDay && n.serial >= 1 &&
         n.serial <= kMaxDailySerial;
}

IncidentId make_incident_id(const RecordNumber& number) {
  return IncidentId(pack(number));
}
CallId make_call_id(const RecordNumber& number) {
  return CallId(pack(number));
}
OrderId make_order_id(const RecordNumber& number) {
  return OrderId(pack(number));
}
WarningId make_warning_id(const RecordNumber& number) {
  return WarningId(pack(number));
}

RecordNumber record_number(IncidentId id) {
  return unpack(id.value());
}
RecordNumber record_number(CallId id) {
  return unpack(id.value());
}
RecordNumber record_number(OrderId id) {
  return unpack(id.value());
}
RecordNumber record_number(WarningId id) {
  return unpack(id.value());
}

std::uint64_t first_packed_of_day(std::uint32_t division, std::int32_t day) {
  return (std::uint64_t{division} << (kDayBits + kSerialBits)) |
         (static_cast<std::uint64_t>(day) << kSerialBits);
}

std::string to_string(IncidentId id) {
  return id.valid() ? format(unpack(id.value()), "") : "-";
}
std::string to_string(CallId id) {
  return id.valid() ? format(unpack(id.value()), "C") : "-";
}
std::string to_string(OrderId id) {
  return id.valid() ? format(unpack(id.value()), "D") : "-";
}
std::string to_string(WarningId id) {
  return id.valid() ? format(unpack(id.value()), "W") : "-";
}

Result<IncidentId> parse_incident_id(std::string_view text, std::string_view field) {
  auto n = parse(text, "", "incident", field);
  if (!n.ok())
    return n.error();
  return make_incident_id(*n);
}

Result<CallId> parse_call_id(std::string_view text, std::string_view field) {
  auto n = parse(text, "C", "call", field);
  if (!n.ok())
    return n.error();
  return make_call_id(*n);
}

Result<OrderId> parse_order_id(std::string_view text, std::string_view field) {
  auto n = parse(text, "D", "order", field);
  if (!n.ok())
    return n.error();
  return make_order_id(*n);
}

Result<WarningId> parse_warning_id(std::string_view text, std::string_view field) {
  auto n = parse(text, "W", "warning", field);
  if (!n.ok())
    return n.error();
  return make_warning_id(*n);
}

}  // namespace shouwang::cad
