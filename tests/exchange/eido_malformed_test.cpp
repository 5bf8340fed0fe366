// Malformed EIDO documents: each is refused with an error naming the JSON pointer of the
// offending member, and a refused import leaves the state and the event list as they were.

#include <gtest/gtest.h>

#include <shouwang/cad/state_codec.h>
#include <shouwang/exchange/eido.h>

#include "cad/cad_fixture.h"
#include "exchange/eido_fixture.h"

namespace shouwang::exchange {
namespace {

using nlohmann::json;

class EidoMalformed : public ::testing::Test {
 protected:
  const cad::Taxonomy& taxonomy_ = cad::testing::shipped_taxonomy();
  cad::Decider decider_{cad::testing::test_centre(), taxonomy_};
  cad::State source_;
  json document_;

  void SetUp() override {
    const IncidentId id = testing::build_rich_incident(decider_, source_);
    document_ = json::parse(*export_eido(source_, id, taxonomy_, testing::context()));
  }

  // Imports `text` into a state that already holds an incident; expects a refusal naming
  // `field` and nothing changed.
  Error refused_text(const std::string& text, const std::string& field) {
    cad::State state;
    testing::build_rich_incident(decider_, state, 9000);
    const std::string before = cad::serialize_state(state);
    std::vector<store::EventDraft> events(1);
    auto result = import_eido_into(state, decider_, text, cad::testing::actor("importer"), &events);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(cad::serialize_state(state), before);
    EXPECT_EQ(events.size(), 1u);
    if (result.ok())
      return {};
    EXPECT_EQ(result.error().field, field) << result.error().to_string();
    EXPECT_FALSE(result.error().message.empty());
    return result.error();
  }
  Error refused(const json& doc, const std::string& field) { return refused_text(doc.dump(), field); }
};

TEST_F(EidoMalformed, TextThatIsNotJsonIsRefused) {
  const Error e = refused_text("{\"$id\": \"x\", ", "");
  EXPECT_EQ(e.code, Errc::kInvalidArgument);
  EXPECT_NE(e.message.find("not JSON"), std::string::npos);
  refused_text("", "");
  refused_text("\xff\xfe", "");
}

TEST_F(EidoMalformed, ADocumentThatIsNotAnObjectIsRefused) {
  refused(json::array({1, 2}), "");
  refused(json("EIDO"), "");
}

TEST_F(EidoMalformed, MissingRequiredMembersAreNamed) {
  json doc = document_;
  doc.erase("incidentComponent");
  EXPECT_NE(refused(doc, "/incidentComponent").message.find("missing"), std::string::npos);
  doc = document_;
  doc.erase("$id");
  refused(doc, "/$id");
  doc = document_;
  doc.erase("eidoVersion");
  refused(doc, "/eidoVersion");
  doc = document_;
  doc["incidentComponent"].erase("incidentTypeCommonRegistryText");
  refused(doc, "/incidentComponent/incidentTypeCommonRegistryText");
  doc = document_;
  doc["callComponent"][1].erase("callStartTimestamp");
  refused(doc, "/callComponent/1/callStartTimestamp");
  doc = document_;
  doc["notesComponent"][0].erase("$id");
  refused(doc, "/notesComponent/0/$id");
}

TEST_F(EidoMalformed, WrongTypesAreNamed) {
  json doc = document_;
  doc["incidentComponent"]["incidentTypeCommonRegistryText"] = 17;
  EXPECT_NE(refused(doc, "/incidentComponent/incidentTypeCommonRegistryText").message.find("must be a string"),
            std::string::npos);
  doc = document_;
  doc["callComponent"] = json::object();
  refused(doc, "/callComponent");
  doc = document_;
  doc["incidentComponent"]["locationReference"][0] = "a string, not a reference";
  refused(doc, "/incidentComponent/locationReference/0");
  doc = document_;
  doc["eidoVersion"] = "2.0";
  refused(doc, "/eidoVersion");
  doc = document_;
  doc["incidentComponent"]["incidentPriorityInternalText"] = "9";
  refused(doc, "/incidentComponent/incidentPriorityInternalText");
}

TEST_F(EidoMalformed, TheIncidentComponentMayBeASingleElementArray) {
  json doc = document_;
  doc["incidentComponent"] = json::array({doc["incidentComponent"]});
  cad::State state;
  ASSERT_TRUE(import_eido_into(state, decider_, doc.dump(), cad::testing::actor("importer"), nullptr).ok());
  doc["incidentComponent"][0].erase("incidentTypeCommonRegistryText");
  refused(doc, "/incidentComponent/0/incidentTypeCommonRegistryText");
  doc["incidentComponent"].push_back(json::object());
  refused(doc, "/incidentComponent");
}

TEST_F(EidoMalformed, ReferencesToUnknownComponentsAreNamed) {
  json doc = document_;
  doc["incidentComponent"]["notesReference"][0]["$ref"] = "urn:nowhere";
  EXPECT_NE(refused(doc, "/incidentComponent/notesReference/0/$ref").message.find("urn:nowhere"),
            std::string::npos);
  doc = document_;
  doc["callComponent"][0]["agentReference"][0]["$ref"] = doc["notesComponent"][0]["$id"];
  EXPECT_NE(refused(doc, "/callComponent/0/agentReference/0/$ref").message.find("agentComponent"),
            std::string::npos);
  doc = document_;
  doc["notesComponent"][1]["$id"] = doc["notesComponent"][0]["$id"];
  refused(doc, "/notesComponent/1/$id");
}

TEST_F(EidoMalformed, BadValuesInsideComponentsAreNamed) {
  json doc = document_;
  doc["callComponent"][0]["callStartTimestamp"] = "2026-11-22 08:00";
  EXPECT_NE(refused(doc, "/callComponent/0/callStartTimestamp").message.find("time stamp"), std::string::npos);
  doc = document_;
  doc["locationComponent"][1]["locationByValue"] = "<presence><gml:pos>north east</gml:pos></presence>";
  refused(doc, "/locationComponent/1/locationByValue");
  doc = document_;
  doc["incidentComponent"]["incidentTypeInternalCode"] = "9999";
  EXPECT_NE(refused(doc, "/incidentComponent/incidentTypeInternalCode").message.find("taxonomy"),
            std::string::npos);
  doc = document_;
  doc["emergencyResourceComponent"][0]["shouwang"]["history"][0]["to"] = "teleported";
  refused(doc, "/emergencyResourceComponent/0/shouwang/history/0/to");
}

TEST_F(EidoMalformed, ARefusalOfTheDomainNamesTheComponentAndChangesNothing) {
  // A location outside the earth: well-formed JSON and PIDF-LO, refused by the domain.
  json doc = document_;
  std::string pidf = doc["locationComponent"][1]["locationByValue"];
  pidf.replace(pidf.find("<gml:pos>") + 9, 2, "99");
  doc["locationComponent"][1]["locationByValue"] = pidf;
  const Error e = refused(doc, "/locationComponent/1");
  EXPECT_EQ(e.code, Errc::kInvalidArgument);
  EXPECT_NE(e.message.find("add_location_candidate"), std::string::npos);
  // A step the lifecycle forbids: signing for an order twice.
  doc = document_;
  auto& history = doc["emergencyResourceComponent"][0]["shouwang"]["history"];
  history.push_back(history[0]);
  const Error twice = refused(doc, "/emergencyResourceComponent/0/shouwang/history/" +
                                       std::to_string(history.size() - 1));
  EXPECT_EQ(twice.code, Errc::kConflict);
}

TEST_F(EidoMalformed, ABatchIsAllOrNothing) {
  json bad = document_;
  bad["$id"] = "urn:emergency:uid:incidentid:other:psap.example";
  bad["incidentComponent"]["incidentTypeInternalCode"] = "9999";
  const std::vector<std::string> documents = {document_.dump(), bad.dump()};
  cad::State state;
  std::vector<store::EventDraft> events;
  auto result = import_eido_batch(state, decider_, documents, cad::testing::actor("importer"), &events);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "/incidentComponent/incidentTypeInternalCode");
  EXPECT_NE(result.error().message.find("document 1"), std::string::npos);
  EXPECT_TRUE(state.incidents.empty());
  EXPECT_TRUE(events.empty());
}

}  // namespace
}  // namespace shouwang::exchange
