#pragma once
// Unit telemetry's figures in the Prometheus text exposition format, for Metrics'
// add_section. Names start with shouwang_telemetry_:
//   fixes_total{verdict="..."}, known_units, live_units, listener_errors_total;
//   mqtt_connected, mqtt_messages_total, mqtt_bad_topics_total, mqtt_handler_errors_total,
//   mqtt_connects_total, mqtt_refusals_total, mqtt_connection_losses_total,
//   mqtt_subscriptions_total;
//   track_points_total{outcome="kept|skipped|written|dropped"}, track_commits_total,
//   track_write_failures_total, track_pending.

#include <string>

#include <shouwang/server/telemetry/mqtt_intake.h>
#include <shouwang/server/telemetry/telemetry_intake.h>
#include <shouwang/server/telemetry/track_store.h>

namespace shouwang::server::telemetry {

std::string to_prometheus(const TelemetryStats& stats);
std::string to_prometheus(const MqttStats& stats);
std::string to_prometheus(const TrackStoreStats& stats);

}  // namespace shouwang::server::telemetry
