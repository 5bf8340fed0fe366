#include "sim/calls/history_checkpoint.h"

#include <string>

#include <nlohmann/json.hpp>

namespace shouwang::sim::calls {

store::EventDraft history_checkpoint_draft(const HistoryCheckpoint& c, const store::Actor& actor,
                                           UtcTime time) {
  const nlohmann::json payload{{"plan",
                                {{"start", c.plan.start.to_iso8601()},
                                 {"end", c.plan.end.to_iso8601()},
                                 {"seed", std::to_string(c.plan.seed)},
                                 {"calls_per_day", c.plan.calls_per_day}}},
                               {"through", c.through.to_iso8601()},
                               {"incidents", c.incidents},
                               {"events", c.events}};
  return store::EventDraft{time,
                           actor,
                           std::string(kHistoryCheckpointType),
                           {std::string(kHistoryEntity)},
                           payload.dump()};
}

Result<HistoryCheckpoint> parse_history_checkpoint(std::string_view payload) {
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Error(Errc::kCorrupt, "a history checkpoint's payload is not a JSON object");
  }
  HistoryCheckpoint c;
  try {
    const auto& plan = json.at("plan");
    auto time = [](const nlohmann::json& field) -> Result<UtcTime> {
      return UtcTime::parse_iso8601(field.get<std::string>());
    };
    auto start = time(plan.at("start"));
    auto end = time(plan.at("end"));
    auto through = time(json.at("through"));
    if (!start || !end || !through)
      return Error(Errc::kCorrupt, "a history checkpoint has a malformed time");
    c.plan.start = *start;
    c.plan.end = *end;
    c.plan.seed = std::stoull(plan.at("seed").get<std::string>());
    c.plan.calls_per_day = plan.at("calls_per_day").get<double>();
    c.through = *through;
    c.incidents = json.at("incidents").get<std::uint64_t>();
    c.events = json.at("events").get<std::uint64_t>();
  } catch (const std::exception& e) {
    // A missing field, a wrong type or a seed that is not a number: not written by this code.
    return Error(Errc::kCorrupt,
                 std::string("a history checkpoint's payload is malformed: ") + e.what());
  }
  return c;
}

}  // namespace shouwang::sim::calls
