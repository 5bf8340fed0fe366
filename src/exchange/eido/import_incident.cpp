// Importing the incident itself: its calls, type and priority, station, disposition, its
// lifecycle steps, links and merges.

#include <shouwang/cad/record_id.h>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/importer.h"
#include "exchange/eido/niem_fields.h"

namespace shouwang::exchange::eido {
namespace {

using cad::IncidentStatus;

std::string strip_tel(std::string uri) {
  return uri.starts_with("tel:") ? uri.substr(4) : uri;
}

// The parsed step of our extension's status history.
struct Step {
  Node node;
  IncidentStatus to;
  UtcTime at;
  std::string by;
  std::string reason;
};

std::vector<Step> history_of(const Importer& im) {
  std::vector<Step> out;
  if (!im.ext)
    return out;
  for (const Node& h : im.ext->items("history")) {
    const Node to = h.at("to");
    const auto status = cad::parse_incident_status(to.string());
    if (!status)
      to.fail("is not an incident status");
    out.push_back({h, *status, h.at("at").time(), h.at("by").string(), h.string("reason").value_or("")});
  }
  return out;
}

// The type to create the incident with and the priority to give it (0: the type's
// default), so that the incident ends with the document's type, priority and priority
// source; a type set after the scene closed goes to im.late_type.
struct Classification {
  std::string type;
  int priority = 0;
};

Classification classify(Importer& im, bool scene_closed) {
  const Node& inc = im.incident;
  const Node common = inc.at("incidentTypeCommonRegistryText");
  const std::string common_type = common.string();  // required, and a string
  Classification out;
  std::string type;
  // Our own code when it is one of ours; another system's local code says nothing here.
  if (const auto code = inc.find("incidentTypeInternalCode")) {
    type = code->string();
    if (im.taxonomy.types.find(type) == nullptr) {
      if (im.ext)
        code->fail("is not an incident type of this centre's taxonomy");
      type.clear();
    }
  }
  if (type.empty() && !im.ext) {
    for (const cad::IncidentType& t : im.taxonomy.types.all()) {
      if (t.common_code == common_type) {
        type = t.code;
        break;
      }
    }
    if (type.empty())
      im.skip(common, "no local incident type has the common type '" + common_type + "'");
  }
  int priority = 0;
  if (const auto text = inc.find("incidentPriorityInternalText")) {
    const std::string p = text->string();
    if (p.size() != 1 || p[0] < '1' || p[0] > '4')
      text->fail("must be a priority from 1 (most urgent) to 4");
    priority = p[0] - '0';
  } else if (const auto number = inc.find("incidentCommonPriorityNumber")) {
    const auto p = number->integer();
    if (p < cad::kHighestPriority || p > cad::kLowestPriority)
      number->fail("must be a priority from 1 (most urgent) to 4");
    priority = static_cast<int>(p);
  }
  const cad::IncidentType* t = im.taxonomy.types.find(type);
  auto source = cad::PrioritySource::kDispatcher;
  if (im.ext) {
    const Node s = im.ext->at("prioritySource");
    const auto parsed = cad::parse_priority_source(s.string());
    if (!parsed)
      s.fail("is not a priority source");
    source = *parsed;
  } else if (priority == 0 || (t != nullptr && t->default_priority == priority)) {
    source = t != nullptr ? cad::PrioritySource::kTypeDefault : cad::PrioritySource::kDefault;
  }
  out.type = type;
  if (source == cad::PrioritySource::kDispatcher) {
    out.priority = priority;
    return out;
  }
  if (priority == 0)
    return out;
  const bool follows = t != nullptr
                           ? source == cad::PrioritySource::kTypeDefault && t->default_priority == priority
                           : source == cad::PrioritySource::kDefault && priority == cad::kDefaultPriority;
  if (follows)
    return out;
  // The type changed after the scene closed and the priority stayed with the old one:
  // create the incident with a type of that default priority, and set the document's
  // type once the scene is closed.
  const cad::IncidentType* bridge = nullptr;
  if (scene_closed && source == cad::PrioritySource::kTypeDefault) {
    for (const cad::IncidentType& candidate : im.taxonomy.types.all()) {
      if (candidate.default_priority == priority) {
        bridge = &candidate;
        break;
      }
    }
  }
  if (bridge == nullptr) {
    im.skip(inc, "the priority does not follow the type; it is imported as set by a dispatcher");
    out.priority = priority;
    return out;
  }
  out.type = bridge->code;
  im.late_type = type;
  return out;
}

void import_calls(Importer& im, const std::vector<Node>& calls, std::size_t creating) {
  for (std::size_t k = 0; k < calls.size(); ++k) {
    const Node& c = calls[k];
    const auto ext = c.find(kExt);
    const UtcTime started = c.at("callStartTimestamp").time();
    const UtcTime answered = c.time("answerDate").value_or(started);
    cad::ReceiveCall receive;
    receive.started_at = started;
    receive.answered_at = answered;
    if (const auto type = c.find("localCallType")) {
      const auto channel = cad::parse_call_channel(type->string());
      if (!channel && ext)
        type->fail("is not a call channel");
      receive.channel = channel.value_or(cad::CallChannel::kVoice);
    }
    if (const auto ref = c.find("callBackReference")) {
      const Node callback = im.doc.resolve(*ref, "callbackComponent");
      receive.caller_number = strip_tel(callback.first_string("callBackInformationUri").value_or(""));
    }
    if (const auto persons = c.items("personReference"); !persons.empty()) {
      const Node person = im.doc.resolve(persons.front(), "personComponent");
      if (const auto nc = person.find("ncPersonComponent"))
        receive.caller_name = niem_value(*nc, person_paths().front()).value_or("");
    }
    if (const auto notes = c.items("notesReference"); !notes.empty())
      receive.summary = note_text(im.doc.resolve(notes.front(), "notesComponent"));
    const UtcTime recorded = ext ? ext->at("recordedAt").time() : answered;
    const std::string taken_by = im.doc.user_of(c, "agentReference");
    EidoCommand& command = im.add(std::move(receive), recorded, taken_by, c, rank::kReceiveCall);
    command.creates.push_back({EidoCreated::Kind::kCall, im.call_id(k).value(), record_key(c.at("$id").string())});
    if (k == creating)
      continue;
    const std::optional<UtcTime> attached = ext ? ext->time("attachedAt") : std::nullopt;
    im.add(cad::MergeCall{im.call_id(k), im.incident_id()}, attached.value_or(recorded), taken_by, c,
           rank::kMergeCall);
  }
}

}  // namespace

std::optional<std::string> niem_value(const Node& root, const NiemPath& path) {
  std::optional<Node> node = root;
  for (const std::string_view step : path.steps) {
    if (step == "*") {
      const auto list = node->items();
      if (list.empty())
        return std::nullopt;
      node = list.front();
    } else {
      node = node->find(step);
      if (!node)
        return std::nullopt;
    }
  }
  return node->string();
}

void import_incident(Importer& im) {
  const Node& inc = im.incident;
  const std::vector<Step> history = history_of(im);
  bool scene_closed = false;
  for (const Step& s : history) {
    if (s.to == IncidentStatus::kSceneClosed)
      scene_closed = true;
    if (s.to == IncidentStatus::kSceneClosed || s.to == IncidentStatus::kCancelled ||
        s.to == IncidentStatus::kTransferredOut || s.to == IncidentStatus::kTerminated) {
      im.incident_ends.push_back(s.at);
    }
  }
  const Classification classification = classify(im, scene_closed);

  const std::vector<Node> calls = im.doc.components("callComponent");
  std::size_t creating = calls.size();  // none
  std::optional<UtcTime> earliest;
  for (std::size_t k = 0; k < calls.size(); ++k) {
    const auto ext = calls[k].find(kExt);
    if (ext) {
      if (!ext->at("duplicate").boolean() && creating == calls.size())
        creating = k;
      continue;
    }
    const UtcTime t = calls[k].time("answerDate").value_or(calls[k].at("callStartTimestamp").time());
    if (!earliest || t < *earliest) {
      earliest = t;
      creating = k;
    }
  }
  if (im.ext) {
    im.created_at = im.ext->at("createdAt").time();
    im.creator = im.ext->at("createdBy").string();
  } else {
    im.created_at = earliest.value_or(inc.at("lastUpdateTimeStamp").time());
    im.creator = im.doc.user_of(inc, "agentReference");
  }
  import_calls(im, calls, creating);

  cad::CreateIncident create;
  create.call = creating < calls.size() ? im.call_id(creating) : CallId();
  create.summary = im.ext ? im.ext->string("summary").value_or("") : std::string();
  create.type_code = classification.type;
  im.created_type = classification.type;
  create.priority = classification.priority;
  const std::string key = inc.string("internalIncidentId").value_or(record_key(im.doc.tracking_id()));
  im.add(std::move(create), im.created_at, im.creator, inc, rank::kCreateIncident)
      .creates.push_back({EidoCreated::Kind::kIncident, im.incident_id().value(), key});

  if (const auto station = inc.find("beatOrDispatchGroupText")) {
    const bool by_dispatcher = im.ext ? im.ext->boolean("stationByDispatcher").value_or(true) : false;
    im.add(cad::AssignStation{im.incident_id(), station->string(), by_dispatcher ? "dispatcher" : "location", ""},
           im.created_at, im.creator, *station, rank::kClassify)
        .optional = true;
  }
  const auto dispositions = inc.items("dispositionComponent");
  if (!dispositions.empty()) {
    const Node* chosen = &dispositions.front();
    for (const Node& d : dispositions) {
      if (d.boolean("dispositionPrimaryIndicator").value_or(false)) {
        chosen = &d;
        break;
      }
    }
    const Node common = chosen->at("dispositionCommonRegistryCode");
    const std::string common_code = common.string();
    if (const auto ext = chosen->find(kExt)) {
      const Node code = ext->at("code");
      im.disposition = code.string();
      if (im.taxonomy.dispositions.find(im.disposition) == nullptr)
        code.fail("is not a disposition code of this centre's taxonomy");
    } else {
      for (const cad::DispositionCode& d : im.taxonomy.dispositions.all()) {
        if (d.common_code == common_code) {
          im.disposition = d.code;
          break;
        }
      }
      if (im.disposition.empty())
        im.skip(common, "no local disposition code has the common code '" + common_code + "'");
    }
  }
}

void import_lifecycle(Importer& im) {
  const IncidentId incident = im.incident_id();
  bool closed = false;
  bool merged = false;
  for (const Step& s : history_of(im)) {
    switch (s.to) {
      case IncidentStatus::kAccepted:
        im.add(cad::AcceptIncident{incident}, s.at, s.by, s.node, rank::kAccept);
        break;
      case IncidentStatus::kSceneClosed:
        closed = true;
        im.add(cad::CloseScene{incident, im.disposition}, s.at, s.by, s.node, rank::kEndIncident);
        if (!im.late_type.empty())
          im.add(cad::SetType{incident, im.late_type}, s.at, s.by, s.node, rank::kLateType);
        break;
      case IncidentStatus::kTerminated:
        im.add(cad::TerminateIncident{incident}, s.at, s.by, s.node, rank::kTerminate);
        break;
      case IncidentStatus::kArchived:
        // After a merge that could not be recreated the incident cannot be archived either.
        im.add(cad::ArchiveIncident{incident}, s.at, s.by, s.node, rank::kArchive).optional = merged;
        break;
      case IncidentStatus::kCancelled:
        im.add(cad::CancelIncident{incident, s.reason}, s.at, s.by, s.node, rank::kEndIncident);
        break;
      case IncidentStatus::kTransferredOut: {
        std::string agency;
        for (const Node& a : im.doc.components("agencyComponent")) {
          if (const auto ext = a.find(kExt); ext && ext->has("transfer"))
            agency = a.at("$id").string();
        }
        if (agency.empty())
          s.node.fail("records a transfer, but no agency component says to whom");
        im.add(cad::TransferIncident{incident, agency, s.reason}, s.at, s.by, s.node, rank::kEndIncident);
        break;
      }
      case IncidentStatus::kMerged: {
        merged = true;
        std::string into;
        for (const Node& m : im.doc.components("mergeComponent")) {
          if (m.at("incidentMergeDirectionCode").string() == "REPLACED")
            into = m.at("incidentTrackingIdentifier").string();
        }
        if (into.empty())
          s.node.fail("records a merge, but no merge component says into which incident");
        EidoCommand& c = im.add(cad::MergeIncident{incident, IncidentId(), s.reason}, s.at, s.by, s.node,
                                rank::kEndIncident);
        c.optional = true;
        c.other_incident = into;
        break;
      }
      default:
        break;  // dispatched .. feedback follow from the orders
    }
  }
  if (!im.ext && !im.created_type.empty())
    im.add(cad::AcceptIncident{incident}, im.created_at, im.creator, im.incident, rank::kAccept);
  if (!im.ext) {
    const auto status = im.incident.first_string("incidentStatusCommonRegistryText");
    if (status && *status != "Active")
      im.skip(im.incident, "the incident's status '" + *status + "' is not imported without its history");
  }
  if (!im.disposition.empty() && !closed) {
    im.add(cad::SetDisposition{incident, im.disposition}, im.created_at, im.creator, im.incident,
           rank::kClassify);
  }
  for (const Node& l : im.doc.components("linkComponent")) {
    const std::string direction = l.at("linkDirectionCode").string();
    const std::string other = l.at("incidentTrackingIdentifier").string();
    if (direction == "UNLINK") {
      im.skip(l, "an unlinked incident is not a link");
      continue;
    }
    EidoCommand& c = im.add(cad::LinkIncidents{incident, IncidentId(), l.string("transactionReasonText").value_or("")},
                            l.at("lastUpdateTimeStamp").time(), im.doc.user_of(l, "updatedByAgentReference"), l,
                            rank::kLink);
    c.optional = true;
    c.other_incident = other;
  }
  for (const Node& m : im.doc.components("mergeComponent")) {
    const std::string direction = m.at("incidentMergeDirectionCode").string();
    const std::string other = m.at("incidentTrackingIdentifier").string();
    if (direction == "REPLACED" && !im.ext) {
      EidoCommand& c = im.add(cad::MergeIncident{incident, IncidentId(), ""}, m.at("lastUpdateTimeStamp").time(),
                              im.doc.user_of(m, "updatedByAgentReference"), m, rank::kEndIncident);
      c.optional = true;
      c.other_incident = other;
    } else if (direction == "REPLACING") {
      im.merged_from.push_back({other, m.pointer()});
    } else if (direction != "REPLACED") {
      im.skip(m, "an incident split is not imported");
    }
  }
}

}  // namespace shouwang::exchange::eido
