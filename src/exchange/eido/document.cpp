#include "exchange/eido/document.h"

#include <array>

#include "exchange/eido/eido_format.h"

namespace shouwang::exchange::eido {
namespace {

// The component arrays whose elements carry a $id that references may point to.
constexpr std::array<std::string_view, 17> kArrays{
    "callComponent",        "callbackComponent",     "locationComponent",
    "personComponent",      "vehicleComponent",      "cautionComponent",
    "notesComponent",       "dispatchComponent",     "emergencyResourceComponent",
    "agencyComponent",      "agentComponent",        "additionalDataComponent",
    "linkComponent",        "mergeComponent",        "organizationComponent",
    "mediaComponent",       "alarmsSensorsComponent"};

}  // namespace

Document::Document(nlohmann::json root) : root_(std::move(root)) {
  const Node top = this->root();
  if (!top.is_object())
    top.fail("must be a JSON object (an EIDO)");
  tracking_id_ = top.at("$id").string();
  if (tracking_id_.empty())
    top.at("$id").fail("must not be empty");
  // Early drafts spelled the member EIDOVersion.
  const Node version = !top.has("eidoVersion") && top.has("EIDOVersion") ? top.at("EIDOVersion")
                                                                          : top.at("eidoVersion");
  if (version.string() != "1.0")
    version.fail("must be \"1.0\", the EIDO version this importer reads");
  for (const std::string_view array : kArrays) {
    const auto list = top.items(array);
    for (std::size_t k = 0; k < list.size(); ++k) {
      const Node id = list[k].at("$id");
      const std::string text = id.string();
      if (!by_id_.emplace(text, Entry{std::string(array), k}).second)
        id.fail("repeats the $id '" + text + "' of another component");
    }
  }
  if (const auto agency = top.find("updatedByAgencyReference"))
    agency_ = agency->at("$ref").string();
  static_cast<void>(incident());  // present and of the right shape
}

Node Document::incident() const {
  const Node top = root();
  const Node incident = top.at("incidentComponent");
  if (incident.is_array()) {
    const auto list = incident.items();
    if (list.size() != 1)
      incident.fail("must hold exactly one incident");
    if (!list[0].is_object())
      list[0].fail("must be an object");
    return list[0];
  }
  if (!incident.is_object())
    incident.fail("must be an object");
  return incident;
}

std::vector<Node> Document::components(std::string_view array) const {
  return root().items(array);
}

Node Document::resolve(const Node& reference, std::string_view array) const {
  const Node ref = reference.at("$ref");
  const std::string id = ref.string();
  const auto it = by_id_.find(id);
  if (it == by_id_.end())
    ref.fail("refers to '" + id + "', which is not a component of this document");
  if (it->second.array != array) {
    ref.fail("refers to '" + id + "', a " + it->second.array + " element; a " + std::string(array) +
             " element is expected");
  }
  return root().at(array).items()[it->second.index];
}

std::string Document::user(const Node& agent_reference) const {
  const Node agent = resolve(agent_reference, "agentComponent");
  std::string agency = agency_;
  if (const auto own = agent.find("agencyReference"))
    agency = own->at("$ref").string();
  return user_of_agent(agent.at("$id").string(), agency);
}

std::string Document::user_of(const Node& component, std::string_view key) const {
  const auto member = component.find(key);
  if (!member)
    return {};
  if (member->is_array()) {
    const auto list = member->items();
    return list.empty() ? std::string() : user(list.front());
  }
  return user(*member);
}

std::string Document::user_of_id(std::string_view agent) const {
  return user_of_agent(agent, agency_);
}

}  // namespace shouwang::exchange::eido
