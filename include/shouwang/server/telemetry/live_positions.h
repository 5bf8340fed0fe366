#pragma once
// LivePositions: where every unit is now. It keeps each unit's accepted fixes in a small
// ring (the newest `recent_capacity`, oldest dropped first); the newest is the unit's live
// position. Only accepted fixes belong here (TelemetryIntake puts them), so times rise.
//
// Memory: a ring slot is a compact copy of a fix (kSlotBytes: doubles for the position,
// microseconds for the times, floats for speed, heading and accuracy), grown on demand up
// to the capacity. bytes_per_unit(120) is about 6 KiB; memory_bytes() sums what is held.
//
// Thread safety: every member may be called from any thread (one mutex; copies out).

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/server/telemetry/position_fix.h>

namespace shouwang::server::telemetry {

class LivePositions {
  // A fix without its unit code; absent options are NaN.
  struct Slot {
    double lat;
    double lon;
    std::int64_t t_us;
    std::int64_t received_us;
    float speed_mps;
    float heading_deg;
    float accuracy_m;
  };

 public:
  static constexpr std::size_t kDefaultRecent = 120;
  static constexpr std::size_t kSlotBytes = sizeof(Slot);

  explicit LivePositions(std::size_t recent_capacity = kDefaultRecent);

  // Appends an accepted fix; the unit's live position becomes `fix`.
  void update(const PositionFix& fix);
  // Removes a unit (taken out of service).
  void forget(std::string_view unit);

  [[nodiscard]] std::optional<PositionFix> latest(std::string_view unit) const;
  // The unit's kept fixes, oldest first; empty for an unknown unit.
  [[nodiscard]] std::vector<PositionFix> recent(std::string_view unit) const;
  // The live position of every unit, ordered by unit code.
  [[nodiscard]] std::vector<PositionFix> snapshot() const;

  [[nodiscard]] std::size_t units() const;
  [[nodiscard]] std::size_t recent_capacity() const { return capacity_; }
  // Estimated bytes for one unit with a full ring of `capacity` (map node, code, ring).
  [[nodiscard]] static std::size_t bytes_per_unit(std::size_t capacity);
  // Estimated bytes held now for all units.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  struct Ring {
    std::vector<Slot> slots;  // grows to capacity_, then wraps
    std::size_t next = 0;     // where the next slot goes once full
    [[nodiscard]] const Slot& newest() const;
  };

  static PositionFix expand(const std::string& unit, const Slot& slot);
  static Slot compact(const PositionFix& fix);
  static std::size_t unit_bytes(const std::string& unit, std::size_t slots);

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::string, Ring, std::less<>> units_;
};

}  // namespace shouwang::server::telemetry
