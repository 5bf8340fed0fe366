#include <array>

#include <shouwang/cad/caution.h>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<CautionKind>, 5> kNames{{
    {CautionKind::kArmed, "armed"},
    {CautionKind::kHazardousGoods, "hazardous_goods"},
    {CautionKind::kInjured, "injured"},
    {CautionKind::kTrapped, "trapped"},
    {CautionKind::kOther, "other"},
}};

}  // namespace

std::string_view to_string(CautionKind kind) {
  return name_in<CautionKind>(kNames, kind);
}

std::optional<CautionKind> parse_caution_kind(std::string_view name) {
  return value_in<CautionKind>(kNames, name);
}

CautionSummary summarize(const std::vector<Caution>& cautions) {
  CautionSummary summary;
  for (const auto& caution : cautions) {
    switch (caution.kind) {
      case CautionKind::kArmed:
        summary.armed = true;
        break;
      case CautionKind::kHazardousGoods:
        summary.hazardous_goods = true;
        break;
      case CautionKind::kInjured:
        summary.injured = caution.count;
        break;
      case CautionKind::kTrapped:
        summary.trapped = caution.count;
        break;
      case CautionKind::kOther:
        break;
    }
  }
  return summary;
}

}  // namespace shouwang::cad
