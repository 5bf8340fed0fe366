// The recommendation's JSON, written as text (base/json_text.h): a console asks for it
// several times a minute per open incident, and the tree a nlohmann::json would build
// first cost more than the ranking itself. recommendation_json() parses that text, so both
// forms come from one writer.

#include <algorithm>
#include <cmath>
#include <variant>

#include <nlohmann/json.hpp>

#include <shouwang/base/json_text.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/record_id.h>

namespace shouwang::cad {
namespace {

void write_position(JsonText& w, LatLon p) {
  w.begin_object().key("lat").number(p.lat).key("lon").number(p.lon).end_object();
}

std::int64_t rounded(double v) {
  return std::llround(v);
}

struct ParamWriter {
  JsonText& w;
  void operator()(std::int64_t n) const { w.number(n); }
  void operator()(double x) const { w.number(x); }
  void operator()(bool b) const { w.boolean(b); }
  void operator()(const std::string& s) const { w.string(s); }
  void operator()(const std::vector<std::string>& list) const {
    w.begin_array();
    for (const auto& item : list)
      w.string(item);
    w.end_array();
  }
};

// The members of a reason, inside an object the caller opened.
void write_reason_members(JsonText& w, const Reason& reason) {
  w.key("code").string(reason.code).key("params").begin_object();
  for (const auto& p : reason.params) {
    w.key(p.name);
    std::visit(ParamWriter{w}, p.value);
  }
  w.end_object().key("text").string(reason.text);
}

void write_ranked(JsonText& w, const RankedUnit& r) {
  w.begin_object();
  w.key("rank").number(std::int64_t{r.rank});
  w.key("unit").string(r.unit);
  w.key("station").string(r.station);
  w.key("eta_s").number(rounded(r.eta.value()));
  w.key("ranking_s").number(r.ranking_s);
  w.key("distance_m").number(rounded(r.straight_line.value()));
  w.key("origin").string(to_string(r.origin));
  w.key("origin_position");
  write_position(w, r.origin_position);
  w.key("fix_age_s");
  if (r.fix_age)
    w.number(rounded(r.fix_age->value()));
  else
    w.null();
  w.key("conditional").boolean(r.conditional);
  w.key("own_station").boolean(r.own_station);
  w.key("reasons").begin_array();
  for (const auto& reason : r.reasons) {
    w.begin_object();
    write_reason_members(w, reason);
    w.end_object();
  }
  w.end_array().end_object();
}

void write_pick(JsonText& w, const CapabilityPick& pick) {
  w.begin_object().key("capability").string(pick.capability);
  if (pick.unit)
    w.key("unit").string(*pick.unit).key("eta_s").number(rounded(pick.eta.value()));
  else
    w.key("unit").null().key("eta_s").null();
  w.end_object();
}

}  // namespace

std::string recommendation_text(const Recommendation& rec, const RecommendationView& view) {
  JsonText w;
  w.begin_object();
  w.key("incident").string(to_string(rec.incident));
  w.key("type").string(rec.type_code);
  w.key("target");
  write_position(w, rec.target);
  w.key("station").string(rec.station);
  w.key("required_capabilities").begin_array();
  for (const auto& c : rec.required)
    w.string(c);
  w.end_array();
  w.key("capabilities_from").string(to_string(rec.capabilities_from));
  w.key("at").string(rec.at.to_iso8601());

  w.key("ranked").begin_array();
  for (std::size_t i = 0; i < rec.ranked.size() && i < view.ranked_limit; ++i)
    write_ranked(w, rec.ranked[i]);
  w.end_array();
  w.key("ranked_total").number(static_cast<std::int64_t>(rec.ranked_total));

  // Listed: every unit left out for a reason about this incident; counted: all of them.
  std::vector<std::pair<Exclusion, std::int64_t>> counts;
  w.key("excluded").begin_array();
  for (const auto& e : rec.excluded) {
    auto count = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& c) { return c.first == e.code; });
    if (count == counts.end())
      counts.emplace_back(e.code, 1);
    else
      ++count->second;
    const bool at_home = e.code == Exclusion::kOffDuty || e.code == Exclusion::kRetired;
    if (at_home && !view.list_off_duty)
      continue;
    w.begin_object().key("unit").string(e.unit);
    write_reason_members(w, e.reason);
    w.end_object();
  }
  w.end_array();
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return to_string(a.first) < to_string(b.first); });
  w.key("excluded_counts").begin_object();
  for (const auto& [code, n] : counts)
    w.key(to_string(code)).number(n);
  w.end_object();

  w.key("by_capability").begin_array();
  for (const auto& p : rec.by_capability)
    write_pick(w, p);
  w.end_array();
  w.end_object();
  return w.take();
}

nlohmann::json recommendation_json(const Recommendation& rec, const RecommendationView& view) {
  return nlohmann::json::parse(recommendation_text(rec, view));
}

}  // namespace shouwang::cad
