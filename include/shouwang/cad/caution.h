#pragma once
// Cautions (警示信息) and notes: what every unit must know before arriving, and the
// incident's running narrative. Both are append-only; a later caution of the same kind
// supersedes the count of an earlier one without erasing it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>

namespace shouwang::cad {

enum class CautionKind : std::uint8_t {
  kArmed,           // weapons involved (持械); count = armed persons, 0 if unknown
  kHazardousGoods,  // hazardous goods (危险品)
  kInjured,         // count = injured persons
  kTrapped,         // count = trapped persons
  kOther,
};

std::string_view to_string(CautionKind kind);
std::optional<CautionKind> parse_caution_kind(std::string_view name);

struct Caution {
  CautionKind kind = CautionKind::kOther;
  int count = 0;  // >= 0
  std::string detail;
  UtcTime at;
  std::string by;
  friend bool operator==(const Caution&, const Caution&) = default;
};

// The current picture: flags set by any caution of the kind, counts from the latest.
struct CautionSummary {
  bool armed = false;
  bool hazardous_goods = false;
  int injured = 0;
  int trapped = 0;
  friend bool operator==(const CautionSummary&, const CautionSummary&) = default;
};

CautionSummary summarize(const std::vector<Caution>& cautions);

struct Note {
  std::string text;
  UtcTime at;
  std::string author;
  friend bool operator==(const Note&, const Note&) = default;
};

}  // namespace shouwang::cad
