// Hundreds of incidents built by random command sequences, with every kind of lifecycle,
// split, reissue, link and merge the domain allows: all of them exported, imported
// together into an empty state and exported again. Each incident comes back equal to its
// original, and each document to the first one, up to the new ids.

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/cad/apply.h>
#include <shouwang/cad/invariants.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "cad/cad_fixture.h"
#include "cad/random_commands.h"
#include "exchange/eido_fixture.h"

namespace shouwang::exchange {
namespace {

// A state built by `steps` random commands (refused ones are skipped), with the actors of
// a centre and time moving on between commands.
cad::State random_state(const cad::Decider& decider, std::uint64_t seed, int steps) {
  cad::testing::RandomCommands commands(seed, decider.taxonomy());
  Rng timing(seed ^ 0xe1d0ULL);
  const std::vector<store::Actor> actors = {
      cad::testing::actor("ct-wang", "call_taker"), cad::testing::actor("dp-li", "dispatcher"),
      cad::testing::actor("pcs-zhao", "station_officer"), cad::testing::actor("unit-01", "unit_terminal")};
  cad::State state;
  UtcTime now = cad::testing::at(15 * 3600);  // 23:00 local: ids roll over at midnight
  for (int step = 0; step < steps; ++step) {
    now = now.plus_micros(timing.uniform_int(1, 90) * 1'000'000 + timing.uniform_int(0, 999'999));
    const cad::Command command = commands.next(state, now);
    const auto& who = actors[static_cast<std::size_t>(timing.uniform_int(0, 3))];
    auto events = decider.decide(state, command, who, now);
    if (!events.ok())
      continue;
    for (const auto& e : *events)
      EXPECT_TRUE(cad::apply(state, e).ok());
  }
  return state;
}

TEST(EidoRandom, TwoHundredRandomIncidentsSurviveExportImportExport) {
  using ::testing::Test;
  const cad::Taxonomy& taxonomy = cad::testing::shipped_taxonomy();
  const cad::Decider decider(cad::testing::test_centre(), taxonomy);
  std::size_t incidents = 0;
  std::size_t with_orders = 0, with_relations = 0, closed = 0, children = 0, reissued = 0;
  for (std::uint64_t seed = 1; incidents < 200 || seed <= 4; ++seed) {
    const cad::State original = random_state(decider, seed, 700);
    std::vector<std::string> documents;
    for (const auto& [id, incident] : original.incidents) {
      auto eido = export_eido(original, id, taxonomy, testing::context());
      ASSERT_TRUE(eido.ok()) << eido.error().to_string();
      documents.push_back(std::move(*eido));
      with_orders += incident.orders.empty() ? 0 : 1;
      with_relations += incident.links.empty() && !incident.merged_into.valid() ? 0 : 1;
      closed += cad::is_open(incident.status) ? 0 : 1;
      for (const OrderId order : incident.orders) {
        children += original.orders.at(order).parent.valid() ? 1 : 0;
        reissued += original.orders.at(order).reissue_of.valid() ? 1 : 0;
      }
    }
    cad::State target;
    std::vector<store::EventDraft> events;
    auto report = import_eido_batch(target, decider, documents, cad::testing::actor("importer", "admin"), &events);
    ASSERT_TRUE(report.ok()) << "seed " << seed << ": " << report.error().to_string();
    EXPECT_TRUE(report->skipped.empty()) << "seed " << seed << ": " << report->skipped.front();
    const Status invariants = cad::check_invariants(target);
    EXPECT_TRUE(invariants.ok()) << "seed " << seed << ": " << invariants.error().to_string();
    ASSERT_EQ(report->incidents.size(), original.incidents.size());
    std::size_t k = 0;
    for (const auto& [id, incident] : original.incidents) {
      const IncidentId copy = report->incidents[k];
      const auto expected = nlohmann::json::parse(
          testing::map_ids(testing::incident_records(original, id).dump(), report->ids));
      EXPECT_EQ(testing::incident_records(target, copy), expected) << "seed " << seed << " incident "
                                                                   << cad::to_string(id);
      auto again = export_eido(target, copy, taxonomy, testing::context());
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(nlohmann::json::parse(*again), testing::mapped_document(documents[k], report->ids))
          << "seed " << seed << " incident " << cad::to_string(id);
      ++k;
      ++incidents;
    }
    if (Test::HasFailure())
      break;
  }
  Test::RecordProperty("incidents", static_cast<int>(incidents));
  Test::RecordProperty("with_orders", static_cast<int>(with_orders));
  Test::RecordProperty("with_relations", static_cast<int>(with_relations));
  Test::RecordProperty("closed", static_cast<int>(closed));
  Test::RecordProperty("split_children", static_cast<int>(children));
  Test::RecordProperty("reissued", static_cast<int>(reissued));
  EXPECT_GE(incidents, 200u);
  // The runs reach the interesting cases, not only fresh incidents.
  EXPECT_GT(with_orders, 40u);
  EXPECT_GT(with_relations, 10u);
  EXPECT_GT(closed, 40u);
  EXPECT_GT(children, 5u);
  EXPECT_GT(reissued, 2u);
}

}  // namespace
}  // namespace shouwang::exchange
