// Place search for the call-taker's address box end to end: `shouwang import-osm` writes
// the place index, `shouwang serve` loads it and answers GET /api/v1/places. The queries
// are built from the index the import wrote, so that they follow the generated city.

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/geo.h>
#include <shouwang/osm/place_index.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;
using osm::Place;
using osm::PlaceKind;

// The query string value of `text`, percent-encoded byte by byte.
std::string encoded(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= 'a' && byte <= 'z')) {
      out.push_back(c);
    } else {
      out += '%';
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 15]);
    }
  }
  return out;
}

std::string places_url(const std::string& q, const std::string& rest = "") {
  return "/api/v1/places?q=" + encoded(q) + rest;
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The first `n` bytes of `text` as whole UTF-8 characters: at most n characters.
std::string first_characters(const std::string& text, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t count = 0; count < n && at < text.size(); ++count) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
      ++at;
  }
  return text.substr(0, at);
}

std::size_t characters(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

class ApiPlaces : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new ServedCity("places");
    city_->run_tool(
        {"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir(), "--no-basemap"});
    auto index = osm::read_place_index(city_->dir() + "/" + osm::kPlaceIndexFileName);
    ASSERT_TRUE(index.ok()) << index.error().message;
    index_ = new osm::PlaceIndex(std::move(index).value());
    city_->start();
  }

  static void TearDownTestSuite() {
    delete city_;
    city_ = nullptr;
    delete index_;
    index_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(city_, nullptr);
    ASSERT_NE(index_, nullptr);
    ASSERT_GT(city_->port(), 0);
  }

  // A street whose `name` (name_zh or name_en, by `field`) has at least `min_chars`
  // characters, and whose first `take` characters start no other place's name of that
  // field (case-insensitive), so that they find this street first. Also returns the
  // partial name.
  static std::pair<const Place*, std::string> street_with_unique_start(std::string Place::*field,
                                                                       std::size_t take,
                                                                       std::size_t min_chars) {
    for (const Place& street : index_->places()) {
      const std::string& name = street.*field;
      if (street.kind != PlaceKind::kStreet || characters(name) < min_chars)
        continue;
      const std::string partial = lower(first_characters(name, take));
      bool unique = true;
      for (const Place& other : index_->places()) {
        const std::string other_name = lower(other.*field);
        if (other_name != lower(name) && other_name.rfind(partial, 0) == 0) {
          unique = false;
          break;
        }
      }
      if (unique)
        return {&street, first_characters(name, take)};
    }
    return {nullptr, ""};
  }

  static ServedCity* city_;
  static osm::PlaceIndex* index_;
};

ServedCity* ApiPlaces::city_ = nullptr;
osm::PlaceIndex* ApiPlaces::index_ = nullptr;

TEST_F(ApiPlaces, PartOfAChineseStreetNameFindsTheStreetFirst) {
  const auto [street, partial] = street_with_unique_start(&Place::name_zh, 2, 3);
  ASSERT_NE(street, nullptr) << "no street of three characters whose first two are its own";
  const ApiReply reply = city_->login("taker").get(places_url(partial));
  ASSERT_EQ(reply.status, 200) << reply.text;
  const json& items = reply.body["items"];
  ASSERT_FALSE(items.empty()) << partial;
  const json& first = items[0];
  EXPECT_EQ(first["kind"], "street") << first.dump();
  EXPECT_EQ(first["name_zh"], street->name_zh);
  EXPECT_EQ(first["label"], street->label());
  EXPECT_EQ(first["match"], "prefix");
  EXPECT_EQ(first["house_number_match"], false);
  EXPECT_FALSE(first.contains("distance_m")) << "no distance without near";
  EXPECT_FALSE(first.contains("housenumber")) << "empty members are left out";
  ASSERT_TRUE(first["bbox"].is_array());
  ASSERT_EQ(first["bbox"].size(), 4u);
  const double lat = first["lat"], lon = first["lon"];
  EXPECT_LE(first["bbox"][0].get<double>(), lon);  // min lon
  EXPECT_LE(first["bbox"][1].get<double>(), lat);  // min lat
  EXPECT_GE(first["bbox"][2].get<double>(), lon);  // max lon
  EXPECT_GE(first["bbox"][3].get<double>(), lat);  // max lat
  const std::string osm = first["osm"];
  ASSERT_GE(osm.size(), 2u);
  EXPECT_TRUE(osm[0] == 'n' || osm[0] == 'w' || osm[0] == 'r') << osm;
  // The whole name is an exact match.
  const ApiReply whole = city_->login("taker").get(places_url(street->name_zh, "&limit=1"));
  ASSERT_EQ(whole.status, 200) << whole.text;
  ASSERT_EQ(whole.body["items"].size(), 1u);
  EXPECT_EQ(whole.body["items"][0]["name_zh"], street->name_zh);
  EXPECT_EQ(whole.body["items"][0]["match"], "exact");
}

TEST_F(ApiPlaces, PartOfAnEnglishStreetNameFindsTheStreet) {
  const auto [street, partial] = street_with_unique_start(&Place::name_en, 5, 8);
  ASSERT_NE(street, nullptr) << "no street whose English name starts uniquely";
  const ApiReply reply = city_->login("disp").get(places_url(lower(partial)));
  ASSERT_EQ(reply.status, 200) << reply.text;
  ASSERT_FALSE(reply.body["items"].empty()) << partial;
  const json& first = reply.body["items"][0];
  EXPECT_EQ(first["kind"], "street") << first.dump();
  EXPECT_EQ(first["name_en"], street->name_en);
  EXPECT_EQ(first["match"], "prefix");
}

TEST_F(ApiPlaces, AStreetAndHouseNumberFindThatAddressFirst) {
  const Place* address = nullptr;
  for (const Place& p : index_->places()) {
    if (p.kind == PlaceKind::kAddress && !p.street.empty() && !p.housenumber.empty()) {
      address = &p;
      break;
    }
  }
  ASSERT_NE(address, nullptr) << "the demo city has no addresses";
  const ApiClient taker = city_->login("taker");
  for (const std::string& query : {address->street + address->housenumber + "号",
                                   address->street + " " + address->housenumber}) {
    const ApiReply reply = taker.get(places_url(query, "&limit=5"));
    ASSERT_EQ(reply.status, 200) << reply.text;
    ASSERT_FALSE(reply.body["items"].empty()) << query;
    const json& first = reply.body["items"][0];
    EXPECT_EQ(first["kind"], "address") << query << ": " << first.dump();
    EXPECT_EQ(first["street"], address->street) << query;
    EXPECT_EQ(first["housenumber"], address->housenumber) << query;
    EXPECT_EQ(first["house_number_match"], true) << query;
    EXPECT_EQ(first["match"], "exact") << query;
    EXPECT_EQ(first["label"], address->label()) << query;
  }
}

TEST_F(ApiPlaces, NearOrdersEqualMatchesByDistance) {
  const ApiClient taker = city_->login("taker");
  const auto near = [&](LatLon p) {
    return taker.get(
        places_url("路", "&limit=20&near=" + std::to_string(p.lat) + "," + std::to_string(p.lon)));
  };
  const ApiReply at_a = near(city_->point_a);
  const ApiReply at_b = near(city_->point_b);
  ASSERT_EQ(at_a.status, 200) << at_a.text;
  ASSERT_EQ(at_b.status, 200) << at_b.text;
  const json& items = at_a.body["items"];
  ASSERT_EQ(items.size(), 20u);
  for (std::size_t i = 0; i < items.size(); ++i) {
    ASSERT_TRUE(items[i]["distance_m"].is_number()) << items[i].dump();
    const LatLon position{items[i]["lat"], items[i]["lon"]};
    EXPECT_NEAR(items[i]["distance_m"].get<double>(),
                haversine_distance(city_->point_a, position).value(), 1.0);
    if (i == 0)
      continue;
    const json& before = items[i - 1];
    const bool same_rank = before["match"] == items[i]["match"] && before["kind"] != "address" &&
                           items[i]["kind"] != "address";
    if (same_rank) {
      EXPECT_LE(before["distance_m"].get<double>(), items[i]["distance_m"].get<double>()) << i;
    }
  }
  // The same matches, ranked from elsewhere: the first from A is the nearest to A.
  ASSERT_FALSE(at_b.body["items"].empty());
  const json& first_b = at_b.body["items"][0];
  ASSERT_EQ(first_b["match"], items[0]["match"]);
  const LatLon b_position{first_b["lat"], first_b["lon"]};
  EXPECT_LE(items[0]["distance_m"].get<double>(),
            haversine_distance(city_->point_a, b_position).value() + 1.0);
}

TEST_F(ApiPlaces, LimitAndKindsChooseTheItems) {
  const ApiClient analyst = city_->login("analyst");
  EXPECT_EQ(analyst.get(places_url("路")).body["items"].size(), 10u);  // the default
  EXPECT_EQ(analyst.get(places_url("路", "&limit=3")).body["items"].size(), 3u);
  EXPECT_EQ(analyst.get(places_url("路", "&limit=50")).body["items"].size(), 50u);
  // A street's name finds the addresses on it when only addresses are asked for.
  const Place* address = nullptr;
  for (const Place& p : index_->places()) {
    if (p.kind == PlaceKind::kAddress && !p.street.empty()) {
      address = &p;
      break;
    }
  }
  ASSERT_NE(address, nullptr);
  const ApiReply houses = analyst.get(places_url(address->street, "&kinds=address&limit=5"));
  ASSERT_EQ(houses.status, 200) << houses.text;
  ASSERT_FALSE(houses.body["items"].empty()) << address->street;
  EXPECT_EQ(houses.body["items"][0]["street"], address->street);
  for (const json& item : houses.body["items"]) {
    EXPECT_EQ(item["kind"], "address") << item.dump();
  }
  const ApiReply mixed = analyst.get(places_url("路", "&kinds=poi,area&limit=20"));
  ASSERT_EQ(mixed.status, 200) << mixed.text;
  for (const json& item : mixed.body["items"]) {
    EXPECT_TRUE(item["kind"] == "poi" || item["kind"] == "area") << item.dump();
  }
}

TEST_F(ApiPlaces, EveryRoleMaySearchAndAnEmptyQueryFindsNothing) {
  for (const char* user : {"admin", "disp", "taker", "analyst", "officer_a", "car_a"}) {
    const ApiReply reply = city_->login(user).get(places_url("路", "&limit=1"));
    EXPECT_EQ(reply.status, 200) << user << ": " << reply.text;
    EXPECT_EQ(reply.body["items"].size(), 1u) << user;
  }
  const ApiClient taker = city_->login("taker");
  for (const char* url : {"/api/v1/places", "/api/v1/places?q=", "/api/v1/places?q=%20%2C"}) {
    const ApiReply reply = taker.get(url);
    ASSERT_EQ(reply.status, 200) << url << ": " << reply.text;
    EXPECT_EQ(reply.body["items"], json::array()) << url;
  }
}

TEST_F(ApiPlaces, BadParametersAreRefusedNamingThem) {
  const ApiClient taker = city_->login("taker");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"&limit=0", "limit"}, {"&limit=51", "limit"},    {"&limit=ten", "limit"},
      {"&limit=", "limit"},  {"&near=31.2", "near"},    {"&near=91,121", "near"},
      {"&near=a,b", "near"}, {"&kinds=house", "kinds"}, {"&kinds=street,", "kinds"},
      {"&kinds=", "kinds"},  {"&type=street", "type"},
  };
  for (const auto& [rest, field] : cases) {
    const ApiReply reply = taker.get(places_url("路", rest));
    EXPECT_EQ(reply.status, 400) << rest << ": " << reply.text;
    EXPECT_EQ(reply.body["code"], "invalid_argument") << rest;
    EXPECT_EQ(reply.body["field"], field) << rest;
  }
  for (const std::string& q : {std::string(257, 'a'), std::string("\xff\xfe")}) {
    const ApiReply reply = taker.get(places_url(q));
    EXPECT_EQ(reply.status, 400) << reply.text;
    EXPECT_EQ(reply.body["field"], "q");
  }
}

TEST_F(ApiPlaces, WithoutASessionThereIsNoSearch) {
  const ApiReply reply = ApiClient(city_->port()).get(places_url("路"));
  EXPECT_EQ(reply.status, 401) << reply.text;
  EXPECT_EQ(reply.body["code"], "unauthenticated");
}

TEST(ApiPlacesUnavailable, WithoutAnIndexOrWithABrokenOneTheSearchSaysSo) {
  ServedCity city("places-none");
  city.start();  // the generated city only: nothing imported
  const ApiReply none = city.login("taker").get(places_url("路"));
  EXPECT_EQ(none.status, 503) << none.text;
  EXPECT_EQ(none.body["code"], "unavailable");
  EXPECT_NE(none.body["message"].get<std::string>().find("import-osm"), std::string::npos)
      << none.text;
  city.stop();

  // A broken file does not stop the centre; the operator is told why.
  { std::ofstream(city.dir() + "/" + osm::kPlaceIndexFileName) << "not a place index"; }
  city.start();
  const ApiReply broken = city.login("taker").get(places_url("路"));
  EXPECT_EQ(broken.status, 503) << broken.text;
  EXPECT_EQ(broken.body["code"], "unavailable");
  EXPECT_NE(city.output().find("place search is off"), std::string::npos) << city.output();
  city.stop();
}

}  // namespace
}  // namespace shouwang::test
