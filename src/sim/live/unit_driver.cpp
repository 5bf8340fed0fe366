#include <algorithm>

#include <nlohmann/json.hpp>

#include <shouwang/cad/deadlines.h>
#include <shouwang/sim/terminal_habits.h>
#include <shouwang/sim/unit_driver.h>

namespace shouwang::sim {
namespace {

constexpr double kParkChance = 0.3;  // after a patrol leg
constexpr double kMinLegS = 120.0;   // patrol legs take 2 to 12 minutes of road time
constexpr double kMaxLegS = 720.0;
constexpr double kReplanDelayS = 30.0;
constexpr double kRetryDelayS = 5.0;
constexpr int kMaxFailures = 5;
const char* const kOffDutyReason = "警力下班，退回重派";
const char* const kOffDutyFeedback = "交接班，现场移交接班警力继续处置";

int status_rank(std::string_view status) {
  if (status == "issued")
    return 0;
  if (status == "signed_for")
    return 1;
  if (status == "en_route")
    return 2;
  if (status == "arrived")
    return 3;
  if (status == "feedback")
    return 4;
  return 5;  // closed
}

}  // namespace

std::string_view action_path(OrderAction action) {
  switch (action) {
    case OrderAction::kAcknowledge:
      return "acknowledge";
    case OrderAction::kSignFor:
      return "sign-for";
    case OrderAction::kEnRoute:
      return "en-route";
    case OrderAction::kArrive:
      return "arrive";
    case OrderAction::kFeedback:
      return "feedback";
    case OrderAction::kComplete:
      return "complete";
    case OrderAction::kReturn:
      return "return";
    case OrderAction::kRefresh:
      return "";
  }
  return "";
}

UnitDriver::UnitDriver(UnitPlan plan, Rng rng, GpsNoiseOptions gps)
    : plan_(std::move(plan)), rng_(rng), gps_(gps) {}

void UnitDriver::begin(double now_s, RoutePlanner& planner) {
  path_ = TimedPath(plan_.home_post, plan_.home_node);
  path_start_s_ = now_s;
  cursor_ = 0;
  resume_patrol(now_s, planner);
}

void UnitDriver::set_path(TimedPath path, double now_s) {
  path_ = std::move(path);
  path_start_s_ = now_s;
  cursor_ = 0;
}

TimedPath UnitDriver::rest_of_path(double now_s) const {
  return path_.remainder_to_next_node(now_s - path_start_s_);
}

void UnitDriver::resume_patrol(double now_s, RoutePlanner& planner) {
  mode_ = Mode::kPatrol;
  TimedPath path = rest_of_path(now_s);
  const NodeId at = path.empty() ? NodeId() : path.vertices().back().node;
  if (!at.valid()) {
    next_plan_s_ = now_s + kReplanDelayS;
    return;
  }
  const DriveStyle style = patrol_style(plan_.kind);
  if (auto leg = planner.patrol_leg(at, plan_.area, rng_, kMinLegS, kMaxLegS)) {
    path.append(planner.timed(*leg, style, rng_));
  } else {
    // Outside the area (after an incident elsewhere): back to the home post first.
    const auto home = planner.fastest_path(at, plan_.home_node);
    if (home.size() > 1) {
      path.append(planner.timed(home, style, rng_));
    } else {
      next_plan_s_ = now_s + kReplanDelayS;
    }
  }
  set_path(std::move(path), now_s);
}

void UnitDriver::start_drive(Task& task, double now_s, RoutePlanner& planner) {
  mode_ = Mode::kToScene;
  parked_until_s_ = 0.0;
  TimedPath path = rest_of_path(now_s);
  const NodeId at = path.empty() ? NodeId() : path.vertices().back().node;
  if (task.scene && at.valid()) {
    if (auto route = planner.route_to(at, *task.scene)) {
      path.append(planner.timed(*route, response_style(plan_.kind, task.priority), rng_));
      set_path(std::move(path), now_s);
      return;
    }
  }
  // No position for the incident, or no road to it: the crew finds it the way crews do;
  // the unit stays where the road ends and arrives after a while.
  if (path.empty())
    path = TimedPath(path_.empty() ? plan_.home_post : path_.end(), NodeId());
  const LatLon here = path.end();
  path.extend(here, path.vertices().back().node, rng_.uniform(180.0, 600.0), 0.0);
  set_path(std::move(path), now_s);
}

PathSample UnitDriver::advance(double now_s, RoutePlanner& planner) {
  PathSample sample = path_.sample(now_s - path_start_s_, cursor_);
  if (!sample.finished)
    return sample;
  if (mode_ == Mode::kToScene) {
    mode_ = Mode::kAtScene;
    if (!tasks_.empty() && tasks_.front().stage == Stage::kDrive) {
      Task& task = tasks_.front();
      if (task.server_arrived) {
        task.stage = Stage::kOnScene;
        task.due_s = now_s + on_scene_s(task.type_code, rng_);
      } else {
        task.stage = Stage::kArrive;
        task.due_s = now_s;
      }
      if (winding_down_)
        wind_down(task, now_s);
    }
    return sample;
  }
  if (mode_ == Mode::kAtScene)
    return sample;
  // Patrolling: park for a while now and then, else on to the next leg.
  if (now_s < parked_until_s_ || now_s < next_plan_s_)
    return sample;
  if (parked_until_s_ == 0.0 && rng_.bernoulli(kParkChance)) {
    parked_until_s_ = now_s + rng_.uniform(120.0, 600.0);
    return sample;
  }
  parked_until_s_ = 0.0;
  resume_patrol(now_s, planner);
  return path_.sample(now_s - path_start_s_, cursor_);
}

UnitDriver::Stage UnitDriver::stage_for(std::string_view status, bool& arrived) {
  arrived = status == "arrived";
  switch (status_rank(status)) {
    case 0:
      return Stage::kAcknowledge;
    case 1:
      return Stage::kEnRoute;
    case 2:
      return Stage::kDrive;
    case 3:
      return Stage::kDrive;
    default:
      return Stage::kComplete;
  }
}

void UnitDriver::sync(Task& task, double now_s, RoutePlanner& planner) {
  bool arrived = false;
  const Stage implied = stage_for(task.order.status, arrived);
  if (arrived)
    task.server_arrived = true;
  if (task.stage == Stage::kReturn || task.stage == Stage::kRefresh)
    return;
  if (implied <= task.stage)
    return;
  // The server is further along than the crew: catch up.
  const bool must_drive =
      implied >= Stage::kDrive && task.stage < Stage::kDrive && mode_ != Mode::kAtScene;
  task.stage = implied;
  task.due_s = now_s;
  if (must_drive && implied == Stage::kDrive && &task == &tasks_.front())
    start_drive(task, now_s, planner);
}

void UnitDriver::on_order(const OrderNews& order, const IncidentNews* incident, double now_s,
                          RoutePlanner& planner) {
  if (order.target_kind != "unit" || order.target != plan_.callsign)
    return;
  const auto found = std::find_if(tasks_.begin(), tasks_.end(),
                                  [&](const Task& t) { return t.order.id == order.id; });
  if (found == tasks_.end()) {
    if (!order.open())
      return;
    Task task;
    task.order = order;
    if (incident != nullptr) {
      task.type_code = incident->type_code;
      task.priority = incident->priority;
      task.scene = incident->position;
    }
    task.issued_s = now_s;
    task.due_s = now_s + receipt_delay_s(rng_);
    tasks_.push_back(std::move(task));
    Task& added = tasks_.back();
    if (winding_down_) {
      wind_down(added, now_s);
    } else {
      sync(added, now_s, planner);
    }
    return;
  }
  Task& task = *found;
  if (incident != nullptr)
    on_incident(*incident);
  task.order.status = order.status;
  if (!order.open()) {
    if (task.in_flight) {
      task.abandoned = true;
    } else if (&task == &tasks_.front()) {
      ++counts_.dropped;
      finish_front(now_s, planner);
    } else {
      ++counts_.dropped;
      tasks_.erase(found);
    }
    return;
  }
  if (!task.in_flight)
    sync(task, now_s, planner);
}

void UnitDriver::on_incident(const IncidentNews& incident) {
  for (Task& task : tasks_) {
    if (task.order.incident != incident.id)
      continue;
    task.type_code = incident.type_code;
    task.priority = incident.priority;
    if (incident.position)
      task.scene = incident.position;
  }
}

std::optional<TerminalRequest> UnitDriver::next_request(double now_s) {
  if (tasks_.empty())
    return std::nullopt;
  Task& task = tasks_.front();
  if (task.in_flight || now_s < task.due_s)
    return std::nullopt;
  TerminalRequest request;
  request.order = task.order.id;
  switch (task.stage) {
    case Stage::kAcknowledge:
      request.action = OrderAction::kAcknowledge;
      break;
    case Stage::kSignFor:
      request.action = OrderAction::kSignFor;
      break;
    case Stage::kEnRoute:
      request.action = OrderAction::kEnRoute;
      break;
    case Stage::kDrive:
      return std::nullopt;
    case Stage::kArrive:
      request.action = OrderAction::kArrive;
      request.body = R"({"source":"terminal"})";
      break;
    case Stage::kOnScene:
      task.stage = Stage::kFeedback;
      [[fallthrough]];
    case Stage::kFeedback:
      request.action = OrderAction::kFeedback;
      request.body = nlohmann::json{{"text", winding_down_ ? std::string(kOffDutyFeedback)
                                                           : feedback_text(task.type_code, rng_)}}
                         .dump();
      break;
    case Stage::kComplete:
      request.action = OrderAction::kComplete;
      break;
    case Stage::kReturn:
      request.action = OrderAction::kReturn;
      request.body = nlohmann::json{{"reason", kOffDutyReason}}.dump();
      break;
    case Stage::kRefresh:
      request.action = OrderAction::kRefresh;
      break;
  }
  task.in_flight = true;
  return request;
}

void UnitDriver::on_answer(const TerminalAnswer& answer, double now_s, RoutePlanner& planner) {
  if (tasks_.empty() || !tasks_.front().in_flight)
    return;
  Task& task = tasks_.front();
  task.in_flight = false;
  if (answer.order && answer.order->id == task.order.id)
    task.order.status = answer.order->status;
  if (task.abandoned || (answer.order && !answer.order->open() && task.stage != Stage::kComplete &&
                         task.stage != Stage::kReturn)) {
    ++counts_.dropped;
    finish_front(now_s, planner);
    return;
  }
  const int status = answer.status;
  const bool ok = status >= 200 && status < 300;
  if (status == 0 || status >= 500) {
    if (++task.failures > kMaxFailures) {
      ++counts_.dropped;
      finish_front(now_s, planner);
    } else {
      task.due_s = now_s + kRetryDelayS;
    }
    return;
  }
  task.failures = 0;
  if (!ok && status != 409) {  // refused for good: not found, not allowed, malformed
    ++counts_.dropped;
    finish_front(now_s, planner);
    return;
  }
  if (!ok && task.stage != Stage::kAcknowledge && task.stage != Stage::kRefresh) {
    // 409: the order is not where the crew thought; look before going on.
    task.after_refresh = task.stage;
    task.stage = Stage::kRefresh;
    task.due_s = now_s + 1.0;
    return;
  }
  switch (task.stage) {
    case Stage::kAcknowledge:  // a 409 here: receipt was confirmed before
      task.stage = Stage::kSignFor;
      task.due_s = task.issued_s + sign_for_delay_s(task.priority, rng_);
      break;
    case Stage::kSignFor: {
      ++counts_.signed_for;
      const double deadline = static_cast<double>(cad::DeadlinePolicy{}.seconds(
          cad::DeadlineKind::kSignFor, std::clamp(task.priority, 1, 4)));
      if (now_s - task.issued_s > deadline)
        ++counts_.signed_late;
      task.stage = Stage::kEnRoute;
      task.due_s = now_s + turnout_s(activity(now_s) == UnitActivity::kParked, rng_);
      break;
    }
    case Stage::kEnRoute:
      task.stage = Stage::kDrive;
      start_drive(task, now_s, planner);
      break;
    case Stage::kArrive:
      ++counts_.arrived;
      task.stage = Stage::kOnScene;
      task.due_s = now_s + on_scene_s(task.type_code, rng_);
      break;
    case Stage::kFeedback:
      task.stage = Stage::kComplete;
      task.due_s = now_s + (winding_down_ ? 0.0 : report_s(rng_));
      break;
    case Stage::kComplete:
      ++counts_.completed;
      finish_front(now_s, planner);
      return;
    case Stage::kReturn:
      if (ok)
        ++counts_.returned;
      if (!ok) {  // 409: no longer returnable (en route meanwhile): finish it instead
        task.stage = Stage::kRefresh;
        task.after_refresh = Stage::kReturn;
        task.due_s = now_s + 1.0;
        return;
      }
      finish_front(now_s, planner);
      return;
    case Stage::kRefresh: {
      if (!answer.order) {
        ++counts_.dropped;
        finish_front(now_s, planner);
        return;
      }
      bool arrived = false;
      const Stage implied = stage_for(task.order.status, arrived);
      if (arrived)
        task.server_arrived = true;
      Stage next =
          task.after_refresh == Stage::kReturn ? implied : std::max(implied, task.after_refresh);
      if (task.server_arrived && next <= Stage::kArrive)
        next = mode_ == Mode::kAtScene ? Stage::kOnScene : Stage::kDrive;
      if (next == task.after_refresh) {
        // The same step was refused and the order has not moved on: it cannot be done.
        ++counts_.dropped;
        finish_front(now_s, planner);
        return;
      }
      task.stage = next;
      task.due_s = now_s;
      if (next == Stage::kOnScene)
        task.due_s = now_s + on_scene_s(task.type_code, rng_);
      if (next == Stage::kDrive) {
        if (mode_ == Mode::kAtScene) {
          task.stage = task.server_arrived ? Stage::kOnScene : Stage::kArrive;
          if (task.server_arrived)
            task.due_s = now_s + on_scene_s(task.type_code, rng_);
        } else if (mode_ == Mode::kPatrol) {
          start_drive(task, now_s, planner);
        }
      }
      break;
    }
    case Stage::kDrive:
    case Stage::kOnScene:
      break;
  }
  if (winding_down_)
    wind_down(task, now_s);
}

void UnitDriver::finish_front(double now_s, RoutePlanner& planner) {
  tasks_.pop_front();
  if (!tasks_.empty()) {
    Task& next = tasks_.front();
    if (next.stage == Stage::kDrive && !next.in_flight) {
      start_drive(next, now_s, planner);
      return;
    }
    if (mode_ == Mode::kToScene || mode_ == Mode::kAtScene) {
      // Between orders the crew leaves the scene and patrols until the next sets off.
      resume_patrol(now_s, planner);
    }
    return;
  }
  if (mode_ != Mode::kPatrol)
    resume_patrol(now_s, planner);
}

void UnitDriver::wind_down(Task& task, double now_s) {
  if (task.in_flight || task.stage == Stage::kRefresh)
    return;
  const int rank = status_rank(task.order.status);
  if (rank <= 1 && task.stage <= Stage::kEnRoute) {
    task.stage = Stage::kReturn;
  } else if (task.stage < Stage::kComplete || task.stage == Stage::kReturn) {
    task.stage = rank >= 4 ? Stage::kComplete : Stage::kFeedback;
  }
  task.due_s = now_s;
}

void UnitDriver::wind_down(double now_s) {
  winding_down_ = true;
  for (Task& task : tasks_)
    wind_down(task, now_s);
}

UnitActivity UnitDriver::activity(double now_s) const {
  if (mode_ == Mode::kToScene)
    return UnitActivity::kEnRoute;
  if (mode_ == Mode::kAtScene)
    return UnitActivity::kOnScene;
  return now_s < parked_until_s_ ? UnitActivity::kParked : UnitActivity::kPatrolling;
}

}  // namespace shouwang::sim
