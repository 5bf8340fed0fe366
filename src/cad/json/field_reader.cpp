#include "cad/json/field_reader.h"

#include <cmath>

#include <shouwang/cad/record_id.h>

namespace shouwang::cad {

FieldReader::FieldReader(const nlohmann::json& object, std::string path)
    : object_(&object), path_(std::move(path)) {
  if (!object.is_object()) {
    throw JsonFormatError((path_.empty() ? std::string("the document") : path_) +
                              " is not a JSON object",
                          path_);
  }
}

std::string FieldReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void FieldReader::fail(std::string_view key, const std::string& what) const {
  throw JsonFormatError("field " + path_of(key) + ": " + what, path_of(key));
}

bool FieldReader::has(std::string_view key) const {
  const auto it = object_->find(key);
  return it != object_->end() && !it->is_null();
}

const nlohmann::json& FieldReader::raw(std::string_view key) const {
  const auto it = object_->find(key);
  if (it == object_->end())
    fail(key, "is missing");
  return *it;
}

std::string FieldReader::string(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_string())
    fail(key, "must be a string");
  return value.get<std::string>();
}

std::string FieldReader::string_or_empty(std::string_view key) const {
  return has(key) ? string(key) : std::string();
}

std::int64_t FieldReader::integer(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_number_integer())
    fail(key, "must be a whole number");
  return value.get<std::int64_t>();
}

double FieldReader::number(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_number())
    fail(key, "must be a number");
  const double d = value.get<double>();
  if (!std::isfinite(d))
    fail(key, "must be finite");
  return d;
}

bool FieldReader::boolean(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_boolean())
    fail(key, "must be true or false");
  return value.get<bool>();
}

UtcTime FieldReader::time(std::string_view key) const {
  const std::string text = string(key);
  auto parsed = UtcTime::parse_iso8601(text);
  if (!parsed.ok())
    fail(key, "'" + text + "' is not an ISO 8601 time");
  return *parsed;
}

std::optional<UtcTime> FieldReader::optional_time(std::string_view key) const {
  if (!has(key))
    return std::nullopt;
  return time(key);
}

std::optional<LatLon> FieldReader::optional_lat_lon(std::string_view lat_key,
                                                    std::string_view lon_key) const {
  if (!has(lat_key) && !has(lon_key))
    return std::nullopt;
  auto position = make_lat_lon(number(lat_key), number(lon_key));
  if (!position.ok())
    fail(lat_key, position.error().message);
  return *position;
}

IncidentId FieldReader::incident_id(std::string_view key) const {
  auto id = parse_incident_id(string(key));
  if (!id.ok())
    fail(key, id.error().message);
  return *id;
}

CallId FieldReader::call_id(std::string_view key) const {
  auto id = parse_call_id(string(key));
  if (!id.ok())
    fail(key, id.error().message);
  return *id;
}

OrderId FieldReader::order_id(std::string_view key) const {
  auto id = parse_order_id(string(key));
  if (!id.ok())
    fail(key, id.error().message);
  return *id;
}

IncidentId FieldReader::optional_incident_id(std::string_view key) const {
  return has(key) ? incident_id(key) : IncidentId();
}

CallId FieldReader::optional_call_id(std::string_view key) const {
  return has(key) ? call_id(key) : CallId();
}

OrderId FieldReader::optional_order_id(std::string_view key) const {
  return has(key) ? order_id(key) : OrderId();
}

FieldReader FieldReader::object(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_object())
    fail(key, "must be an object");
  return FieldReader(value, path_of(key));
}

const nlohmann::json& FieldReader::array(std::string_view key) const {
  const auto& value = raw(key);
  if (!value.is_array())
    fail(key, "must be an array");
  return value;
}

std::vector<std::string> FieldReader::strings(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& item : array(key)) {
    if (!item.is_string())
      fail(key, "must hold strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

void put_id(nlohmann::json& out, std::string_view key, IncidentId id) {
  if (id.valid())
    out[std::string(key)] = to_string(id);
}

void put_id(nlohmann::json& out, std::string_view key, CallId id) {
  if (id.valid())
    out[std::string(key)] = to_string(id);
}

void put_id(nlohmann::json& out, std::string_view key, OrderId id) {
  if (id.valid())
    out[std::string(key)] = to_string(id);
}

void put_time(nlohmann::json& out, std::string_view key, UtcTime time) {
  out[std::string(key)] = time.to_iso8601();
}

void put_time(nlohmann::json& out, std::string_view key, const std::optional<UtcTime>& time) {
  if (time)
    out[std::string(key)] = time->to_iso8601();
}

}  // namespace shouwang::cad
