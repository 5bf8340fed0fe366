#include <algorithm>
#include <array>
#include <unordered_map>

#include <shouwang/analytics/selection.h>

namespace shouwang::analytics {
namespace {

constexpr std::array<std::string_view, 12> kDimensionNames = {
    "type", "type_level1", "type_level2", "group", "district", "station",
    "hour", "weekday",     "priority",    "day",   "cell",     "first_unit"};

// One flag per dictionary code plus one for "none" (kNone16 maps to the last slot).
std::vector<bool> mark(const Dictionary& dictionary, const std::vector<std::string>& wanted,
                       bool& nothing) {
  std::vector<bool> marks(dictionary.size() + 1, false);
  bool any = false;
  for (const auto& text : wanted) {
    if (const auto code = dictionary.find(text)) {
      marks[*code] = true;
      any = true;
    }
  }
  if (!any)
    nothing = true;
  return marks;
}

std::size_t slot(std::uint16_t code, std::size_t none_slot) {
  return code == kNone16 ? none_slot : code;
}

}  // namespace

std::string_view to_string(Dimension d) {
  return kDimensionNames[static_cast<std::size_t>(d)];
}

std::optional<Dimension> parse_dimension(std::string_view name) {
  const auto it = std::find(kDimensionNames.begin(), kDimensionNames.end(), name);
  if (it == kDimensionNames.end())
    return std::nullopt;
  return static_cast<Dimension>(it - kDimensionNames.begin());
}

CompiledFilter::CompiledFilter(const IncidentHistory& history, const Filter& filter)
    : history_(&history),
      officer_initiated_(filter.officer_initiated),
      cancelled_(filter.cancelled) {
  if (!filter.types.empty()) {
    const Dictionary& types = history.types();
    types_.assign(types.size() + 1, false);
    for (std::uint16_t code = 0; code < types.size(); ++code) {
      const std::string& text = types.text(code);
      types_[code] =
          std::any_of(filter.types.begin(), filter.types.end(),
                      [&](const std::string& wanted) { return text.starts_with(wanted); });
    }
  }
  if (!filter.groups.empty()) {
    any_group_ = false;
    for (const auto& name : filter.groups) {
      if (const auto bit = history.group_bit(name))
        groups_ |= 1u << *bit;
    }
    if (groups_ == 0)
      nothing_ = true;
  }
  if (!filter.stations.empty())
    stations_ = mark(history.stations(), filter.stations, nothing_);
  if (!filter.districts.empty())
    districts_ = mark(history.stations(), filter.districts, nothing_);
  for (int p : filter.priorities) {
    if (p >= 0 && p < 32)
      priorities_ |= 1u << p;
  }
  if (!filter.priorities.empty() && priorities_ == 0)
    nothing_ = true;
}

bool CompiledFilter::operator()(std::uint32_t row) const {
  const IncidentHistory& h = *history_;
  if (nothing_)
    return false;
  const Standing standing = h.standing(row);
  if (standing == Standing::kMerged || (standing == Standing::kCancelled && !cancelled_))
    return false;
  if (!officer_initiated_ && h.officer_initiated(row))
    return false;
  if (!types_.empty() && !types_[slot(h.type(row), types_.size() - 1)])
    return false;
  if (!any_group_ && (h.groups(row) & groups_) == 0)
    return false;
  if (!stations_.empty() && !stations_[slot(h.station(row), stations_.size() - 1)])
    return false;
  if (!districts_.empty() && !districts_[slot(h.district(row), districts_.size() - 1)])
    return false;
  if (priorities_ != 0 && (priorities_ & (1u << h.priority(row))) == 0)
    return false;
  return true;
}

Result<KeyMaker> KeyMaker::make(const IncidentHistory& history, std::vector<Dimension> by,
                                const Period& period) {
  if (by.size() > 3)
    return Error{Errc::kInvalidArgument, "at most three dimensions at once", "by"};
  return KeyMaker(history, std::move(by), period);
}

KeyMaker::KeyMaker(const IncidentHistory& history, std::vector<Dimension> by, const Period& period)
    : history_(&history),
      by_(std::move(by)),
      first_day_(static_cast<std::int32_t>(period.begin.time_since_epoch().count())) {
  const auto uses = [&](Dimension d) { return std::find(by_.begin(), by_.end(), d) != by_.end(); };
  if (uses(Dimension::kTypeLevel1) || uses(Dimension::kTypeLevel2)) {
    const Dictionary& types = history.types();
    std::unordered_map<std::string, std::uint32_t> index;
    const auto ancestor = [&](const std::string& code, std::size_t digits) {
      const std::string prefix = code.substr(0, std::min(code.size(), digits));
      const auto [it, added] =
          index.try_emplace(prefix, static_cast<std::uint32_t>(ancestor_codes_.size()));
      if (added)
        ancestor_codes_.push_back(prefix);
      return it->second;
    };
    for (std::uint16_t code = 0; code < types.size(); ++code) {
      ancestor1_.push_back(ancestor(types.text(code), 2));
      ancestor2_.push_back(ancestor(types.text(code), 4));
    }
  }
  if (uses(Dimension::kCell)) {
    for (const std::uint32_t row : history.rows_in(period)) {
      if (history.cell(row) != kNoCell)
        cells_.push_back(history.cell(row));
    }
    std::sort(cells_.begin(), cells_.end());
    cells_.erase(std::unique(cells_.begin(), cells_.end()), cells_.end());
  }
  for (const Dimension d : by_) {
    sizes_.push_back(d == Dimension::kDay ? static_cast<std::uint32_t>(period.days()) : size_of(d));
    cardinality_ *= sizes_.back();
  }
}

std::uint32_t KeyMaker::size_of(Dimension d) const {
  const IncidentHistory& h = *history_;
  switch (d) {
    case Dimension::kType:
      return static_cast<std::uint32_t>(h.types().size() + 1);
    case Dimension::kTypeLevel1:
    case Dimension::kTypeLevel2:
      return static_cast<std::uint32_t>(ancestor_codes_.size() + 1);
    case Dimension::kGroup:
      return static_cast<std::uint32_t>(h.schema().groups.size());
    case Dimension::kDistrict:
    case Dimension::kStation:
      return static_cast<std::uint32_t>(h.stations().size() + 1);
    case Dimension::kFirstUnit:
      return static_cast<std::uint32_t>(h.targets().size() + 1);
    case Dimension::kHour:
      return 24;
    case Dimension::kWeekday:
      return 7;
    case Dimension::kPriority:
      return 10;
    case Dimension::kDay:
      return 0;  // set from the period
    case Dimension::kCell:
      return static_cast<std::uint32_t>(cells_.size() + 1);
  }
  return 0;
}

std::uint32_t KeyMaker::value(Dimension d, std::uint32_t row) const {
  const IncidentHistory& h = *history_;
  const auto none_last = [&](std::uint16_t code, std::size_t size) {
    return code == kNone16 ? static_cast<std::uint32_t>(size) : std::uint32_t{code};
  };
  switch (d) {
    case Dimension::kType:
      return none_last(h.type(row), h.types().size());
    case Dimension::kTypeLevel1:
      return h.type(row) == kNone16 ? static_cast<std::uint32_t>(ancestor_codes_.size())
                                    : ancestor1_[h.type(row)];
    case Dimension::kTypeLevel2:
      return h.type(row) == kNone16 ? static_cast<std::uint32_t>(ancestor_codes_.size())
                                    : ancestor2_[h.type(row)];
    case Dimension::kGroup:
      return 0;  // multi-valued: handled by emit_from
    case Dimension::kDistrict:
      return none_last(h.district(row), h.stations().size());
    case Dimension::kStation:
      return none_last(h.station(row), h.stations().size());
    case Dimension::kFirstUnit:
      return none_last(h.first_arrived_unit(row), h.targets().size());
    case Dimension::kHour:
      return static_cast<std::uint32_t>(h.minute_of_day(row) / 60);
    case Dimension::kWeekday: {
      const std::chrono::weekday wd{h.day(row)};
      return wd.iso_encoding() - 1;
    }
    case Dimension::kPriority:
      return static_cast<std::uint32_t>(h.priority(row));
    case Dimension::kDay:
      // Outside the period: a value past the size, so no key is emitted.
      return static_cast<std::uint32_t>(h.day(row).time_since_epoch().count() - first_day_);
    case Dimension::kCell: {
      if (h.cell(row) == kNoCell)
        return static_cast<std::uint32_t>(cells_.size());
      const auto it = std::lower_bound(cells_.begin(), cells_.end(), h.cell(row));
      if (it == cells_.end() || *it != h.cell(row))
        return static_cast<std::uint32_t>(cells_.size() + 1);  // not in the period: no key
      return static_cast<std::uint32_t>(it - cells_.begin());
    }
  }
  return 0;
}

std::string KeyMaker::text(Dimension d, std::uint32_t v) const {
  const IncidentHistory& h = *history_;
  const auto from = [&](const Dictionary& dictionary) {
    return v < dictionary.size() ? dictionary.text(static_cast<std::uint16_t>(v)) : std::string();
  };
  switch (d) {
    case Dimension::kType:
      return from(h.types());
    case Dimension::kTypeLevel1:
    case Dimension::kTypeLevel2:
      return v < ancestor_codes_.size() ? ancestor_codes_[v] : std::string();
    case Dimension::kGroup:
      return h.schema().groups[v];
    case Dimension::kDistrict:
    case Dimension::kStation:
      return from(h.stations());
    case Dimension::kFirstUnit:
      return from(h.targets());
    case Dimension::kHour:
      return (v < 10 ? "0" : "") + std::to_string(v);
    case Dimension::kWeekday:
      return std::to_string(v + 1);
    case Dimension::kPriority:
      return std::to_string(v);
    case Dimension::kDay:
      return to_string(Day(std::chrono::days(first_day_ + static_cast<std::int32_t>(v))));
    case Dimension::kCell:
      if (v >= cells_.size())
        return {};
      return std::to_string(cells_[v] >> 16) + ":" + std::to_string(cells_[v] & 0xFFFF);
  }
  return {};
}

std::vector<std::string> KeyMaker::label(std::uint64_t key) const {
  std::vector<std::string> parts(by_.size());
  for (std::size_t i = by_.size(); i-- > 0;) {
    parts[i] = text(by_[i], static_cast<std::uint32_t>(key % sizes_[i]));
    key /= sizes_[i];
  }
  return parts;
}

}  // namespace shouwang::analytics
