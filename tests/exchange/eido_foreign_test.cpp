// An EIDO from another system, without our extension, shaped like the NENA samples: its
// standard fields are imported, what it lacks is filled in as the domain requires, and
// what cannot be imported is reported.

#include <gtest/gtest.h>

#include <shouwang/cad/invariants.h>
#include <shouwang/exchange/eido.h>

#include "cad/cad_fixture.h"

namespace shouwang::exchange {
namespace {

constexpr const char* kForeign = R"({
  "$id": "urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us",
  "lastUpdateTimeStamp": "2021-04-30T18:50:00.0Z",
  "updatedByAgencyReference": {"$ref": "state.pa.us"},
  "eidoVersion": "1.0",
  "issuingElementIdentification": "idx.state.pa.us",
  "incidentComponent": {
    "$id": "incident-1",
    "lastUpdateTimeStamp": "2021-04-30T18:45:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"},
    "incidentTypeInternalCode": "10-101",
    "incidentTypeCommonRegistryText": "LAW.ROBBERY",
    "incidentStatusCommonRegistryText": ["Active"],
    "incidentCommonPriorityNumber": 1,
    "agentReference": [{"$ref": "tjones.atroop@state.pa.us"}],
    "locationReference": [{"$ref": "loc-civic"}, {"$ref": "loc-url"}],
    "personReference": [{"$ref": "person-caller"}],
    "notesReference": [{"$ref": "note-1"}],
    "dispositionComponent": [{"$id": "disp-1", "lastUpdateTimeStamp": "2021-04-30T18:45:00.0Z",
      "updatedByAgencyReference": {"$ref": "state.pa.us"}, "dispositionCommonRegistryCode": "NO_SUCH_CODE"}]
  },
  "callComponent": [{
    "$id": "urn:emergency:uid:callid:a56e556d871:bcf.state.pa.us",
    "lastUpdateTimeStamp": "2021-04-30T18:42:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"},
    "standardPrimaryCallType": "emergency",
    "direction": "incoming",
    "callStartTimestamp": "2021-04-30T18:40:00.0Z",
    "answerDate": "2021-04-30T18:42:00.0Z",
    "callStateRegistryText": "callAnswered",
    "callBackReference": {"$ref": "callback-1"},
    "agentReference": [{"$ref": "tjones.atroop@state.pa.us"}],
    "personReference": [{"$ref": "person-caller"}]
  }],
  "callbackComponent": [{"$id": "callback-1", "lastUpdateTimeStamp": "2021-04-30T18:40:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"}, "callBackInformationUri": ["tel:8195551212"]}],
  "locationComponent": [
    {"$id": "loc-civic", "lastUpdateTimeStamp": "2021-04-30T18:43:00.0-04:00",
     "updatedByAgencyReference": {"$ref": "state.pa.us"},
     "locationTypeDescriptionRegistryText": "Caller",
     "locationByValue": "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" xmlns:gml=\"http://www.opengis.net/gml\"><tuple id=\"a\"><status><gp:geopriv><gp:location-info><gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>40.441345 -80.000266</gml:pos></gml:Point><civicAddress xmlns=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\"><country>US</country><LOC>Rear entrance &amp; loading dock</LOC></civicAddress></gp:location-info><gp:method>GPS</gp:method></gp:geopriv></status><timestamp>2021-04-30T18:41:30Z</timestamp></tuple></presence>"},
    {"$id": "loc-url", "lastUpdateTimeStamp": "2021-04-30T18:40:30.0Z",
     "updatedByAgencyReference": {"$ref": "state.pa.us"},
     "locationTypeDescriptionRegistryText": "Caller",
     "locationByReferenceUrl": "https://lrf.osp.example/abc"}
  ],
  "personComponent": [{"$id": "person-caller", "lastUpdateTimeStamp": "2021-04-30T18:42:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"},
    "personIncidentRoleRegistryText": ["Caller"],
    "ncPersonComponent": {"name": [{"personFullName": "Pat Doe"}]},
    "callBackReference": {"$ref": "callback-1"}}],
  "notesComponent": [{"$id": "note-1", "lastUpdateTimeStamp": "2021-04-30T18:44:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"},
    "notesActionComments": "Suspect fled on foot &lt;north&gt;", "agentReference": {"$ref": "tjones.atroop@state.pa.us"}}],
  "emergencyResourceComponent": [{"$id": "unit-12", "lastUpdateTimeStamp": "2021-04-30T18:48:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"},
    "emergencyResourceTypeCommonRegistryText": "Law Enforcement", "resourceAttributeRegistryText": [],
    "emergencyResourceName": "Car 12", "primaryUnitStatusRegistryText": "NotAvailable",
    "secondaryUnitStatusRegistryText": ["EnRoute"], "agentReference": [{"$ref": "tjones.atroop@state.pa.us"}]}],
  "dispatchComponent": [{"$id": "dispatch-1", "lastUpdateTimeStamp": "2021-04-30T18:46:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"}, "agentReference": {"$ref": "tjones.atroop@state.pa.us"},
    "emergencyResourceReference": [{"$ref": "unit-12"}]}],
  "agencyComponent": [{"$id": "state.pa.us", "lastUpdateTimeStamp": "2021-04-30T18:40:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"}, "agencyRoleDescriptionRegistryText": ["CallReceiving"],
    "agencyType": ["psap"]}],
  "agentComponent": [{"$id": "tjones.atroop@state.pa.us", "lastUpdateTimeStamp": "2021-04-30T18:42:00.0Z",
    "updatedByAgencyReference": {"$ref": "state.pa.us"}, "agentRoleRegistryText": ["Call Taking"],
    "agencyReference": {"$ref": "state.pa.us"}}]
})";

TEST(EidoForeign, TheStandardFieldsOfAnotherSystemsEidoAreImported) {
  const cad::Taxonomy& taxonomy = cad::testing::shipped_taxonomy();
  const cad::Decider decider(cad::testing::test_centre(), taxonomy);
  cad::State state;
  EidoImportReport report;
  auto id = import_eido_into(state, decider, kForeign, cad::testing::actor("importer", "admin"), nullptr, &report);
  ASSERT_TRUE(id.ok()) << id.error().to_string();
  EXPECT_TRUE(cad::check_invariants(state).ok());
  const cad::Incident& incident = state.incidents.at(*id);
  // The sender's own code means nothing here: the local type with common type LAW.ROBBERY.
  EXPECT_EQ(incident.type_code, "0103");
  EXPECT_EQ(incident.priority, 1);
  EXPECT_EQ(incident.status, cad::IncidentStatus::kUnitsOut);
  EXPECT_EQ(incident.created_by, "tjones.atroop");
  EXPECT_EQ(incident.times.created, *UtcTime::parse_iso8601("2021-04-30T18:42:00Z"));

  ASSERT_EQ(incident.calls.size(), 1u);
  const cad::Call& call = state.calls.at(incident.calls[0]);
  EXPECT_EQ(call.caller_number, "8195551212");
  EXPECT_EQ(call.caller_name, "Pat Doe");
  EXPECT_EQ(call.started_at, *UtcTime::parse_iso8601("2021-04-30T18:40:00Z"));

  ASSERT_EQ(incident.location.candidates.size(), 1u);
  const cad::LocationCandidate& location = incident.location.candidates[0];
  EXPECT_EQ(location.source, cad::LocationSource::kHandsetGnss);
  ASSERT_TRUE(location.position);
  EXPECT_DOUBLE_EQ(location.position->lat, 40.441345);
  EXPECT_DOUBLE_EQ(location.position->lon, -80.000266);
  EXPECT_EQ(location.text, "Rear entrance & loading dock");
  EXPECT_EQ(location.observed_at, *UtcTime::parse_iso8601("2021-04-30T18:41:30Z"));

  ASSERT_EQ(incident.notes.size(), 1u);
  EXPECT_EQ(incident.notes[0].text, "Suspect fled on foot <north>");
  ASSERT_EQ(incident.persons.size(), 1u);
  EXPECT_EQ(incident.persons[0].role, cad::PersonRole::kCaller);
  EXPECT_EQ(incident.persons[0].fields.at("name").value, "Pat Doe");
  EXPECT_EQ(incident.persons[0].fields.at("phone").value, "8195551212");

  ASSERT_EQ(incident.orders.size(), 1u);
  const cad::Order& order = state.orders.at(incident.orders[0]);
  EXPECT_EQ(order.target.id, "Car 12");
  EXPECT_EQ(order.status, cad::OrderStatus::kEnRoute);
  EXPECT_EQ(order.times.issued, *UtcTime::parse_iso8601("2021-04-30T18:46:00Z"));

  // Reported, not silently dropped: the location by reference and the unknown disposition.
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_NE(report.skipped[0].find("NO_SUCH_CODE"), std::string::npos);
  EXPECT_NE(report.skipped[1].find("/locationComponent/1"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::exchange
