#pragma once
// The server's side of unit telemetry: every position report, over MQTT or the HTTP
// fallback, goes through one TelemetryIntake (parse, filter, count); an accepted fix
//
//   - becomes the unit's live position (LivePositions) and, when the unit is on duty, its
//     place on the road network for recommendations (UnitLocator),
//   - is kept, downsampled, in tracks.db for replay (TrackStore), and
//   - reaches the consoles in the next "positions" message of the live stream: fixes are
//     gathered for `frame_interval` and broadcast once per scope, so a console gets one
//     message with every unit it may see that moved, not one per fix.
//
// The roster decides who may report: every registered unit that is not retired. A unit
// whose shift ends is taken off the road network (no recommendation uses a fix of an
// off-duty unit); its live position stays for the map.
//
// Threads: MQTT messages arrive on libmosquitto's thread, HTTP reports on the server's,
// roster changes on the log's writer (on_roster); a frame thread broadcasts. stop()
// stops MQTT, then the frame thread, then closes the track store.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>
#include <shouwang/server/stream_hub.h>
#include <shouwang/server/telemetry/mqtt_intake.h>
#include <shouwang/server/telemetry/telemetry_intake.h>
#include <shouwang/server/telemetry/track_store.h>
#include <shouwang/server/unit_locator.h>

namespace shouwang::server {

class AccessPolicy;
class LiveRenderer;

struct UnitTelemetryOptions {
  std::optional<telemetry::MqttOptions> mqtt;  // none: HTTP reports only
  std::filesystem::path tracks;                // tracks.db; empty: no tracks kept
  telemetry::TrackStoreOptions track_options{};
  telemetry::TelemetryIntakeOptions intake{};
  std::chrono::milliseconds frame_interval{100};
  std::chrono::hours track_retention{24 * 90};  // older track points are pruned hourly
};

class UnitTelemetry {
 public:
  // `locator` may be null (no road network). `hub`, `renderer`, `policy` and `clock` must
  // outlive the service. kIoError / kCorrupt when tracks.db cannot be opened.
  static Result<std::unique_ptr<UnitTelemetry>> open(UnitTelemetryOptions options, UnitLocator* locator,
                                                     StreamHub& hub, const LiveRenderer& renderer,
                                                     const AccessPolicy& policy, const Clock& clock);
  ~UnitTelemetry();
  UnitTelemetry(const UnitTelemetry&) = delete;
  UnitTelemetry& operator=(const UnitTelemetry&) = delete;

  // Starts MQTT (when configured) and the frame thread.
  Status start();
  void stop();

  // The roster after a commit that touched units (and once at start).
  void on_roster(const cad::State& state);

  // One report through the HTTP fallback. `why` receives the parse error of a malformed one.
  telemetry::Verdict accept(std::string_view unit, std::string_view payload, Error* why);

  [[nodiscard]] std::vector<telemetry::PositionFix> live() const;
  [[nodiscard]] std::optional<telemetry::PositionFix> live(std::string_view unit) const;
  [[nodiscard]] Result<std::vector<telemetry::TrackPoint>> track(std::string_view unit, UtcTime from, UtcTime to);

  // The telemetry, MQTT and track figures in the Prometheus text format.
  [[nodiscard]] std::string prometheus() const;
  // Bytes held for live positions per unit with full rings (for capacity planning).
  [[nodiscard]] std::size_t bytes_per_unit() const;

 private:
  struct Impl;
  explicit UnitTelemetry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::server
