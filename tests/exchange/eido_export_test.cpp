// The exported document as a receiver sees it: the members NENA-STA-021 requires, every
// reference resolving inside the document, registry values, NENA time stamps, PIDF-LO
// locations and HTML notes.

#include <functional>
#include <set>

#include <gtest/gtest.h>

#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "cad/cad_fixture.h"
#include "exchange/eido_fixture.h"

namespace shouwang::exchange {
namespace {

using nlohmann::json;

class EidoExport : public ::testing::Test {
 protected:
  const cad::Taxonomy& taxonomy_ = cad::testing::shipped_taxonomy();
  cad::Decider decider_{cad::testing::test_centre(), taxonomy_};
  cad::State state_;
  IncidentId id_;
  json doc_;

  void SetUp() override {
    id_ = testing::build_rich_incident(decider_, state_);
    auto text = export_eido(state_, id_, taxonomy_, testing::context());
    ASSERT_TRUE(text.ok()) << text.error().to_string();
    doc_ = json::parse(*text);
  }
};

TEST_F(EidoExport, TheDocumentHasTheRequiredMembers) {
  EXPECT_EQ(doc_["$id"], "urn:emergency:uid:incidentid:" + cad::to_string(id_) + ":psap.310100.example.cn");
  EXPECT_EQ(doc_["eidoVersion"], "1.0");
  EXPECT_EQ(doc_["issuingElementIdentification"], "cad.psap.310100.example.cn");
  EXPECT_EQ(doc_["eidoExtensionId"], json::array({std::string(kEidoExtensionId)}));
  const json& incident = doc_["incidentComponent"];
  EXPECT_EQ(incident["incidentTypeCommonRegistryText"], "LAW.BURGLARY.RESIDENTIAL");
  EXPECT_EQ(incident["incidentTypeInternalCode"], "010501");
  EXPECT_EQ(incident["incidentStatusCommonRegistryText"], json::array({"Closed"}));
  EXPECT_EQ(incident["incidentStatusInternalText"], json::array({"archived"}));
  EXPECT_EQ(incident["incidentCommonPriorityNumber"], 1);
  EXPECT_EQ(incident["beatOrDispatchGroupText"], "310101520000");
  EXPECT_EQ(incident["dispositionComponent"][0]["dispositionCommonRegistryCode"], "MEDIATED");
  // Every component has the prologue NENA-STA-021 requires.
  for (const auto& [name, value] : doc_.items()) {
    if (!value.is_array() || name == "eidoExtensionId")
      continue;
    for (const json& component : value) {
      EXPECT_TRUE(component.contains("$id")) << name;
      EXPECT_TRUE(component.contains("lastUpdateTimeStamp")) << name;
      EXPECT_TRUE(component.contains("updatedByAgencyReference")) << name;
    }
  }
  for (const json& r : doc_["emergencyResourceComponent"]) {
    for (const char* member : {"agentReference", "emergencyResourceTypeCommonRegistryText",
                               "primaryUnitStatusRegistryText", "resourceAttributeRegistryText",
                               "secondaryUnitStatusRegistryText"})
      EXPECT_TRUE(r.contains(member)) << member;
  }
  for (const json& c : doc_["callComponent"]) {
    for (const char* member : {"callStateRegistryText", "standardPrimaryCallType", "direction", "callStartTimestamp"})
      EXPECT_TRUE(c.contains(member)) << member;
  }
}

TEST_F(EidoExport, EveryReferenceResolvesInsideTheDocument) {
  std::set<std::string> ids;
  for (const auto& [name, value] : doc_.items()) {
    if (value.is_array()) {
      for (const json& component : value) {
        if (component.is_object()) {
          EXPECT_TRUE(ids.insert(component["$id"].get<std::string>()).second) << component["$id"];
        }
      }
    }
  }
  std::size_t references = 0;
  std::function<void(const json&)> walk = [&](const json& v) {
    if (v.is_object()) {
      if (v.contains("$ref")) {
        ++references;
        EXPECT_TRUE(ids.count(v["$ref"].get<std::string>())) << v["$ref"];
      }
      for (const auto& [k, child] : v.items())
        walk(child);
    } else if (v.is_array()) {
      for (const json& child : v)
        walk(child);
    }
  };
  walk(doc_);
  EXPECT_GT(references, 50u);
}

TEST_F(EidoExport, TimesAreNenaTimeStampsInTheCentresOffset) {
  const std::string start = doc_["callComponent"][0]["callStartTimestamp"];
  EXPECT_EQ(start, "2026-11-22T07:59:37.000000+08:00");  // 2026-11-21T23:59:37Z
  EXPECT_TRUE(doc_["lastUpdateTimeStamp"].get<std::string>().ends_with("+08:00"));
}

TEST_F(EidoExport, LocationsArePidfLoWithTheirUncertaintyAndTheConfirmedOneIsMarked) {
  const json& locations = doc_["locationComponent"];
  ASSERT_EQ(locations.size(), 3u);
  const std::string caller = locations[0]["locationByValue"];
  EXPECT_NE(caller.find("<ca:LOC>人民路12号3楼</ca:LOC>"), std::string::npos);
  EXPECT_EQ(caller.find("gml:pos"), std::string::npos);
  const std::string fix = locations[1]["locationByValue"];
  EXPECT_NE(fix.find("<gml:pos>31.2335 121.4721</gml:pos>"), std::string::npos);
  EXPECT_NE(fix.find(">12.5</gs:radius>"), std::string::npos);
  EXPECT_NE(fix.find("<gp:method>GPS</gp:method>"), std::string::npos);
  EXPECT_EQ(locations[1]["locationTypeDescriptionRegistryText"], "Caller");
  EXPECT_EQ(doc_["incidentComponent"]["shouwang"]["confirmedLocation"]["$ref"], locations[1]["$id"]);
  EXPECT_TRUE(locations[1]["shouwang"].contains("confirmedBy"));
}

TEST_F(EidoExport, NotesAreHtmlAndCarryTheirAuthor) {
  bool found = false;
  for (const json& note : doc_["notesComponent"]) {
    const std::string text = note["notesActionComments"];
    EXPECT_EQ(text.find('<'), std::string::npos) << text;
    if (text.find("&lt;约30岁&gt;") != std::string::npos) {
      found = true;
      EXPECT_EQ(note["agentReference"]["$ref"], "ct-wang@psap.310100.example.cn");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EidoExport, OrdersCarryUnitStatusesAndTheirDispatch) {
  const json& resources = doc_["emergencyResourceComponent"];
  ASSERT_EQ(resources.size(), 5u);
  EXPECT_EQ(resources[0]["emergencyResourceTypeInternalText"], "station");
  EXPECT_EQ(resources[0]["secondaryUnitStatusRegistryText"], json::array({"AssignmentCanceled"}));
  EXPECT_EQ(resources[2]["secondaryUnitStatusRegistryText"], json::array({"Cleared"}));
  EXPECT_EQ(resources[2]["primaryUnitStatusRegistryText"], "Available");
  EXPECT_EQ(resources[2]["shouwang"]["parent"]["$ref"], resources[0]["$id"]);
  EXPECT_EQ(doc_["dispatchComponent"].size(), 5u);
  EXPECT_EQ(doc_["dispatchComponent"][0]["emergencyResourceReference"][0]["$ref"], resources[0]["$id"]);
}

TEST_F(EidoExport, BadContextsAndUnknownIncidentsAreRefused) {
  EidoContext c = testing::context();
  c.agency_id.clear();
  EXPECT_EQ(export_eido(state_, id_, taxonomy_, c).error().field, "agency_id");
  c = testing::context();
  c.utc_offset_minutes = 15 * 60;
  EXPECT_EQ(export_eido(state_, id_, taxonomy_, c).error().field, "utc_offset_minutes");
  const auto missing = export_eido(state_, *cad::parse_incident_id("310100-20261122-000099"), taxonomy_,
                                   testing::context());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST_F(EidoExport, TheSameStateGivesTheSameText) {
  EXPECT_EQ(*export_eido(state_, id_, taxonomy_, testing::context()),
            *export_eido(state_, id_, taxonomy_, testing::context()));
}

}  // namespace
}  // namespace shouwang::exchange
