// read_places on a hand-made unsorted XML file, on a generated demo city (street and
// address searches over hundreds of random samples), and on the real Shanghai extract of
// ../shared/data when it is present.

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/place_index.h>

#include "osm/places/text_normalizer.h"
#include "osm/places/utf8.h"

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(SHOUWANG_TEST_DIR) + "/osm/fixtures/";

std::map<std::pair<char, std::int64_t>, Place> by_object(const std::vector<Place>& places) {
  std::map<std::pair<char, std::int64_t>, Place> out;
  for (const Place& p : places)
    out[{p.osm_type, p.osm_id}] = p;
  return out;
}

TEST(PlaceReader, ReadsEveryKindOfPlaceFromAnUnsortedXmlFile) {
  const auto places = read_places(kFixtures + "places.osm");
  ASSERT_TRUE(places.ok()) << places.error().to_string();
  const auto got = by_object(*places);
  std::vector<std::pair<char, std::int64_t>> keys;
  for (const auto& [key, place] : got)
    keys.push_back(key);
  const std::vector<std::pair<char, std::int64_t>> expected = {
      {'n', 50}, {'n', 51}, {'n', 53}, {'n', 54}, {'n', 56},
      {'r', 40}, {'w', 10}, {'w', 11}, {'w', 14}, {'w', 15}};
  EXPECT_EQ(keys, expected);
  ASSERT_EQ(places->size(), expected.size());

  const Place& piece = got.at({'w', 11});
  EXPECT_EQ(piece.kind, PlaceKind::kStreet);
  EXPECT_EQ(piece.name_zh, "人民路");
  EXPECT_EQ(piece.name_en, "Renmin Road");
  EXPECT_EQ(piece.category, "highway=primary");
  EXPECT_DOUBLE_EQ(piece.position.lon, 121.004);  // node 5, the middle of 3-4-5-6
  EXPECT_DOUBLE_EQ(piece.bbox.south_west.lon, 121.002);
  EXPECT_DOUBLE_EQ(piece.bbox.north_east.lon, 121.005);

  const Place& park = got.at({'w', 14});
  EXPECT_EQ(park.kind, PlaceKind::kPoi);
  EXPECT_EQ(park.category, "leisure=park");
  EXPECT_NEAR(park.position.lat, 31.003, 1e-9);  // mean of the four corners
  EXPECT_NEAR(park.position.lon, 121.001, 1e-9);

  const Place& building = got.at({'w', 15});
  EXPECT_EQ(building.kind, PlaceKind::kAddress);
  EXPECT_EQ(building.street, "人民路");
  EXPECT_EQ(building.housenumber, "5");
  EXPECT_TRUE(building.category.empty());

  const Place& police = got.at({'n', 50});
  EXPECT_EQ(police.kind, PlaceKind::kPoi);
  EXPECT_EQ(police.category, "amenity=police");
  EXPECT_EQ(police.housenumber, "9");
  EXPECT_EQ(got.at({'n', 51}).kind, PlaceKind::kAddress);
  EXPECT_EQ(got.at({'n', 53}).category, "place=village");
  EXPECT_EQ(got.at({'n', 54}).category, "railway=station");
  EXPECT_EQ(got.at({'n', 56}).name_en, "Grand Mall");

  const Place& area = got.at({'r', 40});
  EXPECT_EQ(area.kind, PlaceKind::kArea);
  EXPECT_EQ(area.category, "admin_level=8");
  EXPECT_NEAR(area.position.lat, 31.005, 1e-9);  // box centre
  EXPECT_NEAR(area.position.lon, 121.005, 1e-9);
}

TEST(PlaceReader, TheFixtureIsSearchableOnceIndexed) {
  auto places = read_places(kFixtures + "places.osm");
  ASSERT_TRUE(places.ok());
  const PlaceIndex index = PlaceIndex::build(std::move(places).value());
  const auto streets = index.search("人民路", 10);
  ASSERT_TRUE(streets.ok());
  ASSERT_FALSE(streets->empty());
  EXPECT_EQ((*streets)[0].place->kind, PlaceKind::kStreet);  // the two pieces, as one street
  std::size_t street_hits = 0;
  for (const SearchHit& h : *streets)
    street_hits += h.place->kind == PlaceKind::kStreet ? 1 : 0;
  EXPECT_EQ(street_hits, 1u);
  const auto police = index.search("人民路9号", 3);
  ASSERT_TRUE(police.ok() && !police->empty());
  EXPECT_EQ((*police)[0].place->name_zh, "人民路派出所");
  const auto building = index.search("5 Renmin Road", 3);  // English name of the street
  ASSERT_TRUE(building.ok() && !building->empty());
  EXPECT_EQ((*building)[0].place->osm_id, 15);
}

TEST(PlaceReader, MissingAndUnreadableFilesAreClearErrors) {
  const auto missing = read_places(kFixtures + "no-such-file.osm.pbf");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  const fs::path junk = fs::temp_directory_path() /
                        ("shouwang-places-junk-" + std::to_string(::getpid()) + ".osm.pbf");
  std::ofstream(junk) << "this is not a protocol buffer";
  const auto bad = read_places(junk.string());
  fs::remove(junk);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kCorrupt);
  EXPECT_NE(bad.error().message.find(junk.filename().string()), std::string::npos);
}

// ---------------------------------------------------------------------------------------
// The demo city.

class PlaceDemoCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path path = fs::temp_directory_path() /
                          ("shouwang-places-city-" + std::to_string(::getpid()) + ".osm.pbf");
    const auto stats = write_demo_city({1, 8.0}, path.string());
    ASSERT_TRUE(stats.ok()) << stats.error().to_string();
    stats_ = new CityStats(*stats);
    auto places = read_places(path.string());
    fs::remove(path);
    ASSERT_TRUE(places.ok()) << places.error().to_string();
    places_read_ = places->size();
    index_ = new PlaceIndex(PlaceIndex::build(std::move(places).value()));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete stats_;
    index_ = nullptr;
    stats_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(index_, nullptr) << "the demo city could not be read"; }

  // `n` random places of `kind` (with a house number, for addresses), fixed seed.
  static std::vector<const Place*> sample(PlaceKind kind, std::size_t n, std::uint64_t seed) {
    std::vector<const Place*> pool;
    for (const Place& p : index_->places()) {
      if (p.kind == kind && (kind != PlaceKind::kAddress || !p.housenumber.empty()))
        pool.push_back(&p);
    }
    std::vector<const Place*> out;
    Rng rng(seed);
    for (std::size_t i = 0; i < n && !pool.empty(); ++i) {
      out.push_back(pool[static_cast<std::size_t>(
          rng.uniform_int(0, static_cast<std::int64_t>(pool.size()) - 1))]);
    }
    return out;
  }

  static PlaceIndex* index_;
  static CityStats* stats_;
  static std::size_t places_read_;
};
PlaceIndex* PlaceDemoCity::index_ = nullptr;
CityStats* PlaceDemoCity::stats_ = nullptr;
std::size_t PlaceDemoCity::places_read_ = 0;

TEST_F(PlaceDemoCity, ReadsTheGeneratedPlaces) {
  const auto s = index_->stats();
  std::size_t with_number = 0;
  for (const Place& p : index_->places())
    with_number += p.housenumber.empty() ? 0 : 1;
  EXPECT_EQ(with_number, stats_->addresses);
  EXPECT_GE(s.pois, stats_->pois);  // also villages, parks and compounds
  EXPECT_EQ(s.areas, 1 + stats_->districts + stats_->stations);
  EXPECT_GT(s.streets, 50u);
  EXPECT_LT(s.streets, stats_->named_highway_ways);  // pieces were joined
  EXPECT_LT(s.places, places_read_);
  std::printf(
      "8 km city: %zu places read, %zu indexed (%zu streets, %zu addresses, %zu POIs, %zu areas), "
      "%zu keys, %zu postings\n",
      places_read_, s.places, s.streets, s.addresses, s.pois, s.areas, s.keys, s.postings);
}

TEST_F(PlaceDemoCity, AStreetNameFindsThatStreetFirst) {
  const auto streets = sample(PlaceKind::kStreet, 500, 7);
  ASSERT_EQ(streets.size(), 500u);
  std::size_t zh_top = 0, en_top = 0, exact_place = 0;
  for (const Place* street : streets) {
    const auto zh = index_->search(street->name_zh, 5);
    ASSERT_TRUE(zh.ok());
    if (!zh->empty() && (*zh)[0].place->kind == PlaceKind::kStreet &&
        (*zh)[0].place->name_zh == street->name_zh) {
      ++zh_top;
    }
    if (!zh->empty() && (*zh)[0].place == street)
      ++exact_place;
    const auto en = index_->search(street->name_en, 5);
    ASSERT_TRUE(en.ok());
    if (!en->empty() && (*en)[0].place->kind == PlaceKind::kStreet &&
        (*en)[0].place->name_en == street->name_en) {
      ++en_top;
    }
  }
  EXPECT_GE(zh_top, 495u);
  EXPECT_GE(en_top, 495u);
  EXPECT_GE(exact_place, 495u);
  std::printf("top hit: %zu/500 by Chinese name (%zu the very place), %zu/500 by English name\n",
              zh_top, exact_place, en_top);
}

TEST_F(PlaceDemoCity, AStreetAndNumberFindThatAddressFirst) {
  const auto addresses = sample(PlaceKind::kAddress, 500, 11);
  ASSERT_EQ(addresses.size(), 500u);
  std::size_t spaced = 0, chinese = 0, english = 0;
  for (const Place* a : addresses) {
    const auto first_is = [&](const std::string& query) {
      const auto hits = index_->search(query, 3);
      EXPECT_TRUE(hits.ok()) << query;
      return hits.ok() && !hits->empty() && (*hits)[0].place == a && (*hits)[0].house_number_match;
    };
    spaced += first_is(a->street + " " + a->housenumber) ? 1 : 0;
    chinese += first_is(a->street + a->housenumber + "号") ? 1 : 0;
    // The English form goes through the street's name:en.
    for (const Place& s : index_->places()) {
      if (s.kind == PlaceKind::kStreet && s.name_zh == a->street) {
        english += first_is(a->housenumber + " " + s.name_en) ? 1 : 0;
        break;
      }
    }
  }
  EXPECT_EQ(spaced, 500u);
  EXPECT_EQ(chinese, 500u);
  EXPECT_GE(english, 490u);  // pinyin is not unique: 兴民路 and 星民路 are both Xingmin Road
  std::printf(
      "address first: %zu/500 \"street number\", %zu/500 \"street number号\", %zu/500 \"number "
      "street_en\"\n",
      spaced, chinese, english);
}

TEST_F(PlaceDemoCity, TwoCharactersOfAStreetNameFindIt) {
  std::size_t found = 0;
  const auto streets = sample(PlaceKind::kStreet, 200, 13);
  for (const Place* street : streets) {
    const std::u32string name = places::decode_utf8_lenient(street->name_zh);
    ASSERT_GE(name.size(), 2u);
    const auto hits = index_->search(places::encode_utf8(name.substr(0, 2)), 10, street->position);
    ASSERT_TRUE(hits.ok());
    for (const SearchHit& h : *hits)
      found += h.place == street ? 1 : 0;
  }
  EXPECT_GE(found, 196u);
}

// ---------------------------------------------------------------------------------------
// Real OpenStreetMap data, when present.

TEST(PlaceRealData, TwoCharactersOfAShanghaiStreetNameFindThatStreet) {
  const fs::path file = fs::path(SHOUWANG_SHARED_DATA) / "osm" / "shanghai_center.osm.pbf";
  if (!fs::exists(file))
    GTEST_SKIP() << "real OSM extract not available: " << file.string();
  auto places = read_places(file.string());
  ASSERT_TRUE(places.ok()) << places.error().to_string();
  const PlaceIndex index = PlaceIndex::build(std::move(places).value());
  std::vector<const Place*> chinese_streets;
  for (const Place& p : index.places()) {
    if (p.kind != PlaceKind::kStreet)
      continue;
    const std::u32string name = places::decode_utf8_lenient(p.name_zh);
    if (name.size() >= 2 && places::is_cjk(name[0]) && places::is_cjk(name[1]))
      chinese_streets.push_back(&p);
  }
  ASSERT_GT(chinese_streets.size(), 100u) << "expected a Chinese city centre";
  Rng rng(31);
  std::size_t tried = 0, found_near = 0, found_anywhere = 0, whole_name_first = 0;
  for (int i = 0; i < 200; ++i) {
    const Place* street = chinese_streets[static_cast<std::size_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(chinese_streets.size()) - 1))];
    const std::u32string name = places::decode_utf8_lenient(street->name_zh);
    const auto start =
        static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(name.size()) - 2));
    const std::string query = places::encode_utf8(name.substr(start, 2));
    ++tried;
    const auto all = index.search(query, index.size());
    ASSERT_TRUE(all.ok()) << query;
    for (const SearchHit& h : *all)
      found_anywhere += h.place == street ? 1 : 0;
    if (start == 0) {
      const auto near = index.search(query, 10, street->position);
      ASSERT_TRUE(near.ok());
      for (const SearchHit& h : *near)
        found_near += h.place == street ? 1 : 0;
    } else {
      ++found_near;  // only a prefix is sure to rank among the first ten
    }
    const auto whole = index.search(street->name_zh, 1, street->position);
    ASSERT_TRUE(whole.ok() && !whole->empty());
    whole_name_first += (*whole)[0].place->name_zh == street->name_zh ? 1 : 0;
  }
  EXPECT_EQ(found_anywhere, tried);
  EXPECT_GE(found_near * 100, tried * 98);
  EXPECT_EQ(whole_name_first, tried);
  const auto s = index.stats();
  std::printf(
      "shanghai_center: %zu places (%zu streets, %zu addresses, %zu POIs, %zu areas); %zu/%zu "
      "found\n",
      s.places, s.streets, s.addresses, s.pois, s.areas, found_anywhere, tried);
}

}  // namespace
}  // namespace shouwang::osm
