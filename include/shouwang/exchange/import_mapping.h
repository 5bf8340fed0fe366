#pragma once
// An import mapping: how the columns of one historical CSV export become incidents. It is
// a small TOML file (docs/import-incidents.md gives the format and a field reference; the
// repository ships examples in data/mappings/). It names the columns of the record's id,
// summary, times, coordinates, type, priority, dispatch target and disposition, and the
// tables that turn the source's own codes into taxonomy codes.
//
// Parsing checks everything that does not depend on the CSV file: the TOML syntax, unknown
// or missing keys, value types, time formats, the time zone, EPSG codes, and every
// incident type and disposition code against the taxonomy. Each error names the mapping
// file, the line and the key ("portland_cfs.toml:42: type.match[1].values.PROWLP: ...",
// with Error::field set to the key). Whether the named columns exist is checked when the
// mapping meets the file's header (row_converter.h), with the same kind of message.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/cad/order.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/text_template.h>

namespace shouwang::exchange {

// Where in the mapping a setting was written, for messages about it.
struct MappingKey {
  std::string key;  // dotted path: "time.received", "type.match[1]"
  int line = 0;     // 1-based line in the mapping file
};

// A column named by the mapping.
struct ColumnRef {
  std::string column;
  MappingKey at;
};

// Text built from columns ({column} placeholders).
struct TemplateRef {
  TextTemplate text;
  MappingKey at;
};

// A time column and how it is written (local_time.h: strptime-style directives or "iso8601").
struct TimeColumn {
  ColumnRef column;
  std::string format;
};

enum class MatchMode {
  kExact,     // the whole value equals the key
  kPrefix,    // the value starts with the key; the longest such key wins
  kContains,  // the value contains the key; the longest such key wins
};

// One lookup table: the value of `columns` (several columns' values joined by "|") is
// looked up among the keys of `values`. Source values are compared without their leading
// and trailing spaces, case-sensitively.
template <typename V>
struct MatchTable {
  std::vector<ColumnRef> columns;
  MatchMode mode = MatchMode::kExact;
  std::map<std::string, V> values;
  MappingKey at;
};

// What to do with a row whose type no table maps.
enum class UnmappedRule {
  kDefault,  // import it with the default type (and report the values)
  kSkip,     // report it and skip it
};

struct TimeRules {
  std::string timezone;  // IANA name
  TimeColumn received;   // the call: the incident's creation
  // Later milestones, each optional: the order is issued at `dispatched`, the unit goes
  // en route at `en_route` (else at `dispatched`), arrives at `arrived`; at `cleared` the
  // scene is closed and the incident terminated.
  std::optional<TimeColumn> dispatched;
  std::optional<TimeColumn> en_route;
  std::optional<TimeColumn> arrived;
  std::optional<TimeColumn> cleared;
};

struct LocationRules {
  // Either WGS84 latitude/longitude columns, or projected x/y columns with an EPSG code.
  std::optional<ColumnRef> lat, lon;
  std::optional<ColumnRef> x, y;
  int epsg = 0;
  std::optional<TemplateRef> text;  // the address as text, for the location candidate
  double uncertainty_m = 50.0;      // the radius given to every imported position
  // Optional plausibility box [west, south, east, north] in degrees: rows outside it are
  // skipped as outside the area (geocoding errors, placeholder coordinates).
  std::optional<std::vector<double>> bounds;
  MappingKey at;
};

struct TypeRules {
  std::vector<MatchTable<std::string>> tables;  // tried in order; the first that matches wins
  std::string default_code;
  UnmappedRule unmapped = UnmappedRule::kDefault;
  MappingKey at;
};

struct PriorityRules {
  std::vector<MatchTable<int>> tables;  // 1..4; a row no table maps keeps its type's default
};

struct DispatchRules {
  ColumnRef target;  // the station, unit, officer or vehicle the order went to
  cad::TargetKind kind = cad::TargetKind::kStation;
  std::optional<TemplateRef> name;          // the target's display name
  std::optional<TemplateRef> instructions;  // the order's text; the summary without it
};

struct DispositionRules {
  std::vector<MatchTable<std::string>> tables;
  std::string default_code;  // used when a row closes and no table maps it
};

struct ImportMapping {
  std::string source;  // the mapping's file name, in messages
  std::string sha256;  // of the mapping's text, recorded in import checkpoints
  std::string name;    // what the mapping is for (free text)
  std::optional<int> centre_utc_offset_minutes;
  std::vector<ColumnRef> id_columns;  // the source's record id; several are joined by "/"
  std::optional<TemplateRef> summary;
  TimeRules time;
  LocationRules location;
  TypeRules type;
  PriorityRules priority;
  std::optional<DispatchRules> dispatch;
  DispositionRules disposition;
};

// Parses a mapping's TOML text; `source` names it in errors. Type and disposition codes
// are checked against `taxonomy`.
Result<ImportMapping> parse_import_mapping(std::string_view text, std::string_view source,
                                           const cad::Taxonomy& taxonomy);

// Reads and parses a mapping file (kIoError when it cannot be read).
Result<ImportMapping> load_import_mapping(const std::filesystem::path& path, const cad::Taxonomy& taxonomy);

}  // namespace shouwang::exchange
