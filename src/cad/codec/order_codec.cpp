#include <shouwang/cad/record_id.h>

#include "cad/codec/record_codec.h"

namespace shouwang::cad {
namespace {

nlohmann::json encode(const OrderTimes& t) {
  nlohmann::json out = nlohmann::json::object();
  put_time(out, "issued", t.issued);
  put_time(out, "received", t.received);
  put_time(out, "signed_for", t.signed_for);
  put_time(out, "en_route", t.en_route);
  put_time(out, "arrived", t.arrived);
  put_time(out, "feedback", t.feedback);
  put_time(out, "done", t.done);
  put_time(out, "cancelled", t.cancelled);
  put_time(out, "returned", t.returned);
  return out;
}

OrderTimes decode_times(const FieldReader& in) {
  OrderTimes t;
  t.issued = in.time("issued");
  t.received = in.optional_time("received");
  t.signed_for = in.optional_time("signed_for");
  t.en_route = in.optional_time("en_route");
  t.arrived = in.optional_time("arrived");
  t.feedback = in.optional_time("feedback");
  t.done = in.optional_time("done");
  t.cancelled = in.optional_time("cancelled");
  t.returned = in.optional_time("returned");
  return t;
}

}  // namespace

nlohmann::json encode(const Order& order) {
  nlohmann::json feedback = nlohmann::json::array();
  for (const auto& entry : order.feedback) {
    feedback.push_back({{"text", entry.text}, {"at", entry.at.to_iso8601()}, {"by", entry.by}});
  }
  nlohmann::json out = {{"id", to_string(order.id)},
                        {"incident", to_string(order.incident)},
                        {"children", encode_ids(order.children)},
                        {"target",
                         {{"kind", to_string(order.target.kind)},
                          {"id", order.target.id},
                          {"name", order.target.name}}},
                        {"instructions", order.instructions},
                        {"status", to_string(order.status)},
                        {"issued_by", order.issued_by},
                        {"signed_by", order.signed_by},
                        {"end_reason", order.end_reason},
                        {"times", encode(order.times)},
                        {"feedback", std::move(feedback)},
                        {"history", encode_history(order.history)}};
  if (!order.bypassed.empty()) {
    out["bypassed"] = order.bypassed;
    out["bypass_reason"] = order.bypass_reason;
  }
  if (!order.arrival_source.empty())
    out["arrival_source"] = order.arrival_source;
  put_missed(out, order.missed);
  put_id(out, "parent", order.parent);
  put_id(out, "reissue_of", order.reissue_of);
  put_id(out, "reissued_as", order.reissued_as);
  return out;
}

Order decode_order(const FieldReader& in) {
  Order order;
  order.id = in.order_id("id");
  order.incident = in.incident_id("incident");
  order.children = decode_ids<OrderId>(in, "children", parse_order_id);
  const FieldReader target = in.object("target");
  order.target = {target.enumeration<TargetKind>("kind", parse_target_kind), target.string("id"),
                  target.string("name")};
  order.instructions = in.string("instructions");
  order.status = in.enumeration<OrderStatus>("status", parse_order_status);
  order.issued_by = in.string("issued_by");
  order.signed_by = in.string("signed_by");
  order.end_reason = in.string("end_reason");
  order.times = decode_times(in.object("times"));
  const auto& feedback = in.array("feedback");
  for (std::size_t k = 0; k < feedback.size(); ++k) {
    const FieldReader entry(feedback[k], in.path_of("feedback") + "[" + std::to_string(k) + "]");
    order.feedback.push_back({entry.string("text"), entry.time("at"), entry.string("by")});
  }
  order.history = decode_history<OrderStatus>(in, "history", parse_order_status);
  if (in.has("bypassed")) {
    order.bypassed = in.strings("bypassed");
    order.bypass_reason = in.string("bypass_reason");
  }
  if (in.has("arrival_source"))
    order.arrival_source = in.string("arrival_source");
  order.missed = read_missed(in);
  order.parent = in.optional_order_id("parent");
  order.reissue_of = in.optional_order_id("reissue_of");
  order.reissued_as = in.optional_order_id("reissued_as");
  return order;
}

void put_missed(nlohmann::json& out, const std::vector<MissedDeadline>& missed) {
  if (missed.empty())
    return;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : missed) {
    list.push_back({{"kind", to_string(m.kind)},
                    {"due", m.due.to_iso8601()},
                    {"noticed", m.noticed.to_iso8601()},
                    {"offered_unit", m.offered_unit}});
  }
  out["missed"] = std::move(list);
}

std::vector<MissedDeadline> read_missed(const FieldReader& in) {
  std::vector<MissedDeadline> out;
  if (!in.has("missed"))
    return out;
  const auto& items = in.array("missed");
  for (std::size_t k = 0; k < items.size(); ++k) {
    const FieldReader item(items[k], in.path_of("missed") + "[" + std::to_string(k) + "]");
    out.push_back({item.enumeration<DeadlineKind>("kind", parse_deadline_kind), item.time("due"),
                   item.time("noticed"), item.string("offered_unit")});
  }
  return out;
}

}  // namespace shouwang::cad
