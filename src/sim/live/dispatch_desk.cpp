#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include <shouwang/sim/dispatch_desk.h>

namespace shouwang::sim {
namespace {

using nlohmann::json;

// Disposition codes (data/taxonomy/dispositions.tsv) that fit each top-level category.
struct Dispositions {
  const char* category;
  std::array<const char*, 3> codes;
};
const std::array<Dispositions, 9> kDispositions{{
    {"01", {"10", "12", "41"}},
    {"02", {"11", "21", "22"}},
    {"03", {"50", "50", "22"}},
    {"04", {"32", "30", "32"}},
    {"05", {"30", "31", "30"}},
    {"06", {"20", "20", "21"}},
    {"07", {"32", "30", "32"}},
    {"08", {"40", "32", "40"}},
    {"09", {"32", "40", "42"}},
}};

constexpr double kCallLookaheadS = 600.0;

bool ended(const std::string& status) {
  return status == "done" || status == "cancelled" || status == "returned";
}

}  // namespace

DispatchDesk::DispatchDesk(CallSource& calls, const cad::Taxonomy& taxonomy, ApiPool& api,
                           std::uint64_t seed, UtcTime epoch)
    : calls_(calls), taxonomy_(taxonomy), api_(api), rng_(Rng(seed).fork(0xDE5Cu)), epoch_(epoch) {}

void DispatchDesk::tick(double now_s) {
  now_s_ = now_s;
  // Calls are drawn some minutes ahead and wait for their time: a window costs the model
  // about as much whether it is short or long.
  if (taking_calls_ && now_s + kCallLookaheadS / 2 > pulled_s_) {
    const double until = now_s + kCallLookaheadS;
    const UtcTime from = epoch_.plus_micros(static_cast<std::int64_t>(pulled_s_ * 1e6));
    const UtcTime to = epoch_.plus_micros(static_cast<std::int64_t>(until * 1e6));
    for (GeneratedCall& call : calls_.generate(from, to)) {
      Flow flow;
      flow.due_s = call.at.seconds_since(epoch_);
      flow.call = std::move(call);
      flows_.emplace(next_serial_++, std::move(flow));
    }
    pulled_s_ = until;
  }
  for (auto& [serial, flow] : flows_) {
    if (!flow.in_flight && flow.step != Step::kWaiting && flow.step != Step::kFinished &&
        now_s >= flow.due_s) {
      if (!taking_calls_ && flow.step <= Step::kDispatch)
        continue;  // winding down: no new work
      send(serial);
    }
  }
  std::erase_if(flows_, [&](const auto& entry) {
    if (entry.second.step != Step::kFinished || entry.second.in_flight)
      return false;
    by_incident_.erase(entry.second.incident_id);
    return true;
  });
}

std::string DispatchDesk::summary(const Flow& flow) const {
  const cad::IncidentType* type = taxonomy_.types.find(flow.call.type_code);
  std::string text = type != nullptr ? type->name_zh : std::string("报警求助");
  if (!flow.call.place.empty())
    text += "，" + flow.call.place;
  return text;
}

std::string DispatchDesk::disposition(const Flow& flow) {
  const std::string category = flow.call.type_code.substr(0, 2);
  for (const Dispositions& d : kDispositions) {
    if (category == d.category)
      return d.codes[static_cast<std::size_t>(rng_.uniform_int(0, 2))];
  }
  return "32";
}

std::vector<std::string> DispatchDesk::fallback_capabilities(const Flow& flow) const {
  const cad::IncidentType* type = taxonomy_.types.find(flow.call.type_code);
  if (type == nullptr || type->capabilities.empty())
    return {"patrol"};
  const auto& needed = type->capabilities;
  if (std::find(needed.begin(), needed.end(), "patrol") != needed.end())
    return {"patrol"};
  return {needed.front()};
}

void DispatchDesk::send(std::uint64_t serial) {
  Flow& flow = flows_.at(serial);
  ApiRequest request;
  request.method = "POST";
  request.workstation = "simulator/desk";
  switch (flow.step) {
    case Step::kReceive: {
      std::string caller = "1" + std::to_string(rng_.uniform_int(3, 9));
      for (int i = 0; i < 9; ++i)
        caller += static_cast<char>('0' + rng_.uniform_int(0, 9));
      request.target = "/api/v1/calls";
      request.body =
          json{{"channel", "voice"}, {"caller_number", caller}, {"summary", summary(flow)}}.dump();
      break;
    }
    case Step::kCreate:
      request.target = "/api/v1/incidents";
      request.body = json{{"call", flow.call_id},
                          {"summary", summary(flow)},
                          {"type_code", flow.call.type_code}}
                         .dump();
      break;
    case Step::kLocate: {
      json body{{"source", "handset_gnss"},
                {"lat", flow.call.position.lat},
                {"lon", flow.call.position.lon},
                {"uncertainty_m", std::round(rng_.uniform(8.0, 60.0))}};
      if (!flow.call.place.empty())
        body["text"] = flow.call.place;
      request.target = "/api/v1/incidents/" + flow.incident_id + "/locations";
      request.body = body.dump();
      break;
    }
    case Step::kConfirm:
      request.target = "/api/v1/incidents/" + flow.incident_id + "/locations/0/confirm";
      request.body = "{}";
      break;
    case Step::kAccept:
      request.target = "/api/v1/incidents/" + flow.incident_id + "/accept";
      request.body = "{}";
      break;
    case Step::kDispatch: {
      json body = json::object();
      if (flow.attempts > 0)
        body["capabilities"] = fallback_capabilities(flow);
      request.target = "/api/v1/incidents/" + flow.incident_id + "/dispatch";
      request.body = body.dump();
      break;
    }
    case Step::kClose:
      request.target = "/api/v1/incidents/" + flow.incident_id + "/close-scene";
      request.body = json{{"disposition", disposition(flow)}}.dump();
      break;
    case Step::kTerminate:
      request.target = "/api/v1/incidents/" + flow.incident_id + "/terminate";
      request.body = "{}";
      break;
    case Step::kWaiting:
    case Step::kFinished:
      return;
  }
  flow.in_flight = true;
  api_.submit(std::move(request),
              [this, serial](const ApiOutcome& outcome) { on_answer(serial, outcome); });
}

void DispatchDesk::on_answer(std::uint64_t serial, const ApiOutcome& outcome) {
  const auto found = flows_.find(serial);
  if (found == flows_.end())
    return;
  Flow& flow = found->second;
  flow.in_flight = false;
  const int status = outcome ? outcome->status : 0;
  const bool ok = status >= 200 && status < 300;
  const json empty;
  const json& body = outcome ? outcome->body : empty;
  if (flow.step == Step::kDispatch && status == 409) {
    ++counts_.no_unit;
    if (++flow.attempts >= kMaxDispatchAttempts) {
      ++counts_.left_pending;
      flow.step = Step::kFinished;
    } else {
      flow.due_s = now_s_ + rng_.uniform(60.0, 150.0);
    }
    return;
  }
  if (!ok) {
    ++counts_.api_errors;
    // The server unreachable or failing: try again shortly; refused for good: give up.
    if (status == 0 || status >= 500) {
      flow.due_s = now_s_ + 10.0;
    } else {
      flow.step = Step::kFinished;
    }
    return;
  }
  switch (flow.step) {
    case Step::kReceive:
      ++counts_.calls;
      flow.call_id = body.contains("call") ? body["call"].value("id", "") : "";
      flow.step = Step::kCreate;
      flow.due_s = now_s_ + rng_.uniform(30.0, 90.0);
      break;
    case Step::kCreate:
      ++counts_.incidents;
      flow.incident_id = body.contains("incident") ? body["incident"].value("id", "") : "";
      by_incident_[flow.incident_id] = serial;
      flow.step = Step::kLocate;
      flow.due_s = now_s_ + rng_.uniform(1.0, 5.0);
      break;
    case Step::kLocate:
      flow.step = Step::kConfirm;
      flow.due_s = now_s_ + rng_.uniform(2.0, 10.0);
      break;
    case Step::kConfirm:
      flow.step = Step::kAccept;
      flow.due_s = now_s_ + rng_.uniform(3.0, 15.0);
      break;
    case Step::kAccept:
      flow.step = Step::kDispatch;
      flow.due_s = now_s_ + rng_.uniform(5.0, 30.0);
      break;
    case Step::kDispatch:
      ++counts_.dispatched;
      if (body.contains("order")) {
        if (auto order = read_order(body["order"]))
          flow.orders[order->id] = order->status;
      }
      flow.step = Step::kWaiting;
      after_orders_changed(flow);
      break;
    case Step::kClose:
      ++counts_.closed;
      flow.step = Step::kTerminate;
      flow.due_s = now_s_ + rng_.uniform(10.0, 60.0);
      break;
    case Step::kTerminate:
      flow.step = Step::kFinished;
      break;
    case Step::kWaiting:
    case Step::kFinished:
      break;
  }
}

void DispatchDesk::on_news(const FeedNews& news, double now_s) {
  now_s_ = now_s;
  for (const OrderNews& order : news.orders) {
    const auto serial = by_incident_.find(order.incident);
    if (serial == by_incident_.end())
      continue;
    Flow& flow = flows_.at(serial->second);
    flow.orders[order.id] = order.status;
    after_orders_changed(flow);
  }
}

void DispatchDesk::after_orders_changed(Flow& flow) {
  if (flow.step != Step::kWaiting || flow.orders.empty())
    return;
  bool all_ended = true;
  bool any_done = false;
  for (const auto& [id, status] : flow.orders) {
    all_ended = all_ended && ended(status);
    any_done = any_done || status == "done";
  }
  if (!all_ended)
    return;
  // Everyone is back: the dispatcher reviews the feedback and closes; or, when nobody got
  // there (orders returned), sends someone else.
  flow.step = any_done ? Step::kClose : Step::kDispatch;
  flow.due_s = now_s_ + rng_.uniform(30.0, 120.0);
}

DeskCounts DispatchDesk::counts() const {
  DeskCounts c = counts_;
  c.open = 0;
  for (const auto& [serial, flow] : flows_) {
    if (flow.step >= Step::kCreate && flow.step < Step::kFinished)
      ++c.open;
  }
  return c;
}

}  // namespace shouwang::sim
