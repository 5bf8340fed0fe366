#include <shouwang/server/telemetry/live_positions.h>

#include <algorithm>
#include <cmath>

namespace shouwang::server::telemetry {
namespace {

constexpr std::size_t kFirstReserve = 8;
constexpr std::size_t kHeapBlockOverhead = 16;  // glibc malloc's bookkeeping, about
constexpr std::size_t kShortString = 15;        // libstdc++ keeps shorter strings inline

float to_float(const std::optional<double>& v) {
  return v ? static_cast<float>(*v) : std::nanf("");
}

std::optional<double> from_float(float v) {
  if (std::isnan(v)) return std::nullopt;
  return static_cast<double>(v);
}

}  // namespace

LivePositions::LivePositions(std::size_t recent_capacity) : capacity_(std::max<std::size_t>(1, recent_capacity)) {}

const LivePositions::Slot& LivePositions::Ring::newest() const {
  return slots[(next + slots.size() - 1) % slots.size()];
}

LivePositions::Slot LivePositions::compact(const PositionFix& fix) {
  return Slot{fix.position.lat,      fix.position.lon,        fix.t.micros(),
              fix.received_at.micros(), to_float(fix.speed_mps), to_float(fix.heading_deg),
              to_float(fix.accuracy_m)};
}

PositionFix LivePositions::expand(const std::string& unit, const Slot& slot) {
  return PositionFix{unit,
                     LatLon{slot.lat, slot.lon},
                     UtcTime::from_micros(slot.t_us),
                     from_float(slot.speed_mps),
                     from_float(slot.heading_deg),
                     from_float(slot.accuracy_m),
                     UtcTime::from_micros(slot.received_us)};
}

void LivePositions::update(const PositionFix& fix) {
  const Slot slot = compact(fix);
  const std::lock_guard lock(mutex_);
  auto it = units_.find(fix.unit);
  if (it == units_.end()) it = units_.emplace(fix.unit, Ring{}).first;
  Ring& ring = it->second;
  if (ring.slots.size() < capacity_) {
    if (ring.slots.size() == ring.slots.capacity()) {
      ring.slots.reserve(std::min(capacity_, std::max(kFirstReserve, 2 * ring.slots.capacity())));
    }
    ring.slots.push_back(slot);
    ring.next = ring.slots.size() % capacity_;
  } else {
    ring.slots[ring.next] = slot;
    ring.next = (ring.next + 1) % capacity_;
  }
}

void LivePositions::forget(std::string_view unit) {
  const std::lock_guard lock(mutex_);
  if (const auto it = units_.find(unit); it != units_.end()) units_.erase(it);
}

std::optional<PositionFix> LivePositions::latest(std::string_view unit) const {
  const std::lock_guard lock(mutex_);
  const auto it = units_.find(unit);
  if (it == units_.end()) return std::nullopt;
  return expand(it->first, it->second.newest());
}

std::vector<PositionFix> LivePositions::recent(std::string_view unit) const {
  const std::lock_guard lock(mutex_);
  std::vector<PositionFix> out;
  const auto it = units_.find(unit);
  if (it == units_.end()) return out;
  const Ring& ring = it->second;
  const std::size_t n = ring.slots.size();
  const std::size_t oldest = n < capacity_ ? 0 : ring.next;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) out.push_back(expand(it->first, ring.slots[(oldest + k) % n]));
  return out;
}

std::vector<PositionFix> LivePositions::snapshot() const {
  const std::lock_guard lock(mutex_);
  std::vector<PositionFix> out;
  out.reserve(units_.size());
  for (const auto& [unit, ring] : units_) out.push_back(expand(unit, ring.newest()));
  return out;
}

std::size_t LivePositions::units() const {
  const std::lock_guard lock(mutex_);
  return units_.size();
}

std::size_t LivePositions::unit_bytes(const std::string& unit, std::size_t slots) {
  // A map node: the tree links and colour (32 bytes in libstdc++), the key and the ring.
  std::size_t bytes = 32 + sizeof(std::string) + sizeof(Ring) + kHeapBlockOverhead;
  if (unit.size() > kShortString) bytes += unit.size() + 1 + kHeapBlockOverhead;
  if (slots > 0) bytes += slots * sizeof(Slot) + kHeapBlockOverhead;
  return bytes;
}

std::size_t LivePositions::bytes_per_unit(std::size_t capacity) {
  return unit_bytes(std::string(kShortString, 'x'), capacity);
}

std::size_t LivePositions::memory_bytes() const {
  const std::lock_guard lock(mutex_);
  std::size_t bytes = sizeof(*this);
  for (const auto& [unit, ring] : units_) bytes += unit_bytes(unit, ring.slots.capacity());
  return bytes;
}

}  // namespace shouwang::server::telemetry
