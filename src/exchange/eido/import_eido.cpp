// import_eido(): parse, index, plan the commands; and the planning state they share.

#include <algorithm>
#include <type_traits>

#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/importer.h"
#include "exchange/eido/markup.h"

namespace shouwang::exchange {
namespace eido {

Importer::Importer(const Document& document, const cad::Taxonomy& t, std::uint32_t n)
    : doc(document), taxonomy(t), number(n), incident(document.incident()),
      ext(incident.find(kExt)) {}

IncidentId Importer::incident_id() const {
  return cad::make_incident_id({0, static_cast<std::int32_t>(number), 1});
}

CallId Importer::call_id(std::size_t index) const {
  return cad::make_call_id({0, static_cast<std::int32_t>(number), static_cast<std::uint32_t>(index + 1)});
}

OrderId Importer::order_id(std::size_t index) const {
  return cad::make_order_id({0, static_cast<std::int32_t>(number), static_cast<std::uint32_t>(index + 1)});
}

EidoCommand& Importer::add(cad::Command command, UtcTime at, std::string user, const Node& from,
                           int rank) {
  if (rank >= rank::kCreateIncident && at < created_at)
    at = created_at;
  EidoCommand c;
  c.command = std::move(command);
  c.at = at;
  c.user = std::move(user);
  c.field = from.pointer();
  planned_.push_back({std::move(c), rank, planned_.size()});
  return planned_.back().command;
}

void Importer::skip(const Node& where, const std::string& what) {
  skipped.push_back(where.pointer() + ": " + what);
}

std::vector<EidoCommand> Importer::commands() const {
  std::vector<const Planned*> order;
  order.reserve(planned_.size());
  for (const Planned& p : planned_)
    order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const Planned* a, const Planned* b) {
    if (a->command.at != b->command.at)
      return a->command.at < b->command.at;
    if (a->rank != b->rank)
      return a->rank < b->rank;
    return a->seq < b->seq;
  });
  std::vector<EidoCommand> out;
  out.reserve(order.size());
  for (const Planned* p : order)
    out.push_back(p->command);
  return out;
}

std::string note_text(const Node& note) {
  return unescape_markup(note.at("notesActionComments").string());
}

int rank_of(const EidoCommand& command) {
  return std::visit(
      [](const auto& c) -> int {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, cad::ReceiveCall>)
          return rank::kReceiveCall;
        else if constexpr (std::is_same_v<T, cad::CreateIncident>)
          return rank::kCreateIncident;
        else if constexpr (std::is_same_v<T, cad::AssignStation> || std::is_same_v<T, cad::SetDisposition>)
          return rank::kClassify;
        else if constexpr (std::is_same_v<T, cad::MergeCall>)
          return rank::kMergeCall;
        else if constexpr (std::is_same_v<T, cad::AcceptIncident>)
          return rank::kAccept;
        else if constexpr (std::is_same_v<T, cad::ConfirmLocation> || std::is_same_v<T, cad::VerifyField>)
          return rank::kConfirm;
        else if constexpr (std::is_same_v<T, cad::IssueOrder>)
          return c.reissue_of.valid() ? rank::kReissue : rank::kIssue;
        else if constexpr (std::is_same_v<T, cad::AcknowledgeOrder>)
          return rank::kAcknowledge;
        else if constexpr (std::is_same_v<T, cad::SignFor>)
          return rank::kSignFor;
        else if constexpr (std::is_same_v<T, cad::SplitOrder>)
          return rank::kSplit;
        else if constexpr (std::is_same_v<T, cad::EnRoute>)
          return rank::kEnRoute;
        else if constexpr (std::is_same_v<T, cad::Arrive>)
          return rank::kArrive;
        else if constexpr (std::is_same_v<T, cad::GiveFeedback>)
          return rank::kFeedback;
        else if constexpr (std::is_same_v<T, cad::CompleteOrder> || std::is_same_v<T, cad::CancelOrder> ||
                           std::is_same_v<T, cad::ReturnOrder>)
          return rank::kEndOrder;
        else if constexpr (std::is_same_v<T, cad::LinkIncidents>)
          return rank::kLink;
        else if constexpr (std::is_same_v<T, cad::SetType>)
          return rank::kLateType;
        else if constexpr (std::is_same_v<T, cad::TerminateIncident>)
          return rank::kTerminate;
        else if constexpr (std::is_same_v<T, cad::ArchiveIncident>)
          return rank::kArchive;
        else if constexpr (std::is_same_v<T, cad::CloseScene> || std::is_same_v<T, cad::CancelIncident> ||
                           std::is_same_v<T, cad::TransferIncident> || std::is_same_v<T, cad::MergeIncident>)
          return rank::kEndIncident;
        else
          return rank::kDetail;
      },
      command.command);
}

}  // namespace eido

bool is_placeholder(std::uint64_t packed_id) {
  return packed_id != 0 && (packed_id >> 44) == 0;
}

Result<EidoImport> import_eido(std::string_view json, const cad::Taxonomy& taxonomy,
                               std::uint32_t document) {
  if (document > static_cast<std::uint32_t>(cad::kMaxLocalDay))
    return Error(Errc::kOutOfRange, "a batch holds at most 65536 documents", "document");
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::exception& e) {
    return Error(Errc::kInvalidArgument, std::string("the EIDO is not JSON: ") + e.what(), "");
  }
  try {
    const eido::Document doc(std::move(root));
    eido::Importer im(doc, taxonomy, document);
    eido::import_incident(im);
    eido::import_details(im);
    eido::import_orders(im);
    eido::import_lifecycle(im);
    EidoImport out;
    out.tracking_id = doc.tracking_id();
    out.commands = im.commands();
    out.merged_from = std::move(im.merged_from);
    out.skipped = std::move(im.skipped);
    return out;
  } catch (const eido::FieldError& e) {
    return Error(Errc::kInvalidArgument, e.message, e.pointer);
  } catch (const nlohmann::json::exception& e) {
    return Error(Errc::kInvalidArgument, std::string("the EIDO cannot be read: ") + e.what(), "");
  }
}

}  // namespace shouwang::exchange
