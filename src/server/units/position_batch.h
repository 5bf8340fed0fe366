#pragma once
// The fixes accepted since the last "positions" message, the newest per unit, each already
// rendered as its JSON object, and the message for one subscriber's scope:
//
//   {"positions": [{"unit": "P-101", "lat": 31.2304512, "lon": 121.4737011,
//                   "t": "2026-11-22T08:30:00.000Z", "received": "...",
//                   "speed": 8.3, "heading": 92.5, "accuracy": 6.0}, ...]}
//
// (speed, heading and accuracy only when the terminal sent them). Thread-safe.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/server/access_policy.h>
#include <shouwang/server/telemetry/position_fix.h>

namespace shouwang::server::detail {

class PositionBatch {
 public:
  struct Entry {
    std::string unit;
    std::string station;  // for the scope rule
    std::string json;     // the fix's object
  };

  void add(const telemetry::PositionFix& fix, std::string station);
  // Everything gathered since the last call, ordered by unit.
  std::vector<Entry> take();

 private:
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> pending_;
};

// One fix as the stream and the API show it.
std::string position_json(const telemetry::PositionFix& fix);

// The message for `principal`, or nullopt when none of the entries is visible to it.
std::optional<std::string> render_positions(const std::vector<PositionBatch::Entry>& entries,
                                            const Principal& principal, const AccessPolicy& policy);

}  // namespace shouwang::server::detail
