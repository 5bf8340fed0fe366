#pragma once
// Which incidents a figure is about (a Filter) and how they are broken down (Dimensions).
// Both are compiled once against the history's dictionaries, so a scan over millions of
// rows tests small tables instead of strings.
//
// Counting rules (docs/analytics.md, "What counts"): a duplicate merged into another
// incident never counts on its own; cancelled incidents (invalid, withdrawn) count only
// when asked; incidents found by officers on patrol count unless excluded (response-time
// figures exclude them by default, because their "response" is zero).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

struct Filter {
  std::vector<std::string> types;      // type codes, each with its sub-types; empty: all
  std::vector<std::string> groups;     // in any of these reporting groups; empty: all
  std::vector<std::string> stations;   // responsible station codes; empty: all
  std::vector<std::string> districts;  // sub-bureau codes; empty: all
  std::vector<int> priorities;         // empty: all
  bool officer_initiated = true;       // include incidents found on patrol
  bool cancelled = false;              // include cancelled (invalid, withdrawn) incidents
};

enum class Dimension : std::uint8_t {
  kType,        // the incident's type code (unclassified: "")
  kTypeLevel1,  // its level-1 ancestor (2 digits): 刑事, 治安, ...
  kTypeLevel2,  // its level-2 ancestor (4 digits), or itself when shallower
  kGroup,       // reporting group: an incident in several groups counts in each
  kDistrict,
  kStation,
  kHour,     // local hour of the reference instant, "00".."23"
  kWeekday,  // ISO weekday of the local day, "1" (Monday) .. "7"
  kPriority,
  kDay,        // the local day, "2026-11-23"
  kCell,       // grid cell "line:column", or "" when the incident has no position
  kFirstUnit,  // the first unit to arrive ("" when none arrived)
};
std::string_view to_string(Dimension d);  // "type_level1"
std::optional<Dimension> parse_dimension(std::string_view name);

class CompiledFilter {
 public:
  CompiledFilter(const IncidentHistory& history, const Filter& filter);
  [[nodiscard]] bool operator()(std::uint32_t row) const;

 private:
  const IncidentHistory* history_;
  std::vector<bool> types_;  // by type code; empty: all
  std::uint32_t groups_ = 0;
  bool any_group_ = true;
  std::vector<bool> stations_;    // by station code (kNone16 last); empty: all
  std::vector<bool> districts_;   // likewise
  std::uint32_t priorities_ = 0;  // bit per priority; 0: all
  bool officer_initiated_ = true;
  bool cancelled_ = false;
  bool nothing_ = false;  // a named value the history has never seen: no row matches
};

// Breaks rows down by up to three dimensions. A key is a number below cardinality();
// label() turns it back into one text per dimension.
class KeyMaker {
 public:
  // `period` bounds the day dimension. kInvalidArgument for more than three dimensions.
  static Result<KeyMaker> make(const IncidentHistory& history, std::vector<Dimension> by,
                               const Period& period);

  [[nodiscard]] std::uint64_t cardinality() const { return cardinality_; }
  // Calls `emit(key)` once per key the row belongs to (several for kGroup, none when a
  // day lies outside the period).
  template <typename Emit>
  void keys(std::uint32_t row, Emit&& emit) const {
    emit_from(row, 0, 0, emit);
  }
  [[nodiscard]] std::vector<std::string> label(std::uint64_t key) const;
  [[nodiscard]] const std::vector<Dimension>& dimensions() const { return by_; }

 private:
  KeyMaker(const IncidentHistory& history, std::vector<Dimension> by, const Period& period);
  [[nodiscard]] std::uint32_t value(Dimension d,
                                    std::uint32_t row) const;  // single-valued dimensions
  [[nodiscard]] std::uint32_t size_of(Dimension d) const;
  [[nodiscard]] std::string text(Dimension d, std::uint32_t value) const;

  template <typename Emit>
  void emit_from(std::uint32_t row, std::size_t i, std::uint64_t key, Emit& emit) const {
    if (i == by_.size()) {
      emit(key);
      return;
    }
    const std::uint64_t scaled = key * sizes_[i];
    if (by_[i] == Dimension::kGroup) {
      std::uint32_t bits = history_->groups(row);
      while (bits != 0) {
        const auto bit = static_cast<std::uint32_t>(__builtin_ctz(bits));
        bits &= bits - 1;
        if (bit < sizes_[i])
          emit_from(row, i + 1, scaled + bit, emit);
      }
      return;
    }
    const std::uint32_t v = value(by_[i], row);
    if (v < sizes_[i])
      emit_from(row, i + 1, scaled + v, emit);
  }

  const IncidentHistory* history_;
  std::vector<Dimension> by_;
  std::vector<std::uint32_t> sizes_;
  std::uint64_t cardinality_ = 1;
  std::int32_t first_day_ = 0;
  std::vector<std::uint32_t> ancestor1_;  // type code → index into ancestor_codes_
  std::vector<std::uint32_t> ancestor2_;
  std::vector<std::string> ancestor_codes_;
  std::vector<std::uint32_t> cells_;  // cell ids seen in the period, sorted (for kCell)
};

}  // namespace shouwang::analytics
