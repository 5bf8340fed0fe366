#include <shouwang/exchange/circle_registry_file.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include <shouwang/base/text.h>
#include <shouwang/exchange/csv_reader.h>

namespace shouwang::exchange {
namespace {

using nlohmann::json;

// One record's fields as text, whatever the file's format.
using Fields = std::map<std::string, std::string, std::less<>>;

struct RecordReader {
  const Fields& fields;
  std::size_t place;
  std::vector<RegistryProblem>& problems;
  bool ok = true;

  std::string text(std::string_view key) const {
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : trim(it->second);
  }
  void fail(std::string_view field, std::string message) {
    problems.push_back({place, std::string(field), std::move(message)});
    ok = false;
  }
  std::optional<double> number(std::string_view key) {
    const std::string t = text(key);
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
      fail(key, t.empty() ? "is required" : "'" + t + "' is not a number");
      return std::nullopt;
    }
    return value;
  }
};

int tier_of(RecordReader& r) {
  const bool seconds = !r.text("tier_s").empty();
  const bool minutes = !r.text("tier_min").empty();
  if (!seconds && !minutes) {
    r.fail("tier_s", "a site needs its promise: tier_s (60, 180, 300) or tier_min (1, 3, 5)");
    return 0;
  }
  const auto value = r.number(seconds ? "tier_s" : "tier_min");
  if (!value)
    return 0;
  const double s = seconds ? *value : *value * 60;
  if (s != 60 && s != 180 && s != 300) {
    r.fail(seconds ? "tier_s" : "tier_min", "the promise is 1, 3 or 5 minutes (60, 180 or 300 s)");
    return 0;
  }
  return static_cast<int>(s);
}

std::optional<RegistryEntry> read_record(const Fields& fields, std::size_t place, std::optional<LatLon> point,
                                         std::vector<RegistryProblem>& problems) {
  RecordReader r{fields, place, problems};
  const std::string record = r.text("record");
  const std::string id = r.text("id");
  if (id.empty())
    r.fail("id", "is required");
  const std::string name = r.text("name");
  if (name.empty())
    r.fail("name", "is required");
  LatLon position;
  if (point) {
    position = *point;
  } else {
    const auto lat = r.number("lat");
    const auto lon = r.number("lon");
    if (lat && lon) {
      if (auto p = make_lat_lon(*lat, *lon); p.ok())
        position = *p;
      else
        r.fail("lat", p.error().message);
    }
  }
  const std::string station = r.text("station");
  if (record == "site") {
    cad::SiteProfile profile;
    profile.name = name;
    const std::string type = r.text("type");
    if (auto t = cad::parse_site_type(type))
      profile.type = *t;
    else
      r.fail("type", "'" + type + "' is not a site type (" + cad::site_type_names() + ")");
    profile.tier_s = tier_of(r);
    profile.station = station;
    profile.position = position;
    if (auto hours = cad::parse_opening_hours(r.text("hours"), "hours"); hours.ok())
      profile.hours = *hours;
    else
      r.fail("hours", hours.error().message);
    if (r.ok)
      return RegistryEntry{place, cad::RegisterSite{id, profile}};
  } else if (record == "post") {
    cad::PostProfile profile;
    profile.name = name;
    const std::string kind = r.text("kind");
    if (auto k = cad::parse_post_kind(kind.empty() ? "post" : kind))
      profile.kind = *k;
    else
      r.fail("kind", "'" + kind + "' is not a post kind (" + cad::post_kind_names() + ")");
    profile.station = station;
    profile.position = position;
    if (r.ok)
      return RegistryEntry{place, cad::RegisterPost{id, profile}};
  } else {
    r.fail("record", "is site or post, not '" + record + "'");
  }
  return std::nullopt;
}

Result<RegistryFile> read_csv(std::string_view text) {
  RegistryFile out;
  CsvReader reader(text);
  CsvRecord header;
  if (!reader.next(header) || header.problem)
    return Error(Errc::kInvalidArgument, "the file has no readable header line");
  std::vector<std::string> names;
  for (const std::string& h : header.fields)
    names.push_back(trim(h));
  for (const char* needed : {"record", "id", "name", "lat", "lon"}) {
    if (std::find(names.begin(), names.end(), needed) == names.end())
      return Error(Errc::kInvalidArgument, std::string("the header line has no column '") + needed + "'", needed);
  }
  CsvRecord row;
  while (reader.next(row)) {
    if (row.problem) {
      out.problems.push_back({row.line, "", row.problem->message});
      continue;
    }
    Fields fields;
    for (std::size_t k = 0; k < names.size() && k < row.fields.size(); ++k)
      fields[names[k]] = row.fields[k];
    if (auto entry = read_record(fields, row.line, std::nullopt, out.problems))
      out.entries.push_back(std::move(*entry));
  }
  return out;
}

Result<RegistryFile> read_geojson(std::string_view text) {
  RegistryFile out;
  out.geojson = true;
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& e) {
    return Error(Errc::kInvalidArgument, std::string("the file is not valid JSON: ") + e.what());
  }
  if (!document.is_object() || document.value("type", "") != "FeatureCollection" ||
      !document.contains("features") || !document["features"].is_array())
    return Error(Errc::kInvalidArgument, "a GeoJSON file here is a FeatureCollection with a features array");
  std::size_t number = 0;
  for (const json& feature : document["features"]) {
    ++number;
    const json* geometry = feature.is_object() && feature.contains("geometry") ? &feature["geometry"] : nullptr;
    const bool point = geometry != nullptr && geometry->is_object() && geometry->value("type", "") == "Point" &&
                       geometry->contains("coordinates") && (*geometry)["coordinates"].is_array() &&
                       (*geometry)["coordinates"].size() >= 2 && (*geometry)["coordinates"][0].is_number() &&
                       (*geometry)["coordinates"][1].is_number();
    if (!point) {
      out.problems.push_back({number, "geometry", "a site or post is a Point [lon, lat]"});
      continue;
    }
    const double lon = (*geometry)["coordinates"][0].get<double>();
    const double lat = (*geometry)["coordinates"][1].get<double>();
    auto position = make_lat_lon(lat, lon);
    if (!position.ok()) {
      out.problems.push_back({number, "geometry", position.error().message});
      continue;
    }
    Fields fields;
    if (feature.contains("properties") && feature["properties"].is_object()) {
      for (const auto& [key, value] : feature["properties"].items()) {
        if (value.is_string())
          fields[key] = value.get<std::string>();
        else if (value.is_number_integer())
          fields[key] = std::to_string(value.get<std::int64_t>());
        else if (value.is_number())
          fields[key] = std::to_string(value.get<double>());
      }
    }
    if (auto entry = read_record(fields, number, *position, out.problems))
      out.entries.push_back(std::move(*entry));
  }
  return out;
}

}  // namespace

Result<RegistryFile> read_registry_file(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && text[first] == '{')
    return read_geojson(text);
  return read_csv(text);
}

std::string place_text(const RegistryFile& file, std::size_t place) {
  return (file.geojson ? "feature " : "line ") + std::to_string(place);
}

}  // namespace shouwang::exchange
