#include <algorithm>
#include <cmath>
#include <numbers>

#include <shouwang/analytics/incident_history.h>

namespace shouwang::analytics {
namespace {

constexpr std::array<std::string_view, kMilestoneCount> kMilestoneNames = {
    "call_start",    "answered",       "created",          "accepted",
    "first_issued",  "first_received", "first_signed_for", "first_en_route",
    "first_arrived", "first_feedback", "scene_closed",     "terminated"};
constexpr std::array<std::string_view, kOrderStepCount> kStepNames = {
    "issued", "received", "signed_for", "en_route", "arrived", "feedback", "done"};

constexpr std::int64_t kMicrosPerTenth = 100'000;
constexpr double kMetresPerDegreeLat = 6'371'008.8 * std::numbers::pi / 180.0;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

template <std::size_t N>
std::optional<std::uint8_t> index_of(const std::array<std::string_view, N>& names,
                                     std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return std::nullopt;
  return static_cast<std::uint8_t>(it - names.begin());
}

void append_id(std::string& text, std::vector<std::uint64_t>& ends, std::string_view id) {
  text.append(id);
  ends.push_back(text.size());
}

std::string_view id_at(const std::string& text, const std::vector<std::uint64_t>& ends,
                       std::uint32_t i) {
  const std::uint64_t begin = i == 0 ? 0 : ends[i - 1];
  return std::string_view(text).substr(begin, ends[i] - begin);
}

}  // namespace

std::string_view to_string(Milestone m) {
  return kMilestoneNames[static_cast<std::size_t>(m)];
}

std::optional<Milestone> parse_milestone(std::string_view name) {
  const auto i = index_of(kMilestoneNames, name);
  return i ? std::optional<Milestone>(static_cast<Milestone>(*i)) : std::nullopt;
}

std::string_view to_string(OrderStep s) {
  return kStepNames[static_cast<std::size_t>(s)];
}

std::optional<OrderStep> parse_order_step(std::string_view name) {
  const auto i = index_of(kStepNames, name);
  return i ? std::optional<OrderStep>(static_cast<OrderStep>(*i)) : std::nullopt;
}

std::uint16_t Dictionary::code(std::string_view text) {
  if (text.empty())
    return kNone16;
  if (const auto found = find(text))
    return *found;
  if (texts_.size() >= kNone16)
    return kNone16;
  const auto code = static_cast<std::uint16_t>(texts_.size());
  texts_.emplace_back(text);
  codes_.emplace(texts_.back(), code);
  return code;
}

std::optional<std::uint16_t> Dictionary::find(std::string_view text) const {
  const auto it = codes_.find(std::string(text));
  if (it == codes_.end())
    return std::nullopt;
  return it->second;
}

IncidentHistory::IncidentHistory(HistorySchema schema) : schema_(std::move(schema)) {
  metres_per_degree_lon_ =
      kMetresPerDegreeLat * std::cos(schema_.grid_origin.lat * std::numbers::pi / 180.0);
}

std::optional<Xy> IncidentHistory::planar(std::uint32_t row) const {
  if (std::isnan(east_[row]))
    return std::nullopt;
  return Xy{east_[row], north_[row]};
}

LatLon IncidentHistory::to_lat_lon(Xy planar) const {
  return {schema_.grid_origin.lat + planar.y / kMetresPerDegreeLat,
          schema_.grid_origin.lon + planar.x / metres_per_degree_lon_};
}

LatLon IncidentHistory::cell_corner(std::uint32_t line, std::uint32_t column) const {
  return {schema_.grid_origin.lat + line * schema_.cell_metres / kMetresPerDegreeLat,
          schema_.grid_origin.lon + column * schema_.cell_metres / metres_per_degree_lon_};
}

std::optional<std::uint32_t> IncidentHistory::row_of(std::string_view incident_id) const {
  const auto it = row_by_id_.find(std::string(incident_id));
  if (it == row_by_id_.end())
    return std::nullopt;
  return it->second;
}

std::string_view IncidentHistory::id(std::uint32_t row) const {
  return id_at(id_text_, id_end_, row);
}

std::string_view IncidentHistory::order_id(std::uint32_t order) const {
  return id_at(order_id_text_, order_id_end_, order);
}

std::optional<std::uint32_t> IncidentHistory::group_bit(std::string_view name) const {
  const auto it = std::find(schema_.groups.begin(), schema_.groups.end(), name);
  if (it == schema_.groups.end())
    return std::nullopt;
  return static_cast<std::uint32_t>(it - schema_.groups.begin());
}

std::int32_t IncidentHistory::to_offset(const Instant& t, std::int64_t reference) const {
  if (!t)
    return kNoOffset;
  const std::int64_t tenths = floor_div(*t - reference, kMicrosPerTenth);
  if (tenths <= kNoOffset || tenths > std::numeric_limits<std::int32_t>::max())
    return kNoOffset;
  return static_cast<std::int32_t>(tenths);
}

void IncidentHistory::upsert(const IncidentRecord& record) {
  const auto [it, added] =
      row_by_id_.try_emplace(record.id, static_cast<std::uint32_t>(day_.size()));
  const std::uint32_t row = it->second;
  if (added) {
    append_id(id_text_, id_end_, record.id);
    reference_.push_back(0);
    day_.push_back(0);
    minute_.push_back(0);
    type_.push_back(kNone16);
    groups_.push_back(0);
    priority_.push_back(0);
    station_.push_back(kNone16);
    district_.push_back(kNone16);
    cell_.push_back(kNoCell);
    east_.push_back(NAN);
    north_.push_back(NAN);
    flags_.push_back(0);
    for (auto& column : milestones_)
      column.push_back(kNoOffset);
    first_unit_.push_back(kNone16);
  }
  const std::int32_t old_day = day_[row];
  write_row(row, record);
  if (added) {
    if (!by_day_.empty() && day_[by_day_.back()] > day_[row])
      settled_ = false;
    by_day_.push_back(row);
  } else if (old_day != day_[row]) {
    settled_ = false;
  }
}

void IncidentHistory::write_row(std::uint32_t row, const IncidentRecord& record) {
  const auto& times = record.times;
  Instant reference = times[static_cast<std::size_t>(Milestone::kCallStart)];
  if (!reference)
    reference = times[static_cast<std::size_t>(Milestone::kCreated)];
  if (!reference) {  // the earliest milestone known, else the epoch
    for (const auto& t : times)
      if (t && (!reference || *t < *reference))
        reference = t;
  }
  const std::int64_t ref = reference.value_or(0);
  reference_[row] = ref;
  const std::int64_t utc_seconds = floor_div(ref, 1'000'000);
  const std::int64_t local =
      utc_seconds + std::int64_t{schema_.utc_offset_minutes(utc_seconds)} * 60;
  const std::int64_t day = floor_div(local, 86'400);
  day_[row] = static_cast<std::int32_t>(day);
  minute_[row] = static_cast<std::uint16_t>((local - day * 86'400) / 60);

  type_[row] = types_.code(record.type_code);
  groups_[row] = record.groups;
  priority_[row] = static_cast<std::uint8_t>(std::clamp(record.priority, 0, 9));
  station_[row] = stations_.code(record.station);
  district_[row] = stations_.code(record.district);
  cell_[row] = kNoCell;
  east_[row] = north_[row] = NAN;
  if (record.position) {
    const double x = (record.position->lon - schema_.grid_origin.lon) * metres_per_degree_lon_;
    const double y = (record.position->lat - schema_.grid_origin.lat) * kMetresPerDegreeLat;
    east_[row] = static_cast<float>(x);
    north_[row] = static_cast<float>(y);
    const double col = std::floor(x / schema_.cell_metres);
    const double line = std::floor(y / schema_.cell_metres);
    if (col >= 0 && col < 65'536 && line >= 0 && line < 65'536)
      cell_[row] = static_cast<std::uint32_t>(line) << 16 | static_cast<std::uint32_t>(col);
  }
  flags_[row] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(record.standing) |
                                          (record.officer_initiated ? kOfficerFlag : 0));
  for (std::size_t m = 0; m < kMilestoneCount; ++m)
    milestones_[m][row] = to_offset(times[m], ref);
  first_unit_[row] = targets_.code(record.first_arrived_unit);
}

bool IncidentHistory::upsert(const OrderRecord& record) {
  const auto incident = row_of(record.incident);
  if (!incident)
    return false;
  const auto [it, added] =
      order_by_id_.try_emplace(record.id, static_cast<std::uint32_t>(order_incident_.size()));
  const std::uint32_t order = it->second;
  if (added) {
    append_id(order_id_text_, order_id_end_, record.id);
    order_incident_.push_back(0);
    order_target_.push_back(kNone16);
    order_station_.push_back(kNone16);
    order_end_.push_back(0);
    for (auto& column : order_steps_)
      column.push_back(kNoOffset);
  }
  order_incident_[order] = *incident;
  order_target_[order] = targets_.code(record.target);
  order_station_[order] = stations_.code(record.station);
  order_end_[order] = static_cast<std::uint8_t>(record.end);
  for (std::size_t s = 0; s < kOrderStepCount; ++s)
    order_steps_[s][order] = to_offset(record.times[s], reference_[*incident]);
  return true;
}

void IncidentHistory::settle() {
  if (settled_)
    return;
  std::stable_sort(by_day_.begin(), by_day_.end(),
                   [this](std::uint32_t a, std::uint32_t b) { return day_[a] < day_[b]; });
  settled_ = true;
}

std::span<const std::uint32_t> IncidentHistory::rows_in(const Period& period) const {
  const auto begin = static_cast<std::int32_t>(period.begin.time_since_epoch().count());
  const auto end = static_cast<std::int32_t>(period.end.time_since_epoch().count());
  const auto first = std::partition_point(by_day_.begin(), by_day_.end(),
                                          [&](std::uint32_t row) { return day_[row] < begin; });
  const auto last = std::partition_point(first, by_day_.end(),
                                         [&](std::uint32_t row) { return day_[row] < end; });
  return {first, last};
}

std::optional<Period> IncidentHistory::coverage() const {
  if (by_day_.empty())
    return std::nullopt;
  return range(day(by_day_.front()), day(by_day_.back()) + std::chrono::days(1));
}

}  // namespace shouwang::analytics
