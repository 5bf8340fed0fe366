// Place search on the 30 km demo city (about 135,000 places, 127,000 of them addresses):
// building the index, its file, and queries of the kinds a call-taker types. Every query
// benchmark cycles through 1,000 queries drawn from the city with a fixed seed and also
// reports the median and 99th percentile of single queries (p50_us, p99_us).

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/place_index.h>

#include "latency_counters.h"
#include "osm/places/utf8.h"

namespace shouwang::osm {
namespace {

// The city, its places and index, built once; the files are removed at exit.
struct City {
  std::filesystem::path dir;
  std::string pbf;
  std::vector<Place> places;  // as read from the file
  PlaceIndex index;
  std::uint64_t file_bytes = 0;

  City() {
    dir = std::filesystem::temp_directory_path() /
          ("shouwang-bench-places-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    pbf = (dir / "city.osm.pbf").string();
    const std::string swi = (dir / kPlaceIndexFileName).string();
    if (write_demo_city({1, 30.0}, pbf)) {
      if (auto read = read_places(pbf))
        places = std::move(read).value();
    }
    index = PlaceIndex::build(places);
    if (write_place_index(swi, index))
      file_bytes = std::filesystem::file_size(swi);
  }
  ~City() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  City(const City&) = delete;
  City& operator=(const City&) = delete;
};

const City& city() {
  static const City c;
  return c;
}

std::string first_chars(const std::string& s, std::size_t n) {
  const std::u32string cps = places::decode_utf8_lenient(s);
  return places::encode_utf8(std::u32string_view(cps).substr(0, std::min(n, cps.size())));
}

std::string lower_prefix(const std::string& s, std::size_t n) {
  std::string out;
  for (const char c : s) {
    if (out.size() == n || c == ' ')
      break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  return out;
}

// 1,000 queries made by `make` from random places of `kind`.
std::vector<std::string> queries(PlaceKind kind,
                                 const std::function<std::string(const Place&)>& make) {
  std::vector<const Place*> pool;
  for (const Place& p : city().index.places()) {
    if (p.kind == kind)
      pool.push_back(&p);
  }
  std::vector<std::string> out;
  Rng rng(42);
  while (out.size() < 1000 && !pool.empty()) {
    out.push_back(make(*pool[static_cast<std::size_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(pool.size()) - 1))]));
  }
  return out;
}

void run_queries(benchmark::State& state, const std::vector<std::string>& qs,
                 std::size_t limit = 10) {
  const PlaceIndex& index = city().index;
  if (qs.empty()) {
    state.SkipWithError("the demo city could not be built");
    return;
  }
  std::size_t i = 0, hits = 0;
  for (auto _ : state) {
    const auto r = index.search(qs[i], limit);
    hits += r.ok() ? r->size() : 0;
    benchmark::DoNotOptimize(r);
    if (++i == qs.size())
      i = 0;
  }
  bench::add_latency_counters(state, qs, [&](const std::string& q) { return index.search(q, limit); });
  state.counters["hits"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

// PlaceIndex::build from the places read (joining street pieces, n-grams, postings).
void BM_PlaceIndexBuild(benchmark::State& state) {
  std::size_t size = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Place> copy = city().places;
    state.ResumeTiming();
    size = PlaceIndex::build(std::move(copy)).size();
  }
  const auto stats = city().index.stats();
  state.counters["places_read"] = static_cast<double>(city().places.size());
  state.counters["places"] = static_cast<double>(size);
  state.counters["postings"] = static_cast<double>(stats.postings);
  state.counters["file_MB"] = static_cast<double>(city().file_bytes) / 1e6;
}
BENCHMARK(BM_PlaceIndexBuild)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// read_places: the three passes over the 30 km city's PBF file.
void BM_PlaceReadOsm(benchmark::State& state) {
  std::size_t n = 0;
  for (auto _ : state) {
    const auto places = read_places(city().pbf);
    if (!places)
      state.SkipWithError(places.error().message.c_str());
    n = places ? places->size() : 0;
  }
  state.counters["places_read"] = static_cast<double>(n);
}
BENCHMARK(BM_PlaceReadOsm)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// read_place_index: loading the index file and checking its structure.
void BM_PlaceIndexRead(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("shouwang-bench-" + std::to_string(::getpid()) + ".swi");
  if (!write_place_index(path.string(), city().index))
    state.SkipWithError("cannot write the index");
  for (auto _ : state) {
    auto back = read_place_index(path.string());
    if (!back)
      state.SkipWithError(back.error().message.c_str());
    benchmark::DoNotOptimize(back);
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_PlaceIndexRead)->Unit(benchmark::kMillisecond)->MinTime(1.0);

// Two characters of a street name, as typed: 科技 for 科技一路.
void BM_PlaceSearchTwoChars(benchmark::State& state) {
  static const auto qs =
      queries(PlaceKind::kStreet, [](const Place& p) { return first_chars(p.name_zh, 2); });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchTwoChars);

// One character: the widest query there is (路 matches most of the city).
void BM_PlaceSearchOneChar(benchmark::State& state) {
  static const auto qs =
      queries(PlaceKind::kStreet, [](const Place& p) { return first_chars(p.name_zh, 1); });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchOneChar);

// A whole Chinese street name.
void BM_PlaceSearchStreetName(benchmark::State& state) {
  static const auto qs = queries(PlaceKind::kStreet, [](const Place& p) { return p.name_zh; });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchStreetName);

// The start of the pinyin: "keji" for Keji 1st Road.
void BM_PlaceSearchPinyinPrefix(benchmark::State& state) {
  static const auto qs =
      queries(PlaceKind::kStreet, [](const Place& p) { return lower_prefix(p.name_en, 4); });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchPinyinPrefix);

// A street and house number: 科技一路 12号.
void BM_PlaceSearchAddress(benchmark::State& state) {
  static const auto qs = queries(
      PlaceKind::kAddress, [](const Place& p) { return p.street + " " + p.housenumber + "号"; });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchAddress);

// A POI name: 第一人民医院, 派出所 ...
void BM_PlaceSearchPoi(benchmark::State& state) {
  static const auto qs = queries(PlaceKind::kPoi, [](const Place& p) { return p.name_zh; });
  run_queries(state, qs);
}
BENCHMARK(BM_PlaceSearchPoi);

}  // namespace
}  // namespace shouwang::osm
