// Export, import into another state, export again: the incident and the document survive
// the trip, up to the ids the receiving state assigns.

#include <gtest/gtest.h>

#include <shouwang/cad/invariants.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "cad/cad_fixture.h"
#include "exchange/eido_fixture.h"

namespace shouwang::exchange {
namespace {

using cad::testing::actor;
using cad::testing::at;
using cad::testing::execute;

class EidoRoundTrip : public ::testing::Test {
 protected:
  const cad::Taxonomy& taxonomy_ = cad::testing::shipped_taxonomy();
  cad::Decider decider_{cad::testing::test_centre(), taxonomy_};
  cad::State original_;

  // Exports `id`, imports the document into `target` and checks the incident and the
  // document against the originals; returns the report.
  EidoImportReport round_trip(IncidentId id, cad::State& target) {
    auto eido = export_eido(original_, id, taxonomy_, testing::context());
    EXPECT_TRUE(eido.ok()) << eido.error().to_string();
    if (!eido.ok())
      return {};
    std::vector<store::EventDraft> events;
    EidoImportReport report;
    auto imported = import_eido_into(target, decider_, *eido, actor("importer", "admin"), &events, &report);
    EXPECT_TRUE(imported.ok()) << imported.error().to_string();
    if (!imported.ok())
      return {};
    EXPECT_FALSE(events.empty());
    EXPECT_TRUE(cad::check_invariants(target).ok());
    const auto expected = nlohmann::json::parse(
        testing::map_ids(testing::incident_records(original_, id).dump(), report.ids));
    EXPECT_EQ(testing::incident_records(target, *imported), expected);
    auto again = export_eido(target, *imported, taxonomy_, testing::context());
    EXPECT_TRUE(again.ok());
    if (again.ok()) {
      EXPECT_EQ(nlohmann::json::parse(*again), testing::mapped_document(*eido, report.ids));
    }
    return report;
  }
};

TEST_F(EidoRoundTrip, ARichIncidentComesBackEqualInEveryField) {
  const IncidentId id = testing::build_rich_incident(decider_, original_);
  cad::State target;
  const EidoImportReport report = round_trip(id, target);
  EXPECT_TRUE(report.skipped.empty()) << report.skipped.front();
  // Every record got a new id, and they are the only records of the new state.
  EXPECT_EQ(report.ids.size(), 1 + 2 + 5u);
  EXPECT_EQ(target.incidents.size(), 1u);
  EXPECT_EQ(target.calls.size(), 2u);
  EXPECT_EQ(target.orders.size(), 5u);
}

TEST_F(EidoRoundTrip, ImportingIntoAStateWithOtherRecordsAssignsFreshIds) {
  const IncidentId id = testing::build_rich_incident(decider_, original_);
  cad::State target;
  testing::build_rich_incident(decider_, target, 5000);
  const std::size_t before = target.incidents.size();
  const EidoImportReport report = round_trip(id, target);
  EXPECT_EQ(target.incidents.size(), before + 1);
  EXPECT_NE(report.ids.at(cad::to_string(id)), cad::to_string(id));
}

TEST_F(EidoRoundTrip, TransferredAndCancelledIncidentsEndTheirOrdersAgain) {
  using namespace cad;
  const auto who = actor("dp-li");
  auto create = [&](double t) {
    EXPECT_TRUE(execute(decider_, original_, CreateIncident{CallId(), "火情", "0201", 0}, who, at(t)).ok());
    return std::prev(original_.incidents.end())->first;
  };
  const IncidentId transferred = create(1);
  const IncidentId cancelled = create(2);
  for (const IncidentId id : {transferred, cancelled}) {
    ASSERT_TRUE(execute(decider_, original_, AcceptIncident{id}, who, at(10)).ok());
    ASSERT_TRUE(execute(decider_, original_, IssueOrder{id, {TargetKind::kUnit, "u1", ""}, "", {}}, who,
                                 at(20)).ok());
  }
  const OrderId first = original_.incidents.at(transferred).orders.front();
  ASSERT_TRUE(execute(decider_, original_, SignFor{first}, actor("unit-01"), at(25)).ok());
  ASSERT_TRUE(execute(decider_, original_, TransferIncident{transferred, "119", "火情移交"}, who, at(30)).ok());
  // A disposition set while open stays after cancelling.
  ASSERT_TRUE(execute(decider_, original_, SetDisposition{cancelled, "42"}, who, at(31)).ok());
  ASSERT_TRUE(execute(decider_, original_, CancelIncident{cancelled, "报警人撤警"}, who, at(32)).ok());
  for (const IncidentId id : {transferred, cancelled}) {
    cad::State target;
    round_trip(id, target);
  }
}

TEST_F(EidoRoundTrip, ATypeChangedAfterTheSceneClosedKeepsItsPriority) {
  using namespace cad;
  const auto who = actor("dp-li");
  // 010501 (burglary) has default priority 2 and 0501 a different one; after the scene
  // closes a type change no longer moves the priority.
  ASSERT_TRUE(execute(decider_, original_, CreateIncident{CallId(), "x", "010501", 0}, who, at(1)).ok());
  const IncidentId id = original_.incidents.begin()->first;
  ASSERT_TRUE(execute(decider_, original_, AcceptIncident{id}, who, at(2)).ok());
  ASSERT_TRUE(execute(decider_, original_, CloseScene{id, "40"}, who, at(3)).ok());
  std::string other;
  for (const auto& t : taxonomy_.types.all()) {
    if (t.default_priority != 2) {
      other = t.code;
      break;
    }
  }
  ASSERT_TRUE(execute(decider_, original_, SetType{id, other}, who, at(4)).ok());
  ASSERT_EQ(original_.incidents.at(id).priority, 2);
  cad::State target;
  round_trip(id, target);
}

TEST_F(EidoRoundTrip, RelatedIncidentsImportedTogetherAreLinkedAndMergedAgain) {
  using namespace cad;
  const auto who = actor("dp-li");
  for (double t : {1.0, 2.0, 3.0})
    ASSERT_TRUE(execute(decider_, original_, CreateIncident{CallId(), "同一事件", "0201", 0}, who, at(t)).ok());
  auto it = original_.incidents.begin();
  const IncidentId a = (it++)->first, b = (it++)->first, c = it->first;
  ASSERT_TRUE(execute(decider_, original_, LinkIncidents{a, b, "同一嫌疑人"}, who, at(10)).ok());
  ASSERT_TRUE(execute(decider_, original_, MergeIncident{c, a, "重复警情"}, who, at(11)).ok());
  ASSERT_TRUE(execute(decider_, original_, ArchiveIncident{c}, who, at(12)).ok());
  std::vector<std::string> documents;
  for (const IncidentId id : {c, b, a})
    documents.push_back(*export_eido(original_, id, taxonomy_, testing::context()));
  cad::State target;
  std::vector<store::EventDraft> events;
  auto report = import_eido_batch(target, decider_, documents, actor("importer", "admin"), &events);
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_TRUE(cad::check_invariants(target).ok());
  for (const IncidentId id : {a, b, c}) {
    const auto expected = nlohmann::json::parse(
        testing::map_ids(testing::incident_records(original_, id).dump(), report->ids));
    const IncidentId copy = *cad::parse_incident_id(report->ids.at(cad::to_string(id)));
    EXPECT_EQ(testing::incident_records(target, copy), expected) << cad::to_string(id);
  }
  // Alone, a document cannot link or merge with incidents the state does not hold: the
  // import says so and keeps the incident as it was before the merge.
  cad::State alone;
  EidoImportReport single;
  auto imported = import_eido_into(alone, decider_, documents[0], actor("importer"), nullptr, &single);
  ASSERT_TRUE(imported.ok()) << imported.error().to_string();
  EXPECT_EQ(alone.incidents.at(*imported).status, IncidentStatus::kAccepting);
  ASSERT_EQ(single.skipped.size(), 2u);
  EXPECT_NE(single.skipped[0].find("neither in the import nor in this state"), std::string::npos)
      << single.skipped[0] << " / " << single.skipped[1];
}

TEST_F(EidoRoundTrip, ALinkToAnIncidentOfTheReceivingStateIsRecreated) {
  using namespace cad;
  const auto who = actor("dp-li");
  for (double t : {1.0, 2.0})
    ASSERT_TRUE(execute(decider_, original_, CreateIncident{CallId(), "x", "", 0}, who, at(t)).ok());
  const IncidentId a = original_.incidents.begin()->first;
  const IncidentId b = std::next(original_.incidents.begin())->first;
  ASSERT_TRUE(execute(decider_, original_, LinkIncidents{a, b, "线索"}, who, at(5)).ok());
  // The receiving state holds b under the same id (a re-import into the same centre).
  cad::State target;
  ASSERT_TRUE(execute(decider_, target, CreateIncident{CallId(), "x", "", 0}, who, at(1)).ok());
  ASSERT_TRUE(execute(decider_, target, CreateIncident{CallId(), "x", "", 0}, who, at(2)).ok());
  auto eido = export_eido(original_, a, taxonomy_, testing::context());
  ASSERT_TRUE(eido.ok());
  auto imported = import_eido_into(target, decider_, *eido, actor("importer"), nullptr);
  ASSERT_TRUE(imported.ok()) << imported.error().to_string();
  const auto& links = target.incidents.at(*imported).links;
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].other, b);
  EXPECT_EQ(links[0].reason, "线索");
  EXPECT_EQ(links[0].by, "dp-li");
}

}  // namespace
}  // namespace shouwang::exchange
