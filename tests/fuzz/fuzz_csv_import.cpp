// libFuzzer target for the historical CSV import: the CSV reader and the conversion of its
// records through a mapping, on arbitrary bytes. Built by the `fuzz` preset
// (tests/fuzz/CMakeLists.txt); scripts/fuzz.sh runs it on the seeds in corpus/fuzz_csv_import.
//
// The first byte chooses what the rest is:
//   even: CSV data rows under a fixed header, converted through a fixed mapping;
//   odd:  a whole CSV file (header included) bound to the same mapping, then converted;
// and with the top bit set the rest is also parsed as a mapping's TOML text.
// Checked beyond "no crash": records without problems survive format_csv_record and a
// second read unchanged, and every rejection names a line the record really starts on.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/import_mapping.h>
#include <shouwang/exchange/row_converter.h>

namespace {

using namespace shouwang;
using namespace shouwang::exchange;

constexpr std::string_view kHeader = "id,call,notify,arrive,clear,lat,lon,kind,station,address\n";

constexpr std::string_view kTypes =
    "code\tname_zh\tname_en\tcommon_code\tpriority\tcapabilities\tgroups\n"
    "04\t火灾\tFire\tFIRE\t1\t-\tfire\n"
    "0401\t建筑火灾\tBuilding fire\tFIRE.STRUCTURE\t1\t-\t-\n"
    "05\t群众求助\tAssistance\tASSIST\t3\t-\tassistance\n"
    "09\t其他\tOther\tOTHER\t4\t-\t-\n";
constexpr std::string_view kDispositions =
    "code\tname_zh\tname_en\tcommon_code\n"
    "30\t救助完成\tAssistance given\tASSISTED\n"
    "90\t其他\tOther\tOTHER\n";

constexpr std::string_view kMapping = R"(
name = "fuzz"
[record]
id = ["id", "station"]
summary = "{kind} at {address}"
[time]
timezone = "America/Los_Angeles"
format = "%m/%d/%Y %I:%M %p"
received = { column = "call", format = "iso8601" }
dispatched = "notify"
arrived = "arrive"
cleared = { column = "clear", format = "%Y-%m-%d %H:%M:%S" }
[location]
x = "lon"
y = "lat"
epsg = 2913
text = "{address}"
bounds = [-124.0, 44.0, -121.0, 47.0]
[dispatch]
target = "station"
kind = "unit"
[type]
default = "09"
unmapped = "skip"
[[type.match]]
columns = ["kind", "station"]
values = { "FIRE|1" = "0401" }
[[type.match]]
column = "kind"
match = "prefix"
values = { "F" = "04", "FI" = "0401", "A" = "05" }
[[priority.match]]
column = "address"
match = "contains"
values = { "!" = 1, "?" = 4 }
[disposition]
default = "90"
[[disposition.match]]
column = "kind"
match = "contains"
values = { "AID" = "30" }
)";

const cad::Taxonomy& taxonomy() {
  static const cad::Taxonomy loaded = [] {
    auto types = cad::IncidentTypes::parse(kTypes, "fuzz types");
    auto dispositions = cad::DispositionCodes::parse(kDispositions, "fuzz dispositions");
    if (!types || !dispositions) std::abort();
    return cad::Taxonomy{std::move(types).value(), std::move(dispositions).value()};
  }();
  return loaded;
}

const ImportMapping& mapping() {
  static const ImportMapping parsed = [] {
    auto m = parse_import_mapping(kMapping, "fuzz.toml", taxonomy());
    if (!m) std::abort();
    return std::move(m).value();
  }();
  return parsed;
}

void check(bool holds) {
  if (!holds) __builtin_trap();
}

// Reads every record of `text`, converting each through `converter` when there is one.
void read_and_convert(std::string_view text, const RowConverter* converter) {
  CsvReader reader(text);
  CsvRecord record;
  std::size_t previous_end = 0;
  while (reader.next(record)) {
    check(record.line > previous_end && record.last_line >= record.line);
    previous_end = record.last_line;
    if (!record.problem) {
      // A clean record written back out reads back the same.
      const std::string line = format_csv_record(record.fields);
      CsvReader again(line);
      CsvRecord copy;
      check(again.next(copy) && copy.fields == record.fields && !copy.problem);
    }
    if (converter == nullptr) continue;
    const RowOutcome outcome = converter->convert(record);
    if (const auto* rejected = std::get_if<RowRejection>(&outcome)) {
      check(rejected->line == record.line && !rejected->message.empty());
    } else {
      const auto& row = std::get<ImportRow>(outcome);
      check(row.position.lat >= -90 && row.position.lat <= 90 && !row.type_code.empty());
      check(!row.dispatched || row.target.has_value());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

  if ((mode & 0x80) != 0) {
    // Whatever the text is, parsing it as a mapping returns a value or an error naming a line.
    auto parsed = parse_import_mapping(rest, "input.toml", taxonomy());
    check(parsed.ok() || !parsed.error().message.empty());
  }
  if ((mode & 1) == 0) {
    static const RowConverter fixed = [] {
      CsvReader reader(kHeader);
      CsvRecord header;
      reader.next(header);
      auto bound = RowConverter::bind(mapping(), header.fields);
      if (!bound) std::abort();
      return std::move(bound).value();
    }();
    read_and_convert(std::string(kHeader) + std::string(rest), &fixed);
    return 0;
  }
  CsvReader reader(rest);
  CsvRecord header;
  if (!reader.next(header)) return 0;
  auto bound = RowConverter::bind(mapping(), header.fields);
  read_and_convert(rest, bound ? &*bound : nullptr);
  return 0;
}
