#pragma once
// DispatchDesk: the simulation's call-taker and dispatcher. Each call from the CallSource
// is worked through the API as a centre's seat would:
//
//   receive the call (接警) ─ talk, then create the incident with its type (立警)
//     ─ add the handset's position and confirm it ─ accept (受理)
//     ─ one-action dispatch (一键派警): the server's recommendation picks the unit
//     ─ when every order has ended and one was done: close the scene with a disposition
//       that fits the type (处置完毕), then terminate the incident (终结)
//
// A dispatch answered 409 (no suitable unit free) is tried again a minute or two later,
// from the second try asking only for the first responder's capability (patrol) when
// the type needs more than any one unit has; after kMaxDispatchAttempts the incident is
// left pending for people to see. Incidents whose orders all ended without anyone
// finishing (returned, cancelled) are dispatched again.
//
// Times are simulated seconds; `epoch` is the UTC time of simulated second 0. Not
// thread-safe: simulation thread only.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/random.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/sim/api_pool.h>
#include <shouwang/sim/call_source.h>
#include <shouwang/sim/order_feed.h>

namespace shouwang::sim {

struct DeskCounts {
  std::uint64_t calls = 0;         // calls received
  std::uint64_t incidents = 0;     // incidents created
  std::uint64_t dispatched = 0;    // orders issued by one-action dispatch
  std::uint64_t no_unit = 0;       // dispatches answered "no unit available"
  std::uint64_t left_pending = 0;  // incidents given up on after every attempt
  std::uint64_t closed = 0;        // incidents whose scene was closed
  std::uint64_t api_errors = 0;    // other refusals and unanswered requests
  std::size_t open = 0;            // incidents being worked now
};

class DispatchDesk {
 public:
  static constexpr int kMaxDispatchAttempts = 8;

  DispatchDesk(CallSource& calls, const cad::Taxonomy& taxonomy, ApiPool& api, std::uint64_t seed,
               UtcTime epoch);

  // Takes the calls up to `now_s` and sends the steps that are due.
  void tick(double now_s);
  // The orders of the desk's incidents, as the server reports them.
  void on_news(const FeedNews& news, double now_s);
  // No more calls from now on; the incidents already open are left as they are.
  void stop_taking_calls() { taking_calls_ = false; }

  [[nodiscard]] DeskCounts counts() const;

 private:
  enum class Step : std::uint8_t {
    kReceive,
    kCreate,
    kLocate,
    kConfirm,
    kAccept,
    kDispatch,
    kWaiting,  // for the orders to end
    kClose,
    kTerminate,
    kFinished,
  };
  struct Flow {
    GeneratedCall call;
    Step step = Step::kReceive;
    double due_s = 0.0;
    bool in_flight = false;
    std::string call_id;
    std::string incident_id;
    int attempts = 0;
    std::map<std::string, std::string> orders;  // id -> status
  };

  void send(std::uint64_t serial);
  void on_answer(std::uint64_t serial, const ApiOutcome& outcome);
  void after_orders_changed(Flow& flow);
  [[nodiscard]] std::string summary(const Flow& flow) const;
  [[nodiscard]] std::string disposition(const Flow& flow);
  [[nodiscard]] std::vector<std::string> fallback_capabilities(const Flow& flow) const;

  CallSource& calls_;
  const cad::Taxonomy& taxonomy_;
  ApiPool& api_;
  Rng rng_;
  UtcTime epoch_;
  double pulled_s_ = 0.0;  // calls are drawn up to here (ahead of time)
  bool taking_calls_ = true;
  double now_s_ = 0.0;
  // Flows by a serial that never repeats, so an answer finds its flow after others ended.
  std::map<std::uint64_t, Flow> flows_;
  std::map<std::string, std::uint64_t> by_incident_;
  std::uint64_t next_serial_ = 0;
  DeskCounts counts_;
};

}  // namespace shouwang::sim
