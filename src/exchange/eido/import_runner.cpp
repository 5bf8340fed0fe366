// Running import commands against a state: placeholders become the ids the state assigns,
// relations to other incidents are resolved, every command goes through decide() and
// apply(), and nothing is kept unless all of it succeeds.

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/exchange/eido.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/importer.h"

namespace shouwang::exchange {
namespace {

using Kind = EidoCreated::Kind;

// Placeholder -> real id, per kind of record.
class IdMap {
 public:
  void put(Kind kind, std::uint64_t placeholder, std::uint64_t real) { ids_[{kind, placeholder}] = real; }

  // Replaces a placeholder id by its real id; false when it has none yet.
  template <typename Id>
  bool resolve(Id& id, Kind kind) const {
    if (!id.valid() || !is_placeholder(id.value()))
      return true;
    const auto it = ids_.find({kind, id.value()});
    if (it == ids_.end())
      return false;
    id = Id(it->second);
    return true;
  }

  bool resolve(cad::Command& command) const {
    return std::visit(
        [this](auto& c) {
          bool ok = true;
          if constexpr (requires { c.incident; })
            ok = resolve(c.incident, Kind::kIncident) && ok;
          if constexpr (requires { c.into; })
            ok = resolve(c.into, Kind::kIncident) && ok;
          if constexpr (requires { c.other; })
            ok = resolve(c.other, Kind::kIncident) && ok;
          if constexpr (requires { c.call; })
            ok = resolve(c.call, Kind::kCall) && ok;
          if constexpr (requires { c.order; })
            ok = resolve(c.order, Kind::kOrder) && ok;
          if constexpr (requires { c.reissue_of; })
            ok = resolve(c.reissue_of, Kind::kOrder) && ok;
          return ok;
        },
        command);
  }

 private:
  std::map<std::pair<Kind, std::uint64_t>, std::uint64_t> ids_;
};

// The ids of the records the events create, in order, by kind.
std::vector<std::pair<Kind, std::string>> created_ids(const std::vector<store::EventDraft>& events) {
  std::vector<std::pair<Kind, std::string>> out;
  for (const auto& e : events) {
    const char* member = nullptr;
    Kind kind = Kind::kCall;
    if (e.type == cad::event_type::kCallReceived) {
      member = "call_id";
    } else if (e.type == cad::event_type::kIncidentCreated) {
      member = "incident_id";
      kind = Kind::kIncident;
    } else if (e.type == cad::event_type::kOrderIssued) {
      member = "order_id";
      kind = Kind::kOrder;
    }
    if (member != nullptr)
      out.emplace_back(kind, nlohmann::json::parse(e.payload).at(member).get<std::string>());
  }
  return out;
}

std::uint64_t packed_id(Kind kind, const std::string& text) {
  switch (kind) {
    case Kind::kCall:
      return cad::parse_call_id(text)->value();
    case Kind::kIncident:
      return cad::parse_incident_id(text)->value();
    case Kind::kOrder:
      return cad::parse_order_id(text)->value();
  }
  return 0;
}

// A refusal of the domain, naming the component that caused it.
Error refused(const Error& error, const EidoCommand& command) {
  return Error(error.code,
               "importing " + command.field + " (" + std::string(cad::command_name(command.command)) +
                   "): " + error.message,
               command.field);
}

struct Run {
  cad::State& state;
  const cad::Decider& decider;
  const store::Actor& actor;
  IdMap ids;
  std::map<std::string, std::uint64_t> tracking_placeholders;
  EidoImportReport report;
  std::vector<store::EventDraft> events;
  std::set<std::uint64_t> created_incidents;  // by this import: never the other side

  // The other incident of a relation: in the batch (once created) or in the state.
  std::optional<IncidentId> other_incident(const std::string& tracking) const {
    if (const auto it = tracking_placeholders.find(tracking); it != tracking_placeholders.end()) {
      IncidentId id(it->second);
      if (ids.resolve(id, Kind::kIncident))
        return id;
      return std::nullopt;
    }
    // An incident of the receiving state under the id the tracking id carries (a document
    // of this centre coming back), unless this import just created it under that id.
    auto parsed = cad::parse_incident_id(eido::record_key(tracking));
    if (parsed.ok() && state.find(*parsed) != nullptr && !created_incidents.contains(parsed->value()))
      return *parsed;
    return std::nullopt;
  }

  Status execute(EidoCommand command) {
    if (!ids.resolve(command.command)) {
      return Error(Errc::kInternal, "importing " + command.field + ": it refers to a record not created yet",
                   command.field);
    }
    if (!command.other_incident.empty()) {
      const auto other = other_incident(command.other_incident);
      if (!other) {
        report.skipped.push_back(command.field + ": incident " + command.other_incident +
                                 " is neither in the import nor in this state");
        return {};
      }
      std::visit(
          [&](auto& c) {
            if constexpr (requires { c.into; })
              c.into = *other;
            else if constexpr (requires { c.other; })
              c.other = *other;
          },
          command.command);
    }
    store::Actor who = actor;
    if (!command.user.empty())
      who.user = command.user;
    auto decided = decider.decide(state, command.command, who, command.at);
    if (!decided.ok()) {
      // Both incidents of a link carry it: the second document finds it made already.
      if (std::holds_alternative<cad::LinkIncidents>(command.command) &&
          decided.error().code == Errc::kAlreadyExists)
        return {};
      if (command.optional) {
        report.skipped.push_back(command.field + ": " + decided.error().message);
        return {};
      }
      return refused(decided.error(), command);
    }
    for (const auto& event : *decided) {
      if (auto applied = cad::apply(state, event); !applied.ok())
        return Error(Errc::kInternal, "importing " + command.field + ": " + applied.error().message, command.field);
    }
    const auto created = created_ids(*decided);
    if (created.size() != command.creates.size()) {
      return Error(Errc::kInternal, "importing " + command.field + ": it created other records than planned",
                   command.field);
    }
    for (std::size_t k = 0; k < created.size(); ++k) {
      const EidoCreated& plan = command.creates[k];
      if (created[k].first != plan.kind)
        return Error(Errc::kInternal, "importing " + command.field + ": unexpected record kind", command.field);
      const std::uint64_t real = packed_id(plan.kind, created[k].second);
      ids.put(plan.kind, plan.placeholder, real);
      if (plan.kind == Kind::kIncident)
        created_incidents.insert(real);
      report.ids[plan.key] = created[k].second;
    }
    std::move(decided->begin(), decided->end(), std::back_inserter(events));
    return {};
  }
};

}  // namespace

Result<EidoImportReport> import_eido_batch(cad::State& state, const cad::Decider& decider,
                                           std::span<const std::string> documents,
                                           const store::Actor& actor,
                                           std::vector<store::EventDraft>* events_out) {
  struct Ordered {
    EidoCommand command;
    int rank;
    std::size_t document;
    std::size_t seq;
  };
  std::vector<Ordered> all;
  std::vector<std::uint64_t> incident_placeholders;
  cad::State working = state;
  Run run{working, decider, actor, {}, {}, {}, {}, {}};
  std::vector<EidoMergedFrom> merged_from;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    auto imported = import_eido(documents[d], decider.taxonomy(), static_cast<std::uint32_t>(d));
    if (!imported.ok()) {
      const Error& e = imported.error();
      if (documents.size() == 1)
        return e;
      return Error(e.code, "document " + std::to_string(d) + ": " + e.message, e.field);
    }
    const std::uint64_t incident = cad::make_incident_id({0, static_cast<std::int32_t>(d), 1}).value();
    if (!run.tracking_placeholders.emplace(imported->tracking_id, incident).second) {
      return Error(Errc::kInvalidArgument, "document " + std::to_string(d) + " repeats incident " +
                                               imported->tracking_id, "/$id");
    }
    incident_placeholders.push_back(incident);
    for (auto& s : imported->skipped)
      run.report.skipped.push_back(std::move(s));
    for (auto& m : imported->merged_from)
      merged_from.push_back(std::move(m));
    for (std::size_t k = 0; k < imported->commands.size(); ++k) {
      const int rank = eido::rank_of(imported->commands[k]);
      all.push_back({std::move(imported->commands[k]), rank, d, k});
    }
  }
  for (const EidoMergedFrom& m : merged_from) {
    if (!run.tracking_placeholders.contains(m.tracking_id)) {
      run.report.skipped.push_back(m.field + ": the merge of " + m.tracking_id +
                                   " into this incident comes with that incident's own EIDO, which is not imported");
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Ordered& a, const Ordered& b) {
    return std::tie(a.command.at, a.rank, a.document, a.seq) < std::tie(b.command.at, b.rank, b.document, b.seq);
  });
  for (Ordered& o : all) {
    if (auto s = run.execute(std::move(o.command)); !s.ok())
      return s.error();
  }
  for (const std::uint64_t placeholder : incident_placeholders) {
    IncidentId id(placeholder);
    if (!run.ids.resolve(id, Kind::kIncident))
      return Error(Errc::kInternal, "an imported document created no incident", "/incidentComponent");
    run.report.incidents.push_back(id);
  }
  state = std::move(working);
  if (events_out != nullptr)
    std::move(run.events.begin(), run.events.end(), std::back_inserter(*events_out));
  return std::move(run.report);
}

Result<IncidentId> import_eido_into(cad::State& state, const cad::Decider& decider,
                                    std::string_view json, const store::Actor& actor,
                                    std::vector<store::EventDraft>* events_out,
                                    EidoImportReport* report) {
  const std::string document(json);
  auto result = import_eido_batch(state, decider, std::span<const std::string>(&document, 1), actor, events_out);
  if (!result.ok())
    return result.error();
  const IncidentId id = result->incidents.front();
  if (report != nullptr)
    *report = std::move(*result);
  return id;
}

}  // namespace shouwang::exchange
