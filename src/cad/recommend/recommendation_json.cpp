#include <shouwang/cad/recommendation.h>

#include <cmath>
#include <variant>

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>

namespace shouwang::cad {
namespace {

using nlohmann::json;

json position_json(LatLon p) {
  return {{"lat", p.lat}, {"lon", p.lon}};
}

std::int64_t rounded(double v) {
  return std::llround(v);
}

json reason_json(const Reason& reason) {
  json params = json::object();
  for (const auto& p : reason.params)
    std::visit([&](const auto& v) { params[p.name] = v; }, p.value);
  return {{"code", reason.code}, {"params", std::move(params)}, {"text", reason.text}};
}

json ranked_json(const RankedUnit& r) {
  json reasons = json::array();
  for (const auto& reason : r.reasons)
    reasons.push_back(reason_json(reason));
  json out{{"rank", r.rank},
           {"unit", r.unit},
           {"station", r.station},
           {"eta_s", rounded(r.eta.value())},
           {"ranking_s", r.ranking_s},
           {"distance_m", rounded(r.straight_line.value())},
           {"origin", to_string(r.origin)},
           {"origin_position", position_json(r.origin_position)},
           {"fix_age_s", nullptr},
           {"conditional", r.conditional},
           {"own_station", r.own_station},
           {"reasons", std::move(reasons)}};
  if (r.fix_age)
    out["fix_age_s"] = rounded(r.fix_age->value());
  return out;
}

json excluded_json(const ExcludedUnit& e) {
  json out = reason_json(e.reason);
  out["unit"] = e.unit;
  return out;
}

json pick_json(const CapabilityPick& pick) {
  json out{{"capability", pick.capability}, {"unit", nullptr}, {"eta_s", nullptr}};
  if (pick.unit) {
    out["unit"] = *pick.unit;
    out["eta_s"] = rounded(pick.eta.value());
  }
  return out;
}

}  // namespace

json recommendation_json(const Recommendation& rec, const RecommendationView& view) {
  json ranked = json::array();
  for (std::size_t i = 0; i < rec.ranked.size() && i < view.ranked_limit; ++i)
    ranked.push_back(ranked_json(rec.ranked[i]));
  json excluded = json::array();
  json counts = json::object();
  for (const auto& e : rec.excluded) {
    json& count = counts[std::string(to_string(e.code))];
    count = count.is_null() ? 1 : count.get<std::int64_t>() + 1;
    const bool at_home = e.code == Exclusion::kOffDuty || e.code == Exclusion::kRetired;
    if (!at_home || view.list_off_duty) excluded.push_back(excluded_json(e));
  }
  json picks = json::array();
  for (const auto& p : rec.by_capability)
    picks.push_back(pick_json(p));
  return {{"incident", to_string(rec.incident)},
          {"type", rec.type_code},
          {"target", position_json(rec.target)},
          {"station", rec.station},
          {"required_capabilities", rec.required},
          {"capabilities_from", to_string(rec.capabilities_from)},
          {"at", rec.at.to_iso8601()},
          {"ranked", std::move(ranked)},
          {"ranked_total", rec.ranked.size()},
          {"excluded", std::move(excluded)},
          {"excluded_counts", std::move(counts)},
          {"by_capability", std::move(picks)}};
}

}  // namespace shouwang::cad
