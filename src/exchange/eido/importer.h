#pragma once
// The working state of one import: the document, the commands planned so far with the
// rank that orders acts recorded at the same instant, and what could not be carried.
// Records the commands create are named by placeholder ids (eido.h).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/exchange/eido.h>

#include "exchange/eido/document.h"
#include "exchange/eido/niem_fields.h"

namespace shouwang::exchange::eido {

// Dependency ranks: among acts at the same instant, a lower rank runs first.
namespace rank {
inline constexpr int kReceiveCall = 0;
inline constexpr int kCreateIncident = 1;
inline constexpr int kClassify = 2;  // station and disposition known from the start
inline constexpr int kMergeCall = 3;
inline constexpr int kAccept = 4;
inline constexpr int kDetail = 5;   // locations, cautions, notes, persons, vehicles
inline constexpr int kConfirm = 6;  // location confirmations, verified fields
inline constexpr int kIssue = 7;
inline constexpr int kAcknowledge = 8;
inline constexpr int kSignFor = 9;
inline constexpr int kSplit = 10;
inline constexpr int kEnRoute = 11;
inline constexpr int kArrive = 12;
inline constexpr int kFeedback = 13;
inline constexpr int kEndOrder = 14;
inline constexpr int kReissue = 15;
inline constexpr int kLink = 16;
inline constexpr int kEndIncident = 17;  // close, cancel, transfer, merge
inline constexpr int kLateType = 18;
inline constexpr int kTerminate = 19;
inline constexpr int kArchive = 20;
}  // namespace rank

class Importer {
 public:
  Importer(const Document& document, const cad::Taxonomy& taxonomy, std::uint32_t number);

  const Document& doc;
  const cad::Taxonomy& taxonomy;
  const std::uint32_t number;   // the document's number in its batch
  const Node incident;          // the incident component
  const std::optional<Node> ext;  // its "shouwang" member: the document is one of ours

  UtcTime created_at;
  std::string creator;
  std::string created_type;           // the type the incident is created with
  std::string disposition;            // our code, empty when none
  std::string late_type;              // a type set after the scene closed
  std::vector<UtcTime> incident_ends;  // times the incident closed, cancelled, transferred
  std::vector<std::string> skipped;
  std::vector<EidoMergedFrom> merged_from;

  [[nodiscard]] IncidentId incident_id() const;  // the incident's placeholder
  [[nodiscard]] CallId call_id(std::size_t index) const;
  [[nodiscard]] OrderId order_id(std::size_t index) const;

  // Plans a command; returns it for the caller to complete (creates, optional, other).
  // Acts of the incident are never planned before its creation.
  EidoCommand& add(cad::Command command, UtcTime at, std::string user, const Node& from, int rank);
  void skip(const Node& where, const std::string& what);

  // The planned commands in execution order.
  [[nodiscard]] std::vector<EidoCommand> commands() const;

 private:
  struct Planned {
    EidoCommand command;
    int rank;
    std::size_t seq;
  };
  std::vector<Planned> planned_;
};

// import_incident.cpp: the incident, its calls, classification and lifecycle.
void import_incident(Importer& im);
void import_lifecycle(Importer& im);
// import_details.cpp
void import_details(Importer& im);
// import_orders.cpp
void import_orders(Importer& im);

// The string at `path` below a NIEM object; nullopt when a step is absent.
std::optional<std::string> niem_value(const Node& root, const NiemPath& path);

// The text of a notes component (HTML5 unescaped).
std::string note_text(const Node& note);

// Rank of a planned command, for merging the commands of several documents.
int rank_of(const EidoCommand& command);

}  // namespace shouwang::exchange::eido
