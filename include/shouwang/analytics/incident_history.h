#pragma once
// The incident history (design.md §4): one row per incident and one per dispatch order,
// held column by column in memory so that a count or a distribution over years of
// records reads only the columns it needs. It is a projection: the composition root
// describes each incident and order as the event log leaves it (IncidentRecord,
// OrderRecord) and upserts it whenever the log changes it; queries never read the log.
//
// Time. Every incident counts at its reference instant: the first call's start (the
// moment the centre was asked), else its creation. That instant becomes a local calendar
// day and minute of the day through the schema's UTC offset function, so a centre with
// daylight saving counts a summer evening call on the right day. Milestones are kept as
// offsets from the reference in tenths of a second (±6.8 years), so a duration between
// two of them is exact to 0.1 s; a missing milestone is kNoOffset.
//
// Not thread-safe: the owner serialises writers against readers. A writer that upserts
// rows whose days are out of order leaves the day index unsorted until settle(), which
// every query requires (it is cheap when nothing is out of order).

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <shouwang/analytics/periods.h>
#include <shouwang/base/geo.h>

namespace shouwang::analytics {

// The lifecycle instants of an incident (domain.md, "Timestamps to record").
enum class Milestone : std::uint8_t {
  kCallStart,      // the first call reached the centre
  kAnswered,       // a call taker picked it up
  kCreated,        // the incident was entered
  kAccepted,       // 已受理
  kFirstIssued,    // the first dispatch order
  kFirstReceived,  // a target's terminal confirmed the first delivery
  kFirstSignedFor,
  kFirstEnRoute,  // 出警
  kFirstArrived,  // 到场
  kFirstFeedback,
  kSceneClosed,  // 处置完毕
  kTerminated,   // 已终结
};
inline constexpr std::size_t kMilestoneCount = 12;
std::string_view to_string(Milestone m);  // "first_arrived"
std::optional<Milestone> parse_milestone(std::string_view name);

// Whether an incident counts as one (a bulletin's 警情数): a duplicate merged into
// another counts in that one; a cancelled (invalid, withdrawn) one is reported apart;
// one handed to another agency still counts, it was received here.
enum class Standing : std::uint8_t { kCounted, kMerged, kCancelled };

using Instant = std::optional<std::int64_t>;  // microseconds since the epoch, UTC

struct IncidentRecord {
  std::string id;
  std::string type_code;     // empty while unclassified
  std::uint32_t groups = 0;  // bit i: the schema's i-th reporting group
  int priority = 0;          // 1..4, 0 unknown
  std::string station;       // responsible station's code; empty when none
  std::string district;      // the station's sub-bureau (分局); empty when none
  std::optional<LatLon> position;
  bool officer_initiated = false;  // found on patrol, not called in
  Standing standing = Standing::kCounted;
  std::array<Instant, kMilestoneCount> times{};
  std::string first_arrived_unit;  // callsign or station code of the first to arrive
};

// One dispatch order: who got it and its own steps.
enum class OrderStep : std::uint8_t {
  kIssued,
  kReceived,
  kSignedFor,
  kEnRoute,
  kArrived,
  kFeedback,
  kDone
};
inline constexpr std::size_t kOrderStepCount = 7;
std::string_view to_string(OrderStep s);  // "signed_for"
std::optional<OrderStep> parse_order_step(std::string_view name);

enum class OrderEnd : std::uint8_t { kOpen, kDone, kCancelled, kReturned };

struct OrderRecord {
  std::string id;
  std::string incident;  // must be in the history already
  std::string target;    // unit callsign, station code, badge number or plate
  std::string station;   // the station the target belongs to (itself for a station)
  OrderEnd end = OrderEnd::kOpen;
  std::array<Instant, kOrderStepCount> times{};  // kIssued always set
};

struct HistorySchema {
  std::vector<std::string> groups;  // reporting group names, at most 32
  // The centre's offset from UTC, in minutes, at an instant (seconds since the epoch).
  std::function<int(std::int64_t utc_seconds)> utc_offset_minutes = [](std::int64_t) {
    return 480;
  };
  // Grid cells for hotspot counts: squares of this side, from the south-west corner
  // `grid_origin` (local equirectangular frame at its latitude).
  LatLon grid_origin{};
  double cell_metres = 500.0;
};

inline constexpr std::int32_t kNoOffset = std::numeric_limits<std::int32_t>::min();
inline constexpr std::uint32_t kNoCell = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint16_t kNone16 = std::numeric_limits<std::uint16_t>::max();

// Strings seen in a column, each given a small code in order of first appearance.
class Dictionary {
 public:
  // Adds it when new; kNone16 for the empty string and once 65,535 strings are known.
  std::uint16_t code(std::string_view text);
  [[nodiscard]] std::optional<std::uint16_t> find(std::string_view text) const;
  [[nodiscard]] const std::string& text(std::uint16_t code) const { return texts_[code]; }
  [[nodiscard]] std::size_t size() const { return texts_.size(); }

 private:
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint16_t> codes_;
};

class IncidentHistory {
 public:
  explicit IncidentHistory(HistorySchema schema = {});

  // Adds the incident or replaces its row. kNone codes for empty strings.
  void upsert(const IncidentRecord& record);
  // Adds the order or replaces its row; false when its incident is unknown.
  bool upsert(const OrderRecord& record);
  // Sorts the day index after out-of-order days; queries need it sorted.
  void settle();
  [[nodiscard]] bool settled() const { return settled_; }

  [[nodiscard]] const HistorySchema& schema() const { return schema_; }
  [[nodiscard]] std::size_t size() const { return day_.size(); }
  [[nodiscard]] std::size_t order_count() const { return order_incident_.size(); }
  [[nodiscard]] std::optional<std::uint32_t> row_of(std::string_view incident_id) const;

  // ---- incident columns, by row ----
  [[nodiscard]] std::string_view id(std::uint32_t row) const;
  [[nodiscard]] std::int64_t reference_micros(std::uint32_t row) const { return reference_[row]; }
  [[nodiscard]] Day day(std::uint32_t row) const { return Day(std::chrono::days(day_[row])); }
  [[nodiscard]] int minute_of_day(std::uint32_t row) const { return minute_[row]; }
  [[nodiscard]] std::uint16_t type(std::uint32_t row) const { return type_[row]; }
  [[nodiscard]] std::uint32_t groups(std::uint32_t row) const { return groups_[row]; }
  [[nodiscard]] int priority(std::uint32_t row) const { return priority_[row]; }
  [[nodiscard]] std::uint16_t station(std::uint32_t row) const { return station_[row]; }
  [[nodiscard]] std::uint16_t district(std::uint32_t row) const { return district_[row]; }
  [[nodiscard]] std::uint32_t cell(std::uint32_t row) const { return cell_[row]; }
  // The south-west corner of a grid cell given as its line (south to north) and column
  // (west to east), the inverse of how rows are given cells.
  [[nodiscard]] LatLon cell_corner(std::uint32_t line, std::uint32_t column) const;
  // Where the incident is, in metres east and north of the grid origin (to about a
  // millimetre); nothing for an incident without a position. For kernel densities and
  // hotspot statistics on grids other than the history's own.
  [[nodiscard]] std::optional<Xy> planar(std::uint32_t row) const;
  // The inverse, for drawing: a point of that frame as latitude and longitude.
  [[nodiscard]] LatLon to_lat_lon(Xy planar) const;
  [[nodiscard]] bool officer_initiated(std::uint32_t row) const {
    return (flags_[row] & kOfficerFlag) != 0;
  }
  [[nodiscard]] Standing standing(std::uint32_t row) const {
    return static_cast<Standing>(flags_[row] & 3);
  }
  // Tenths of a second from the reference instant; kNoOffset when unknown.
  [[nodiscard]] std::int32_t offset(std::uint32_t row, Milestone m) const {
    return milestones_[static_cast<std::size_t>(m)][row];
  }
  [[nodiscard]] std::uint16_t first_arrived_unit(std::uint32_t row) const {
    return first_unit_[row];
  }

  // Rows whose day lies in `period`, in day order (requires settled()).
  [[nodiscard]] std::span<const std::uint32_t> rows_in(const Period& period) const;
  // The first and last day on record; absent when empty.
  [[nodiscard]] std::optional<Period> coverage() const;

  // ---- order columns, by order row ----
  [[nodiscard]] std::string_view order_id(std::uint32_t order) const;
  [[nodiscard]] std::uint32_t order_incident(std::uint32_t order) const {
    return order_incident_[order];
  }
  [[nodiscard]] std::uint16_t order_target(std::uint32_t order) const {
    return order_target_[order];
  }
  [[nodiscard]] std::uint16_t order_station(std::uint32_t order) const {
    return order_station_[order];
  }
  [[nodiscard]] OrderEnd order_end(std::uint32_t order) const {
    return static_cast<OrderEnd>(order_end_[order]);
  }
  [[nodiscard]] std::int32_t order_offset(std::uint32_t order, OrderStep s) const {
    return order_steps_[static_cast<std::size_t>(s)][order];
  }

  [[nodiscard]] const Dictionary& types() const { return types_; }
  [[nodiscard]] const Dictionary& stations() const { return stations_; }  // stations and districts
  [[nodiscard]] const Dictionary& targets() const { return targets_; }
  [[nodiscard]] std::optional<std::uint32_t> group_bit(std::string_view name) const;

 private:
  static constexpr std::uint8_t kOfficerFlag = 4;

  void write_row(std::uint32_t row, const IncidentRecord& record);
  [[nodiscard]] std::int32_t to_offset(const Instant& t, std::int64_t reference) const;

  HistorySchema schema_;
  double metres_per_degree_lon_ = 0;

  // incident columns
  std::string id_text_;
  std::vector<std::uint64_t> id_end_;  // id i is id_text_[id_end_[i-1], id_end_[i])
  std::vector<std::int64_t> reference_;
  std::vector<std::int32_t> day_;
  std::vector<std::uint16_t> minute_;
  std::vector<std::uint16_t> type_;
  std::vector<std::uint32_t> groups_;
  std::vector<std::uint8_t> priority_;
  std::vector<std::uint16_t> station_;
  std::vector<std::uint16_t> district_;
  std::vector<std::uint32_t> cell_;
  std::vector<float> east_, north_;  // metres from the grid origin; NaN without a position
  std::vector<std::uint8_t> flags_;
  std::array<std::vector<std::int32_t>, kMilestoneCount> milestones_;
  std::vector<std::uint16_t> first_unit_;
  std::unordered_map<std::string, std::uint32_t> row_by_id_;

  std::vector<std::uint32_t> by_day_;  // rows sorted by day (stable: insertion order within a day)
  bool settled_ = true;

  // order columns
  std::string order_id_text_;
  std::vector<std::uint64_t> order_id_end_;
  std::vector<std::uint32_t> order_incident_;
  std::vector<std::uint16_t> order_target_;
  std::vector<std::uint16_t> order_station_;
  std::vector<std::uint8_t> order_end_;
  std::array<std::vector<std::int32_t>, kOrderStepCount>
      order_steps_;  // from the incident's reference
  std::unordered_map<std::string, std::uint32_t> order_by_id_;

  Dictionary types_;
  Dictionary stations_;
  Dictionary targets_;
};

}  // namespace shouwang::analytics
