#include <shouwang/sim/call_model.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "sim/calls/call_generation.h"
#include "sim/calls/model_data.h"
#include "sim/calls/place_loading.h"

namespace shouwang::sim {
namespace {

using calls::ClassModel;

// Dispatched incidents per 1,000 residents a day (docs/formats/call-model.md).
constexpr double kCallsPerThousandResidents = 0.3;
constexpr std::uint64_t kHotspotStream = 0x486f7473706f74ULL;  // "Hotspot"
constexpr std::int32_t kMaxOffsetMinutes = 14 * 60;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    --q;
  return q;
}

void to_cumulative(std::vector<double>& v) {
  double sum = 0;
  for (double& x : v)
    x = (sum += x);
}

// The class against the taxonomy: the codes it knows and their draws; nullopt when the
// taxonomy has none of them.
std::optional<ClassModel> compile(const calls::CallClass& spec, const cad::Taxonomy& taxonomy,
                                  bool have_hotspots) {
  ClassModel c;
  c.spec = &spec;
  c.rates = calls::RateProfile(spec);
  std::vector<double> background, hot;
  for (const calls::TypeShare& t : spec.types) {
    if (taxonomy.types.find(t.code) == nullptr || !(t.weight > 0))
      continue;
    c.codes.emplace_back(t.code);
    c.near_repeat.push_back(t.near_repeat);
    c.setting.push_back(t.setting);
    background.push_back(t.weight);
    hot.push_back(t.weight * t.at_hotspots);
  }
  if (c.codes.empty())
    return std::nullopt;
  double total = 0, total_hot = 0, repeats = 0, repeats_hot = 0;
  for (std::size_t i = 0; i < c.codes.size(); ++i) {
    total += background[i];
    total_hot += hot[i];
    repeats += background[i] * c.near_repeat[i];
    repeats_hot += hot[i] * c.near_repeat[i];
  }
  c.hotspot_share = have_hotspots && total_hot > 0 ? spec.hotspot_share : 0.0;
  c.mean_repeats = (1.0 - c.hotspot_share) * repeats / total +
                   (total_hot > 0 ? c.hotspot_share * repeats_hot / total_hot : 0.0);
  to_cumulative(background);
  to_cumulative(hot);
  c.background = std::move(background);
  if (total_hot > 0)
    c.at_hotspots = std::move(hot);
  double sum = 0;
  for (std::size_t s = 0; s < calls::kSettingCount; ++s)
    c.settings[s] = (sum += spec.settings[s]);
  c.share = spec.share;
  return c;
}

// A summary without name or code, spanning the roads.
osm::CitySummary roads_extent(const routing::RoadGraph& graph) {
  osm::CitySummary city;
  const auto points = graph.coordinates();
  if (points.empty())
    return city;
  city.south_west = city.north_east = points.front();
  for (const LatLon p : points) {
    city.south_west = {std::min(city.south_west.lat, p.lat), std::min(city.south_west.lon, p.lon)};
    city.north_east = {std::max(city.north_east.lat, p.lat), std::max(city.north_east.lon, p.lon)};
  }
  return city;
}

}  // namespace

CallModel::CallModel(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

Result<CallModel> CallModel::build(const std::filesystem::path& data_dir,
                                   const cad::Taxonomy& taxonomy, CallModelOptions options) {
  if (!std::isfinite(options.calls_per_day) || options.calls_per_day < 0) {
    return Error(Errc::kInvalidArgument,
                 "calls per day must be a number >= 0 (0: from the city's size)", "calls_per_day");
  }
  if (options.utc_offset_minutes < -kMaxOffsetMinutes ||
      options.utc_offset_minutes > kMaxOffsetMinutes) {
    return Error(Errc::kInvalidArgument, "the UTC offset must lie within ±14 hours",
                 "utc_offset_minutes");
  }
  auto data = std::make_shared<Data>();
  data->options = options;
  const std::string pbf = (data_dir / "city.osm.pbf").string();
  auto places = calls::load_place_index(data_dir);
  if (!places)
    return places.error();
  data->places = std::move(places).value();
  auto roads = calls::load_road_network(data_dir, false);
  if (!roads)
    return roads.error();
  data->roads = std::move(roads).value();
  auto city = osm::read_city_summary(pbf);
  if (city) {
    data->city = std::move(city).value();
  } else if (city.error().code == Errc::kInvalidArgument) {
    // An extract cut from a larger area may lack the city's boundary or a header box.
    data->city = roads_extent(data->roads->graph());
  } else {
    return city.error();
  }

  data->frame = LocalProjection(data->city.centre());
  data->sites = calls::collect_city_places(data->places, Rng(options.seed).fork(kHotspotStream));
  calls::keep_beside_roads(data->sites, *data->roads->snap);
  data->home_grid = calls::PointGrid(data->frame, data->sites.homes.points, 100.0);
  data->road_sampler = calls::RoadSampler(data->roads->graph());
  if (data->road_sampler.empty()) {
    return Error(Errc::kInvalidArgument, data_dir.string() + " has no roads to place calls on",
                 "data");
  }
  data->describer =
      std::make_unique<calls::PlaceDescriber>(data->places, data->frame, data->city.name);
  for (const calls::HotspotSite& h : data->sites.hotspots) {
    data->hotspots.push_back({h.name, h.position, h.category, h.intensity});
  }

  double shares = 0, repeats = 0;
  for (const calls::CallClass& spec : calls::call_classes()) {
    auto c = compile(spec, taxonomy, !data->hotspots.empty());
    if (!c)
      continue;
    shares += c->share;
    data->classes.push_back(std::move(*c));
  }
  if (data->classes.empty()) {
    return Error(Errc::kInvalidArgument,
                 "the taxonomy has none of the incident types the call model knows", "taxonomy");
  }
  for (ClassModel& c : data->classes) {
    c.share /= shares;
    repeats += c.share * c.mean_repeats;
  }

  // Residents: a map with address data counts its homes; one without (most real extracts)
  // counts its roads.
  const double from_homes = data->sites.home_weight * calls::kResidentsPerPlot;
  const double from_roads = data->road_sampler.directed_km() / 2.0 * calls::kResidentsPerRoadKm;
  data->residents = from_homes >= 0.5 * from_roads ? from_homes : from_roads;
  data->calls_per_day = options.calls_per_day > 0
                            ? options.calls_per_day
                            : data->residents * kCallsPerThousandResidents / 1000.0;
  data->primary_per_hour = data->calls_per_day / 24.0 / (1.0 + repeats);
  return CallModel(std::move(data));
}

std::vector<GeneratedCall> CallModel::generate(UtcTime from, UtcTime to) const {
  std::vector<GeneratedCall> out;
  if (to <= from)
    return out;
  const Data& model = *data_;
  const std::int64_t first = floor_div(from.micros(), calls::kMicrosPerHour);
  const std::int64_t last = floor_div(to.micros() - 1, calls::kMicrosPerHour);
  auto inside = [&](std::int64_t t) { return t >= from.micros() && t < to.micros(); };
  std::vector<calls::RawCall> hour, repeats, kept;
  for (std::int64_t h = first - calls::kLookBackHours; h <= last; ++h) {
    hour.clear();
    repeats.clear();
    calls::primary_calls(model, h, h >= first, hour);
    for (const calls::RawCall& c : hour)
      calls::near_repeats(model, c, repeats);
    for (const auto* list : {&hour, &repeats}) {
      for (const calls::RawCall& c : *list) {
        if (inside(c.at_us))
          kept.push_back(c);
      }
    }
  }
  out.reserve(kept.size());
  for (const calls::RawCall& c : kept) {
    GeneratedCall call;
    call.at = UtcTime::from_micros(c.at_us);
    call.type_code = model.classes[c.class_index].codes[c.type_index];
    call.position = c.position;
    call.place = model.describer->describe(c.position);
    if (c.origin == calls::kNearRepeat) {
      call.origin = "near_repeat";
    } else if (c.origin >= 0) {
      call.origin = "hotspot:" + model.hotspots[static_cast<std::size_t>(c.origin)].name;
    } else {
      call.origin = "background";
    }
    out.push_back(std::move(call));
  }
  std::sort(out.begin(), out.end(), [](const GeneratedCall& a, const GeneratedCall& b) {
    return std::tie(a.at, a.type_code, a.position.lat, a.position.lon, a.origin) <
           std::tie(b.at, b.type_code, b.position.lat, b.position.lon, b.origin);
  });
  return out;
}

double CallModel::expected_rate(UtcTime t) const {
  const Data& model = *data_;
  // The rate of t's hour, as the generator draws it (at the hour's middle).
  const std::int64_t hour = floor_div(t.micros(), calls::kMicrosPerHour);
  const calls::LocalMoment m = calls::local_moment(
      UtcTime::from_micros(hour * calls::kMicrosPerHour + calls::kMicrosPerHour / 2),
      model.options.utc_offset_minutes);
  double rate = 0;
  for (const ClassModel& c : model.classes)
    rate += c.share * c.rates.factor(m) * (1.0 + c.mean_repeats);
  return model.primary_per_hour * rate;
}

const osm::CitySummary& CallModel::city() const { return data_->city; }
double CallModel::calls_per_day() const {
  return data_->calls_per_day;
}
double CallModel::estimated_residents() const {
  return data_->residents;
}
const CallModelOptions& CallModel::options() const {
  return data_->options;
}
const std::vector<CallModel::Hotspot>& CallModel::hotspots() const {
  return data_->hotspots;
}

}  // namespace shouwang::sim
