#include <shouwang/server/telemetry/verdict.h>

#include <numeric>

namespace shouwang::server::telemetry {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kAccepted: return "accepted";
    case Verdict::kReanchored: return "reanchored";
    case Verdict::kDuplicate: return "duplicate";
    case Verdict::kOutOfOrder: return "out_of_order";
    case Verdict::kLate: return "late";
    case Verdict::kFuture: return "future";
    case Verdict::kTooFast: return "too_fast";
    case Verdict::kOffMap: return "off_map";
    case Verdict::kMalformed: return "malformed";
    case Verdict::kUnknownUnit: return "unknown_unit";
  }
  return "unknown";
}

std::uint64_t VerdictCounts::total() const {
  return std::accumulate(by_verdict.begin(), by_verdict.end(), std::uint64_t{0});
}

}  // namespace shouwang::server::telemetry
