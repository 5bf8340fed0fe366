#include <shouwang/sim/order_feed.h>

namespace shouwang::sim {
namespace {

using nlohmann::json;

std::string text(const json& object, const char* name) {
  const auto at = object.find(name);
  return at != object.end() && at->is_string() ? at->get<std::string>() : std::string();
}

std::optional<LatLon> position_of(const json& candidate) {
  if (!candidate.is_object())
    return std::nullopt;
  const auto lat = candidate.find("lat");
  const auto lon = candidate.find("lon");
  if (lat == candidate.end() || lon == candidate.end() || !lat->is_number() || !lon->is_number())
    return std::nullopt;
  return LatLon{lat->get<double>(), lon->get<double>()};
}

std::optional<LatLon> incident_position(const json& incident) {
  const auto location = incident.find("location");
  if (location == incident.end() || !location->is_object())
    return std::nullopt;
  const auto candidates = location->find("candidates");
  if (candidates == location->end() || !candidates->is_array() || candidates->empty())
    return std::nullopt;
  const auto confirmed = location->find("confirmed");
  if (confirmed != location->end() && confirmed->is_number_unsigned()) {
    const auto index = confirmed->get<std::size_t>();
    if (index < candidates->size()) {
      if (auto p = position_of((*candidates)[index]))
        return p;
    }
  }
  for (auto it = candidates->rbegin(); it != candidates->rend(); ++it) {
    if (auto p = position_of(*it))
      return p;
  }
  return std::nullopt;
}

}  // namespace

bool OrderNews::open() const {
  return status == "issued" || status == "signed_for" || status == "en_route" ||
         status == "arrived" || status == "feedback";
}

std::optional<OrderNews> read_order(const json& o) {
  if (!o.is_object())
    return std::nullopt;
  OrderNews order;
  order.id = text(o, "id");
  order.incident = text(o, "incident");
  order.status = text(o, "status");
  if (const auto target = o.find("target"); target != o.end() && target->is_object()) {
    order.target_kind = text(*target, "kind");
    order.target = text(*target, "id");
  }
  if (order.id.empty() || order.status.empty())
    return std::nullopt;
  return order;
}

FeedNews read_feed(const json& message, bool snapshot) {
  FeedNews news;
  news.snapshot = snapshot;
  const json* records = &message;
  if (snapshot) {
    const auto inner = message.find("snapshot");
    if (inner == message.end() || !inner->is_object())
      return news;
    records = &*inner;
  }
  if (const auto orders = records->find("orders"); orders != records->end() && orders->is_array()) {
    for (const json& o : *orders) {
      if (auto order = read_order(o))
        news.orders.push_back(std::move(*order));
    }
  }
  if (const auto incidents = records->find("incidents");
      incidents != records->end() && incidents->is_array()) {
    for (const json& i : *incidents) {
      if (!i.is_object())
        continue;
      IncidentNews incident;
      incident.id = text(i, "id");
      incident.status = text(i, "status");
      incident.type_code = text(i, "type_code");
      incident.station = text(i, "station");
      if (const auto p = i.find("priority"); p != i.end() && p->is_number_integer())
        incident.priority = p->get<int>();
      incident.position = incident_position(i);
      if (incident.id.empty())
        continue;
      news.incidents.push_back(std::move(incident));
    }
  }
  return news;
}

}  // namespace shouwang::sim
