#include <shouwang/exchange/row_converter.h>

#include <array>
#include <charconv>

#include <shouwang/base/text.h>
#include <shouwang/exchange/coordinate_transform.h>
#include <shouwang/exchange/local_time.h>

#include "exchange/column_binding.h"

namespace shouwang::exchange {
namespace {

using detail::BoundTable;
using detail::ColumnIndex;

struct BoundTime {
  std::size_t field = 0;
  TimeFormat format;
};

struct BoundTemplate {
  TextTemplate text;
  std::vector<std::size_t> fields;
  [[nodiscard]] std::string render(const std::vector<std::string>& row) const { return text.render(row, fields); }
};

std::optional<double> parse_number(std::string_view text) {
  const std::string trimmed = trim(text);
  double value = 0;
  const char* end = trimmed.data() + trimmed.size();
  const auto [ptr, ec] = std::from_chars(trimmed.data(), end, value);
  if (ec != std::errc() || ptr != end || trimmed.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view to_string(RejectReason reason) {
  static constexpr std::array<std::string_view, kRejectReasonCount> kNames{
      "malformed_record", "missing_value",  "bad_time",      "times_out_of_order", "missing_coordinates",
      "bad_coordinates",  "outside_bounds", "unmapped_type", "domain_refusal"};
  return kNames[static_cast<std::size_t>(reason)];
}

struct RowConverter::Bound {
  std::vector<std::string> header;
  std::vector<std::size_t> id_fields;
  std::optional<BoundTemplate> summary;
  TimeZone zone;
  BoundTime received;
  std::optional<BoundTime> dispatched, en_route, arrived, cleared;
  // Location: lat/lon, or x/y through `transform`.
  std::size_t first_coordinate = 0, second_coordinate = 0;
  std::optional<CoordinateTransform> transform;
  std::optional<BoundTemplate> location_text;
  double uncertainty_m = 0;
  std::optional<std::vector<double>> bounds;
  std::vector<BoundTable<std::string>> type_tables;
  std::string default_type;
  UnmappedRule unmapped = UnmappedRule::kDefault;
  std::vector<BoundTable<int>> priority_tables;
  std::optional<std::size_t> target_field;
  cad::TargetKind target_kind = cad::TargetKind::kStation;
  std::optional<BoundTemplate> target_name, instructions;
  std::vector<BoundTable<std::string>> disposition_tables;
  std::string default_disposition;

  explicit Bound(TimeZone z) : zone(std::move(z)) {}

  [[nodiscard]] RowRejection reject(const CsvRecord& r, std::size_t field, RejectReason reason,
                                    std::string message) const {
    return {r.line, field < header.size() ? header[field] : std::string(), reason, std::move(message)};
  }
  [[nodiscard]] std::optional<RowRejection> read_location(const CsvRecord& r, ImportRow& row) const;
  [[nodiscard]] std::optional<RowRejection> read_times(const CsvRecord& r, ImportRow& row) const;
  [[nodiscard]] std::optional<RowRejection> read_codes(const CsvRecord& r, ImportRow& row) const;
};

namespace {

Result<BoundTime> bind_time(const TimeColumn& column, const ColumnIndex& columns) {
  auto field = columns.find(column.column);
  if (!field) return field.error();
  auto format = TimeFormat::parse(column.format);
  if (!format) return format.error();  // checked when the mapping was parsed
  return BoundTime{*field, std::move(format).value()};
}

Result<std::optional<BoundTemplate>> bind_template(const std::optional<TemplateRef>& text, const ColumnIndex& columns) {
  if (!text) return std::optional<BoundTemplate>();
  auto fields = columns.find_all(*text);
  if (!fields) return fields.error();
  return std::optional<BoundTemplate>(BoundTemplate{text->text, std::move(fields).value()});
}

template <typename V>
Result<std::vector<BoundTable<V>>> bind_tables(const std::vector<MatchTable<V>>& tables, const ColumnIndex& columns) {
  std::vector<BoundTable<V>> out;
  for (const auto& table : tables) {
    auto bound = detail::bind_table(table, columns);
    if (!bound) return bound.error();
    out.push_back(std::move(bound).value());
  }
  return out;
}

// Assigns `result`'s value to `slot`, or returns its error from the enclosing function.
#define SHOUWANG_BIND(slot, expression)        \
  do {                                         \
    auto bound_value = (expression);           \
    if (!bound_value) return bound_value.error(); \
    (slot) = std::move(bound_value).value();   \
  } while (false)

}  // namespace

Result<RowConverter> RowConverter::bind(const ImportMapping& m, const std::vector<std::string>& header) {
  const ColumnIndex columns(header, m.source);
  auto zone = TimeZone::find(m.time.timezone);
  if (!zone) return zone.error();
  auto b = std::make_unique<Bound>(std::move(zone).value());
  b->header.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) b->header.push_back(columns.name(i));
  for (const ColumnRef& ref : m.id_columns) {
    auto field = columns.find(ref);
    if (!field) return field.error();
    b->id_fields.push_back(*field);
  }
  SHOUWANG_BIND(b->summary, bind_template(m.summary, columns));
  SHOUWANG_BIND(b->received, bind_time(m.time.received, columns));
  for (auto [from, to] : {std::pair{&m.time.dispatched, &b->dispatched}, std::pair{&m.time.en_route, &b->en_route},
                          std::pair{&m.time.arrived, &b->arrived}, std::pair{&m.time.cleared, &b->cleared}}) {
    if (*from) SHOUWANG_BIND(*to, bind_time(**from, columns));
  }

  const LocationRules& loc = m.location;
  const bool projected = loc.x.has_value();
  SHOUWANG_BIND(b->first_coordinate, columns.find(projected ? *loc.x : *loc.lat));
  SHOUWANG_BIND(b->second_coordinate, columns.find(projected ? *loc.y : *loc.lon));
  if (projected) SHOUWANG_BIND(b->transform, CoordinateTransform::from_epsg(loc.epsg));
  SHOUWANG_BIND(b->location_text, bind_template(loc.text, columns));
  b->uncertainty_m = loc.uncertainty_m;
  b->bounds = loc.bounds;

  SHOUWANG_BIND(b->type_tables, bind_tables(m.type.tables, columns));
  b->default_type = m.type.default_code;
  b->unmapped = m.type.unmapped;
  SHOUWANG_BIND(b->priority_tables, bind_tables(m.priority.tables, columns));
  if (m.dispatch) {
    SHOUWANG_BIND(b->target_field, columns.find(m.dispatch->target));
    b->target_kind = m.dispatch->kind;
    SHOUWANG_BIND(b->target_name, bind_template(m.dispatch->name, columns));
    SHOUWANG_BIND(b->instructions, bind_template(m.dispatch->instructions, columns));
  }
  SHOUWANG_BIND(b->disposition_tables, bind_tables(m.disposition.tables, columns));
  b->default_disposition = m.disposition.default_code;
  return RowConverter(std::move(b));
}

#undef SHOUWANG_BIND

RowConverter::RowConverter(std::unique_ptr<Bound> bound) : bound_(std::move(bound)) {}
RowConverter::RowConverter(RowConverter&&) noexcept = default;
RowConverter& RowConverter::operator=(RowConverter&&) noexcept = default;
RowConverter::~RowConverter() = default;

std::size_t RowConverter::column_count() const { return bound_->header.size(); }

std::optional<RowRejection> RowConverter::Bound::read_location(const CsvRecord& r, ImportRow& row) const {
  const std::string& a = r.fields[first_coordinate];
  const std::string& b = r.fields[second_coordinate];
  const bool a_empty = trim(a).empty();
  const bool b_empty = trim(b).empty();
  if (a_empty || b_empty) {
    const std::size_t field = a_empty ? first_coordinate : second_coordinate;
    return reject(r, field, RejectReason::kMissingCoordinates,
                  a_empty && b_empty ? "the row has no coordinates (" + header[first_coordinate] + " and " +
                                           header[second_coordinate] + " are empty)"
                                     : header[field] + " is empty");
  }
  const auto first = parse_number(a);
  const auto second = parse_number(b);
  if (!first || !second) {
    const std::size_t field = first ? second_coordinate : first_coordinate;
    return reject(r, field, RejectReason::kBadCoordinates, "'" + r.fields[field] + "' is not a number");
  }
  if (transform) {
    auto position = transform->to_wgs84(*first, *second);
    if (!position) return reject(r, first_coordinate, RejectReason::kBadCoordinates, position.error().message);
    row.position = *position;
  } else {
    auto position = make_lat_lon(*first, *second);
    if (!position) {
      const bool lat_bad = !(*first >= -90.0 && *first <= 90.0);
      return reject(r, lat_bad ? first_coordinate : second_coordinate, RejectReason::kBadCoordinates,
                    lat_bad ? "latitude " + trim(a) + " is outside -90..90"
                            : "longitude " + trim(b) + " is outside -180..180");
    }
    row.position = *position;
  }
  if (bounds) {
    const auto& box = *bounds;  // west, south, east, north
    if (row.position.lon < box[0] || row.position.lon > box[2] || row.position.lat < box[1] ||
        row.position.lat > box[3]) {
      return reject(r, first_coordinate, RejectReason::kOutsideBounds,
                    "position " + std::to_string(row.position.lat) + ", " + std::to_string(row.position.lon) +
                        " is outside location.bounds");
    }
  }
  row.uncertainty_m = uncertainty_m;
  if (location_text) row.location_text = location_text->render(r.fields);
  return std::nullopt;
}

std::optional<RowRejection> RowConverter::Bound::read_times(const CsvRecord& r, ImportRow& row) const {
  const auto read = [&](const BoundTime& t, std::optional<UtcTime>& out) -> std::optional<RowRejection> {
    const std::string& text = r.fields[t.field];
    if (trim(text).empty()) return std::nullopt;
    auto local = t.format.read(text);
    if (!local) return reject(r, t.field, RejectReason::kBadTime, local.error().message);
    out = zone.to_utc(*local);
    return std::nullopt;
  };
  std::optional<UtcTime> call_time;
  if (auto rejected = read(received, call_time)) return rejected;
  if (!call_time) {
    return reject(r, received.field, RejectReason::kMissingValue,
                  "the call time (" + header[received.field] + ") is empty");
  }
  row.received = *call_time;
  // Milestones in the order they happen; each must not precede the one before it.
  const std::array<std::pair<const std::optional<BoundTime>*, std::optional<UtcTime>*>, 4> steps{
      {{&dispatched, &row.dispatched}, {&en_route, &row.en_route}, {&arrived, &row.arrived}, {&cleared, &row.cleared}}};
  UtcTime previous = row.received;
  std::size_t previous_field = received.field;
  for (const auto& [bound, slot] : steps) {
    if (!*bound) continue;
    if (auto rejected = read(**bound, *slot)) return rejected;
    if (!*slot) continue;
    if (**slot < previous) {
      const std::size_t field = (*bound)->field;
      return reject(r, field, RejectReason::kTimesOutOfOrder,
                    header[field] + " " + trim(r.fields[field]) + " is before " + header[previous_field] + " " +
                        trim(r.fields[previous_field]));
    }
    previous = **slot;
    previous_field = (*bound)->field;
  }
  if ((row.en_route || row.arrived) && !row.dispatched) {
    return reject(r, dispatched->field, RejectReason::kMissingValue,
                  "a unit went out, but the dispatch time (" + header[dispatched->field] + ") is empty");
  }
  return std::nullopt;
}

std::optional<RowRejection> RowConverter::Bound::read_codes(const CsvRecord& r, ImportRow& row) const {
  std::string source_type;
  if (const std::string* code = detail::lookup_all(type_tables, r.fields, &source_type)) {
    row.type_code = *code;
  } else if (unmapped == UnmappedRule::kSkip) {
    return reject(r, type_tables.empty() ? 0 : type_tables.front().fields.front(), RejectReason::kUnmappedType,
                  "no type table maps '" + source_type + "'");
  } else {
    row.type_code = default_type;
    row.unmapped_type = type_tables.empty() ? std::string() : source_type;
  }
  if (const int* priority = detail::lookup_all(priority_tables, r.fields, nullptr)) row.priority = *priority;

  if (row.dispatched) {
    const std::string& target = r.fields[*target_field];
    if (trim(target).empty()) {
      return reject(r, *target_field, RejectReason::kMissingValue,
                    "the order's target (" + header[*target_field] + ") is empty");
    }
    row.target = cad::OrderTarget{target_kind, trim(target), target_name ? target_name->render(r.fields) : ""};
    row.instructions = instructions ? instructions->render(r.fields) : std::string();
  }
  if (row.cleared) {
    const std::string* code = detail::lookup_all(disposition_tables, r.fields, nullptr);
    row.disposition = code != nullptr ? *code : default_disposition;
  }
  return std::nullopt;
}

RowOutcome RowConverter::convert(const CsvRecord& r) const {
  const Bound& b = *bound_;
  if (r.problem) return b.reject(r, r.problem->field, RejectReason::kMalformedRecord, r.problem->message);
  if (r.fields.size() != b.header.size()) {
    return b.reject(r, SIZE_MAX, RejectReason::kMalformedRecord,
                    "the record has " + std::to_string(r.fields.size()) + " fields; the header has " +
                        std::to_string(b.header.size()));
  }
  ImportRow row;
  row.line = r.line;
  if (auto rejected = b.read_location(r, row)) return *rejected;
  if (auto rejected = b.read_times(r, row)) return *rejected;
  if (auto rejected = b.read_codes(r, row)) return *rejected;

  for (std::size_t k = 0; k < b.id_fields.size(); ++k) {
    if (k > 0) row.external_id.push_back('/');
    row.external_id += trim(r.fields[b.id_fields[k]]);
  }
  if (b.summary) {
    row.summary = b.summary->render(r.fields);
  } else if (!b.type_tables.empty()) {
    row.summary = detail::table_key(b.type_tables.front(), r.fields);  // the source's own type
  }
  if (row.target && row.instructions.empty()) row.instructions = row.summary;
  return row;
}

}  // namespace shouwang::exchange
