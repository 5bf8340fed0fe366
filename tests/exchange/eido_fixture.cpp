#include "exchange/eido_fixture.h"

#include <regex>

#include <gtest/gtest.h>

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"

namespace shouwang::exchange::testing {

using cad::testing::actor;
using cad::testing::at;

EidoContext context() {
  EidoContext c;
  c.agency_id = "psap.310100.example.cn";
  c.agency_name = "上海市公安局110指挥中心";
  c.centre = cad::testing::test_centre();
  c.utc_offset_minutes = 480;
  c.sender = "cad.psap.310100.example.cn";
  return c;
}

namespace {

// Runs a command that must succeed and returns its events.
std::vector<store::EventDraft> run(const cad::Decider& d, cad::State& s, const cad::Command& c,
                                   const std::string& user, double t) {
  auto events = cad::testing::execute(d, s, c, actor(user), at(t));
  EXPECT_TRUE(events.ok()) << cad::command_name(c) << ": " << events.error().to_string();
  return events.ok() ? std::move(*events) : std::vector<store::EventDraft>();
}

std::string created(const std::vector<store::EventDraft>& events, const char* member) {
  for (const auto& e : events) {
    const auto payload = nlohmann::json::parse(e.payload);
    if (payload.contains(member) && (e.type.ends_with(".received") || e.type.ends_with(".created") ||
                                     e.type.ends_with(".issued")))
      return payload[member].get<std::string>();
  }
  ADD_FAILURE() << "no " << member << " created";
  return {};
}

}  // namespace

IncidentId build_rich_incident(const cad::Decider& d, cad::State& s, double t0) {
  using namespace cad;
  double t = t0;
  const auto next = [&t](double step = 7) { return t += step; };
  // Times are taken before each command that uses them (argument order is unspecified).
  double now = next();
  const CallId c1 = *parse_call_id(created(
      run(d, s, ReceiveCall{CallChannel::kVoice, "13800001111", "陈女士", "家中被盗 <门锁> & 窗户",
                            at(now - 30), at(now - 12)}, "ct-wang", now), "call_id"));
  const IncidentId id = *parse_incident_id(created(
      run(d, s, CreateIncident{c1, "报警人称回家发现门锁被撬，\"财物\"被盗", "010501", 0}, "ct-wang", next()),
      "incident_id"));
  now = next();
  const CallId c2 = *parse_call_id(created(
      run(d, s, ReceiveCall{CallChannel::kSms, "13900002222", "", "", at(now - 5), at(now - 5)}, "ct-zhou", now),
      "call_id"));
  run(d, s, MergeCall{c2, id}, "ct-zhou", next());
  run(d, s, AssignStation{id, "310101520000", "dispatcher", "辖区"}, "dp-li", next());
  run(d, s, AddLocationCandidate{id, LocationSource::kCallerText, "人民路12号3楼", {}, Meters(0), {}}, "ct-wang", next());
  now = next();
  run(d, s, AddLocationCandidate{id, LocationSource::kHandsetGnss, "", LatLon{31.2335, 121.4721}, Meters(12.5),
                                 at(now - 3)}, "ct-wang", now);
  run(d, s, AddLocationCandidate{id, LocationSource::kCellSector, "基站 4600-1234", LatLon{31.26, 121.50},
                                 Meters(800), {}}, "ct-wang", next());
  run(d, s, ConfirmLocation{id, 1}, "dp-li", next());
  run(d, s, AddCaution{id, CautionKind::kArmed, 1, "持刀 & 情绪激动"}, "ct-wang", next());
  run(d, s, AddCaution{id, CautionKind::kInjured, 2, ""}, "dp-li", next());
  run(d, s, AddNote{id, "报警人称嫌疑人<约30岁>，穿黑色外套 & 背包\n第二行"}, "ct-wang", next());
  run(d, s, AddPerson{id, PersonRole::kVictim, {{"name", "陈某"}, {"phone", "13800001111"}, {"gender", "女"},
                                                {"id_number", "310101199001011234"}, {"address", "人民路12号"}}},
      "ct-wang", next());
  run(d, s, AddPerson{id, PersonRole::kSuspect, {{"description", "约30岁 男"}}}, "ct-wang", next());
  run(d, s, VerifyField{id, InvolvedKind::kPerson, 0, "id_number"}, "dp-li", next());
  run(d, s, AddVehicle{id, VehicleRole::kSuspect, {{"plate", "沪B12345"}, {"plate_colour", "蓝"}, {"colour", "白"},
                                                   {"make", "大众"}, {"vin", "LSVAA4187E2123456"}}},
      "ct-wang", next());
  run(d, s, VerifyField{id, InvolvedKind::kVehicle, 0, "plate"}, "dp-li", next());
  run(d, s, AcceptIncident{id}, "ct-wang", next());
  const OrderId station = *parse_order_id(created(
      run(d, s, IssueOrder{id, {TargetKind::kStation, "310101520000", "南京东路派出所"}, "请指派民警处置", {}},
          "dp-li", next()), "order_id"));
  const OrderId unit = *parse_order_id(created(
      run(d, s, IssueOrder{id, {TargetKind::kUnit, "沪A-巡01", "巡逻一组"}, "", {}}, "dp-li", next()), "order_id"));
  run(d, s, AcknowledgeOrder{station}, "pcs-zhao", next());
  run(d, s, SignFor{station}, "pcs-zhao", next());
  const auto split = run(d, s, SplitOrder{station, {{TargetKind::kOfficer, "012345", "张伟"},
                                                    {TargetKind::kOfficer, "012346", "李娜"}}, "到场核实"},
                         "pcs-zhao", next());
  const OrderId child1 = *parse_order_id(created(split, "order_id"));
  const Incident& incident = *s.find(id);
  const OrderId child2 = incident.orders.back();
  run(d, s, ReturnOrder{unit, "非本辖区"}, "unit-01", next());
  const OrderId reissued = *parse_order_id(created(
      run(d, s, IssueOrder{id, {TargetKind::kUnit, "沪A-巡02", ""}, "改派", unit}, "dp-li", next()), "order_id"));
  run(d, s, SignFor{child1}, "officer-zhang", next());
  run(d, s, EnRoute{child1}, "officer-zhang", next());
  run(d, s, Arrive{child1}, "officer-zhang", next());
  run(d, s, GiveFeedback{child1, "现场已控制 <嫌疑人> 离开"}, "officer-zhang", next());
  run(d, s, GiveFeedback{child1, "补充：已调取监控"}, "officer-zhang", next());
  run(d, s, CompleteOrder{child1}, "officer-zhang", next());
  run(d, s, SignFor{child2}, "officer-li", next());
  run(d, s, EnRoute{child2}, "officer-li", next());
  run(d, s, SignFor{reissued}, "unit-02", next());
  run(d, s, GiveFeedback{reissued, "电话回访已处理"}, "unit-02", next());
  run(d, s, SetPriority{id, 1, "嫌疑人持刀"}, "dp-li", next());
  run(d, s, CloseScene{id, "20"}, "dp-li", next());
  run(d, s, TerminateIncident{id}, "dp-li", next());
  run(d, s, ArchiveIncident{id}, "dp-li", next());
  return id;
}

std::string map_ids(const std::string& text, const std::map<std::string, std::string>& ids) {
  static const std::regex pattern(R"(\d{6}-\d{8}-[CD]?\d{6})");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
    out.append(last, text.cbegin() + it->position());
    const auto found = ids.find(it->str());
    out += found != ids.end() ? found->second : it->str();
    last = text.cbegin() + it->position() + it->length();
  }
  out.append(last, text.cend());
  return out;
}

nlohmann::json incident_records(const cad::State& state, IncidentId id) {
  const auto all = nlohmann::json::parse(cad::serialize_state(state));
  const std::string key = cad::to_string(id);
  nlohmann::json out;
  out["incident"] = all["incidents"][key];
  out["calls"] = nlohmann::json::array();
  for (const auto& call : out["incident"]["calls"])
    out["calls"].push_back(all["calls"][call.get<std::string>()]);
  out["orders"] = nlohmann::json::array();
  for (const auto& order : out["incident"]["orders"])
    out["orders"].push_back(all["orders"][order.get<std::string>()]);
  // The centre's own dispatch records that EIDO does not carry: deadlines its timer saw
  // missed, and the recommended units a dispatcher passed over.
  out["incident"].erase("missed");
  for (auto& order : out["orders"]) {
    order.erase("missed");
    order.erase("bypassed");
    order.erase("bypass_reason");
  }
  return out;
}

nlohmann::json mapped_document(const std::string& eido, const std::map<std::string, std::string>& ids) {
  return nlohmann::json::parse(map_ids(eido, ids));
}

}  // namespace shouwang::exchange::testing
