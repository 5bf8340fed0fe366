#include "exchange/eido/pidf_lo.h"

#include <charconv>
#include <cmath>
#include <system_error>
#include <vector>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/markup.h"

namespace shouwang::exchange::eido {
namespace {

constexpr std::string_view kWgs84 = "urn:ogc:def:crs:EPSG::4326";
constexpr std::string_view kMetre = "urn:ogc:def:uom:EPSG::9001";

bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i]))
      ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i]))
      ++i;
    if (i > start)
      out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::optional<double> number(std::string_view text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// The text content of the elements we read, by local name (first occurrence of each).
struct Elements {
  std::optional<std::string> pos, radius, loc, method, timestamp;
};

void collect(std::string_view xml, Elements& out) {
  std::size_t i = 0;
  while (true) {
    const auto open = xml.find('<', i);
    if (open == std::string_view::npos || open + 1 >= xml.size())
      return;
    const auto close = xml.find('>', open + 1);
    if (close == std::string_view::npos)
      return;
    i = close + 1;
    const std::string_view tag = xml.substr(open + 1, close - open - 1);
    if (tag.empty() || tag[0] == '/' || tag[0] == '?' || tag[0] == '!' || tag.back() == '/')
      continue;
    std::size_t name_end = 0;
    while (name_end < tag.size() && !is_space(tag[name_end]))
      ++name_end;
    std::string_view name = tag.substr(0, name_end);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos)
      name = name.substr(colon + 1);
    std::optional<std::string>* slot = nullptr;
    if (name == "pos")
      slot = &out.pos;
    else if (name == "radius")
      slot = &out.radius;
    else if (name == "LOC")
      slot = &out.loc;
    else if (name == "method")
      slot = &out.method;
    else if (name == "timestamp")
      slot = &out.timestamp;
    if (slot == nullptr || slot->has_value())
      continue;
    const auto end = xml.find('<', i);
    *slot = unescape_markup(xml.substr(i, (end == std::string_view::npos ? xml.size() : end) - i));
  }
}

}  // namespace

std::string write_pidf(const PidfLocation& location, std::string_view entity,
                       std::string_view device, std::int32_t offset_minutes) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  xml += "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
         " xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\""
         " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
         " xmlns:gml=\"http://www.opengis.net/gml\""
         " xmlns:gs=\"http://www.opengis.net/pidflo/1.0\""
         " xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\" entity=\"";
  xml += escape_markup(entity);
  xml += "\"><dm:device id=\"" + escape_markup(device) + "\"><gp:geopriv><gp:location-info>";
  if (location.position) {
    const std::string pos =
        format_number(location.position->lat) + " " + format_number(location.position->lon);
    if (location.radius_m > 0.0) {
      xml += "<gs:Circle srsName=\"" + std::string(kWgs84) + "\"><gml:pos>" + pos +
             "</gml:pos><gs:radius uom=\"" + std::string(kMetre) + "\">" +
             format_number(location.radius_m) + "</gs:radius></gs:Circle>";
    } else {
      xml += "<gml:Point srsName=\"" + std::string(kWgs84) + "\"><gml:pos>" + pos +
             "</gml:pos></gml:Point>";
    }
  }
  if (!location.text.empty()) {
    xml += "<ca:civicAddress xml:lang=\"zh\"><ca:country>CN</ca:country><ca:LOC>" +
           escape_markup(location.text) + "</ca:LOC></ca:civicAddress>";
  }
  xml += "</gp:location-info><gp:usage-rules/>";
  if (!location.method.empty())
    xml += "<gp:method>" + escape_markup(location.method) + "</gp:method>";
  xml += "</gp:geopriv>";
  if (location.timestamp)
    xml += "<dm:timestamp>" + format_time(*location.timestamp, offset_minutes) + "</dm:timestamp>";
  xml += "</dm:device></presence>";
  return xml;
}

Result<PidfLocation> read_pidf(std::string_view xml) {
  Elements found;
  collect(xml, found);
  PidfLocation out;
  if (found.pos) {
    const auto parts = words(*found.pos);
    std::optional<double> lat, lon;
    if (parts.size() >= 2) {
      lat = number(parts[0]);
      lon = number(parts[1]);
    }
    if (!lat || !lon) {
      return Error(Errc::kInvalidArgument,
                   "the PIDF-LO gml:pos must hold a latitude and a longitude, got '" + *found.pos + "'");
    }
    out.position = LatLon{*lat, *lon};
  }
  if (found.radius && out.position) {
    const auto parts = words(*found.radius);
    const auto radius = parts.size() == 1 ? number(parts[0]) : std::nullopt;
    if (!radius || *radius < 0.0) {
      return Error(Errc::kInvalidArgument,
                   "the PIDF-LO gs:radius must be a distance in metres, got '" + *found.radius + "'");
    }
    out.radius_m = *radius;
  }
  if (found.loc)
    out.text = *found.loc;
  if (found.method) {
    const auto parts = words(*found.method);
    out.method = parts.empty() ? std::string() : std::string(parts[0]);
  }
  if (found.timestamp) {
    const auto parts = words(*found.timestamp);
    auto time = UtcTime::parse_iso8601(parts.size() == 1 ? std::string(parts[0]) : *found.timestamp);
    if (!time.ok()) {
      return Error(Errc::kInvalidArgument,
                   "the PIDF-LO timestamp is not a time: " + time.error().message);
    }
    out.timestamp = *time;
  }
  return out;
}

}  // namespace shouwang::exchange::eido
