#pragma once
// The synthetic 110 calls of a city: when they come in, what they are about, where they
// happen and how the place is described. The live simulator draws its stream of calls
// from it, and `shouwang gen-history` runs it over past years (history.h).
//
// The model (docs/formats/call-model.md gives every parameter and where it comes from):
//   - Calls fall into call classes (traffic, assistance, disputes, theft and robbery,
//     fraud, public order, noise, other crime, fire and hazards, tips, non-police), each
//     with a share of all calls and its own weights over the taxonomy's type codes.
//   - Each class has a rate that varies with the local hour (a trough at 04:00-05:00 and
//     an evening peak), the day of the week (busier Friday and Saturday nights for
//     disputes and drunkenness) and the season (summer for disputes and noise, the winter
//     holidays for theft and fraud). The number of calls of a class in one hour is Poisson
//     with that hour's rate.
//   - A call is placed at a home (an address or residential compound), a busy place (a
//     shop, school, hospital ...) or on a road, by its class; or, for a share of the
//     classes that cluster there, near a persistent hotspot (markets, malls, supermarkets,
//     railway, subway and coach stations), each with its own fixed intensity.
//   - Near-repeats: a burglary or vehicle-related theft makes more of the same type likely
//     within a few hundred metres over the next days (a self-exciting process, one
//     generation deep, bounded to seven days).
//
// Windows compose: the calls of each hour depend only on (seed, hour), and a near-repeat
// only on the call that triggered it, so generate(a, b) followed by generate(b, c) gives
// exactly generate(a, c). Immutable once built: copies share the city's data, and every
// const member function may be called from several threads at once.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/city_summary.h>

namespace shouwang::sim {

struct GeneratedCall {
  UtcTime at{};             // when the call comes in
  std::string type_code{};  // an incident type code of the taxonomy
  LatLon position;          // where it happened (on or beside a road)
  std::string place{};      // the nearest named street / POI: "人民路 近 中心菜市场"
  std::string origin{};     // why it is here: "background", "hotspot:<name>", "near_repeat"
};

struct CallModelOptions {
  std::uint64_t seed = 1;
  // Calls per day on average over a year. 0: a default from the city's estimated number
  // of residents (CallModel::estimated_residents) at 0.3 dispatched incidents per 1,000
  // residents a day, the order of what Chinese city bureaus publish (docs/formats/call-model.md).
  double calls_per_day = 0;
  std::int32_t utc_offset_minutes = 480;  // local time drives the daily cycle
};

class CallModel {
 public:
  // From a city data directory: city.osm.pbf (as `shouwang gen-city` writes it, or a real
  // extract) and what `shouwang import-osm` made of it: road_graph.swg and snap_index.sws
  // (required) and place_index.swi (read from the OSM file when missing). Errors: the
  // files' own (kNotFound naming a missing one, kCorrupt ...), kInvalidArgument for bad
  // options (field named) or a taxonomy without any type the model knows, and
  // kInvalidArgument when the city has no road to put a call on.
  static Result<CallModel> build(const std::filesystem::path& data_dir,
                                 const cad::Taxonomy& taxonomy, CallModelOptions options);

  // The calls with from <= at < to, in time order (ties in a fixed order). Deterministic
  // for the seed; windows compose (see above). Empty when to <= from.
  [[nodiscard]] std::vector<GeneratedCall> generate(UtcTime from, UtcTime to) const;

  // Expected calls per hour at t, near-repeats included (their long-run average share).
  [[nodiscard]] double expected_rate(UtcTime t) const;

  // The city file's summary; for an extract without the city's boundary or a header box,
  // the roads' extent with an empty name and code.
  [[nodiscard]] const osm::CitySummary& city() const;
  // The average calls per day the model runs at (the option, or the default it chose).
  [[nodiscard]] double calls_per_day() const;
  // The residents the default rate is based on: from the city's addresses, residential
  // compounds and villages, or its road length when it has few of those.
  [[nodiscard]] double estimated_residents() const;
  [[nodiscard]] const CallModelOptions& options() const;

  struct Hotspot {
    std::string name{};
    LatLon position{};
    std::string category{};  // "amenity=marketplace", "railway=station" ...
    double intensity = 0;    // relative; the hotspots' calls are shared out by it
  };
  [[nodiscard]] const std::vector<Hotspot>& hotspots() const;

  struct Data;  // src/sim/calls/model_data.h

 private:
  explicit CallModel(std::shared_ptr<const Data> data);
  std::shared_ptr<const Data> data_{};
};

}  // namespace shouwang::sim
