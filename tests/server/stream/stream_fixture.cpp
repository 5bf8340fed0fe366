#include "server/stream/stream_fixture.h"

#include <stdexcept>
#include <variant>

namespace shouwang::server::test {

Change make_change(std::uint64_t seq, std::string station, int value, std::size_t padding) {
  return Change{seq, std::make_shared<const TestChange>(TestChange{std::move(station), value, padding})};
}

Renderer CountingRenderer::renderer() {
  return [this](const Change& change, const std::string& scope) -> std::optional<std::string> {
    ++calls_;
    {
      std::lock_guard lock(mutex_);
      ++per_scope_[scope];
    }
    if (scope == "broken") throw std::runtime_error("no such scope");
    const auto& c = *static_cast<const TestChange*>(change.data.get());
    if (scope != "city" && scope != "station:" + c.station) return std::nullopt;
    nlohmann::json out = {{"station", c.station}, {"v", c.value}};
    if (c.padding > 0) out["pad"] = std::string(c.padding, 'x');
    return out.dump();
  };
}

int CountingRenderer::calls_for(const std::string& scope) const {
  std::lock_guard lock(mutex_);
  const auto it = per_scope_.find(scope);
  return it == per_scope_.end() ? 0 : it->second;
}

std::vector<nlohmann::json> drain(Subscription& subscription) {
  std::vector<nlohmann::json> out;
  for (;;) {
    auto next = subscription.next();
    auto* frame = std::get_if<StreamFrame>(&next);
    if (!frame) return out;
    out.push_back(nlohmann::json::parse(frame->text()));
    subscription.sent(*frame);
  }
}

StreamClose end_of(Subscription& subscription) {
  auto next = subscription.next();
  if (auto* end = std::get_if<StreamClose>(&next)) return *end;
  return StreamClose{0, {}};
}

}  // namespace shouwang::server::test
