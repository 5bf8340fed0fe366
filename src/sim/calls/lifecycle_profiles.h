#pragma once
// How incidents of each call class are handled in the history: how many are settled by
// telephone without sending anyone, how long responders stay at the scene, and how they
// end (disposition codes of data/taxonomy/dispositions.tsv). The delays every incident
// shares (answering, sign-for, turnout ...) are in incident_timeline.cpp. Reasoning and
// sources: docs/formats/call-model.md.

#include <span>
#include <string_view>

namespace shouwang::sim::calls {

struct DispositionShare {
  std::string_view code{};
  double weight = 0;
};

struct LifecycleProfile {
  std::string_view call_class{};                     // CallClass::name
  double by_phone = 0;                               // share settled by telephone, without an order
  double on_scene_minutes = 0;                       // median time at the scene (log-normal)
  std::span<const DispositionShare> dispositions{};  // for incidents attended
};

// The profile of a class; a neutral one for a class without its own.
const LifecycleProfile& lifecycle_profile(std::string_view call_class);

// Dispositions of incidents settled by telephone: handled by phone, or referred.
std::span<const DispositionShare> phone_dispositions();

}  // namespace shouwang::sim::calls
