// Real records through the API: the Portland Police Bureau's calls for service (August and
// September 2016) imported with the shipped mapping into a served centre, then searched by
// type and by local day as an analyst would. Needs ../shared/data; skips loudly without it.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::uint64_t total(const ApiClient& client, const std::string& query) {
  const ApiReply reply = client.get("/api/v1/incidents?limit=1&" + query);
  EXPECT_EQ(reply.status, 200) << query << ": " << reply.text;
  return reply.body.value("total", std::uint64_t{0});
}

// The local (UTC−7, Pacific Daylight Time) date of an ISO time "2016-08-10T07:00:00Z".
std::string pdt_date(const std::string& iso) {
  int y = 0, m = 0, d = 0, h = 0;
  std::sscanf(iso.c_str(), "%d-%d-%dT%d", &y, &m, &d, &h);
  if (h < 7) {  // the day before, in August or September
    if (--d == 0) {
      --m;
      d = 31;  // July and August both have 31 days
    }
  }
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
  return out;
}

TEST(ApiPortland, ImportedCallsAreQueryableByTypeAndDay) {
  const fs::path file = fs::path(SHOUWANG_SHARED_DATA) / "incidents" / "portland_cfs_2016-08_09.csv";
  if (!fs::exists(file)) {
    std::printf("skipped: the shared incident data is not available at %s\n", file.string().c_str());
    GTEST_SKIP() << "the shared incident data is not available: " << file.string();
  }
  // Portland keeps Pacific Daylight Time through August and September.
  ServedCity city("portland", {"--utc-offset", "-420"});
  city.run_tool({"import-incidents", file.string(), "--mapping",
                 std::string(SHOUWANG_SOURCE_DIR) + "/data/mappings/portland_cfs.toml", "--data", city.dir()});
  city.start();
  const ApiClient analyst = city.login("analyst");

  EXPECT_EQ(total(analyst, "from=2016-08-01&to=2016-10-01"), 37818u);  // one row without coordinates is left out
  EXPECT_EQ(total(analyst, "type=0208"), 5323u);                        // suspicious persons
  EXPECT_EQ(total(analyst, "type=01"), 8138u);                          // every criminal type
  EXPECT_EQ(total(analyst, "type=010502"), 1483u);                      // motor vehicle theft
  EXPECT_EQ(total(analyst, "day=2016-08-01"), 640u);
  EXPECT_EQ(total(analyst, "day=2016-08-10"), 590u);
  EXPECT_EQ(total(analyst, "day=2016-07-31"), 0u);

  // Every day of the two months adds up to the whole.
  std::uint64_t by_days = 0;
  for (int month = 8; month <= 9; ++month) {
    for (int day = 1; day <= (month == 8 ? 31 : 30); ++day) {
      char date[32];
      std::snprintf(date, sizeof date, "2016-%02d-%02d", month, day);
      by_days += total(analyst, std::string("day=") + date);
    }
  }
  EXPECT_EQ(by_days, 37818u);

  // Type and day together agree with the type's records counted by their own dates, read
  // page by page.
  std::map<std::string, std::uint64_t> per_day;
  std::uint64_t read = 0;
  std::string target = "/api/v1/incidents?type=0208&limit=500";
  for (int page = 0; page < 20; ++page) {
    const ApiReply reply = analyst.get(target);
    ASSERT_EQ(reply.status, 200) << reply.text;
    for (const json& item : reply.body["items"]) {
      ++per_day[pdt_date(item["times"]["created"].get<std::string>())];
      ++read;
    }
    if (reply.body["next"].is_null()) break;
    target = "/api/v1/incidents?type=0208&limit=500&cursor=" + reply.body["next"].get<std::string>();
  }
  EXPECT_EQ(read, 5323u);
  for (const char* day : {"2016-08-01", "2016-08-10", "2016-09-30"}) {
    EXPECT_GT(per_day[day], 0u) << day;
    EXPECT_EQ(total(analyst, std::string("type=0208&day=") + day), per_day[day]) << day;
  }
  EXPECT_EQ(analyst.get("/api/v1/incidents?day=2016-08-10&from=2016-08-01").status, 400);
  EXPECT_EQ(analyst.get("/api/v1/incidents?day=10.8.2016").status, 400);
  city.stop();
}

}  // namespace
}  // namespace shouwang::test
