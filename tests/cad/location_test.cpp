#include <gtest/gtest.h>

#include <shouwang/cad/location.h>

namespace shouwang::cad {
namespace {

LocationCandidate fix(LocationSource source, double lat, double lon, double radius) {
  LocationCandidate c;
  c.source = source;
  c.position = LatLon{lat, lon};
  c.uncertainty = Meters(radius);
  return c;
}

LocationCandidate said(const char* text) {
  LocationCandidate c;
  c.text = text;
  return c;
}

TEST(Location, AgreeingSourcesGiveTheMostPreciseOne) {
  IncidentLocation location;
  add_candidate(location, said("人民路12号门口"));
  add_candidate(location, fix(LocationSource::kCellSector, 31.2300, 121.4700, 800));
  add_candidate(location, fix(LocationSource::kHandsetGnss, 31.2304, 121.4702, 15));
  EXPECT_FALSE(location.needs_confirmation);
  const LocationCandidate* best = effective_location(location);
  ASSERT_NE(best, nullptr);
  EXPECT_EQ(best->source, LocationSource::kHandsetGnss);
}

TEST(Location, FarApartSourcesNeedAPersonAndThenUseTheirChoice) {
  IncidentLocation location;
  add_candidate(location, fix(LocationSource::kMatchedAddress, 31.2300, 121.4700, 30));
  // About 1.1 km north: well outside both radii plus the margin.
  add_candidate(location, fix(LocationSource::kHandsetGnss, 31.2400, 121.4700, 20));
  EXPECT_TRUE(location.needs_confirmation);
  EXPECT_EQ(effective_location(location), nullptr);
  EXPECT_TRUE(any_disagreement(location));

  confirm_candidate(location, 1, "dispatcher-li", UtcTime::from_seconds(100));
  EXPECT_FALSE(location.needs_confirmation);
  ASSERT_NE(effective_location(location), nullptr);
  EXPECT_EQ(effective_location(location)->source, LocationSource::kHandsetGnss);
  EXPECT_EQ(location.candidates[1].confirmed_by, "dispatcher-li");

  // A new fix near the confirmed one keeps the decision; one far away reopens it.
  add_candidate(location, fix(LocationSource::kSmsLinkGps, 31.2401, 121.4701, 10));
  EXPECT_FALSE(location.needs_confirmation);
  add_candidate(location, fix(LocationSource::kMapPin, 31.2300, 121.4700, 5));
  EXPECT_TRUE(location.needs_confirmation);
  ASSERT_NE(effective_location(location), nullptr) << "the confirmed candidate still stands";
}

TEST(Location, CoarseSectorOverlappingAFixIsNotADisagreement) {
  const auto sector = fix(LocationSource::kCellSector, 31.2300, 121.4700, 1500);
  const auto gnss = fix(LocationSource::kHandsetGnss, 31.2400, 121.4700, 10);
  EXPECT_FALSE(candidates_disagree(sector, gnss));
  EXPECT_FALSE(candidates_disagree(said("x"), gnss));
}

}  // namespace
}  // namespace shouwang::cad
