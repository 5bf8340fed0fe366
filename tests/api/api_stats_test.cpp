// Statistics end to end: incidents taken and handled through the API show up in
// /api/v1/stats at once, drill down to their ids, follow the caller's scope, survive a
// restart (the history is rebuilt from the log), and bad parameters are 400s that name
// the parameter.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/clock.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

class ApiStats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new ServedCity("stats");
    // Roads, for hotspots on street segments.
    city_->run_tool({"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir()});
    city_->start();
    const ApiClient disp = city_->login("disp");
    const ApiClient car = city_->login("car_a");
    // Station A: two calls and one incident found on patrol; station B: one call.
    for (int i = 0; i < 4; ++i) {
      const bool patrol = i == 2;
      const LatLon where = i == 3 ? city_->point_b : city_->point_a;
      const ApiReply call =
          disp.post("/api/v1/calls", {{"caller_number", "1380000000" + std::to_string(i)},
                                      {"summary", "打架"},
                                      {"channel", patrol ? "officer" : "voice"}});
      ASSERT_EQ(call.status, 201) << call.text;
      const ApiReply created = disp.post(
          "/api/v1/incidents",
          {{"call", call.body["call"]["id"]}, {"summary", "打架"}, {"type_code", "0201"}});
      ASSERT_EQ(created.status, 201) << created.text;
      const std::string id = created.body["incident"]["id"];
      ids_.push_back(id);
      if (i == 0)
        created_at_ = created.body["incident"]["times"]["created"];
      const ApiReply located =
          disp.post("/api/v1/incidents/" + id + "/locations", {{"source", "caller_text"},
                                                               {"text", "门口"},
                                                               {"lat", where.lat},
                                                               {"lon", where.lon},
                                                               {"uncertainty_m", 20}});
      ASSERT_EQ(located.status, 200) << located.text;
    }
    // The first one is dispatched to A-01, which signs for it and arrives.
    const std::string base = "/api/v1/incidents/" + ids_[0];
    ASSERT_EQ(disp.post(base + "/accept", json::object()).status, 200);
    const ApiReply issued =
        disp.post(base + "/orders", {{"target", {{"kind", "unit"}, {"id", "A-01"}}}});
    ASSERT_EQ(issued.status, 201) << issued.text;
    const std::string o = "/api/v1/orders/" + issued.body["orders"][0]["id"].get<std::string>();
    for (const char* step : {"/sign-for", "/en-route", "/arrive"})
      ASSERT_EQ(car.post(o + step, json::object()).status, 200) << step;
  }
  static void TearDownTestSuite() {
    city_->stop();
    delete city_;
  }

  // The centre's local day (UTC+8) of the first incident, as the API's period.
  static std::string today() {
    const auto t = UtcTime::parse_iso8601(created_at_);
    EXPECT_TRUE(t.ok());
    const std::time_t local = static_cast<std::time_t>(t->micros() / 1'000'000 + 8 * 3600);
    std::tm tm{};
    gmtime_r(&local, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
  }

  static const json* row(const json& body, const std::string& key) {
    for (const json& r : body["rows"])
      if ((r["key"].is_array() ? r["key"][0] : r["key"]) == key)
        return &r;
    return nullptr;
  }

  static ServedCity* city_;
  static std::vector<std::string> ids_;
  static std::string created_at_;
};
ServedCity* ApiStats::city_ = nullptr;
std::vector<std::string> ApiStats::ids_;
std::string ApiStats::created_at_;

TEST_F(ApiStats, CountsByStationWithComparisonsRatesAndDrillDown) {
  const ApiClient analyst = city_->login("analyst");
  const ApiReply counts = analyst.get("/api/v1/stats/counts?period=day:" + today() + "&by=station");
  ASSERT_EQ(counts.status, 200) << counts.text;
  EXPECT_EQ(counts.body["total"]["current"], 4);
  EXPECT_EQ(counts.body["total"]["last_year"], 0);
  EXPECT_TRUE(counts.body["total"]["yoy_percent"].is_null()) << "no percentage against a base of 0";
  const json* a = row(counts.body, city_->station_a);
  const json* b = row(counts.body, city_->station_b);
  ASSERT_NE(a, nullptr) << counts.text;
  ASSERT_NE(b, nullptr) << counts.text;
  EXPECT_EQ((*a)["current"], 3);
  EXPECT_EQ((*b)["current"], 1);
  const osm::OrgUnit* station_a = city_->org.find(city_->station_a);
  ASSERT_NE(station_a, nullptr);
  if (station_a->population) {
    EXPECT_EQ((*a)["population"], *station_a->population);
    EXPECT_NEAR((*a)["rate_per_10k"].get<double>(),
                3e4 / static_cast<double>(*station_a->population), 0.006);
  }

  const ApiReply drilled = analyst.get("/api/v1/stats/incidents?period=day:" + today() +
                                       "&by=station&key=" + city_->station_a);
  ASSERT_EQ(drilled.status, 200) << drilled.text;
  const auto got = drilled.body["ids"].get<std::vector<std::string>>();
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()),
            (std::set<std::string>{ids_[0], ids_[1], ids_[2]}));
  EXPECT_FALSE(drilled.body["truncated"].get<bool>());

  const ApiReply without_patrol =
      analyst.get("/api/v1/stats/counts?period=day:" + today() + "&officer_initiated=0");
  EXPECT_EQ(without_patrol.body["total"]["current"], 3);
}

TEST_F(ApiStats, ResponseTimesLeaveOutIncidentsFoundOnPatrol) {
  const ApiClient analyst = city_->login("analyst");
  const ApiReply r = analyst.get("/api/v1/stats/response?period=day:" + today() +
                                 "&to=first_arrived&limits=60,300");
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_FALSE(r.body["officer_initiated"].get<bool>());
  EXPECT_EQ(r.body["total"]["n"], 1);
  EXPECT_EQ(r.body["total"]["missing"], 2)
      << "the two others never had a unit arrive; the patrol find is left out";
  EXPECT_GE(r.body["total"]["median_s"].get<double>(), 0.0);
  EXPECT_EQ(r.body["total"]["within"].size(), 2U);

  const ApiReply signs =
      analyst.get("/api/v1/stats/buckets?period=day:" + today() + "&measure=sign_for");
  ASSERT_EQ(signs.status, 200) << signs.text;
  EXPECT_EQ(signs.body["total"]["n"], 1);
  const json* a = row(signs.body, city_->station_a);
  ASSERT_NE(a, nullptr) << signs.text;
  EXPECT_EQ((*a)["rank"], 1);
}

TEST_F(ApiStats, TheSafetyIndexAddsUpItsParts) {
  const ApiClient analyst = city_->login("analyst");
  // 0201 is a public-order type: the index counts it by default.
  const ApiReply r = analyst.get("/api/v1/stats/safety?period=day:" + today());
  ASSERT_EQ(r.status, 200) << r.text;
  ASSERT_FALSE(r.body["rows"].empty()) << r.text;
  for (const json& row : r.body["rows"]) {
    if (row["now"]["index"].is_null())
      continue;
    double sum = 0;
    for (const json& part : row["now"]["parts"])
      sum += part["contribution"].get<double>();
    EXPECT_NEAR(sum, row["now"]["index"].get<double>(), 0.03) << row.dump();
  }
  const json* a = row(r.body, city_->station_a);
  ASSERT_NE(a, nullptr);
  const json& clearance = (*a)["now"]["parts"][2];
  EXPECT_EQ(clearance["name"], "clearance");
  EXPECT_DOUBLE_EQ(clearance["value"].get<double>(), 0.0) << "three incidents today, none closed";
  EXPECT_EQ(analyst.get("/api/v1/stats/safety?weights=1,2").status, 400);
}

TEST_F(ApiStats, AStationSeesItsOwnFiguresAndATerminalNone) {
  const ApiClient officer_b = city_->login("officer_b");
  const ApiReply counts =
      officer_b.get("/api/v1/stats/counts?period=day:" + today() + "&by=station");
  ASSERT_EQ(counts.status, 200) << counts.text;
  EXPECT_EQ(counts.body["total"]["current"], 1);
  EXPECT_EQ(row(counts.body, city_->station_a), nullptr);
  const ApiReply streaks = officer_b.get("/api/v1/stats/streaks?as_of=" + today());
  ASSERT_EQ(streaks.status, 200) << streaks.text;
  ASSERT_EQ(streaks.body["rows"].size(), 1U) << streaks.text;
  EXPECT_EQ(streaks.body["rows"][0]["key"], city_->station_b);
  EXPECT_EQ(streaks.body["rows"][0]["days"], 0) << "an incident today";
  EXPECT_EQ(city_->login("car_a").get("/api/v1/stats/counts").status, 403);
}

TEST_F(ApiStats, StandardsHoldUrbanAndSuburbanStationsToTheirOwnMinutes) {
  const ApiClient analyst = city_->login("analyst");
  const std::string base = "/api/v1/stats/standards?period=day:" + today();
  const ApiReply r = analyst.get(base);
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_FALSE(r.body["officer_initiated"].get<bool>());
  std::size_t stations = 0;
  for (const osm::OrgUnit& unit : city_->org.units())
    stations += unit.level == osm::OrgLevel::kStation ? 1 : 0;
  ASSERT_EQ(r.body["stations"].size(), stations);
  const json* a = nullptr;
  for (const json& row : r.body["stations"]) {
    EXPECT_EQ(row["standard_s"], row["class"] == "urban" ? 300 : 600) << row.dump();
    if (row["key"] == city_->station_a)
      a = &row;
  }
  ASSERT_NE(a, nullptr);
  EXPECT_EQ((*a)["n"], 1) << "the one arrival of the day";
  // The one arrival counts in its station's class and nowhere else.
  const bool a_urban = (*a)["class"] == "urban";
  EXPECT_EQ(r.body[a_urban ? "urban" : "suburban"]["n"], 1);
  EXPECT_EQ(r.body[a_urban ? "suburban" : "urban"]["n"], 0);
  EXPECT_EQ(r.body["nfpa"]["standard_s"], 240);
  EXPECT_EQ(r.body["nfpa"]["n"], 1);
  EXPECT_TRUE(r.body["nfpa"]["meets"].is_boolean());
  // No station is that dense: every station with a population becomes suburban.
  const ApiReply sparse = analyst.get(base + "&urban_density=5000000");
  ASSERT_EQ(sparse.status, 200) << sparse.text;
  for (const json& row : sparse.body["stations"]) {
    if (row["class_basis"] == "density")
      EXPECT_EQ(row["class"], "suburban") << row.dump();
    else
      EXPECT_EQ(row["class"], "urban") << "no population: the stricter standard";
  }
  EXPECT_EQ(analyst.get(base + "&urban_s=-5").body.value("field", ""), "urban_s");
}

TEST_F(ApiStats, HotspotMapsAreGeoJsonCellsWithTheirStatistics) {
  const ApiClient analyst = city_->login("analyst");
  const std::string base = "/api/v1/stats/hotspots?period=day:" + today();
  // Three incidents at point A and one at point B: two cells with incidents.
  const ApiReply counts = analyst.get(base + "&cell=100");
  ASSERT_EQ(counts.status, 200) << counts.text;
  EXPECT_EQ(counts.body["type"], "FeatureCollection");
  EXPECT_EQ(counts.body["properties"]["incidents"], 4);
  double total = 0;
  for (const json& f : counts.body["features"]) {
    total += f["properties"]["count"].get<double>();
    EXPECT_EQ(f["geometry"]["type"], "Polygon");
    EXPECT_EQ(f["geometry"]["coordinates"][0].size(), 5u) << "a closed square";
  }
  EXPECT_EQ(total, 4.0);
  ASSERT_EQ(counts.body["features"].size(), 2u);
  // The cell holding point A contains it.
  bool found_a = false;
  for (const json& f : counts.body["features"]) {
    const json& ring = f["geometry"]["coordinates"][0];
    const double w = ring[0][0], s = ring[0][1], e = ring[2][0], n = ring[2][1];
    const double slack = 1e-6;  // corners are rounded to 6 decimals
    if (city_->point_a.lon >= w - slack && city_->point_a.lon < e + slack &&
        city_->point_a.lat >= s - slack && city_->point_a.lat < n + slack) {
      found_a = true;
      EXPECT_EQ(f["properties"]["count"], 3.0);
    }
  }
  EXPECT_TRUE(found_a) << counts.text;

  const ApiReply gi = analyst.get(base + "&cell=100&method=gi_star");
  ASSERT_EQ(gi.status, 200) << gi.text;
  EXPECT_GT(gi.body["properties"]["cells"].get<int>(), 2);
  for (const json& f : gi.body["features"]) {
    ASSERT_TRUE(f["properties"].contains("z"));
    EXPECT_GE(f["properties"]["p"].get<double>(), 0.0);
  }
  const ApiReply kde = analyst.get(base + "&method=kde&bandwidth=200");
  ASSERT_EQ(kde.status, 200) << kde.text;
  EXPECT_EQ(kde.body["properties"]["bandwidth_m"], 200.0);
  EXPECT_FALSE(kde.body["features"].empty());
  EXPECT_EQ(analyst.get("/api/v1/stats/hotspots?cell=5").body.value("field", ""), "cell");
  EXPECT_EQ(analyst.get("/api/v1/stats/hotspots?method=moran").body.value("field", ""), "method");
  EXPECT_EQ(analyst.get(base + "&method=gi_star&neighbours=hex").body.value("field", ""),
            "neighbours");
  EXPECT_EQ(city_->login("car_a").get(base).status, 403);
}

TEST_F(ApiStats, ThePatrolPlanPutsEachStationsBusiestCellFirst) {
  const ApiClient analyst = city_->login("analyst");
  // The shift of the incidents' own hours, on the day after them: all four are history.
  const auto t = UtcTime::parse_iso8601(created_at_);
  ASSERT_TRUE(t.ok());
  const int local_hour = static_cast<int>(((t->micros() / 1'000'000 + 8 * 3600) % 86'400) / 3600);
  const std::string kind = local_hour >= 8 && local_hour < 20 ? "day" : "night";
  const std::time_t next = static_cast<std::time_t>(t->micros() / 1'000'000 + 8 * 3600 + 86'400);
  std::tm tm{};
  gmtime_r(&next, &tm);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
  const std::string base =
      "/api/v1/forecast/patrol-plan?shift=" + kind + "&date=" + date + "&cell=100";
  const ApiReply plan = analyst.get(base + "&cells=2");
  ASSERT_EQ(plan.status, 200) << plan.text;
  EXPECT_EQ(plan.body["shift"]["kind"], kind);
  EXPECT_EQ(plan.body["shift"]["day"], date);
  EXPECT_EQ(plan.body["incidents_used"], 4);
  const auto first_cell = [&](const std::string& station) -> const json* {
    for (const json& s : plan.body["stations"])
      if (s["code"] == station && !s["cells"].empty())
        return &s["cells"][0];
    return nullptr;
  };
  const json* a = first_cell(city_->station_a);
  const json* b = first_cell(city_->station_b);
  ASSERT_NE(a, nullptr) << plan.text;
  ASSERT_NE(b, nullptr) << plan.text;
  // Station A's first cell is the one with its three incidents; it outweighs B's one.
  EXPECT_EQ((*a)["rank"], 1);
  EXPECT_EQ((*a)["recent"], 3);
  EXPECT_NEAR((*a)["lat"].get<double>(), city_->point_a.lat, 0.001);
  EXPECT_NEAR((*a)["lon"].get<double>(), city_->point_a.lon, 0.0011);
  EXPECT_GT((*a)["share"].get<double>(), (*b)["share"].get<double>());
  for (const json& s : plan.body["stations"])
    EXPECT_LE(s["cells"].size(), 2u);

  const ApiReply page = analyst.get(base + "&format=html&lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.headers.at("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.text.find("Patrol plan"), std::string::npos);
  const ApiReply layer = analyst.get(base + "&format=geojson");
  ASSERT_EQ(layer.status, 200);
  EXPECT_EQ(layer.body["type"], "FeatureCollection");
  EXPECT_FALSE(layer.body["features"].empty());
  // A station officer gets their own station's plan only.
  const ApiReply own = city_->login("officer_b").get(base);
  ASSERT_EQ(own.status, 200) << own.text;
  ASSERT_EQ(own.body["stations"].size(), 1u);
  EXPECT_EQ(own.body["stations"][0]["code"], city_->station_b);
  EXPECT_EQ(analyst.get(base + "&shift=evening").body.value("field", ""), "shift");
  EXPECT_EQ(
      analyst.get("/api/v1/forecast/patrol-plan?date=" + std::string(date)).body.value("field", ""),
      "date");
  EXPECT_EQ(analyst.get(base + "&cells=50").body.value("field", ""), "cells");
  EXPECT_EQ(city_->login("car_a").get(base).status, 403);
}

TEST_F(ApiStats, WarningsStaySilentWithoutTheHistoryTheyNeed) {
  const ApiClient analyst = city_->login("analyst");
  // Every record is of one day: no method has a baseline, so no alarm, however many
  // incidents the day holds (a day before the first record is unknown, not zero).
  const ApiReply w = analyst.get("/api/v1/stats/warnings?as_of=" + today());
  ASSERT_EQ(w.status, 200) << w.text;
  EXPECT_EQ(w.body["as_of"], today());
  EXPECT_EQ(w.body["first_day"], today());
  EXPECT_GE(w.body["series"].get<int>(), 2) << "stations A and B, public order";
  EXPECT_TRUE(w.body["alarms"].empty()) << w.text;
  EXPECT_EQ(w.body["methods"], json({"ears_c2", "ears_c3", "historical_limits"}));
  EXPECT_EQ(analyst.get("/api/v1/stats/warnings?methods=ears_c9").body.value("field", ""), "methods");
  EXPECT_EQ(analyst.get("/api/v1/stats/warnings?subject=type").body.value("field", ""), "subject");
  EXPECT_EQ(analyst.get("/api/v1/stats/warnings?as_of=2026-13-01").body.value("field", ""), "as_of");
  EXPECT_EQ(city_->login("car_a").get("/api/v1/stats/warnings").status, 403);
}

TEST_F(ApiStats, TheBriefingGathersTheDaysFigures) {
  const ApiClient analyst = city_->login("analyst");
  const ApiReply b = analyst.get("/api/v1/stats/briefing?kind=daily&date=" + today());
  ASSERT_EQ(b.status, 200) << b.text;
  EXPECT_EQ(b.body["kind"], "daily");
  EXPECT_EQ(b.body["period"]["name"], "day:" + today());
  EXPECT_EQ(b.body["scope"]["level"], "centre");
  EXPECT_EQ(b.body["totals"]["current"], 4);
  // Every reporting group in bulletin order; 0201 (fighting) is public order.
  ASSERT_EQ(b.body["groups"].size(), 8U);
  EXPECT_EQ(b.body["groups"][0]["key"][0], "criminal");
  EXPECT_EQ(b.body["groups"][1]["key"][0], "public_order");
  EXPECT_EQ(b.body["groups"][1]["current"], 4);
  EXPECT_EQ(b.body["groups"][0]["current"], 0);
  // A day's trend is by hour, and its 24 hours add up to the total.
  ASSERT_EQ(b.body["trend"]["unit"], "hour");
  ASSERT_EQ(b.body["trend"]["current"].size(), 24U);
  std::int64_t sum = 0;
  for (const json& n : b.body["trend"]["current"])
    sum += n.get<std::int64_t>();
  EXPECT_EQ(sum, 4);
  EXPECT_EQ(b.body["response"]["total"]["n"], 1);
  EXPECT_EQ(b.body["league"]["rows"][0]["key"], city_->station_a);
  // The four incidents lie in at most two hotspot cells (two places).
  std::int64_t in_cells = 0;
  for (const json& c : b.body["hotspots"]["cells"])
    in_cells += c["count"].get<std::int64_t>();
  EXPECT_EQ(in_cells, 4);
  EXPECT_LE(b.body["hotspots"]["cells"].size(), 2U);
  // No criminal incident on record: every station's zero-crime streak runs back to the
  // start of the records, so it is only a lower bound.
  ASSERT_FALSE(b.body["streaks"].empty()) << b.text;
  for (const json& row : b.body["streaks"])
    EXPECT_TRUE(row["at_least"].get<bool>()) << row.dump();
  EXPECT_TRUE(b.body["alarms"].is_array());

  const ApiReply station = analyst.get("/api/v1/stats/briefing?kind=daily&date=" + today() +
                                       "&station=" + city_->station_b);
  ASSERT_EQ(station.status, 200) << station.text;
  EXPECT_EQ(station.body["totals"]["current"], 1);
  EXPECT_TRUE(station.body["areas"].empty());
  for (const json& row : station.body["safety"])
    EXPECT_EQ(row["key"], city_->station_b);

  const ApiClient officer_b = city_->login("officer_b");
  EXPECT_EQ(
      officer_b
          .get("/api/v1/stats/briefing?kind=daily&date=" + today() + "&station=" + city_->station_a)
          .status,
      403);
  EXPECT_EQ(analyst.get("/api/v1/stats/briefing?kind=hourly").body.value("field", ""), "kind");
  EXPECT_EQ(analyst.get("/api/v1/stats/briefing?date=2026-02-30").body.value("field", ""), "date");
  EXPECT_EQ(analyst.get("/api/v1/stats/briefing?station=nowhere").body.value("field", ""),
            "station");
}

TEST_F(ApiStats, TheBriefingDownloadsAsAPageAWorkbookOrAPdf) {
  const ApiClient analyst = city_->login("analyst");
  const std::string query = "/api/v1/reports/briefing?kind=daily&date=" + today();
  const ApiReply page = analyst.get(query + "&format=html");
  ASSERT_EQ(page.status, 200) << page.text;
  EXPECT_NE(page.headers.at("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(page.text.find("临川市公安局110警情日报"), std::string::npos) << "named after the city";
  EXPECT_NE(page.text.find("共接报警情4起"), std::string::npos);
  EXPECT_NE(page.headers.at("content-disposition").find("briefing-daily-" + today() + "-zh.html"),
            std::string::npos);
  const ApiReply english = analyst.get(query + "&lang=en");
  EXPECT_NE(english.text.find("Linchuan Public Security Bureau — 110 Daily Briefing"),
            std::string::npos);
  const ApiReply book = analyst.get(query + "&format=xlsx");
  ASSERT_EQ(book.status, 200);
  EXPECT_EQ(book.text.substr(0, 2), "PK") << "a zip archive";
  const ApiReply pdf = analyst.get(query + "&format=pdf");
  if (pdf.status == 503) {
    std::cerr << "no chromium on this machine: the PDF is refused as unavailable\n";
    EXPECT_EQ(pdf.body["code"], "unavailable");
  } else {
    ASSERT_EQ(pdf.status, 200) << pdf.text.substr(0, 500);
    EXPECT_EQ(pdf.text.substr(0, 5), "%PDF-");
  }
  EXPECT_EQ(analyst.get(query + "&format=docx").body.value("field", ""), "format");
  EXPECT_EQ(analyst.get(query + "&lang=fr").body.value("field", ""), "lang");
  EXPECT_EQ(city_->login("car_a").get(query).status, 403);
}

TEST_F(ApiStats, BadParametersAreNamed) {
  const ApiClient analyst = city_->login("analyst");
  const auto field = [&](const std::string& query) {
    const ApiReply r = analyst.get("/api/v1/stats/counts?" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.text;
    return r.body.value("field", std::string());
  };
  EXPECT_EQ(field("period=month:2026-13"), "period");
  EXPECT_EQ(field("by=colour"), "by");
  EXPECT_EQ(field("by=type,station,hour,day"), "by");
  EXPECT_EQ(field("priority=urgent"), "priority");
  EXPECT_EQ(field("colour=red"), "colour");
  const ApiReply bad_key = analyst.get("/api/v1/stats/incidents?by=station&key=a,b");
  EXPECT_EQ(bad_key.status, 400);
  EXPECT_EQ(analyst.get("/api/v1/stats/response?from=lunch").status, 400);
  EXPECT_EQ(analyst.get("/api/v1/stats/buckets?measure=speed").status, 400);
}

TEST_F(ApiStats, TheHistoryIsRebuiltFromTheLogAfterARestart) {
  city_->stop();
  city_->start();
  const ApiClient analyst = city_->login("analyst");
  const ApiReply counts = analyst.get("/api/v1/stats/counts?period=day:" + today() + "&by=station");
  ASSERT_EQ(counts.status, 200) << counts.text;
  EXPECT_EQ(counts.body["total"]["current"], 4);
  EXPECT_EQ((*row(counts.body, city_->station_a))["current"], 3);
  const ApiReply r = analyst.get("/api/v1/stats/response?period=day:" + today());
  EXPECT_EQ(r.body["total"]["n"], 1);
}

// Last: it adds incidents of its own (robberies), which the tests above do not expect.
TEST_F(ApiStats, HotspotsOnStreetSegmentsAreLinesWithTheirStatistics) {
  // Three robberies at one place near a road (about 215 m from it: the generated city has
  // large blocks) and one at another; the other tests have none.
  const ApiClient disp = city_->login("disp");
  const LatLon on_road = destination(city_->point_a, 90.0, Meters(400));
  for (int i = 0; i < 4; ++i) {
    const LatLon where = i < 3 ? on_road : destination(on_road, 0.0, Meters(1500));
    const ApiReply created =
        disp.post("/api/v1/incidents", {{"summary", "抢劫"}, {"type_code", "0103"}});
    ASSERT_EQ(created.status, 201) << created.text;
    const ApiReply located = disp.post(
        "/api/v1/incidents/" + created.body["incident"]["id"].get<std::string>() + "/locations",
        {{"source", "handset_gnss"}, {"text", "路边"}, {"lat", where.lat}, {"lon", where.lon}, {"uncertainty_m", 10}});
    ASSERT_EQ(located.status, 200) << located.text;
  }
  const ApiClient analyst = city_->login("analyst");
  const std::string base = "/api/v1/stats/hotspots?period=day:" + today() + "&type=0103&on=segments&snap=300";
  const ApiReply counts = analyst.get(base);
  ASSERT_EQ(counts.status, 200) << counts.text;
  const json& summary = counts.body["properties"];
  EXPECT_EQ(summary["on"], "segments");
  EXPECT_EQ(summary["incidents"].get<int>() + summary["off_road"].get<int>(), 4);
  EXPECT_GE(summary["incidents"].get<int>(), 3) << on_road.lat << "," << on_road.lon;
  EXPECT_GT(summary["segments"].get<int>(), 100);
  double total = 0;
  for (const json& f : counts.body["features"]) {
    EXPECT_EQ(f["geometry"]["type"], "LineString");
    EXPECT_GE(f["geometry"]["coordinates"].size(), 2u);
    const json& p = f["properties"];
    total += p["count"].get<double>();
    EXPECT_GT(p["length_m"].get<double>(), 0.0);
    const double per_km = p["count"].get<double>() / p["length_m"].get<double>() * 1000;
    EXPECT_NEAR(p["per_km"].get<double>(), per_km, 0.01 * per_km) << "length_m is rounded to 0.1 m";
  }
  EXPECT_EQ(total, summary["incidents"].get<double>());
  // The three at one place are on one segment, the busiest.
  double busiest = 0;
  for (const json& f : counts.body["features"]) busiest = std::max(busiest, f["properties"]["count"].get<double>());
  EXPECT_EQ(busiest, 3.0) << counts.text;

  const ApiReply gi = analyst.get(base + "&method=gi_star");
  ASSERT_EQ(gi.status, 200) << gi.text;
  bool hot = false;
  for (const json& f : gi.body["features"]) {
    ASSERT_TRUE(f["properties"].contains("z"));
    if (f["properties"]["count"] == 3.0) hot = f["properties"]["class"] == "hot";
  }
  EXPECT_TRUE(hot) << "three incidents on one segment of a quiet network is a hot spot";
  EXPECT_EQ(analyst.get(base + "&method=local_moran").status, 200);
  EXPECT_EQ(analyst.get(base + "&method=kde").body.value("field", ""), "method");
  EXPECT_EQ(analyst.get(base + "&cell=100").body.value("field", ""), "cell");
  EXPECT_EQ(analyst.get(base + "&snap=5").body.value("field", ""), "snap");
  EXPECT_EQ(analyst.get("/api/v1/stats/hotspots?on=streets").body.value("field", ""), "on");
}

}  // namespace
}  // namespace shouwang::test
