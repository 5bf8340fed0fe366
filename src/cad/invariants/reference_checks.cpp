#include <algorithm>
#include <set>

#include <shouwang/cad/record_id.h>

#include "cad/invariants/rule_checks.h"

namespace shouwang::cad {
namespace {

template <typename Id>
bool contains(const std::vector<Id>& ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

template <typename Id>
bool has_duplicates(std::vector<Id> ids) {
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
}

template <typename Map>
Status check_keys(const Map& records, std::string_view what) {
  for (const auto& [id, record] : records) {
    if (!id.valid() || record.id != id || !is_valid(record_number(id))) {
      return broken("R1", std::string(what) + " stored under " + to_string(id) + " has id " +
                              to_string(record.id));
    }
  }
  return {};
}

Status check_calls(const State& s) {
  for (const auto& [id, call] : s.calls) {
    if (call.incident.valid()) {
      const Incident* incident = s.find(call.incident);
      if (incident == nullptr ||
          std::count(incident->calls.begin(), incident->calls.end(), id) != 1) {
        return broken("R2", "call " + to_string(id) + " is not listed once by its incident");
      }
      if (call.dismissed_at || !call.attached_at) {
        return broken("R2",
                      "attached call " + to_string(id) + " is dismissed or lacks attached_at");
      }
    } else if (call.attached_at || call.duplicate) {
      return broken("R2", "unattached call " + to_string(id) + " has attachment data");
    }
  }
  for (const auto& [id, incident] : s.incidents) {
    for (const CallId call_id : incident.calls) {
      const Call* call = s.find(call_id);
      if (call == nullptr || call->incident != id) {
        return broken("R2", "incident " + to_string(id) + " lists call " + to_string(call_id) +
                                " that is not attached to it");
      }
    }
  }
  return {};
}

Status check_orders(const State& s) {
  for (const auto& [id, order] : s.orders) {
    const Incident* incident = s.find(order.incident);
    if (incident == nullptr || !contains(incident->orders, id)) {
      return broken("R3", "order " + to_string(id) + " is not listed by its incident");
    }
    if (order.parent.valid()) {
      const Order* parent = s.find(order.parent);
      if (parent == nullptr || parent->incident != order.incident ||
          parent->target.kind != TargetKind::kStation || !contains(parent->children, id)) {
        return broken("R4", "child order " + to_string(id) + " and its parent disagree");
      }
    }
    for (const OrderId child_id : order.children) {
      const Order* child = s.find(child_id);
      if (child == nullptr || child->parent != id) {
        return broken("R4", "order " + to_string(id) + " lists child " + to_string(child_id) +
                                " that does not name it");
      }
    }
    if (order.reissue_of.valid()) {
      const Order* old = s.find(order.reissue_of);
      if (old == nullptr || old->incident != order.incident ||
          old->status != OrderStatus::kReturned || old->reissued_as != id ||
          (old->target.kind == order.target.kind && old->target.id == order.target.id)) {
        return broken("R7", "order " + to_string(id) + " does not properly replace " +
                                to_string(order.reissue_of));
      }
    }
    if (order.reissued_as.valid()) {
      const Order* replacement = s.find(order.reissued_as);
      if (order.status != OrderStatus::kReturned || replacement == nullptr ||
          replacement->reissue_of != id) {
        return broken("R7",
                      "order " + to_string(id) + " names a replacement that does not name it");
      }
    }
  }
  for (const auto& [id, incident] : s.incidents) {
    if (has_duplicates(incident.orders)) {
      return broken("R3", "incident " + to_string(id) + " lists an order twice");
    }
    for (const OrderId order_id : incident.orders) {
      const Order* order = s.find(order_id);
      if (order == nullptr || order->incident != id) {
        return broken("R3", "incident " + to_string(id) + " lists order " + to_string(order_id) +
                                " of another incident");
      }
    }
  }
  return {};
}

bool was_merged(const Incident& incident) {
  return std::any_of(incident.history.begin(), incident.history.end(),
                     [](const auto& c) { return c.to == IncidentStatus::kMerged; });
}

Status check_merges_and_links(const State& s) {
  for (const auto& [id, incident] : s.incidents) {
    if (incident.merged_into.valid()) {
      const Incident* into = s.find(incident.merged_into);
      const bool merged_status = incident.status == IncidentStatus::kMerged ||
                                 incident.status == IncidentStatus::kArchived;
      if (into == nullptr || !contains(into->merged_from, id) || !was_merged(incident) ||
          !merged_status) {
        return broken("R5",
                      "merge of incident " + to_string(id) + " is not recorded on both sides");
      }
      const Incident* step = &incident;
      for (std::size_t hops = 0; step != nullptr && step->merged_into.valid(); ++hops) {
        if (hops > s.incidents.size()) {
          return broken("R5", "merges starting at incident " + to_string(id) + " loop");
        }
        step = s.find(step->merged_into);
      }
    } else if (was_merged(incident)) {
      return broken("R5", "merged incident " + to_string(id) + " names no incident");
    }
    for (const IncidentId from : incident.merged_from) {
      const Incident* source = s.find(from);
      if (source == nullptr || source->merged_into != id) {
        return broken("R5", "incident " + to_string(id) + " lists " + to_string(from) +
                                " as merged into it, which it is not");
      }
    }
    std::set<IncidentId> others;
    const IncidentId self = id;  // a lambda may not capture a structured binding before clang 16
    for (const auto& link : incident.links) {
      const Incident* other = s.find(link.other);
      const bool back =
          other != nullptr && std::any_of(other->links.begin(), other->links.end(),
                                          [&](const IncidentLink& l) { return l.other == self; });
      if (link.other == id || !back || !others.insert(link.other).second) {
        return broken("R6", "link from incident " + to_string(id) + " to " + to_string(link.other) +
                                " is not symmetric and unique");
      }
    }
  }
  return {};
}

}  // namespace

Status check_references(const State& state) {
  if (auto s = check_keys(state.calls, "call"); !s.ok())
    return s;
  if (auto s = check_keys(state.incidents, "incident"); !s.ok())
    return s;
  if (auto s = check_keys(state.orders, "order"); !s.ok())
    return s;
  if (auto s = check_calls(state); !s.ok())
    return s;
  if (auto s = check_orders(state); !s.ok())
    return s;
  return check_merges_and_links(state);
}

}  // namespace shouwang::cad
