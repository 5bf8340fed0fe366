#include "cad/recommend/reasons.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include <shouwang/cad/record_id.h>

namespace shouwang::cad::recommend_detail {
namespace {

std::string two_digits(std::int64_t n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(n));
  return buf;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty())
      out += ", ";
    out += item;
  }
  return out;
}

template <typename Id>
std::vector<std::string> id_texts(const std::vector<Id>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const Id id : ids)
    out.push_back(to_string(id));
  return out;
}

// "order X" / "orders X, Y"
std::string counted(std::string_view noun, const std::vector<std::string>& items) {
  return std::string(noun) + (items.size() == 1 ? " " : "s ") + joined(items);
}

// "from live position (fix 12 s old)", "from home post (no live fix)" …
std::string origin_clause(OriginKind kind, std::optional<Seconds> fix_age) {
  if (kind == OriginKind::kLivePosition)
    return "from live position (fix " + duration_text(fix_age.value_or(Seconds(0))) + " old)";
  if (fix_age)
    return "from home post (live fix " + duration_text(*fix_age) + " old is stale)";
  return "from home post (no live fix)";
}

void add_origin_params(Reason& reason, OriginKind kind, std::optional<Seconds> fix_age) {
  reason.params.push_back({"origin", std::string(to_string(kind))});
  if (fix_age)
    reason.params.push_back({"fix_age_s", whole_seconds(*fix_age)});
}

Reason eta_reason(std::string code, const RankedUnit& unit) {
  Reason r{std::move(code), {{"eta_s", whole_seconds(unit.eta)}}, {}};
  add_origin_params(r, unit.origin, unit.fix_age);
  return r;
}

}  // namespace

std::int64_t whole_seconds(Seconds duration) {
  return std::llround(std::max(0.0, duration.value()));
}

std::string duration_text(Seconds duration) {
  const std::int64_t s = whole_seconds(duration);
  if (s < 60)
    return std::to_string(s) + " s";
  if (s < 3600)
    return std::to_string(s / 60) + " min " + two_digits(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + two_digits(s / 60 % 60) + " min " + two_digits(s % 60) +
         " s";
}

Reason fastest(const RankedUnit& unit) {
  Reason r = eta_reason("fastest", unit);
  r.text = "fastest by road: ETA " + duration_text(unit.eta) + " " +
           origin_clause(unit.origin, unit.fix_age);
  return r;
}

Reason eta(const RankedUnit& unit) {
  Reason r = eta_reason("eta", unit);
  r.text =
      "ETA " + duration_text(unit.eta) + " by road " + origin_clause(unit.origin, unit.fix_age);
  return r;
}

Reason ranks_below(const RankedUnit& above, RankDecider by) {
  Reason r{"ranks_below", {{"unit", above.unit}, {"eta_s", whole_seconds(above.eta)}}, {}};
  const Seconds ranking(static_cast<double>(above.ranking_s));
  switch (by) {
    case RankDecider::kEta:
      r.params.push_back({"by", std::string("eta")});
      r.text = "ranks below " + above.unit + " (ETA " + duration_text(above.eta);
      if (above.conditional)
        r.text += ", " + duration_text(ranking) + " with its conditional penalty";
      r.text += ")";
      break;
    case RankDecider::kOwnStation:
      r.params.push_back({"by", std::string("own_station")});
      r.text = "ranks below " + above.unit + " (tied at " + duration_text(ranking) + "; " +
               above.unit + " is of the responsible station)";
      break;
    case RankDecider::kCallsign:
      r.params.push_back({"by", std::string("callsign")});
      r.text =
          "ranks below " + above.unit + " (tied at " + duration_text(ranking) + "; callsign order)";
      break;
  }
  if (above.conditional)
    r.params.push_back({"above_conditional", true});
  return r;
}

Reason conditional(std::string_view status_reason, Seconds penalty) {
  Reason r{"conditional",
           {{"reason", std::string(status_reason)}, {"penalty_s", whole_seconds(penalty)}},
           "conditionally available"};
  if (!status_reason.empty())
    r.text += " (" + std::string(status_reason) + ")";
  r.text += ": +" + std::to_string(whole_seconds(penalty)) + " s for ranking";
  return r;
}

Reason own_station(std::string_view station) {
  return {"own_station",
          {{"station", std::string(station)}},
          "own station: of the responsible station " + std::string(station)};
}

Reason retired() {
  return {"retired", {}, "retired: no longer in service"};
}

Reason off_duty() {
  return {"off_duty", {}, "off duty: not on shift"};
}

Reason emergency(const UnitEmergency& alarm) {
  Reason r{"emergency",
           {{"raised_at", alarm.raised_at.to_iso8601()}, {"raised_by", alarm.raised_by}},
           "officer emergency raised " + alarm.raised_at.to_iso8601()};
  if (!alarm.note.empty()) {
    r.params.push_back({"note", alarm.note});
    r.text += " (" + alarm.note + ")";
  }
  r.text += ": not recommended until it is cleared";
  return r;
}

Reason already_assigned(const std::vector<OrderId>& orders) {
  const auto ids = id_texts(orders);
  return {"already_assigned",
          {{"orders", ids}},
          "already assigned to this incident (" + counted("order", ids) + ")"};
}

Reason out_of_service(std::string_view why, std::optional<UtcTime> expected_return) {
  Reason r{"out_of_service", {{"reason", std::string(why)}}, "out of service"};
  if (!why.empty())
    r.text += " (" + std::string(why) + ")";
  if (expected_return) {
    r.params.push_back({"expected_return", expected_return->to_iso8601()});
    r.text += ", expected back " + expected_return->to_iso8601();
  } else {
    r.text += ", no expected return given";
  }
  return r;
}

Reason busy(UnitStatus status, const std::vector<OrderId>& orders,
            const std::vector<IncidentId>& incidents) {
  const auto order_ids = id_texts(orders);
  const auto incident_ids = id_texts(incidents);
  Reason r{"busy",
           {{"status", std::string(to_string(status))},
            {"orders", order_ids},
            {"incidents", incident_ids}},
           "busy: " + std::string(to_string(status))};
  if (!order_ids.empty()) {
    r.text += " (" + counted("order", order_ids);
    if (!incident_ids.empty())
      r.text += " for " + counted("incident", incident_ids);
    r.text += ")";
  }
  return r;
}

Reason lacks_capability(const std::vector<std::string>& missing) {
  return {"lacks_capability",
          {{"missing", missing}},
          std::string(missing.size() == 1 ? "lacks capability " : "lacks capabilities ") +
              joined(missing)};
}

Reason no_position(std::optional<Seconds> stale_fix_age) {
  if (!stale_fix_age)
    return {"no_position", {}, "no position: no live fix and no home post"};
  return {"no_position",
          {{"fix_age_s", whole_seconds(*stale_fix_age)}},
          "no position: the last fix is " + duration_text(*stale_fix_age) +
              " old (stale) and there is no home post"};
}

Reason unreachable(const Origin& origin, TravelOutcome outcome, std::optional<Seconds> fix_age) {
  Reason r{"unreachable", {{"outcome", std::string(to_string(outcome))}}, {}};
  add_origin_params(r, origin.kind, fix_age);
  const std::string where =
      origin.kind == OriginKind::kLivePosition ? "live position" : "home post";
  r.text = outcome == TravelOutcome::kOffRoad
               ? "unreachable: its " + where + " is off the road map"
               : "unreachable: no road route from its " + where + " to the incident";
  return r;
}

}  // namespace shouwang::cad::recommend_detail
