// PlaceIndex on a small hand-made town: what each kind of query finds, in which order,
// and the index file.

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/place_index.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

Place point_place(PlaceKind kind, double lat, double lon, std::int64_t id, char type = 'n') {
  Place p;
  p.kind = kind;
  p.position = {lat, lon};
  p.bbox = {p.position, p.position};
  p.osm_id = id;
  p.osm_type = type;
  return p;
}

// A piece of a street along a parallel, from lon0 to lon1.
Place street(const char* zh, const char* en, double lat, double lon0, double lon1,
             std::int64_t id) {
  Place p = point_place(PlaceKind::kStreet, lat, (lon0 + lon1) / 2.0, id, 'w');
  p.name_zh = zh;
  p.name_en = en;
  p.category = "highway=primary";
  p.bbox = {{lat, lon0}, {lat, lon1}};
  return p;
}

Place address(const char* street_name, const char* number, double lat, double lon,
              std::int64_t id) {
  Place p = point_place(PlaceKind::kAddress, lat, lon, id);
  p.street = street_name;
  p.housenumber = number;
  return p;
}

Place poi(const char* zh, const char* en, const char* category, double lat, double lon,
          std::int64_t id) {
  Place p = point_place(PlaceKind::kPoi, lat, lon, id);
  p.name_zh = zh;
  p.name_en = en;
  p.category = category;
  return p;
}

std::vector<Place> town() {
  std::vector<Place> places = {
      street("人民路", "Renmin Road", 31.200, 121.400, 121.405, 101),
      street("人民路", "Renmin Road", 31.200, 121.405, 121.410, 102),
      street("人民路", "Renmin Road", 31.200, 121.410, 121.415, 103),
      street("人民东路", "Renmin Road East", 31.210, 121.420, 121.425, 110),
      street("新人民路", "Xinrenmin Road", 31.220, 121.430, 121.435, 120),
      street("中山路", "Zhongshan Road", 31.200, 121.400, 121.402, 131),
      street("中山路", "Zhongshan Road", 31.400, 121.600, 121.602, 130),  // 25 km away
      street("解放路", "Jiefang Road", 31.230, 121.440, 121.445, 140),
      address("人民路", "1", 31.2001, 121.4011, 301),
      address("人民路", "2", 31.1999, 121.4012, 302),
      address("人民路", "12", 31.2001, 121.4061, 303),
      address("人民路", "13", 31.2001, 121.4071, 304),
      address("人民路", "120", 31.2001, 121.4131, 305),
      address("人民东路", "12", 31.2101, 121.4211, 306),
      address("中山路", "12", 31.2001, 121.4011, 307),
      poi("中心公园", "Centre Park", "leisure=park", 31.205, 121.405, 203),
      poi("人民医院", "People's Hospital", "amenity=hospital", 31.206, 121.406, 202),
      poi("便利店", "", "shop=convenience", 31.207, 121.407, 502),
      poi("便利店", "", "shop=convenience", 31.208, 121.408, 501),
      poi("便利店总店", "", "shop=convenience", 31.209, 121.409, 500),
  };
  Place school =
      poi("人民路小学", "Renmin Road Primary School", "amenity=school", 31.2011, 121.4021, 201);
  school.street = "人民路";
  school.housenumber = "8";
  places.push_back(school);
  Place district = point_place(PlaceKind::kArea, 31.23, 121.47, 401, 'r');
  district.name_zh = "黄浦区";
  district.name_en = "Huangpu District";
  district.category = "admin_level=6";
  places.push_back(district);
  return places;
}

class PlaceIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { index_ = new PlaceIndex(PlaceIndex::build(town())); }
  static void TearDownTestSuite() {
    delete index_;
    index_ = nullptr;
  }

  static std::vector<SearchHit> find(std::string_view query, std::size_t limit = 20,
                                     std::optional<LatLon> near = {}) {
    auto hits = index_->search(query, limit, near);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.error().to_string();
    return hits.ok() ? std::move(hits).value() : std::vector<SearchHit>{};
  }
  static std::vector<std::string> labels(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits)
      out.push_back(h.place->label());
    return out;
  }
  static bool contains(const std::vector<SearchHit>& hits, const std::string& label) {
    const auto l = labels(hits);
    return std::find(l.begin(), l.end(), label) != l.end();
  }
  // Position of the first hit with this label, or hits.size().
  static std::size_t rank_of(const std::vector<SearchHit>& hits, const std::string& label) {
    const auto l = labels(hits);
    return static_cast<std::size_t>(std::find(l.begin(), l.end(), label) - l.begin());
  }

  static PlaceIndex* index_;
};
PlaceIndex* PlaceIndexTest::index_ = nullptr;

TEST_F(PlaceIndexTest, TwoChineseCharactersFindTheStreetsThatContainThem) {
  const auto hits = find("人民");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].place->label(), "人民路");
  EXPECT_EQ(hits[0].place->kind, PlaceKind::kStreet);
  EXPECT_EQ(hits[0].match, MatchKind::kPrefix);
  EXPECT_TRUE(contains(hits, "人民东路"));
  EXPECT_TRUE(contains(hits, "新人民路"));
  EXPECT_LT(rank_of(hits, "人民东路"), rank_of(hits, "新人民路"));  // prefix before substring
  EXPECT_FALSE(contains(hits, "中山路"));
}

TEST_F(PlaceIndexTest, ASingleCharacterIsEnough) {
  const auto hits = find("解");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].place->name_zh, "解放路");
  EXPECT_TRUE(contains(find("民"), "人民路"));
  EXPECT_TRUE(contains(find("园"), "中心公园"));
}

TEST_F(PlaceIndexTest, LatinPrefixesAndWordsFindEnglishNames) {
  for (const char* query :
       {"Renmin", "renm", "RENMIN ROAD", "renmin road", "Rénmín", "ｒｅｎｍｉｎ"}) {
    const auto hits = find(query);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].place->name_en, "Renmin Road") << query;
  }
  EXPECT_EQ(find("renmin road")[0].match, MatchKind::kExact);
  EXPECT_EQ(find("renm")[0].match, MatchKind::kPrefix);
  EXPECT_TRUE(contains(find("enmin"), "人民路"));  // inside a word: trigrams
  EXPECT_TRUE(contains(find("road east"), "人民东路"));
  EXPECT_TRUE(contains(find("east renmin"), "人民东路"));
  EXPECT_TRUE(contains(find("zhongshan"), "中山路"));
  EXPECT_TRUE(contains(find("huangpu"), "黄浦区"));
  EXPECT_TRUE(contains(find("peoples"), "人民医院"));  // apostrophe ignored
}

TEST_F(PlaceIndexTest, ShortLatinQueriesMatchOnlyAtWordStarts) {
  const auto pa = find("pa");
  EXPECT_TRUE(contains(pa, "中心公园"));  // Centre *Pa*rk
  const auto re = find("re");
  EXPECT_TRUE(contains(re, "人民路"));
  EXPECT_FALSE(contains(re, "中心公园"));  // "re" only inside Cent*re*
}

TEST_F(PlaceIndexTest, HouseNumberQueriesPutThatAddressFirst) {
  for (const char* query : {"人民路 12", "人民路12号", "人民路12", "人民路 １２ 号",
                            "12 Renmin Road", "Renmin Road 12", "12号人民路", "renmin road, 12"}) {
    const auto hits = find(query);
    ASSERT_FALSE(hits.empty()) << query;
    EXPECT_EQ(hits[0].place->osm_id, 303) << query << " -> " << hits[0].place->label();
    EXPECT_TRUE(hits[0].house_number_match) << query;
    EXPECT_EQ(hits[0].place->label(), "人民路12号");
  }
  const auto east = find("人民东路 12");
  ASSERT_FALSE(east.empty());
  EXPECT_EQ(east[0].place->osm_id, 306);
  const auto school = find("人民路 8");
  ASSERT_FALSE(school.empty());
  EXPECT_EQ(school[0].place->name_zh, "人民路小学");  // a POI with that address
}

TEST_F(PlaceIndexTest, APartialHouseNumberListsTheNumbersItStarts) {
  const auto hits = find("人民路 1");
  ASSERT_GE(hits.size(), 4u);
  EXPECT_EQ(hits[0].place->osm_id, 301);  // 人民路1号 itself
  std::vector<std::string> next;
  for (std::size_t i = 1; i < 4; ++i)
    next.push_back(hits[i].place->housenumber);
  EXPECT_EQ(next, (std::vector<std::string>{"12", "13", "120"}));
  EXPECT_GT(rank_of(hits, "人民路2号"), 3u);
}

TEST_F(PlaceIndexTest, BareNamesListStreetsAndPoisBeforeAddresses) {
  const auto hits = find("人民路");
  ASSERT_GE(hits.size(), 4u);
  EXPECT_EQ(labels(hits)[0], "人民路");
  EXPECT_EQ(hits[0].match, MatchKind::kExact);
  EXPECT_EQ(labels(hits)[1], "人民路小学");
  EXPECT_EQ(hits[1].match, MatchKind::kPrefix);
  EXPECT_EQ(labels(hits)[2], "新人民路");
  EXPECT_EQ(hits[2].match, MatchKind::kSubstring);
  bool seen_address = false;
  for (const SearchHit& h : hits) {
    if (h.place->kind == PlaceKind::kAddress)
      seen_address = true;
    EXPECT_FALSE(seen_address && h.place->kind != PlaceKind::kAddress) << h.place->label();
  }
  EXPECT_TRUE(seen_address);
  EXPECT_TRUE(contains(hits, "人民路2号"));
}

TEST_F(PlaceIndexTest, NearBreaksTiesByDistance) {
  const LatLon north{31.401, 121.601};
  const LatLon south{31.2, 121.4};
  const auto from_north = find("中山路", 2, north);
  ASSERT_EQ(from_north.size(), 2u);
  EXPECT_EQ(from_north[0].place->osm_id, 130);
  ASSERT_TRUE(from_north[0].distance && from_north[1].distance);
  EXPECT_LT(from_north[0].distance->value(), 1000.0);
  EXPECT_GT(from_north[1].distance->value(), 20000.0);
  const auto from_south = find("中山路", 2, south);
  ASSERT_EQ(from_south.size(), 2u);
  EXPECT_EQ(from_south[0].place->osm_id, 131);
  // Without `near`: name, then OSM id.
  const auto anywhere = find("中山路", 2);
  ASSERT_EQ(anywhere.size(), 2u);
  EXPECT_EQ(anywhere[0].place->osm_id, 130);
  EXPECT_FALSE(anywhere[0].distance.has_value());
}

TEST_F(PlaceIndexTest, TiesFallBackToShorterNameThenOsmId) {
  const auto hits = find("便利");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].place->osm_id, 501);
  EXPECT_EQ(hits[1].place->osm_id, 502);
  EXPECT_EQ(hits[2].place->label(), "便利店总店");
  // The same from the other end of town flips the two equal names.
  const auto near_502 = find("便利店", 3, LatLon{31.207, 121.407});
  ASSERT_GE(near_502.size(), 2u);
  EXPECT_EQ(near_502[0].place->osm_id, 502);
}

TEST_F(PlaceIndexTest, InvalidUtf8IsAnErrorNotACrash) {
  for (const std::string& query :
       {std::string("人民\xE8\xB7"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\x80"), std::string("abc\xFF")}) {
    const auto hits = index_->search(query, 10);
    ASSERT_FALSE(hits.ok());
    EXPECT_EQ(hits.error().code, Errc::kInvalidArgument);
    EXPECT_NE(hits.error().message.find("UTF-8"), std::string::npos);
  }
  const auto too_long = index_->search(std::string(300, 'a'), 10);
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code, Errc::kInvalidArgument);
}

// Whatever is typed or pasted: a result or kInvalidArgument, never a crash (the sanitizer
// builds run this too).
TEST_F(PlaceIndexTest, RandomInputIsAnswerOrRefusedNeverACrash) {
  const std::string pieces[] = {"人",     "民",   "路", "东", " ",  "1",    "2",    "号",
                                "renmin", "road", "r",  "'",  "，", "\xE4", "\xBA", "\x80",
                                "\xFF",   "\xC0", "ｒ", "é",  "-",  "/",    "a"};
  Rng rng(99);
  std::size_t answered = 0, refused = 0;
  for (int trial = 0; trial < 5000; ++trial) {
    std::string query;
    const auto n = rng.uniform_int(0, 12);
    for (std::int64_t i = 0; i < n; ++i)
      query += pieces[static_cast<std::size_t>(rng.uniform_int(0, 22))];
    const auto near =
        rng.bernoulli(0.5) ? std::optional<LatLon>(LatLon{31.2, 121.4}) : std::nullopt;
    const auto hits = index_->search(query, static_cast<std::size_t>(rng.uniform_int(0, 30)), near);
    if (hits.ok()) {
      ++answered;
      for (const SearchHit& h : *hits)
        ASSERT_EQ(h.place, &index_->place(h.id));
    } else {
      ++refused;
      ASSERT_EQ(hits.error().code, Errc::kInvalidArgument) << query;
    }
  }
  EXPECT_GT(answered, 1000u);
  EXPECT_GT(refused, 1000u);
}

TEST_F(PlaceIndexTest, EmptyQueriesAndZeroLimitsFindNothing) {
  for (const char* query : {"", "   ", "，。", "'"}) {
    const auto hits = index_->search(query, 10);
    ASSERT_TRUE(hits.ok()) << query;
    EXPECT_TRUE(hits->empty()) << query;
  }
  EXPECT_TRUE(find("人民", 0).empty());
  EXPECT_EQ(find("人民", 2).size(), 2u);
  EXPECT_TRUE(find("不存在的地方").empty());
  const PlaceIndex empty;
  const auto none = empty.search("人民", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(PlaceIndexTest, StreetPiecesBecomeOneStreet) {
  std::vector<const Place*> renmin, zhongshan;
  for (const Place& p : index_->places()) {
    if (p.kind != PlaceKind::kStreet)
      continue;
    if (p.name_zh == "人民路")
      renmin.push_back(&p);
    if (p.name_zh == "中山路")
      zhongshan.push_back(&p);
  }
  ASSERT_EQ(renmin.size(), 1u);
  EXPECT_EQ(renmin[0]->osm_id, 102);  // the middle piece
  EXPECT_DOUBLE_EQ(renmin[0]->position.lon, 121.4075);
  EXPECT_DOUBLE_EQ(renmin[0]->bbox.south_west.lon, 121.400);
  EXPECT_DOUBLE_EQ(renmin[0]->bbox.north_east.lon, 121.415);
  EXPECT_EQ(zhongshan.size(), 2u);  // 25 km apart: two streets
  const auto stats = index_->stats();
  EXPECT_EQ(stats.streets, 6u);
  EXPECT_EQ(stats.addresses, 7u);
  EXPECT_EQ(stats.areas, 1u);
  EXPECT_EQ(stats.places, index_->size());
}

TEST_F(PlaceIndexTest, TheOrderDoesNotDependOnTheInputOrder) {
  std::vector<Place> reversed = town();
  std::reverse(reversed.begin(), reversed.end());
  const PlaceIndex other = PlaceIndex::build(std::move(reversed));
  EXPECT_EQ(other.places(), index_->places());
  const auto a = find("路", 50);
  const auto b = other.search("路", 50);
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a.size(), b->size());
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_EQ(a[i].id, (*b)[i].id);
}

// ---------------------------------------------------------------------------------------
// The index file.

class PlaceIndexFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shouwang-places-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / kPlaceIndexFileName).string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string bytes() const {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void overwrite(const std::string& data) const {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << data;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(PlaceIndexFileTest, RoundTripKeepsPlacesAndAnswers) {
  const PlaceIndex index = PlaceIndex::build(town());
  ASSERT_TRUE(write_place_index(path_, index).ok());
  EXPECT_FALSE(fs::exists(path_ + ".partial"));
  EXPECT_EQ(bytes().substr(0, 8), std::string("SWPLACE\0", 8));
  const auto back = read_place_index(path_);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  ASSERT_EQ(back->size(), index.size());
  for (std::size_t i = 0; i < index.size(); ++i) {
    const Place& a = index.places()[i];
    const Place& b = back->places()[i];
    EXPECT_EQ(a.label(), b.label());
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.name_en, b.name_en);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.osm_id, b.osm_id);
    EXPECT_EQ(a.osm_type, b.osm_type);
    EXPECT_NEAR(a.position.lat, b.position.lat, 1e-7);
    EXPECT_NEAR(a.bbox.north_east.lon, b.bbox.north_east.lon, 1e-7);
  }
  for (const char* query : {"人民", "renm", "人民路 12", "12 Renmin Road", "路", "huangpu"}) {
    const auto x = index.search(query, 20);
    const auto y = back->search(query, 20);
    ASSERT_TRUE(x.ok() && y.ok());
    ASSERT_EQ(x->size(), y->size()) << query;
    for (std::size_t i = 0; i < x->size(); ++i)
      EXPECT_EQ((*x)[i].id, (*y)[i].id) << query;
  }
  const auto stats_a = index.stats();
  const auto stats_b = back->stats();
  EXPECT_EQ(stats_a.keys, stats_b.keys);
  EXPECT_EQ(stats_a.postings, stats_b.postings);
  // Writing what was read gives the same bytes.
  const std::string first = bytes();
  ASSERT_TRUE(write_place_index(path_, *back).ok());
  EXPECT_EQ(bytes(), first);
}

TEST_F(PlaceIndexFileTest, AFlippedByteIsACorruptFileNamingThePath) {
  ASSERT_TRUE(write_place_index(path_, PlaceIndex::build(town())).ok());
  std::string data = bytes();
  for (const std::size_t at : {std::size_t{40}, data.size() / 2, data.size() - 1}) {
    std::string damaged = data;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    overwrite(damaged);
    const auto back = read_place_index(path_);
    ASSERT_FALSE(back.ok()) << "byte " << at;
    EXPECT_EQ(back.error().code, Errc::kCorrupt);
    EXPECT_NE(back.error().message.find("checksum"), std::string::npos) << back.error().message;
    EXPECT_NE(back.error().message.find(path_), std::string::npos);
  }
}

TEST_F(PlaceIndexFileTest, AnotherVersionIsRefusedAsSuch) {
  ASSERT_TRUE(write_place_index(path_, PlaceIndex::build(town())).ok());
  std::string data = bytes();
  data[8] = 2;  // version 2, little-endian u32 after the magic
  overwrite(data);
  const auto back = read_place_index(path_);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, Errc::kInvalidArgument);
  EXPECT_NE(back.error().message.find("written by another version"), std::string::npos)
      << back.error().message;
  EXPECT_NE(back.error().message.find(path_), std::string::npos);
}

TEST_F(PlaceIndexFileTest, MissingTruncatedAndForeignFilesAreClearErrors) {
  const auto missing = read_place_index(path_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  EXPECT_NE(missing.error().message.find(path_), std::string::npos);

  overwrite("PK\x03\x04 not a place index at all, just some other file");
  const auto foreign = read_place_index(path_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, Errc::kCorrupt);
  EXPECT_NE(foreign.error().message.find("magic"), std::string::npos);

  ASSERT_TRUE(write_place_index(path_, PlaceIndex::build(town())).ok());
  const std::string data = bytes();
  for (const std::size_t keep :
       {std::size_t{10}, std::size_t{60}, data.size() / 2, data.size() - 1}) {
    overwrite(data.substr(0, keep));
    const auto cut = read_place_index(path_);
    ASSERT_FALSE(cut.ok()) << keep;
    EXPECT_EQ(cut.error().code, Errc::kCorrupt) << keep;
  }
}

// A file whose checksum is right but whose arrays are not (a writer bug, not damage) is
// refused before a search could read out of bounds.
TEST_F(PlaceIndexFileTest, ABrokenStructureBehindAGoodChecksumIsRefused) {
  ASSERT_TRUE(write_place_index(path_, PlaceIndex::build(town())).ok());
  const std::string data = bytes();
  // The last u32 before the checksum is the last house of the last address street.
  std::string broken = data;
  const std::uint32_t no_such_place = 1'000'000;
  std::memcpy(broken.data() + broken.size() - 8, &no_such_place, 4);
  const auto crc = static_cast<std::uint32_t>(crc32(
      0L, reinterpret_cast<const Bytef*>(broken.data()), static_cast<uInt>(broken.size() - 4)));
  std::memcpy(broken.data() + broken.size() - 4, &crc, 4);
  overwrite(broken);
  const auto back = read_place_index(path_);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, Errc::kCorrupt);
  EXPECT_NE(back.error().message.find("does not exist"), std::string::npos) << back.error().message;
}

TEST_F(PlaceIndexFileTest, AnUnwritableDirectoryIsAnIoError) {
  const auto status =
      write_place_index((dir_ / "no" / "such" / "dir" / "places.swi").string(), PlaceIndex());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, Errc::kIoError);
}

TEST_F(PlaceIndexFileTest, AnEmptyIndexRoundTrips) {
  ASSERT_TRUE(write_place_index(path_, PlaceIndex()).ok());
  const auto back = read_place_index(path_);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->size(), 0u);
  const auto hits = back->search("人民", 5);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

}  // namespace
}  // namespace shouwang::osm
