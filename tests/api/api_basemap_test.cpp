// The console's basemap end to end: `shouwang import-osm` makes the vector tiles with
// tilemaker, `shouwang serve` answers /tiles from them.

#include <zlib.h>

#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

std::string gunzip(const std::string& bytes) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return {};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buffer[1 << 14];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

// The XYZ tile of `p` at zoom z.
std::string tile_path(LatLon p, int z) {
  const double n = std::ldexp(1.0, z);
  const auto x = static_cast<long>((p.lon + 180.0) / 360.0 * n);
  const double lat = p.lat * M_PI / 180.0;
  const auto y = static_cast<long>((1.0 - std::asinh(std::tan(lat)) / M_PI) / 2.0 * n);
  return "/tiles/" + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) + ".pbf";
}

bool tilemaker_installed() {
  return std::system("command -v tilemaker > /dev/null 2>&1") == 0;
}

TEST(ApiBasemap, TheImportMakesTilesAndTheServerAnswersThem) {
  if (!tilemaker_installed()) GTEST_SKIP() << "tilemaker is not installed (scripts/install-deps.sh installs it)";
  ServedCity city("basemap");
  city.run_tool({"import-osm", city.dir() + "/city.osm.pbf", "--out", city.dir()});
  city.start();
  const ApiClient anyone(city.port());
  const ApiReply about = anyone.get("/api/v1/city");
  ASSERT_EQ(about.status, 200);
  EXPECT_EQ(about.body["basemap"]["tiles"], "/tiles/{z}/{x}/{y}.pbf");
  EXPECT_EQ(about.body["basemap"]["minzoom"], 8);
  EXPECT_EQ(about.body["basemap"]["maxzoom"], 14);

  const ApiReply tile = anyone.get(tile_path(city.point_a, 14));
  ASSERT_EQ(tile.status, 200) << tile.text.substr(0, 200);
  EXPECT_EQ(tile.headers.at("content-type"), "application/x-protobuf");
  ASSERT_EQ(tile.headers.at("content-encoding"), "gzip");
  const std::string mvt = gunzip(tile.text);
  ASSERT_FALSE(mvt.empty()) << "not a gzip stream";
  // Layer names and attribute keys are plain strings inside the protobuf.
  EXPECT_NE(mvt.find("transportation"), std::string::npos);
  EXPECT_NE(mvt.find("name_zh"), std::string::npos);
  EXPECT_NE(mvt.find("name_en"), std::string::npos);

  // Far from the city: nothing there, which is not an error. Nonsense: a 400.
  EXPECT_EQ(anyone.get("/tiles/14/0/0.pbf").status, 204);
  const ApiReply bad = anyone.get("/tiles/3/9/0.pbf");
  EXPECT_EQ(bad.status, 400) << bad.text;
  EXPECT_EQ(bad.body["code"], "invalid_argument");
}

TEST(ApiBasemap, WithoutABasemapTheTileRouteSaysSo) {
  ServedCity city("no-basemap");
  city.run_tool({"import-osm", city.dir() + "/city.osm.pbf", "--out", city.dir(), "--no-basemap"});
  city.start();
  const ApiReply tile = ApiClient(city.port()).get(tile_path(city.point_a, 14));
  EXPECT_EQ(tile.status, 404) << tile.text;
  EXPECT_NE(tile.body["message"].get<std::string>().find("basemap"), std::string::npos);
  EXPECT_TRUE(ApiClient(city.port()).get("/api/v1/city").body["basemap"].is_null());
}

}  // namespace
}  // namespace shouwang::test
