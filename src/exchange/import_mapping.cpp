#include <shouwang/exchange/import_mapping.h>

#include <fstream>
#include <sstream>

#include <shouwang/exchange/coordinate_transform.h>
#include <shouwang/exchange/local_time.h>

#include "exchange/mapping_parser.h"
#include "exchange/sha256.h"

namespace shouwang::exchange {
namespace detail {

Status MappingParser::parse(const toml::table& root, ImportMapping& out) {
  if (auto s = f_.only(root, "", {"name", "centre_utc_offset_minutes", "record", "time", "location", "type",
                                  "priority", "dispatch", "disposition"});
      !s) {
    return s;
  }
  auto name = f_.string(root, "", "name");
  if (!name) return name.error();
  out.name = name->value_or("");
  auto offset = f_.integer(root, "", "centre_utc_offset_minutes");
  if (!offset) return offset.error();
  if (*offset) {
    if (**offset < -14 * 60 || **offset > 14 * 60) {
      return f_.error(TomlFields::key_at(*root.get("centre_utc_offset_minutes"), "centre_utc_offset_minutes"),
                      "must be within -840..840 (±14 hours)");
    }
    out.centre_utc_offset_minutes = static_cast<int>(**offset);
  }
  if (auto s = parse_record(root, out); !s) return s;
  if (auto s = parse_time(root, out.time); !s) return s;
  if (auto s = parse_location(root, out.location); !s) return s;
  if (auto s = parse_type(root, out.type); !s) return s;
  if (auto s = parse_priority(root, out.priority); !s) return s;
  if (auto s = parse_dispatch(root, out.dispatch); !s) return s;
  if (auto s = parse_disposition(root, out.disposition); !s) return s;

  // Settings that depend on each other.
  const auto& t = out.time;
  for (const auto* later : {&t.en_route, &t.arrived}) {
    if (*later && !t.dispatched) {
      return f_.error((*later)->column.at, "needs time.dispatched: a unit goes en route or arrives only on an order");
    }
  }
  if (t.dispatched && !out.dispatch) {
    return f_.error(t.dispatched->column.at, "needs a [dispatch] section naming the column of the order's target");
  }
  if (out.dispatch && !t.dispatched) {
    return f_.error(out.dispatch->target.at, "needs time.dispatched: the time the order was issued");
  }
  if (t.cleared && out.disposition.default_code.empty()) {
    return f_.error(t.cleared->column.at, "needs disposition.default: closing an incident needs a disposition code");
  }
  return {};
}

Status MappingParser::parse_record(const toml::table& root, ImportMapping& out) {
  auto record = f_.table(root, "", "record");
  if (!record) return record.error();
  if (*record == nullptr) return {};
  if (auto s = f_.only(**record, "record", {"id", "summary"}); !s) return s;
  auto ids = f_.columns(**record, "record", "id");
  if (!ids) return ids.error();
  out.id_columns = std::move(ids).value();
  auto summary = f_.text_template(**record, "record", "summary");
  if (!summary) return summary.error();
  out.summary = std::move(summary).value();
  return {};
}

Result<std::optional<TimeColumn>> MappingParser::time_column(const toml::table& t, std::string_view name,
                                                             const std::optional<std::string>& default_format) {
  const toml::node* node = t.get(name);
  if (node == nullptr) return std::optional<TimeColumn>();
  const std::string key = TomlFields::join("time", name);
  TimeColumn out;
  std::optional<std::string> format = default_format;
  if (const auto* spec = node->as_table()) {
    if (auto s = f_.only(*spec, key, {"column", "format"}); !s) return s.error();
    auto column = f_.column(*spec, key, "column");
    if (!column) return column.error();
    if (!*column) return f_.error(TomlFields::key_at(*spec, key + ".column"), "is required");
    out.column = std::move(**column);
    auto own = f_.string(*spec, key, "format");
    if (!own) return own.error();
    if (*own) format = **own;
  } else {
    auto column = f_.column(t, "time", name);
    if (!column) return column.error();
    out.column = std::move(**column);
  }
  if (!format) return f_.error(out.column.at, "needs a format: time.format, or { column = ..., format = ... }");
  if (auto parsed = TimeFormat::parse(*format); !parsed) return f_.error(out.column.at, parsed.error().message);
  out.format = std::move(*format);
  return std::optional<TimeColumn>(std::move(out));
}

Status MappingParser::parse_time(const toml::table& root, TimeRules& out) {
  auto section = f_.table(root, "", "time");
  if (!section) return section.error();
  if (*section == nullptr) return f_.error({"time", 1}, "the [time] section is required");
  const toml::table& t = **section;
  if (auto s = f_.only(t, "time", {"timezone", "format", "received", "dispatched", "en_route", "arrived", "cleared"});
      !s) {
    return s;
  }
  auto zone = f_.required_string(t, "time", "timezone");
  if (!zone) return zone.error();
  if (auto found = TimeZone::find(*zone); !found) {
    return f_.error(TomlFields::key_at(*t.get("timezone"), "time.timezone"), found.error().message);
  }
  out.timezone = std::move(zone).value();
  auto format = f_.string(t, "time", "format");
  if (!format) return format.error();
  if (*format) {
    if (auto parsed = TimeFormat::parse(**format); !parsed) {
      return f_.error(TomlFields::key_at(*t.get("format"), "time.format"), parsed.error().message);
    }
  }
  auto received = time_column(t, "received", *format);
  if (!received) return received.error();
  if (!*received) return f_.error(TomlFields::key_at(t, "time.received"), "is required: the time the call came in");
  out.received = std::move(**received);
  for (auto [name, slot] : {std::pair{"dispatched", &out.dispatched}, std::pair{"en_route", &out.en_route},
                            std::pair{"arrived", &out.arrived}, std::pair{"cleared", &out.cleared}}) {
    auto column = time_column(t, name, *format);
    if (!column) return column.error();
    *slot = std::move(column).value();
  }
  return {};
}

Status MappingParser::parse_location(const toml::table& root, LocationRules& out) {
  auto section = f_.table(root, "", "location");
  if (!section) return section.error();
  if (*section == nullptr) return f_.error({"location", 1}, "the [location] section is required");
  const toml::table& t = **section;
  out.at = TomlFields::key_at(t, "location");
  if (auto s = f_.only(t, "location", {"lat", "lon", "x", "y", "epsg", "text", "uncertainty_m", "bounds"}); !s) {
    return s;
  }
  for (auto [name, slot] : {std::pair{"lat", &out.lat}, std::pair{"lon", &out.lon}, std::pair{"x", &out.x},
                            std::pair{"y", &out.y}}) {
    auto column = f_.column(t, "location", name);
    if (!column) return column.error();
    *slot = std::move(column).value();
  }
  const bool geographic = out.lat || out.lon;
  const bool projected = out.x || out.y;
  if (geographic == projected || (geographic && !(out.lat && out.lon)) || (projected && !(out.x && out.y))) {
    return f_.error(out.at, "give either lat and lon (WGS84 degrees) or x, y and epsg (projected coordinates)");
  }
  auto epsg = f_.integer(t, "location", "epsg");
  if (!epsg) return epsg.error();
  if (projected) {
    if (!*epsg) return f_.error(out.x->at, "projected coordinates need location.epsg, the EPSG code of x and y");
    const MappingKey at = TomlFields::key_at(*t.get("epsg"), "location.epsg");
    if (**epsg <= 0 || **epsg > 999'999) return f_.error(at, "must be an EPSG code such as 2913");
    out.epsg = static_cast<int>(**epsg);
    if (auto transform = CoordinateTransform::from_epsg(out.epsg); !transform) {
      return f_.error(at, transform.error().message);
    }
  } else if (*epsg) {
    return f_.error(TomlFields::key_at(*t.get("epsg"), "location.epsg"), "applies only to x and y columns");
  }
  auto text = f_.text_template(t, "location", "text");
  if (!text) return text.error();
  out.text = std::move(text).value();
  auto radius = f_.number(t, "location", "uncertainty_m");
  if (!radius) return radius.error();
  if (*radius) {
    if (!(**radius >= 0.0 && **radius <= 100'000.0)) {
      return f_.error(TomlFields::key_at(*t.get("uncertainty_m"), "location.uncertainty_m"),
                      "must be from 0 to 100000 metres");
    }
    out.uncertainty_m = **radius;
  }
  auto bounds = f_.array(t, "location", "bounds");
  if (!bounds) return bounds.error();
  if (*bounds != nullptr) {
    const MappingKey at = TomlFields::key_at(**bounds, "location.bounds");
    std::vector<double> box;
    for (const auto& item : **bounds) {
      if (const auto* i = item.as_integer()) box.push_back(static_cast<double>(i->get()));
      if (const auto* d = item.as_floating_point()) box.push_back(d->get());
    }
    if (box.size() != 4 || (**bounds).size() != 4) return f_.error(at, "must be four numbers [west, south, east, north]");
    if (!(box[1] < box[3] && box[0] < box[2] && box[1] >= -90 && box[3] <= 90 && box[0] >= -180 && box[2] <= 180)) {
      return f_.error(at, "must be [west, south, east, north] in degrees with west < east and south < north");
    }
    out.bounds = std::move(box);
  }
  return {};
}

Status MappingParser::parse_dispatch(const toml::table& root, std::optional<DispatchRules>& out) {
  auto section = f_.table(root, "", "dispatch");
  if (!section) return section.error();
  if (*section == nullptr) return {};
  const toml::table& t = **section;
  if (auto s = f_.only(t, "dispatch", {"target", "kind", "name", "instructions"}); !s) return s;
  DispatchRules rules;
  auto target = f_.column(t, "dispatch", "target");
  if (!target) return target.error();
  if (!*target) return f_.error(TomlFields::key_at(t, "dispatch.target"), "is required: the column of the order's target");
  rules.target = std::move(**target);
  auto kind = f_.string(t, "dispatch", "kind");
  if (!kind) return kind.error();
  if (*kind) {
    const auto parsed = cad::parse_target_kind(**kind);
    if (!parsed) {
      return f_.error(TomlFields::key_at(*t.get("kind"), "dispatch.kind"), "must be station, unit, officer or vehicle");
    }
    rules.kind = *parsed;
  }
  auto name = f_.text_template(t, "dispatch", "name");
  if (!name) return name.error();
  rules.name = std::move(name).value();
  auto instructions = f_.text_template(t, "dispatch", "instructions");
  if (!instructions) return instructions.error();
  rules.instructions = std::move(instructions).value();
  out = std::move(rules);
  return {};
}


}  // namespace detail

Result<ImportMapping> parse_import_mapping(std::string_view text, std::string_view source,
                                           const cad::Taxonomy& taxonomy) {
  ImportMapping mapping;
  mapping.source = std::string(source);
  mapping.sha256 = detail::sha256_hex(text);
  auto parsed = detail::parse_toml(text, source);
  if (!parsed) return parsed.error();
  const toml::table& root = *parsed;
  detail::MappingParser parser(std::string(source), taxonomy);
  if (auto s = parser.parse(root, mapping); !s) return s.error();
  return mapping;
}

Result<ImportMapping> load_import_mapping(const std::filesystem::path& path, const cad::Taxonomy& taxonomy) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kIoError, "cannot open the mapping " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error(Errc::kIoError, "cannot read the mapping " + path.string());
  return parse_import_mapping(text.str(), path.filename().string(), taxonomy);
}

}  // namespace shouwang::exchange
