#include "server/units/position_batch.h"

#include <cstdio>

namespace shouwang::server::detail {
namespace {

void append_number(std::string& out, const char* name, double value, const char* format) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, format, name, value);
  if (n > 0) out.append(buffer, static_cast<std::size_t>(std::min<int>(n, sizeof buffer - 1)));
}

}  // namespace

std::string position_json(const telemetry::PositionFix& fix) {
  // Unit codes are letters, digits and '-' (unit_code.h), so they need no escaping.
  std::string out = "{\"unit\":\"" + fix.unit + "\"";
  // Seven decimals of a degree are about a centimetre: more than any receiver gives.
  append_number(out, "lat", fix.position.lat, ",\"%s\":%.7f");
  append_number(out, "lon", fix.position.lon, ",\"%s\":%.7f");
  out += ",\"t\":\"" + fix.t.to_iso8601() + "\",\"received\":\"" + fix.received_at.to_iso8601() + "\"";
  if (fix.speed_mps) append_number(out, "speed", *fix.speed_mps, ",\"%s\":%.2f");
  if (fix.heading_deg) append_number(out, "heading", *fix.heading_deg, ",\"%s\":%.1f");
  if (fix.accuracy_m) append_number(out, "accuracy", *fix.accuracy_m, ",\"%s\":%.1f");
  out += '}';
  return out;
}

void PositionBatch::add(const telemetry::PositionFix& fix, std::string station) {
  Entry entry{fix.unit, std::move(station), position_json(fix)};
  std::lock_guard lock(mutex_);
  pending_.insert_or_assign(fix.unit, std::move(entry));
}

std::vector<PositionBatch::Entry> PositionBatch::take() {
  std::map<std::string, Entry, std::less<>> taken;
  {
    std::lock_guard lock(mutex_);
    taken.swap(pending_);
  }
  std::vector<Entry> out;
  out.reserve(taken.size());
  for (auto& [unit, entry] : taken) out.push_back(std::move(entry));
  return out;
}

std::optional<std::string> render_positions(const std::vector<PositionBatch::Entry>& entries,
                                            const Principal& principal, const AccessPolicy& policy) {
  std::string out = "{\"positions\":[";
  bool any = false;
  for (const auto& entry : entries) {
    if (!policy.may_see_unit(principal, entry.unit, entry.station)) continue;
    if (any) out += ',';
    out += entry.json;
    any = true;
  }
  if (!any) return std::nullopt;
  out += "]}";
  return out;
}

}  // namespace shouwang::server::detail
