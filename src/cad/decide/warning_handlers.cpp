// Early-warning directives (warning.h): raised by the server's daily scan, acknowledged by
// the area's station.

#include <algorithm>
#include <cmath>

#include <shouwang/cad/code_text.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/cad/reporting_group.h>

#include "cad/codec/record_codec.h"
#include "cad/decide/handlers.h"

namespace shouwang::cad {
namespace {

bool is_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return false;
  return UtcTime::parse_iso8601(std::string(text) + "T00:00:00Z").ok();
}

bool is_type_prefix(std::string_view code, std::size_t digits) {
  return code.size() == digits &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status check_subject(const WarningSubject& s) {
  if (!is_day(s.day))
    return Error(Errc::kInvalidArgument, "the day is YYYY-MM-DD, not '" + s.day + "'",
                 "subject.day");
  if (s.level != "station" && s.level != "district")
    return Error(Errc::kInvalidArgument, "the level is station or district, not '" + s.level + "'",
                 "subject.level");
  if (!is_code(s.area))
    return Error(Errc::kInvalidArgument, "the area is an org code, not '" + s.area + "'",
                 "subject.area");
  const bool known = (s.kind == "group" && parse_reporting_group(s.code).has_value()) ||
                     (s.kind == "type_level1" && is_type_prefix(s.code, 2)) ||
                     (s.kind == "type_level2" && is_type_prefix(s.code, 4));
  if (s.kind != "group" && s.kind != "type_level1" && s.kind != "type_level2")
    return Error(Errc::kInvalidArgument,
                 "the kind is group, type_level1 or type_level2, not '" + s.kind + "'",
                 "subject.kind");
  if (!known)
    return Error(Errc::kInvalidArgument, "'" + s.code + "' is not a " + s.kind + " code",
                 "subject.code");
  return {};
}

Status check_evidence(const std::vector<WarningEvidence>& evidence) {
  if (evidence.empty())
    return Error(Errc::kInvalidArgument, "a warning needs the evidence of at least one method",
                 "evidence");
  for (std::size_t k = 0; k < evidence.size(); ++k) {
    const WarningEvidence& e = evidence[k];
    const std::string at = "evidence[" + std::to_string(k) + "]";
    if (e.method != "ears_c1" && e.method != "ears_c2" && e.method != "ears_c3" &&
        e.method != "historical_limits")
      return Error(Errc::kInvalidArgument, "unknown method '" + e.method + "'", at + ".method");
    for (const double v : {e.count, e.baseline_mean, e.baseline_sd, e.statistic, e.threshold}) {
      if (!std::isfinite(v) || v < -1e12 || v > 1e12)
        return Error(Errc::kInvalidArgument, "the figures must be finite numbers", at);
    }
    if (!is_day(e.baseline_first) || !is_day(e.baseline_last) || e.baseline_first > e.baseline_last)
      return Error(Errc::kInvalidArgument, "the baseline is two days, first <= last",
                   at + ".baseline_first");
  }
  return {};
}

}  // namespace

Status handle(Decision& d, const RaiseWarning& c) {
  if (Status ok = check_subject(c.subject); !ok)
    return ok;
  if (Status ok = check_evidence(c.evidence); !ok)
    return ok;
  for (const auto& [id, w] : d.state().warnings) {
    if (w.subject == c.subject)
      return Error(Errc::kConflict,
                   "warning " + to_string(id) + " already reports this day, area and subject",
                   "subject");
  }
  auto id = d.new_warning_id();
  if (!id.ok())
    return id.error();
  d.emit(event_type::kWarningRaised, {to_string(*id)},
         {{"warning_id", to_string(*id)},
          {"subject", encode(c.subject)},
          {"evidence", encode(c.evidence)}});
  return {};
}

Status handle(Decision& d, const AcknowledgeWarning& c) {
  const Warning* w = d.state().find(c.warning);
  if (w == nullptr)
    return Error(Errc::kNotFound, "warning " + to_string(c.warning) + " does not exist", "warning");
  if (is_acknowledged(*w))
    return Error(Errc::kConflict,
                 "warning " + to_string(c.warning) + " was acknowledged by " + w->acknowledged_by +
                     " at " + w->acknowledged_at->to_iso8601(),
                 "warning");
  if (c.response.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error(Errc::kInvalidArgument, "say what the station will do about the warning",
                 "response");
  d.emit(event_type::kWarningAcknowledged, {to_string(c.warning)},
         {{"warning_id", to_string(c.warning)}, {"response", c.response}});
  return {};
}

}  // namespace shouwang::cad
