#pragma once
// Shared pieces of the stream tests: a change payload with a station, a renderer that
// filters by scope and counts its calls, and functions that read a subscription.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/server/stream_hub.h>

namespace shouwang::server::test {

struct TestChange {
  std::string station;  // "A", "B", …
  int value = 0;
  std::size_t padding = 0;  // extra bytes in the rendered text
};

Change make_change(std::uint64_t seq, std::string station, int value = 0, std::size_t padding = 0);

// Scope keys: "city" sees every change, "station:X" the changes of station X; "broken"
// makes the renderer throw. Renders {"station":"X","v":N[,"pad":"..."]}.
class CountingRenderer {
 public:
  Renderer renderer();
  [[nodiscard]] int calls() const { return calls_.load(); }
  [[nodiscard]] int calls_for(const std::string& scope) const;

 private:
  std::atomic<int> calls_{0};
  mutable std::mutex mutex_;
  std::map<std::string, int> per_scope_;
};

// The frames queued now, as parsed JSON, until next() has nothing (or the stream ended).
std::vector<nlohmann::json> drain(Subscription& subscription);
// The close of a drained, ended subscription (code 0 while it is open).
StreamClose end_of(Subscription& subscription);

}  // namespace shouwang::server::test
