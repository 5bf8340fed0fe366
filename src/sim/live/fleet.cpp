#include <shouwang/sim/fleet.h>

namespace shouwang::sim {
namespace {

// Incident statuses after which nobody drives there any more.
bool incident_over(const std::string& status) {
  return status == "scene_closed" || status == "terminated" || status == "archived" ||
         status == "cancelled" || status == "merged" || status == "transferred_out";
}

}  // namespace

Fleet::Fleet(const RoadNetwork& network, const PatrolAreas& areas, std::vector<UnitPlan> plans,
             std::uint64_t seed, FixPublisher& publisher, ApiPool* api, double speedup)
    : planner_(network, areas), publisher_(publisher), api_(api), speedup_(speedup) {
  const Rng root = Rng(seed).fork(0x51u);
  drivers_.reserve(plans.size());
  for (std::size_t i = 0; i < plans.size(); ++i) {
    topics_.push_back("shouwang/units/" + plans[i].callsign + "/position");
    by_callsign_.emplace(plans[i].callsign, i);
    drivers_.emplace_back(std::move(plans[i]), root.fork(i));
  }
  last_fix_.assign(drivers_.size(), UtcTime());
}

std::size_t Fleet::find(const std::string& callsign) const {
  const auto at = by_callsign_.find(callsign);
  return at == by_callsign_.end() ? drivers_.size() : at->second;
}

void Fleet::begin(double now_s) {
  now_s_ = now_s;
  for (UnitDriver& d : drivers_)
    d.begin(now_s, planner_);
}

void Fleet::tick(std::size_t slot, std::size_t slots, double now_s, UtcTime wall) {
  now_s_ = now_s;
  for (std::size_t i = slot; i < drivers_.size(); i += slots) {
    UnitDriver& driver = drivers_[i];
    const PathSample truth = driver.advance(now_s, planner_);
    const double dt = last_fix_[i] == UtcTime() ? 1.0 : wall.seconds_since(last_fix_[i]);
    last_fix_[i] = wall;
    const NoisyFix noisy = driver.gps().next(truth.position, dt, driver.rng());
    const double speed = truth.speed_mps * speedup_;
    FixValues fix;
    fix.position = noisy.position;
    fix.t = wall;
    fix.speed_mps = speed > 0.0 ? std::max(0.0, speed + driver.rng().normal(0.0, 0.3)) : 0.0;
    fix.heading_deg = truth.heading_deg + (speed > 0.0 ? driver.rng().normal(0.0, 2.0) : 0.0);
    fix.accuracy_m = noisy.accuracy_m;
    if (publisher_.publish(topics_[i], format_fix_payload(payload_, fix))) {
      ++fixes_;
    } else {
      ++fixes_dropped_;
    }
    if (api_ == nullptr)
      continue;
    if (auto request = driver.next_request(now_s))
      send(i, *request);
  }
}

void Fleet::send(std::size_t unit, const TerminalRequest& request) {
  ApiRequest http;
  if (request.action == OrderAction::kRefresh) {
    http.method = "GET";
    http.target = "/api/v1/orders/" + request.order;
  } else {
    http.method = "POST";
    http.target =
        "/api/v1/orders/" + request.order + "/" + std::string(action_path(request.action));
    http.body = request.body.empty() ? "{}" : request.body;
  }
  http.workstation = "terminal/" + drivers_[unit].plan().callsign;
  ++requests_;
  const OrderAction action = request.action;
  api_->submit(std::move(http), [this, unit, action](const ApiOutcome& outcome) {
    TerminalAnswer answer;
    if (outcome) {
      answer.status = outcome->status;
      if (outcome->body.is_object() && outcome->body.contains("order"))
        answer.order = read_order(outcome->body["order"]);
    }
    // A repeated receipt is expected after a restart; every other refusal is counted.
    const bool expected = answer.status == 409 && action == OrderAction::kAcknowledge;
    if (!(answer.status >= 200 && answer.status < 300) && !expected)
      ++api_errors_;
    drivers_[unit].on_answer(answer, now_s_, planner_);
  });
}

void Fleet::on_news(const FeedNews& news, double now_s) {
  now_s_ = now_s;
  for (const IncidentNews& incident : news.incidents) {
    if (incident_over(incident.status)) {
      incidents_.erase(incident.id);
    } else {
      incidents_[incident.id] = incident;
    }
    for (UnitDriver& d : drivers_) {
      if (d.has_orders())
        d.on_incident(incident);
    }
  }
  for (const OrderNews& order : news.orders) {
    if (order.target_kind != "unit")
      continue;
    const std::size_t i = find(order.target);
    if (i == drivers_.size())
      continue;
    const auto incident = incidents_.find(order.incident);
    drivers_[i].on_order(order, incident == incidents_.end() ? nullptr : &incident->second, now_s,
                         planner_);
  }
}

void Fleet::wind_down(double now_s) {
  now_s_ = now_s;
  for (UnitDriver& d : drivers_)
    d.wind_down(now_s);
}

bool Fleet::busy() const {
  for (const UnitDriver& d : drivers_) {
    if (d.has_orders())
      return true;
  }
  return false;
}

FleetStatus Fleet::status(double now_s) const {
  FleetStatus s;
  for (const UnitDriver& d : drivers_) {
    switch (d.activity(now_s)) {
      case UnitActivity::kPatrolling:
        ++s.patrolling;
        break;
      case UnitActivity::kParked:
        ++s.parked;
        break;
      case UnitActivity::kEnRoute:
        ++s.en_route;
        break;
      case UnitActivity::kOnScene:
        ++s.on_scene;
        break;
    }
    const DriverCounts& c = d.counts();
    s.orders.signed_for += c.signed_for;
    s.orders.signed_late += c.signed_late;
    s.orders.arrived += c.arrived;
    s.orders.completed += c.completed;
    s.orders.returned += c.returned;
    s.orders.dropped += c.dropped;
  }
  s.fixes = fixes_;
  s.fixes_dropped = fixes_dropped_;
  s.requests = requests_;
  s.api_errors = api_errors_;
  return s;
}

}  // namespace shouwang::sim
