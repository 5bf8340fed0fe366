#include "cad/random_commands.h"

#include <array>
#include <functional>
#include <string>
#include <vector>

#include <shouwang/cad/deadlines.h>

namespace shouwang::cad::testing {
namespace {

// An id that exists nowhere: serial 999999 of a fixed day.
IncidentId unknown_incident() {
  return IncidentId((std::uint64_t{310100} << 44) | 999'999);
}
OrderId unknown_order() {
  return OrderId((std::uint64_t{310100} << 44) | 999'999);
}
CallId unknown_call() {
  return CallId((std::uint64_t{310100} << 44) | 999'999);
}

template <typename Map, typename Pred>
typename Map::key_type pick(Rng& rng, const Map& records, Pred wanted,
                            typename Map::key_type unknown) {
  if (records.empty() || rng.bernoulli(0.03))
    return unknown;
  std::vector<typename Map::key_type> good;
  for (const auto& [id, record] : records) {
    if (wanted(record))
      good.push_back(id);
  }
  if (!good.empty() && rng.bernoulli(0.9)) {
    return good[static_cast<std::size_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(good.size()) - 1))];
  }
  auto it = records.begin();
  std::advance(it, rng.uniform_int(0, static_cast<std::int64_t>(records.size()) - 1));
  return it->first;
}

template <typename T>
const T& one_of(Rng& rng, const std::vector<T>& items) {
  return items[static_cast<std::size_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(items.size()) - 1))];
}

std::string maybe_empty(Rng& rng, const std::string& text) {
  return rng.bernoulli(0.04) ? std::string() : text;
}

OrderTarget random_target(Rng& rng, bool allow_station) {
  const std::vector<OrderTarget> pool = {
      {TargetKind::kStation, "310101520000", "南京东路派出所"},
      {TargetKind::kStation, "310101530000", "外滩派出所"},
      {TargetKind::kUnit, "沪A-巡01", ""},
      {TargetKind::kUnit, "沪A-巡02", ""},
      {TargetKind::kUnit, "沪A-巡03", ""},
      {TargetKind::kUnit, "A-01", "巡逻一车"},
      {TargetKind::kUnit, "A-02", ""},
      {TargetKind::kUnit, "A-03", ""},
      {TargetKind::kOfficer, "012345", "张伟"},
      {TargetKind::kOfficer, "012346", "李娜"},
      {TargetKind::kVehicle, "沪A·1234警", ""},
  };
  // Stations get a third of the orders, as in a centre that dispatches through them.
  OrderTarget target =
      allow_station && rng.bernoulli(0.35) ? pool[rng.bernoulli(0.5) ? 0 : 1] : one_of(rng, pool);
  while (!allow_station && target.kind == TargetKind::kStation)
    target = one_of(rng, pool);
  if (rng.bernoulli(0.02))
    target.id.clear();
  return target;
}

bool open_incident(const Incident& i) {
  return is_open(i.status);
}
bool open_order(const Order& o) {
  return is_open(o.status);
}

}  // namespace

Command RandomCommands::next(const State& state, UtcTime now) {
  const double roll = rng_.uniform01();
  if (roll < 0.40)
    return order_command(state);
  if (roll < 0.70)
    return incident_command(state, now);
  if (roll < 0.82)
    return unit_command(state, now);
  if (roll < 0.86)
    return deadline_command(state, now);
  if (roll < 0.89)
    return warning_command(state);
  if (roll < 0.93)
    return circle_command(state);
  return any_command(state, now);
}

// A handful of sites and posts registered, edited and retired, and coverage gaps opened
// and closed on them, with the occasional bad tier, code or unknown record.
Command RandomCommands::circle_command(const State& state) {
  const std::string site = "S-0" + std::to_string(rng_.uniform_int(1, 4));
  const std::string post = "P-0" + std::to_string(rng_.uniform_int(1, 3));
  const int tiers[] = {60, 180, 300};
  SiteProfile sp{"第" + site + "小学", SiteType::kSchool, tiers[rng_.uniform_int(0, 2)], "991500-01-01",
                 LatLon{31.23 + 0.01 * rng_.uniform01(), 121.47}, {}};
  if (rng_.bernoulli(0.3))
    sp.hours = {{420, 1080}};
  if (rng_.bernoulli(0.03))
    sp.tier_s = 120;
  PostProfile pp{"驻勤点 " + post, PostKind::kPost, "991500-01-01", LatLon{31.24, 121.48 + 0.01 * rng_.uniform01()}};
  switch (rng_.uniform_int(0, 7)) {
    case 0:
      return RegisterSite{rng_.bernoulli(0.03) ? "bad site!" : site, sp};
    case 1:
      return UpdateSite{site, sp};
    case 2:
      return RetireSite{site, maybe_empty(rng_, "学校搬迁 / school moved")};
    case 3:
      return RegisterPost{post, pp};
    case 4:
      return rng_.bernoulli(0.5) ? Command(UpdatePost{post, pp}) : Command(RetirePost{post, maybe_empty(rng_, "撤点")});
    case 5:
    case 6: {
      OpenCoverageGap c{site, rng_.bernoulli(0.5) ? "A-01" : "", std::nullopt};
      if (rng_.bernoulli(0.6))
        c.move_up = MoveUp{rng_.bernoulli(0.95) ? "A-02" : "nobody", post, 95.5, 2};
      return c;
    }
    default: {
      std::string gap_site = site;  // mostly one with an open gap, if any
      for (const auto& [id, s] : state.sites) {
        if (s.gap && rng_.bernoulli(0.8))
          gap_site = id;
      }
      return CloseCoverageGap{gap_site, rng_.bernoulli(0.5) ? "A-03" : ""};
    }
  }
}

// Raised for a few days, areas and subjects, so that repeats are refused as conflicts;
// acknowledged with the occasional empty response or unknown id.
Command RandomCommands::warning_command(const State& state) {
  if (!state.warnings.empty() && rng_.bernoulli(0.5)) {
    WarningId id = rng_.bernoulli(0.05) ? WarningId((std::uint64_t{310100} << 44) | 999'999)
                                        : std::next(state.warnings.begin(),
                                                    rng_.uniform_int(0, static_cast<int>(state.warnings.size()) - 1))
                                              ->first;
    return AcknowledgeWarning{id, rng_.bernoulli(0.05) ? " " : "加强巡逻 / extra patrols"};
  }
  WarningSubject subject{"2026-11-0" + std::to_string(rng_.uniform_int(1, 3)), "station",
                         rng_.bernoulli(0.5) ? "991500-01-01" : "991500-01-02", "group",
                         rng_.bernoulli(0.5) ? "robbery_snatching_theft" : "telecom_fraud"};
  if (rng_.bernoulli(0.03))
    subject.kind = "type_level9";
  WarningEvidence e{"ears_c2", 9, 2.5, 1.2, "2026-10-20", "2026-10-26", 5.4, 3};
  if (rng_.bernoulli(0.03))
    e.method = "guess";
  return RaiseWarning{subject, {e}};
}

// Short deadlines, so that runs of a few hundred steps miss plenty of them.
Command RandomCommands::deadline_command(const State& state, UtcTime now) {
  DeadlinePolicy policy;
  policy.sign_for_s = {30, 40, 50, 60};
  policy.arrival_s = {120, 150, 180, 240};
  policy.feedback_s = {120, 150, 180, 240};
  policy.pending_s = {30, 40, 50, 60};
  const auto found = due(state, policy, now);
  if (found.empty() || rng_.bernoulli(0.05)) {
    return RecordMissedDeadline{DeadlineKind::kSignFor, unknown_incident(), unknown_order(), now, {}};
  }
  const Deadline& d = one_of(rng_, found);
  RecordMissedDeadline c{d.kind, d.incident, d.order, d.due, {}};
  if (d.kind == DeadlineKind::kSignFor && rng_.bernoulli(0.5))
    c.offered_unit = rng_.bernoulli(0.97) ? "A-02" : "bad unit!";
  if (rng_.bernoulli(0.03))
    c.due = now.plus_micros(60'000'000);  // not due yet
  return c;
}

Command RandomCommands::unit_command(const State& state, UtcTime now) {
  const std::vector<std::string> callsigns = {"A-01", "A-02", "A-03", "A-04"};
  const auto unit_id = [&](auto wanted) -> std::string {
    if (rng_.bernoulli(0.03))
      return "Z-99";
    std::vector<std::string> good;
    for (const auto& [id, unit] : state.units) {
      if (wanted(unit))
        good.push_back(id);
    }
    if (!good.empty() && rng_.bernoulli(0.9))
      return one_of(rng_, good);
    return one_of(rng_, callsigns);
  };
  const auto profile = [&]() {
    UnitProfile p;
    p.name = "巡逻车";
    p.type = static_cast<UnitType>(rng_.uniform_int(0, 6));
    p.station = rng_.bernoulli(0.02) ? "bad station!" : (rng_.bernoulli(0.5) ? "991500-01-01" : "991500-01-02");
    p.capabilities = {"patrol"};
    if (rng_.bernoulli(0.4))
      p.capabilities.push_back(rng_.bernoulli(0.5) ? "traffic" : "water_rescue");
    if (rng_.bernoulli(0.02))
      p.capabilities.push_back("Bad Capability");
    p.equipment = {"防刺服", "执法记录仪"};
    if (rng_.bernoulli(0.6))
      p.home_post = LatLon{31.23 + rng_.uniform(-0.02, 0.02), 121.47 + rng_.uniform(-0.02, 0.02)};
    p.devices = {"GPS-" + std::to_string(rng_.uniform_int(100, 999))};
    return p;
  };
  const auto active = [](const Unit& u) { return !u.retired; };
  const auto off_duty = [](const Unit& u) { return !u.retired && u.status == UnitStatus::kOffDuty; };
  const auto idle = [](const Unit& u) { return !u.retired && on_duty(u.status) && u.orders.empty(); };
  switch (rng_.uniform_int(0, 9)) {
    case 0:
      return RegisterUnit{rng_.bernoulli(0.03) ? "bad id!" : one_of(rng_, callsigns), profile()};
    case 1:
      if (rng_.bernoulli(0.7))
        return UpdateUnit{unit_id(active), profile()};
      return RetireUnit{unit_id(off_duty), maybe_empty(rng_, "车辆报废")};
    case 2:
    case 3: {
      StartShift c{unit_id(off_duty), {"012345"}, "沪A·1234警", {"对讲机"}, "南京路步行街"};
      if (rng_.bernoulli(0.5))
        c.crew.push_back("012346");
      if (rng_.bernoulli(0.03))
        c.crew.clear();
      return c;
    }
    case 4:
      return EndShift{unit_id(idle)};
    case 5:
    case 6: {
      SetUnitStatus c{unit_id(idle), static_cast<UnitStatus>(rng_.uniform_int(0, 7)), "写报告", std::nullopt};
      if (rng_.bernoulli(0.5))
        c.status = rng_.bernoulli(0.5) ? UnitStatus::kAvailable : UnitStatus::kConditionallyAvailable;
      if (c.status == UnitStatus::kAvailable && rng_.bernoulli(0.8))
        c.reason.clear();
      if (c.status == UnitStatus::kOutOfService && rng_.bernoulli(0.5))
        c.expected_return = now.plus_micros(rng_.uniform_int(-600, 7200) * 1'000'000);
      return c;
    }
    case 7:
      return RaiseEmergency{unit_id(active), "遭遇持刀袭击",
                            rng_.bernoulli(0.5) ? std::optional<LatLon>(LatLon{31.23, 121.47}) : std::nullopt};
    default:
      return ClearEmergency{unit_id([](const Unit& u) { return u.emergency.has_value(); }),
                            maybe_empty(rng_, "已安全")};
  }
}

Command RandomCommands::any_command(const State& state, UtcTime now) {
  const auto& types = taxonomy_.types.all();
  const auto type_code = [&]() -> std::string {
    if (rng_.bernoulli(0.05))
      return "9999";
    return types[static_cast<std::size_t>(
                     rng_.uniform_int(0, static_cast<std::int64_t>(types.size()) - 1))]
        .code;
  };
  const auto unassigned = [](const Call& c) { return !c.incident.valid() && !c.dismissed_at; };
  switch (rng_.uniform_int(0, 4)) {
    case 0:
    case 1: {
      ReceiveCall c;
      c.channel = static_cast<CallChannel>(rng_.uniform_int(0, 4));
      c.caller_number = "1380000" + std::to_string(rng_.uniform_int(1000, 9999));
      c.summary = "有人报警";
      c.started_at = now.plus_micros(-rng_.uniform_int(5, 40) * 1'000'000);
      c.answered_at =
          c.started_at.plus_micros(rng_.uniform_int(rng_.bernoulli(0.03) ? -5 : 0, 20) * 1'000'000);
      return c;
    }
    case 2: {
      CreateIncident c;
      c.call =
          rng_.bernoulli(0.85) ? pick(rng_, state.calls, unassigned, unknown_call()) : CallId();
      c.summary = "警情摘要";
      if (rng_.bernoulli(0.7))
        c.type_code = type_code();
      if (rng_.bernoulli(0.2))
        c.priority = static_cast<int>(rng_.uniform_int(0, 5));
      return c;
    }
    case 3: {
      if (rng_.bernoulli(0.5)) {
        return DismissCall{pick(rng_, state.calls, unassigned, unknown_call()),
                           maybe_empty(rng_, "误拨")};
      }
      return MergeCall{pick(rng_, state.calls, unassigned, unknown_call()),
                       pick(rng_, state.incidents, open_incident, unknown_incident())};
    }
    default: {
      const IncidentId incident = pick(rng_, state.incidents, open_incident, unknown_incident());
      if (rng_.bernoulli(0.5))
        return SetType{incident, type_code()};
      return SetPriority{incident, static_cast<int>(rng_.uniform_int(0, 5)), "研判"};
    }
  }
}

Command RandomCommands::incident_command(const State& state, UtcTime now) {
  const auto in = [](std::vector<IncidentStatus> statuses) {
    return [statuses](const Incident& i) {
      for (const auto s : statuses) {
        if (i.status == s)
          return true;
      }
      return false;
    };
  };
  using S = IncidentStatus;
  const auto any = [](const Incident&) { return true; };
  const IncidentId open = pick(rng_, state.incidents, open_incident, unknown_incident());
  const std::vector<std::string> dispositions = {"10", "20", "30", "40", "60", "77"};
  switch (rng_.uniform_int(0, 16)) {
    case 0:
    case 1:
      return AcceptIncident{pick(rng_, state.incidents, in({S::kAccepting}), unknown_incident())};
    case 2:
      return MergeIncident{open, pick(rng_, state.incidents, open_incident, unknown_incident()),
                           "重复警情"};
    case 3:
      return LinkIncidents{pick(rng_, state.incidents, any, unknown_incident()),
                           pick(rng_, state.incidents, any, unknown_incident()), "同一嫌疑人"};
    case 4:
      if (rng_.bernoulli(0.6))
        return AddNote{open, "补充情况"};  // ending incidents is rarer
      if (rng_.bernoulli(0.5))
        return TransferIncident{open, maybe_empty(rng_, "119"), "火情"};
      return CancelIncident{open, maybe_empty(rng_, "报警人称已解决")};
    case 5:
      return CloseScene{pick(rng_, state.incidents, in({S::kFeedback, S::kArrived, S::kAccepted}),
                             unknown_incident()),
                        rng_.bernoulli(0.3) ? std::string() : one_of(rng_, dispositions)};
    case 6:
      return TerminateIncident{
          pick(rng_, state.incidents, in({S::kSceneClosed}), unknown_incident())};
    case 7:
      return ArchiveIncident{pick(
          rng_, state.incidents,
          in({S::kTerminated, S::kCancelled, S::kMerged, S::kTransferredOut}), unknown_incident())};
    case 8:
      if (rng_.bernoulli(0.3)) {
        const std::vector<std::string> stations = {"991500-01-01", "991500-01-02", "bad code!"};
        return AssignStation{open, one_of(rng_, stations), rng_.bernoulli(0.5) ? "dispatcher" : "location",
                             "管辖调整"};
      }
      return SetDisposition{open, one_of(rng_, dispositions)};
    case 9:
    case 10: {
      AddLocationCandidate c;
      c.incident = open;
      c.source = static_cast<LocationSource>(rng_.uniform_int(0, 5));
      c.text = maybe_empty(rng_, "人民路12号");
      if (c.source != LocationSource::kCallerText || rng_.bernoulli(0.3)) {
        c.position = LatLon{31.23 + rng_.uniform(-0.02, 0.02), 121.47 + rng_.uniform(-0.02, 0.02)};
        c.uncertainty = Meters(rng_.bernoulli(0.02) ? -1.0 : rng_.uniform(5, 1500));
      }
      if (rng_.bernoulli(0.5))
        c.observed_at = now.plus_micros(-rng_.uniform_int(0, 60) * 1'000'000);
      return c;
    }
    case 11: {
      const Incident* i = state.find(open);
      const auto size = i == nullptr ? 0 : static_cast<std::int64_t>(i->location.candidates.size());
      return ConfirmLocation{open, static_cast<std::size_t>(rng_.uniform_int(0, size))};
    }
    case 12:
      return AddCaution{open, static_cast<CautionKind>(rng_.uniform_int(0, 4)),
                        static_cast<int>(rng_.uniform_int(-1, 5)), "持刀"};
    case 13:
      return AddNote{open, maybe_empty(rng_, "报警人情绪激动")};
    case 14: {
      AddPerson c{open, static_cast<PersonRole>(rng_.uniform_int(0, 5)), {}};
      c.fields["name"] = "王某";
      if (rng_.bernoulli(0.6))
        c.fields["phone"] = "13800001111";
      if (rng_.bernoulli(0.03))
        c.fields["shoe_size"] = "42";
      return c;
    }
    case 15: {
      AddVehicle c{open, static_cast<VehicleRole>(rng_.uniform_int(0, 3)), {}};
      c.fields["plate"] = "沪B12345";
      if (rng_.bernoulli(0.5))
        c.fields["colour"] = "白";
      return c;
    }
    default: {
      const Incident* i = state.find(open);
      VerifyField c{open, InvolvedKind::kPerson, 0, "name"};
      if (i != nullptr && !i->vehicles.empty() && rng_.bernoulli(0.4)) {
        c.kind = InvolvedKind::kVehicle;
        c.field = rng_.bernoulli(0.8) ? "plate" : "colour";
        c.index = static_cast<std::size_t>(
            rng_.uniform_int(0, static_cast<std::int64_t>(i->vehicles.size())));
      } else if (i != nullptr) {
        c.field = rng_.bernoulli(0.8) ? "name" : "phone";
        c.index = static_cast<std::size_t>(
            rng_.uniform_int(0, static_cast<std::int64_t>(i->persons.size())));
      }
      return c;
    }
  }
}

Command RandomCommands::order_command(const State& state) {
  using O = OrderStatus;
  const auto in = [](std::vector<O> statuses) {
    return [statuses](const Order& o) {
      for (const auto s : statuses) {
        if (o.status == s)
          return true;
      }
      return false;
    };
  };
  const auto dispatchable = [](const Incident& i) { return accepts_orders(i.status); };
  // Weights favour moving orders forward over ending them early, so that deep paths
  // (split, arrive, feedback, complete) are reached often.
  static constexpr std::array<int, 10> kWeights{6, 4, 2, 5, 5, 5, 5, 3, 1, 2};
  std::int64_t roll = rng_.uniform_int(0, 37);
  int kind = 0;
  while (roll >= kWeights[static_cast<std::size_t>(kind)])
    roll -= kWeights[static_cast<std::size_t>(kind++)];
  switch (kind) {
    case 0: {
      IssueOrder c;
      c.incident = pick(rng_, state.incidents, dispatchable, unknown_incident());
      c.target = random_target(rng_, true);
      c.instructions = "立即出警";
      if (rng_.bernoulli(0.1)) {
        c.bypassed = {"A-02"};
        c.bypass_reason = maybe_empty(rng_, "A-02 车辆故障");
      }
      if (rng_.bernoulli(0.3)) {
        c.reissue_of = pick(
            rng_, state.orders,
            [&](const Order& o) { return o.status == O::kReturned && !o.reissued_as.valid(); },
            unknown_order());
        if (const Order* old = state.find(c.reissue_of)) {
          c.incident = old->incident;
          if (old->parent.valid() && rng_.bernoulli(0.9))
            c.target = random_target(rng_, false);
        }
      }
      return c;
    }
    case 1: {
      SplitOrder c;
      c.order = pick(
          rng_, state.orders,
          [](const Order& o) {
            return o.status == O::kSignedFor && o.target.kind == TargetKind::kStation;
          },
          unknown_order());
      const auto count = rng_.uniform_int(rng_.bernoulli(0.03) ? 0 : 1, 3);
      for (std::int64_t k = 0; k < count; ++k)
        c.targets.push_back(random_target(rng_, rng_.bernoulli(0.05)));
      c.instructions = "请指派民警处置";
      return c;
    }
    case 2:
      return AcknowledgeOrder{pick(rng_, state.orders, in({O::kIssued}), unknown_order())};
    case 3:
      return SignFor{pick(rng_, state.orders, in({O::kIssued}), unknown_order())};
    case 4:
      return EnRoute{pick(rng_, state.orders, in({O::kSignedFor}), unknown_order())};
    case 5:
      return Arrive{pick(rng_, state.orders, in({O::kEnRoute}), unknown_order())};
    case 6:
      return GiveFeedback{
          pick(rng_, state.orders, in({O::kArrived, O::kEnRoute, O::kSignedFor}), unknown_order()),
          maybe_empty(rng_, "已到场处置")};
    case 7:
      return CompleteOrder{pick(rng_, state.orders, in({O::kFeedback}), unknown_order())};
    case 8:
      return CancelOrder{pick(rng_, state.orders, open_order, unknown_order()),
                         maybe_empty(rng_, "改派")};
    default:
      return ReturnOrder{pick(rng_, state.orders, in({O::kIssued, O::kSignedFor}), unknown_order()),
                         maybe_empty(rng_, "非本辖区")};
  }
}

}  // namespace shouwang::cad::testing
