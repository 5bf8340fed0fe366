#pragma once
// NENA Emergency Incident Data Object (EIDO, NENA-STA-021, JSON) export and import.
//
// export_eido() writes one incident as an EIDO document: its calls, location candidates,
// cautions, notes, persons, vehicles, dispatch orders (as emergency resources), disposition,
// links and merges. Fields that EIDO has a place for go there, mapped to the EIDO
// registries; what EIDO has no place for (our own codes, step times, status history,
// verification marks) travels in a "shouwang" member of the component it belongs to, and
// the document lists kEidoExtensionId in eidoExtensionId. docs/eido.md has the mapping.
//
// Importing never writes events by hand: import_eido() turns a document into the domain
// commands that recreate the incident, each with the time and the user of the original
// act, and import_eido_into() runs them through Decider::decide() and apply() in time
// order, so an imported incident obeys every rule of the domain. A document exported here
// and imported into another state gives an incident equal to the original in every field
// but its ids (new ids are assigned by the receiving state); docs/eido.md lists what is not
// carried. Documents from other systems are imported as far as their standard fields go.
//
// Errors are kInvalidArgument values whose `field` is the JSON pointer of the offending
// member ("/incidentComponent/incidentTypeCommonRegistryText",
// "/callComponent/0/agentReference/0/$ref"); a refusal by the domain while importing keeps
// its code and names the component that caused it. A failed import leaves the state as it
// was. Pure functions over their inputs; no I/O, clock or threads.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/commands.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/store/event.h>

namespace shouwang::exchange {

inline constexpr std::string_view kEidoVersion = "1.0";
// Names the "shouwang" members in eidoExtensionId (not a registered EIDO extension).
inline constexpr std::string_view kEidoExtensionId = "cn.shouwang.cad.1";

// Who is exporting: the exporting centre as an EIDO agency.
struct EidoContext {
  std::string agency_id;    // NENA agency identifier, e.g. "psap.shanghai.example.cn"
  std::string agency_name;  // written into the agency's jCard
  cad::Centre centre;       // the centre whose state is exported
  std::int32_t utc_offset_minutes = 480;  // time stamps are written with this offset
  std::string sender;       // issuingElementIdentification: the element that made the EIDO
};

// The EIDO document (UTF-8 JSON text) for `incident`. kNotFound when the state has no such
// incident; kInvalidArgument when the context lacks an agency id or sender or its offset is
// outside ±14 h. Deterministic: the same state gives the same text.
[[nodiscard]] Result<std::string> export_eido(const cad::State& state, IncidentId incident,
                                              const cad::Taxonomy& taxonomy,
                                              const EidoContext& context);

// ---- import ----------------------------------------------------------------------------

// A record an import command creates. Commands refer to records created earlier in the
// same import by placeholder ids (see is_placeholder); running the command maps the
// placeholder to the id the receiving state assigns.
struct EidoCreated {
  enum class Kind : std::uint8_t { kCall, kIncident, kOrder };
  Kind kind = Kind::kCall;
  std::uint64_t placeholder = 0;  // the packed placeholder id
  std::string key;                // the record's id in the document (our id text when ours)
};

// One step of the import: a domain command with the time and user of the original act.
struct EidoCommand {
  cad::Command command;
  UtcTime at;
  std::string user;   // the original actor; empty when the document does not say
  std::string field;  // JSON pointer of the component the command comes from
  std::vector<EidoCreated> creates;  // in the order the command's events create them
  // A relation to an incident outside the document (link, merge) and what can only follow
  // it: the runner skips it (and reports it) when the domain refuses it.
  bool optional = false;
  // For LinkIncidents / MergeIncident: the other incident's EIDO tracking identifier,
  // resolved when the command runs (an incident of the same batch, or one in the state).
  std::string other_incident;
};

// Placeholder ids have division 0 and day `document` (0, 1, ... within a batch) and the
// serial of the record in its document; real centres have a nonzero division code.
[[nodiscard]] bool is_placeholder(std::uint64_t packed_id);

// Another incident the document says was merged into this one. The merge is recreated
// from that incident's own document (where it is REPLACED), when it is imported too.
struct EidoMergedFrom {
  std::string tracking_id;
  std::string field;  // JSON pointer of the merge component
};

struct EidoImport {
  std::string tracking_id;  // the document's $id: the incident tracking identifier
  std::vector<EidoCommand> commands;  // in execution order (time, then dependency rank)
  std::vector<EidoMergedFrom> merged_from;
  std::vector<std::string> skipped;   // what the document holds that cannot be imported
};

// The commands that recreate the document's incident. `document` numbers the document
// within a batch (its placeholders use it as their day). Fails on malformed documents:
// not JSON, wrong member types, missing required members, references to components that
// are not in the document, values no domain command accepts (an unknown type code ...).
[[nodiscard]] Result<EidoImport> import_eido(std::string_view json, const cad::Taxonomy& taxonomy,
                                             std::uint32_t document = 0);

// What an import did, beyond the new incident's id.
struct EidoImportReport {
  std::vector<IncidentId> incidents;                // one per document, in document order
  std::map<std::string, std::string> ids;           // document record key -> new id text
  std::vector<std::string> skipped;                 // not carried, each naming its pointer
};

// Imports one document into `state`: runs its commands through `decider` and apply() and
// appends the events to `*events_out` (when given) for the caller to write to the log.
// The importing actor's role and workstation go with every command; its user stands in
// where the document names no agent. On any failure `state` and `*events_out` are left as
// they were.
[[nodiscard]] Result<IncidentId> import_eido_into(cad::State& state, const cad::Decider& decider,
                                                  std::string_view json,
                                                  const store::Actor& actor,
                                                  std::vector<store::EventDraft>* events_out,
                                                  EidoImportReport* report = nullptr);

// Imports several documents together, their acts interleaved in time order, so that links
// and merges between them are recreated as they happened. All or nothing, as above: the
// commands run against a copy of `state`, which replaces it only when all succeeded.
[[nodiscard]] Result<EidoImportReport> import_eido_batch(
    cad::State& state, const cad::Decider& decider, std::span<const std::string> documents,
    const store::Actor& actor, std::vector<store::EventDraft>* events_out);

}  // namespace shouwang::exchange
