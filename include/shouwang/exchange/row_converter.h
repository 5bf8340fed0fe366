#pragma once
// One CSV row read through an import mapping: either the facts of one historical incident
// (times in UTC, a WGS84 position, taxonomy codes, the order's target) or the reason the
// row cannot be imported, with its line and column. Pure: no domain state and no log; the
// importer (incident_importer.h) turns an ImportRow into domain commands.
//
// A row is checked in this order and rejected at its first problem: the CSV record itself,
// the location, the times, the type, the dispatch target.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/order.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/import_mapping.h>

namespace shouwang::exchange {

// Why a row was skipped; to_string gives the stable snake_case name used in reports.
enum class RejectReason {
  kMalformedRecord,     // CSV syntax, bytes that are not UTF-8, a wrong number of fields
  kMissingValue,        // a required column is empty (the call time, the order's target)
  kBadTime,             // a time that does not fit its format or is not a real date
  kTimesOutOfOrder,     // a milestone before the one it follows (arrival before dispatch)
  kMissingCoordinates,  // no position in the row
  kBadCoordinates,      // not a number, or outside the valid range of its system
  kOutsideBounds,       // outside the mapping's location.bounds
  kUnmappedType,        // no table maps the type and the mapping says unmapped = "skip"
  kDomainRefusal,       // the domain refused one of the row's commands
};
inline constexpr std::size_t kRejectReasonCount = 9;
std::string_view to_string(RejectReason reason);

struct RowRejection {
  std::size_t line = 0;  // physical line where the record starts
  std::string column;    // the offending column (empty when the row as a whole is wrong)
  RejectReason reason = RejectReason::kMalformedRecord;
  std::string message;
};

// The facts of one row, ready to become commands.
struct ImportRow {
  std::size_t line = 0;
  std::string external_id;  // the source's id columns joined by "/"; empty without them
  std::string summary;
  std::string type_code;
  std::string unmapped_type;  // the source value when no table mapped it and the default stood in
  int priority = 0;           // 1..4, or 0 for the type's default
  UtcTime received;
  std::optional<UtcTime> dispatched;
  std::optional<UtcTime> en_route;
  std::optional<UtcTime> arrived;
  std::optional<UtcTime> cleared;
  LatLon position;
  double uncertainty_m = 0.0;
  std::string location_text;
  std::optional<cad::OrderTarget> target;  // set with `dispatched`
  std::string instructions;
  std::string disposition;  // set with `cleared`
};

using RowOutcome = std::variant<ImportRow, RowRejection>;

// A mapping bound to one file's header: column names resolved to field indexes, time zone
// and coordinate transformation ready. Not thread-safe (the PROJ transformation is not);
// use one per thread. Move-only.
class RowConverter {
 public:
  // kInvalidArgument naming the mapping file, line and key when a column it names is not
  // in `header` (or appears in it twice). `header` is the file's first record.
  static Result<RowConverter> bind(const ImportMapping& mapping, const std::vector<std::string>& header);

  RowConverter(RowConverter&&) noexcept;
  RowConverter& operator=(RowConverter&&) noexcept;
  ~RowConverter();

  [[nodiscard]] RowOutcome convert(const CsvRecord& record) const;

  [[nodiscard]] std::size_t column_count() const;

 private:
  struct Bound;
  explicit RowConverter(std::unique_ptr<Bound> bound);
  std::unique_ptr<Bound> bound_;
};

}  // namespace shouwang::exchange
