// Importing dispatch orders from emergency resources and dispatch components: issued (or
// split from a station's order, or reissued after a return), then each step of their
// history. Steps that closing the incident or cancelling a parent order causes are left
// to those commands, which cause them again.

#include <map>
#include <tuple>

#include "exchange/eido/eido_format.h"
#include "exchange/eido/importer.h"

namespace shouwang::exchange::eido {
namespace {

using cad::OrderStatus;

struct OrderPlan {
  Node node;
  std::optional<Node> ext;
  std::optional<Node> dispatch;
  cad::OrderTarget target;
  UtcTime issued;
  std::string issued_by;
  std::string instructions;
  std::optional<std::size_t> parent;
  std::optional<std::size_t> reissue_of;
  std::optional<UtcTime> cancelled;  // when the order was cancelled, from its history
};

struct HistoryStep {
  Node node;
  OrderStatus to;
  UtcTime at;
  std::string by;
  std::string reason;
};

std::vector<HistoryStep> history_of(const OrderPlan& p) {
  std::vector<HistoryStep> out;
  if (!p.ext)
    return out;
  for (const Node& h : p.ext->items("history")) {
    const Node to = h.at("to");
    const auto status = cad::parse_order_status(to.string());
    if (!status)
      to.fail("is not an order status");
    out.push_back({h, *status, h.at("at").time(), h.at("by").string(), h.string("reason").value_or("")});
  }
  return out;
}

OrderPlan plan_order(const Importer& im, const Node& r, const std::optional<Node>& dispatch,
                     const std::map<std::string, std::size_t>& index_of) {
  OrderPlan p{r, r.find(kExt), dispatch, {}, {}, {}, {}, {}, {}, {}};
  // Our documents name the target here; another system's resource without a name is
  // known by its id.
  p.target.id = r.string("emergencyResourceName").value_or(record_key(r.at("$id").string()));
  const std::string kind = p.ext ? p.ext->at("target").at("kind").string()
                                 : r.string("emergencyResourceTypeInternalText").value_or("unit");
  const auto parsed = cad::parse_target_kind(kind);
  if (!parsed && p.ext)
    p.ext->at("target").at("kind").fail("is not an order target kind");
  p.target.kind = parsed.value_or(cad::TargetKind::kUnit);
  if (p.ext)
    p.target.name = p.ext->at("target").string("name").value_or("");
  if (dispatch) {
    p.issued = dispatch->at("lastUpdateTimeStamp").time();
    p.issued_by = im.doc.user_of(*dispatch, "agentReference");
    if (const auto notes = dispatch->items("notesReference"); !notes.empty())
      p.instructions = note_text(im.doc.resolve(notes.front(), "notesComponent"));
  } else {
    p.issued = r.time("lastUpdateTimeStamp").value_or(im.created_at);
    p.issued_by = im.doc.user_of(r, "agentReference");
  }
  const auto order_ref = [&](const char* key) -> std::optional<std::size_t> {
    if (!p.ext)
      return std::nullopt;
    const auto ref = p.ext->find(key);
    if (!ref)
      return std::nullopt;
    const Node other = im.doc.resolve(*ref, "emergencyResourceComponent");
    return index_of.at(other.at("$id").string());
  };
  p.parent = order_ref("parent");
  p.reissue_of = order_ref("reissueOf");
  for (const HistoryStep& s : history_of(p)) {
    if (s.to == OrderStatus::kCancelled)
      p.cancelled = s.at;
  }
  return p;
}

bool is_cascade(const Importer& im, const std::vector<OrderPlan>& plans, const OrderPlan& p,
                const HistoryStep& s) {
  if (s.to == OrderStatus::kDone)
    return !s.reason.empty();  // a completion by the target has no reason
  if (s.reason.starts_with("incident ")) {
    for (const UtcTime end : im.incident_ends) {
      if (end == s.at)
        return true;
    }
  }
  if (p.parent && s.reason.starts_with("parent order ")) {
    const auto& parent_cancelled = plans[*p.parent].cancelled;
    return parent_cancelled && *parent_cancelled == s.at;
  }
  return false;
}

void import_steps(Importer& im, const std::vector<OrderPlan>& plans, std::size_t k) {
  const OrderPlan& p = plans[k];
  const OrderId order = im.order_id(k);
  if (!p.ext) {
    // Another system's resource: bring the order to its current unit status.
    const auto secondary = p.node.first_string("secondaryUnitStatusRegistryText");
    const OrderStatus status = status_from_secondary(secondary.value_or(""));
    const UtcTime at = std::max(p.node.time("lastUpdateTimeStamp").value_or(p.issued), p.issued);
    const std::string by = im.doc.user_of(p.node, "updatedByAgentReference");
    if (status == OrderStatus::kCancelled) {
      im.add(cad::CancelOrder{order, "assignment cancelled (EIDO)"}, at, by, p.node, rank::kEndOrder);
      return;
    }
    if (status != OrderStatus::kIssued)
      im.add(cad::SignFor{order}, at, by, p.node, rank::kSignFor);
    if (status == OrderStatus::kEnRoute || status == OrderStatus::kArrived)
      im.add(cad::EnRoute{order}, at, by, p.node, rank::kEnRoute);
    if (status == OrderStatus::kArrived)
      im.add(cad::Arrive{order}, at, by, p.node, rank::kArrive);
    return;
  }
  std::vector<std::string> feedback;
  for (const Node& ref : p.node.items("notesReference"))
    feedback.push_back(note_text(im.doc.resolve(ref, "notesComponent")));
  std::size_t next_feedback = 0;
  std::optional<UtcTime> signed_for;
  for (const HistoryStep& s : history_of(p)) {
    switch (s.to) {
      case OrderStatus::kSignedFor:
        signed_for = s.at;
        im.add(cad::SignFor{order}, s.at, s.by, s.node, rank::kSignFor);
        break;
      case OrderStatus::kEnRoute:
        im.add(cad::EnRoute{order}, s.at, s.by, s.node, rank::kEnRoute);
        break;
      case OrderStatus::kArrived:
        im.add(cad::Arrive{order}, s.at, s.by, s.node, rank::kArrive);
        break;
      case OrderStatus::kFeedback:
        if (next_feedback >= feedback.size())
          s.node.fail("is a feedback step without its note in notesReference");
        im.add(cad::GiveFeedback{order, feedback[next_feedback++]}, s.at, s.by, s.node, rank::kFeedback);
        break;
      case OrderStatus::kDone:
        if (!is_cascade(im, plans, p, s))
          im.add(cad::CompleteOrder{order}, s.at, s.by, s.node, rank::kEndOrder);
        break;
      case OrderStatus::kCancelled:
        if (!is_cascade(im, plans, p, s))
          im.add(cad::CancelOrder{order, s.reason}, s.at, s.by, s.node, rank::kEndOrder);
        break;
      case OrderStatus::kReturned:
        im.add(cad::ReturnOrder{order, s.reason}, s.at, s.by, s.node, rank::kEndOrder);
        break;
      case OrderStatus::kIssued:
        break;
    }
  }
  // Signing for records the receipt too; an earlier receipt was confirmed on its own.
  if (const auto times = p.ext->find("times")) {
    if (const auto received = times->time("received"); received && (!signed_for || *received < *signed_for))
      im.add(cad::AcknowledgeOrder{order}, *received, "", *times, rank::kAcknowledge);
  }
}

}  // namespace

void import_orders(Importer& im) {
  const std::vector<Node> resources = im.doc.components("emergencyResourceComponent");
  if (resources.empty())
    return;
  if (!im.ext && im.created_type.empty()) {
    im.skip(im.doc.root().at("emergencyResourceComponent"),
            "orders need an accepted incident, and the incident's type is not known here");
    return;
  }
  std::map<std::string, std::size_t> index_of;
  for (std::size_t k = 0; k < resources.size(); ++k)
    index_of[resources[k].at("$id").string()] = k;
  std::vector<std::optional<Node>> dispatch(resources.size());
  for (const Node& d : im.doc.components("dispatchComponent")) {
    for (const Node& ref : d.items("emergencyResourceReference")) {
      const Node r = im.doc.resolve(ref, "emergencyResourceComponent");
      auto& slot = dispatch[index_of.at(r.at("$id").string())];
      if (!slot)
        slot = d;
    }
  }
  std::vector<OrderPlan> plans;
  for (std::size_t k = 0; k < resources.size(); ++k)
    plans.push_back(plan_order(im, resources[k], dispatch[k], index_of));

  // Children split together (same parent, time, dispatcher and instructions) are one split.
  using GroupKey = std::tuple<std::size_t, UtcTime, std::string, std::string>;
  std::map<GroupKey, std::vector<std::size_t>> groups;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const OrderPlan& p = plans[k];
    if (p.parent && !p.reissue_of)
      groups[{*p.parent, p.issued, p.issued_by, p.instructions}].push_back(k);
  }
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const OrderPlan& p = plans[k];
    const std::string key = record_key(p.node.at("$id").string());
    if (p.parent && !p.reissue_of) {
      const auto& group = groups.at({*p.parent, p.issued, p.issued_by, p.instructions});
      if (group.front() == k) {
        cad::SplitOrder split{im.order_id(*p.parent), {}, p.instructions};
        for (const std::size_t child : group)
          split.targets.push_back(plans[child].target);
        EidoCommand& c = im.add(std::move(split), p.issued, p.issued_by, p.node, rank::kSplit);
        for (const std::size_t child : group) {
          c.creates.push_back({EidoCreated::Kind::kOrder, im.order_id(child).value(),
                               record_key(plans[child].node.at("$id").string())});
        }
      }
    } else {
      cad::IssueOrder issue{im.incident_id(), p.target, p.instructions,
                            p.reissue_of ? im.order_id(*p.reissue_of) : OrderId()};
      im.add(std::move(issue), p.issued, p.issued_by, p.node, p.reissue_of ? rank::kReissue : rank::kIssue)
          .creates.push_back({EidoCreated::Kind::kOrder, im.order_id(k).value(), key});
    }
    import_steps(im, plans, k);
  }
}

}  // namespace shouwang::exchange::eido
