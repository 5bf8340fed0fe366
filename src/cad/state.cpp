#include <shouwang/cad/state.h>

namespace shouwang::cad {
namespace {

template <typename Map, typename Id>
auto* find_in(Map& map, Id id) {
  const auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

const Call* State::find(CallId id) const {
  return find_in(calls, id);
}
const Incident* State::find(IncidentId id) const {
  return find_in(incidents, id);
}
const Order* State::find(OrderId id) const {
  return find_in(orders, id);
}
const Warning* State::find(WarningId id) const {
  return find_in(warnings, id);
}
Call* State::find(CallId id) {
  return find_in(calls, id);
}
Incident* State::find(IncidentId id) {
  return find_in(incidents, id);
}
Order* State::find(OrderId id) {
  return find_in(orders, id);
}
Warning* State::find(WarningId id) {
  return find_in(warnings, id);
}
const Unit* State::find_unit(std::string_view id) const {
  return find_in(units, id);
}
Unit* State::find_unit(std::string_view id) {
  return find_in(units, id);
}
const KeySite* State::find_site(std::string_view id) const {
  return find_in(sites, id);
}
KeySite* State::find_site(std::string_view id) {
  return find_in(sites, id);
}
const Post* State::find_post(std::string_view id) const {
  return find_in(posts, id);
}
Post* State::find_post(std::string_view id) {
  return find_in(posts, id);
}

}  // namespace shouwang::cad
