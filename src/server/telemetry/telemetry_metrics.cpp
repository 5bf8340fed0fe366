#include <shouwang/server/telemetry/telemetry_metrics.h>

namespace shouwang::server::telemetry {
namespace {

constexpr const char* kPrefix = "shouwang_telemetry_";

void header(std::string& out, const std::string& name, const char* type, const char* help) {
  out += "# HELP ";
  out += kPrefix + name + " " + help + "\n# TYPE " + kPrefix + name + " " + type + "\n";
}

void sample(std::string& out, const std::string& name, const std::string& labels, std::uint64_t value) {
  out += kPrefix + name + (labels.empty() ? "" : "{" + labels + "}") + " " + std::to_string(value) + "\n";
}

void single(std::string& out, const std::string& name, const char* type, const char* help, std::uint64_t value) {
  header(out, name, type, help);
  sample(out, name, "", value);
}

}  // namespace

std::string to_prometheus(const TelemetryStats& stats) {
  std::string out;
  header(out, "fixes_total", "counter", "Position reports by verdict.");
  for (std::size_t k = 0; k < kVerdictCount; ++k) {
    const auto v = static_cast<Verdict>(k);
    sample(out, "fixes_total", "verdict=\"" + std::string(verdict_name(v)) + "\"", stats.verdicts[v]);
  }
  single(out, "known_units", "gauge", "Units that may report positions.", stats.known_units);
  single(out, "live_units", "gauge", "Units with a live position.", stats.live_units);
  single(out, "listener_errors_total", "counter", "Accepted fixes whose listener threw.", stats.listener_errors);
  return out;
}

std::string to_prometheus(const MqttStats& stats) {
  std::string out;
  single(out, "mqtt_connected", "gauge", "1 while connected to the MQTT broker.",
         stats.state == MqttState::kConnected ? 1 : 0);
  single(out, "mqtt_messages_total", "counter", "Position messages received.", stats.messages);
  single(out, "mqtt_bad_topics_total", "counter", "Messages dropped for their topic.", stats.bad_topics);
  single(out, "mqtt_handler_errors_total", "counter", "Messages whose handler threw.", stats.handler_errors);
  single(out, "mqtt_connects_total", "counter", "Connections the broker accepted.", stats.connects);
  single(out, "mqtt_refusals_total", "counter", "Connections the broker refused.", stats.refusals);
  single(out, "mqtt_connection_losses_total", "counter", "Connections that broke.", stats.connection_losses);
  single(out, "mqtt_subscriptions_total", "counter", "Subscriptions the broker granted.", stats.subscriptions);
  return out;
}

std::string to_prometheus(const TrackStoreStats& stats) {
  std::string out;
  header(out, "track_points_total", "counter", "Track points by outcome.");
  sample(out, "track_points_total", "outcome=\"kept\"", stats.kept);
  sample(out, "track_points_total", "outcome=\"skipped\"", stats.skipped);
  sample(out, "track_points_total", "outcome=\"written\"", stats.written);
  sample(out, "track_points_total", "outcome=\"dropped\"", stats.dropped);
  single(out, "track_commits_total", "counter", "Track store transactions.", stats.commits);
  single(out, "track_write_failures_total", "counter", "Failed track store transactions.", stats.write_failures);
  single(out, "track_pending", "gauge", "Track points waiting to be written.", stats.pending);
  return out;
}

}  // namespace shouwang::server::telemetry
