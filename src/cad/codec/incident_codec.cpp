#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

std::string item_path(const FieldReader& in, std::string_view key, std::size_t k) {
  return in.path_of(key) + "[" + std::to_string(k) + "]";
}

nlohmann::json encode(const IncidentTimes& t) {
  nlohmann::json out = nlohmann::json::object();
  put_time(out, "created", t.created);
  put_time(out, "accepted", t.accepted);
  put_time(out, "first_order_issued", t.first_order_issued);
  put_time(out, "first_order_received", t.first_order_received);
  put_time(out, "first_signed_for", t.first_signed_for);
  put_time(out, "first_en_route", t.first_en_route);
  put_time(out, "first_arrived", t.first_arrived);
  put_time(out, "first_feedback", t.first_feedback);
  put_time(out, "scene_closed", t.scene_closed);
  put_time(out, "terminated", t.terminated);
  put_time(out, "archived", t.archived);
  return out;
}

IncidentTimes decode_times(const FieldReader& in) {
  IncidentTimes t;
  t.created = in.time("created");
  t.accepted = in.optional_time("accepted");
  t.first_order_issued = in.optional_time("first_order_issued");
  t.first_order_received = in.optional_time("first_order_received");
  t.first_signed_for = in.optional_time("first_signed_for");
  t.first_en_route = in.optional_time("first_en_route");
  t.first_arrived = in.optional_time("first_arrived");
  t.first_feedback = in.optional_time("first_feedback");
  t.scene_closed = in.optional_time("scene_closed");
  t.terminated = in.optional_time("terminated");
  t.archived = in.optional_time("archived");
  return t;
}

nlohmann::json encode(const IncidentLocation& location) {
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& c : location.candidates) {
    nlohmann::json item = {{"source", to_string(c.source)},
                           {"text", c.text},
                           {"observed_at", c.observed_at.to_iso8601()},
                           {"added_at", c.added_at.to_iso8601()},
                           {"added_by", c.added_by},
                           {"confirmed_by", c.confirmed_by}};
    if (c.position) {
      item["lat"] = c.position->lat;
      item["lon"] = c.position->lon;
      item["uncertainty_m"] = c.uncertainty.value();
    }
    put_time(item, "confirmed_at", c.confirmed_at);
    candidates.push_back(std::move(item));
  }
  nlohmann::json out = {{"candidates", std::move(candidates)},
                        {"needs_confirmation", location.needs_confirmation}};
  if (location.confirmed)
    out["confirmed"] = *location.confirmed;
  return out;
}

IncidentLocation decode_location(const FieldReader& in) {
  IncidentLocation location;
  const auto& items = in.array("candidates");
  for (std::size_t k = 0; k < items.size(); ++k) {
    const FieldReader item(items[k], item_path(in, "candidates", k));
    LocationCandidate c;
    c.source = item.enumeration<LocationSource>("source", parse_location_source);
    c.text = item.string("text");
    c.position = item.optional_lat_lon("lat", "lon");
    if (c.position)
      c.uncertainty = Meters(item.number("uncertainty_m"));
    c.observed_at = item.time("observed_at");
    c.added_at = item.time("added_at");
    c.added_by = item.string("added_by");
    c.confirmed_by = item.string("confirmed_by");
    c.confirmed_at = item.optional_time("confirmed_at");
    location.candidates.push_back(std::move(c));
  }
  location.needs_confirmation = in.boolean("needs_confirmation");
  if (in.has("confirmed")) {
    const auto index = in.integer("confirmed");
    if (index < 0)
      in.fail("confirmed", "must be >= 0");
    location.confirmed = static_cast<std::size_t>(index);
  }
  return location;
}

nlohmann::json encode(const std::map<std::string, FieldValue>& fields) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, field] : fields) {
    nlohmann::json item = {
        {"value", field.value}, {"verified", field.verified}, {"verified_by", field.verified_by}};
    put_time(item, "verified_at", field.verified_at);
    out[name] = std::move(item);
  }
  return out;
}

std::map<std::string, FieldValue> decode_fields(const FieldReader& in) {
  std::map<std::string, FieldValue> fields;
  for (const auto& [name, value] : in.raw("fields").items()) {
    const FieldReader item(value, in.path_of("fields") + "." + name);
    fields[name] = {item.string("value"), item.boolean("verified"), item.string("verified_by"),
                    item.optional_time("verified_at")};
  }
  return fields;
}

template <typename Involved>
nlohmann::json encode_involved(const std::vector<Involved>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) {
    out.push_back({{"role", to_string(item.role)},
                   {"fields", encode(item.fields)},
                   {"added_at", item.added_at.to_iso8601()},
                   {"added_by", item.added_by}});
  }
  return out;
}

template <typename Involved, typename Role>
std::vector<Involved> decode_involved(const FieldReader& in, std::string_view key,
                                      std::optional<Role> (*parse_role)(std::string_view)) {
  std::vector<Involved> out;
  const auto& items = in.array(key);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const FieldReader item(items[k], item_path(in, key, k));
    Involved involved;
    involved.role = item.enumeration<Role>("role", parse_role);
    (void)item.object("fields");
    involved.fields = decode_fields(item);
    involved.added_at = item.time("added_at");
    involved.added_by = item.string("added_by");
    out.push_back(std::move(involved));
  }
  return out;
}

}  // namespace

nlohmann::json encode(const Incident& i) {
  nlohmann::json links = nlohmann::json::array();
  for (const auto& link : i.links) {
    links.push_back({{"other", to_string(link.other)},
                     {"reason", link.reason},
                     {"at", link.at.to_iso8601()},
                     {"by", link.by}});
  }
  nlohmann::json cautions = nlohmann::json::array();
  for (const auto& c : i.cautions) {
    cautions.push_back({{"kind", to_string(c.kind)},
                        {"count", c.count},
                        {"detail", c.detail},
                        {"at", c.at.to_iso8601()},
                        {"by", c.by}});
  }
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : i.notes) {
    notes.push_back({{"text", n.text}, {"at", n.at.to_iso8601()}, {"author", n.author}});
  }
  nlohmann::json out = {{"id", to_string(i.id)},
                        {"status", to_string(i.status)},
                        {"summary", i.summary},
                        {"created_by", i.created_by},
                        {"type_code", i.type_code},
                        {"common_type", i.common_type},
                        {"priority", i.priority},
                        {"priority_source", to_string(i.priority_source)},
                        {"disposition", i.disposition},
                        {"station", i.station},
                        {"station_by_dispatcher", i.station_by_dispatcher},
                        {"calls", encode_ids(i.calls)},
                        {"merged_from", encode_ids(i.merged_from)},
                        {"links", std::move(links)},
                        {"location", encode(i.location)},
                        {"cautions", std::move(cautions)},
                        {"notes", std::move(notes)},
                        {"persons", encode_involved(i.persons)},
                        {"vehicles", encode_involved(i.vehicles)},
                        {"orders", encode_ids(i.orders)},
                        {"times", encode(i.times)},
                        {"history", encode_history(i.history)}};
  put_id(out, "merged_into", i.merged_into);
  put_missed(out, i.missed);
  if (i.transfer) {
    out["transfer"] = {{"to_agency", i.transfer->to_agency},
                       {"reason", i.transfer->reason},
                       {"at", i.transfer->at.to_iso8601()},
                       {"by", i.transfer->by}};
  }
  return out;
}

Incident decode_incident(const FieldReader& in) {
  Incident i;
  i.id = in.incident_id("id");
  i.status = in.enumeration<IncidentStatus>("status", parse_incident_status);
  i.summary = in.string("summary");
  i.created_by = in.string("created_by");
  i.type_code = in.string("type_code");
  i.common_type = in.string("common_type");
  i.priority = static_cast<int>(in.integer("priority"));
  i.priority_source = in.enumeration<PrioritySource>("priority_source", parse_priority_source);
  i.disposition = in.string("disposition");
  // Absent in snapshots written before stations were recorded.
  i.station = in.string_or_empty("station");
  i.station_by_dispatcher = in.has("station_by_dispatcher") && in.boolean("station_by_dispatcher");
  i.calls = decode_ids<CallId>(in, "calls", parse_call_id);
  i.merged_from = decode_ids<IncidentId>(in, "merged_from", parse_incident_id);
  const auto& links = in.array("links");
  for (std::size_t k = 0; k < links.size(); ++k) {
    const FieldReader link(links[k], item_path(in, "links", k));
    i.links.push_back(
        {link.incident_id("other"), link.string("reason"), link.time("at"), link.string("by")});
  }
  i.location = decode_location(in.object("location"));
  const auto& cautions = in.array("cautions");
  for (std::size_t k = 0; k < cautions.size(); ++k) {
    const FieldReader c(cautions[k], item_path(in, "cautions", k));
    i.cautions.push_back({c.enumeration<CautionKind>("kind", parse_caution_kind),
                          static_cast<int>(c.integer("count")), c.string("detail"), c.time("at"),
                          c.string("by")});
  }
  const auto& notes = in.array("notes");
  for (std::size_t k = 0; k < notes.size(); ++k) {
    const FieldReader n(notes[k], item_path(in, "notes", k));
    i.notes.push_back({n.string("text"), n.time("at"), n.string("author")});
  }
  i.persons = decode_involved<Person, PersonRole>(in, "persons", parse_person_role);
  i.vehicles = decode_involved<Vehicle, VehicleRole>(in, "vehicles", parse_vehicle_role);
  i.orders = decode_ids<OrderId>(in, "orders", parse_order_id);
  i.times = decode_times(in.object("times"));
  i.history = decode_history<IncidentStatus>(in, "history", parse_incident_status);
  i.merged_into = in.optional_incident_id("merged_into");
  i.missed = read_missed(in);
  if (in.has("transfer")) {
    const FieldReader t = in.object("transfer");
    i.transfer = Transfer{t.string("to_agency"), t.string("reason"), t.time("at"), t.string("by")};
  }
  return i;
}

}  // namespace shouwang::cad
