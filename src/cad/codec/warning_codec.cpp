#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {

using nlohmann::json;

json encode(const WarningSubject& subject) {
  return {{"day", subject.day},
          {"level", subject.level},
          {"area", subject.area},
          {"kind", subject.kind},
          {"code", subject.code}};
}

json encode(const std::vector<WarningEvidence>& evidence) {
  json out = json::array();
  for (const WarningEvidence& e : evidence) {
    out.push_back({{"method", e.method},
                   {"count", e.count},
                   {"baseline_mean", e.baseline_mean},
                   {"baseline_sd", e.baseline_sd},
                   {"baseline_first", e.baseline_first},
                   {"baseline_last", e.baseline_last},
                   {"statistic", e.statistic},
                   {"threshold", e.threshold}});
  }
  return out;
}

WarningSubject decode_warning_subject(const FieldReader& in) {
  return {in.string("day"), in.string("level"), in.string("area"), in.string("kind"),
          in.string("code")};
}

std::vector<WarningEvidence> decode_warning_evidence(const FieldReader& in, std::string_view key) {
  std::vector<WarningEvidence> evidence;
  const auto& items = in.array(key);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const FieldReader item(items[k], in.path_of(key) + "[" + std::to_string(k) + "]");
    evidence.push_back({item.string("method"), item.number("count"), item.number("baseline_mean"),
                        item.number("baseline_sd"), item.string("baseline_first"),
                        item.string("baseline_last"), item.number("statistic"),
                        item.number("threshold")});
  }
  return evidence;
}

json encode(const Warning& warning) {
  json out = {{"id", to_string(warning.id)},
              {"subject", encode(warning.subject)},
              {"evidence", encode(warning.evidence)},
              {"raised_by", warning.raised_by},
              {"acknowledged_by", warning.acknowledged_by},
              {"response", warning.response}};
  put_time(out, "raised_at", warning.raised_at);
  put_time(out, "acknowledged_at", warning.acknowledged_at);
  out["status"] = is_acknowledged(warning) ? "acknowledged" : "raised";
  return out;
}

Warning decode_warning(const FieldReader& in) {
  Warning w;
  auto id = parse_warning_id(in.string("id"), "id");
  if (!id.ok())
    in.fail("id", id.error().message);
  w.id = *id;
  w.subject = decode_warning_subject(in.object("subject"));
  w.evidence = decode_warning_evidence(in, "evidence");
  w.raised_at = in.time("raised_at");
  w.raised_by = in.string_or_empty("raised_by");
  w.acknowledged_at = in.optional_time("acknowledged_at");
  w.acknowledged_by = in.string_or_empty("acknowledged_by");
  w.response = in.string_or_empty("response");
  return w;
}

}  // namespace shouwang::cad
