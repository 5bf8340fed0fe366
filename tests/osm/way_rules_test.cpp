#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include "osm/import/way_rules.h"

namespace shouwang::osm::import {
namespace {

class Tags final : public TagLookup {
 public:
  Tags(std::initializer_list<std::pair<const std::string, std::string>> kv) : kv_(kv) {}
  [[nodiscard]] const char* get(const char* key) const override {
    const auto it = kv_.find(key);
    return it == kv_.end() ? nullptr : it->second.c_str();
  }

 private:
  std::map<std::string, std::string> kv_;
};

const CarProfile kCar = CarProfile::chinese_urban();
const CarProfile kEmergency = CarProfile::emergency_vehicle();

TEST(WayRules, DirectionsFromOnewayTags) {
  auto two_way = apply_profile(kCar, Tags{{"highway", "residential"}});
  ASSERT_TRUE(two_way);
  EXPECT_TRUE(two_way->forward && two_way->backward);
  auto yes = apply_profile(kCar, Tags{{"highway", "primary"}, {"oneway", "yes"}});
  EXPECT_TRUE(yes->forward && !yes->backward);
  auto reverse = apply_profile(kCar, Tags{{"highway", "primary"}, {"oneway", "-1"}});
  EXPECT_TRUE(!reverse->forward && reverse->backward);
  auto motorway = apply_profile(kCar, Tags{{"highway", "motorway"}});
  EXPECT_TRUE(motorway->forward && !motorway->backward);
  auto motorway_no = apply_profile(kCar, Tags{{"highway", "motorway"}, {"oneway", "no"}});
  EXPECT_TRUE(motorway_no->forward && motorway_no->backward);
  auto roundabout = apply_profile(kCar, Tags{{"highway", "tertiary"}, {"junction", "roundabout"}});
  EXPECT_TRUE(roundabout->forward && !roundabout->backward);
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "primary"}, {"oneway", "reversible"}}));
}

TEST(WayRules, AccessAndVehicleClasses) {
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "footway"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"building", "yes"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "residential"}, {"access", "no"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "residential"}, {"access", "private"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "residential"}, {"motor_vehicle", "destination"}}));
  // The most specific key wins.
  EXPECT_TRUE(apply_profile(kCar, Tags{{"highway", "residential"}, {"access", "no"}, {"motor_vehicle", "yes"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "residential"}, {"access", "yes"}, {"motorcar", "no"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "pedestrian"}, {"area", "yes"}}));
}

TEST(WayRules, EmergencyVehiclesMayUsePrivateAndBusRoads) {
  EXPECT_TRUE(apply_profile(kEmergency, Tags{{"highway", "service"}, {"access", "private"}}));
  EXPECT_TRUE(apply_profile(kEmergency, Tags{{"highway", "busway"}}));
  EXPECT_TRUE(apply_profile(kEmergency, Tags{{"highway", "primary"}, {"access", "no"}, {"psv", "yes"}}));
  EXPECT_FALSE(apply_profile(kCar, Tags{{"highway", "primary"}, {"access", "no"}, {"bus", "designated"}}));
  // Closed is closed, also for them.
  EXPECT_FALSE(apply_profile(kEmergency, Tags{{"highway", "residential"}, {"access", "no"}}));
}

TEST(WayRules, MaxspeedLowersTheSpeed) {
  EXPECT_EQ(parse_maxspeed("50"), 50.0);
  EXPECT_EQ(parse_maxspeed("50 km/h"), 50.0);
  EXPECT_NEAR(*parse_maxspeed("30 mph"), 48.28, 0.01);
  EXPECT_EQ(parse_maxspeed("60;80"), 60.0);
  EXPECT_FALSE(parse_maxspeed("CN:urban"));
  EXPECT_FALSE(parse_maxspeed("fast"));
  const auto slow = apply_profile(kCar, Tags{{"highway", "primary"}, {"maxspeed", "20"}});
  EXPECT_DOUBLE_EQ(slow->speed_kmh, 16.0);  // 20 x 0.8 is below the class speed of 40
  const auto fast = apply_profile(kCar, Tags{{"highway", "primary"}, {"maxspeed", "120"}});
  EXPECT_DOUBLE_EQ(fast->speed_kmh, 40.0);
}

TEST(CarProfile, LoadsOverridesAndNamesBadLines) {
  const auto dir = std::filesystem::temp_directory_path() / ("shouwang-profile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto good = (dir / "good.profile").string();
  std::ofstream(good) << "# night traffic\nhighway.primary = 55\nhighway.service = 0\nemergency = true\n";
  const auto p = CarProfile::load(good);
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p->speed_kmh.at("primary"), 55.0);
  EXPECT_EQ(p->speed_kmh.count("service"), 0u);
  EXPECT_TRUE(p->emergency);
  const auto bad = (dir / "bad.profile").string();
  std::ofstream(bad) << "highway.primary = 40\nhighway.trunk = fast\n";
  const auto err = CarProfile::load(bad);
  ASSERT_FALSE(err.ok());
  EXPECT_NE(err.error().message.find("bad.profile:2"), std::string::npos);
  EXPECT_EQ(err.error().field, "highway.trunk");
  std::ofstream(bad) << "colour = red\n";
  EXPECT_NE(CarProfile::load(bad).error().message.find("unknown key 'colour'"), std::string::npos);
  EXPECT_EQ(CarProfile::load((dir / "none").string()).error().code, Errc::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::osm::import
