#pragma once
// The project's identifier and quantity vocabulary. Dense 32-bit ids index in-memory
// arrays (graph nodes, arcs); 64-bit ids name long-lived records (incidents, events).

#include <cstdint>

#include <shouwang/base/strong_id.h>

namespace shouwang {

// Road graph.
using NodeId = StrongId<struct NodeIdTag, std::uint32_t>;
using ArcId = StrongId<struct ArcIdTag, std::uint32_t>;

// Command-dispatch domain.
using IncidentId = StrongId<struct IncidentIdTag, std::uint64_t>;
using CallId = StrongId<struct CallIdTag, std::uint64_t>;
using UnitId = StrongId<struct UnitIdTag, std::uint32_t>;
using StationId = StrongId<struct StationIdTag, std::uint32_t>;
using OrderId = StrongId<struct OrderIdTag, std::uint64_t>;
using WarningId = StrongId<struct WarningIdTag, std::uint64_t>;

// Event log.
using SequenceNumber = StrongId<struct SequenceNumberTag, std::uint64_t>;

// Quantities.
using Meters = Quantity<struct MetersTag, double>;
using Seconds = Quantity<struct SecondsTag, double>;
using MetersPerSecond = Quantity<struct MetersPerSecondTag, double>;

constexpr Seconds travel_time(Meters distance, MetersPerSecond speed) {
  return Seconds(distance.value() / speed.value());
}

constexpr MetersPerSecond kmh(double kilometres_per_hour) {
  return MetersPerSecond(kilometres_per_hour / 3.6);
}

}  // namespace shouwang
