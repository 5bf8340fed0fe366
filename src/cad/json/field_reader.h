#pragma once
// Reads the fields of one JSON object (an event payload, a part of a snapshot) and throws
// JsonFormatError naming the field's path ("incidents.310100-20261122-000001.priority")
// when a field is missing or has the wrong type. Only the boundaries that turn corrupt
// input into Errc::kCorrupt (apply(), parse_state()) use it and catch the exception.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>

namespace shouwang::cad {

// `field()` is the path of the offending field ("target.kind"), empty when the whole
// document is wrong.
class JsonFormatError : public std::runtime_error {
 public:
  explicit JsonFormatError(const std::string& message, std::string field = {})
      : std::runtime_error(message), field_(std::move(field)) {}
  [[nodiscard]] const std::string& field() const { return field_; }

 private:
  std::string field_;
};

class FieldReader {
 public:
  // Throws unless `object` is a JSON object. `path` prefixes field names in errors.
  FieldReader(const nlohmann::json& object, std::string path);

  [[nodiscard]] bool has(std::string_view key) const;  // present and not null
  [[nodiscard]] const nlohmann::json& raw(std::string_view key) const;
  [[nodiscard]] std::string string(std::string_view key) const;
  [[nodiscard]] std::string string_or_empty(std::string_view key) const;
  [[nodiscard]] std::int64_t integer(std::string_view key) const;
  [[nodiscard]] double number(std::string_view key) const;
  [[nodiscard]] bool boolean(std::string_view key) const;
  [[nodiscard]] UtcTime time(std::string_view key) const;
  [[nodiscard]] std::optional<UtcTime> optional_time(std::string_view key) const;
  [[nodiscard]] std::optional<LatLon> optional_lat_lon(std::string_view lat_key,
                                                       std::string_view lon_key) const;
  // Ids in text form; the optional_ variants give an invalid id for an absent field.
  [[nodiscard]] IncidentId incident_id(std::string_view key) const;
  [[nodiscard]] CallId call_id(std::string_view key) const;
  [[nodiscard]] OrderId order_id(std::string_view key) const;
  [[nodiscard]] IncidentId optional_incident_id(std::string_view key) const;
  [[nodiscard]] CallId optional_call_id(std::string_view key) const;
  [[nodiscard]] OrderId optional_order_id(std::string_view key) const;
  [[nodiscard]] FieldReader object(std::string_view key) const;
  [[nodiscard]] const nlohmann::json& array(std::string_view key) const;
  // An array of strings.
  [[nodiscard]] std::vector<std::string> strings(std::string_view key) const;

  // A named enumeration value, parsed by `parse` (e.g. parse_order_status).
  template <typename E>
  E enumeration(std::string_view key, std::optional<E> (*parse)(std::string_view)) const {
    const std::string name = string(key);
    const auto value = parse(name);
    if (!value)
      fail(key, "'" + name + "' is not a known value");
    return *value;
  }

  [[nodiscard]] std::string path_of(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& what) const;

 private:
  const nlohmann::json* object_;
  std::string path_;
};

// Writing the same shapes: ids and times in text form; absent optionals are left out.
void put_id(nlohmann::json& out, std::string_view key, IncidentId id);
void put_id(nlohmann::json& out, std::string_view key, CallId id);
void put_id(nlohmann::json& out, std::string_view key, OrderId id);
void put_time(nlohmann::json& out, std::string_view key, UtcTime time);
void put_time(nlohmann::json& out, std::string_view key, const std::optional<UtcTime>& time);

}  // namespace shouwang::cad
