#include "sim/calls/lifecycle_profiles.h"

namespace shouwang::sim::calls {
namespace {

// 10 criminal case, 11 administrative case, 12 suspect detained, 20 mediated, 21 warned,
// 22 penalty, 30 assisted, 31 to hospital, 32 referred, 40 nothing found, 41 gone on
// arrival, 50/51 collision settled / referred, 60 by telephone, 90 other.
constexpr DispositionShare kTraffic[] = {
    {"50", 0.55}, {"51", 0.15}, {"21", 0.10}, {"22", 0.10}, {"41", 0.10}};
constexpr DispositionShare kAssistance[] = {
    {"30", 0.60}, {"31", 0.15}, {"32", 0.15}, {"40", 0.05}, {"41", 0.05}};
constexpr DispositionShare kDisputes[] = {{"20", 0.65}, {"21", 0.15}, {"32", 0.10}, {"41", 0.10}};
constexpr DispositionShare kTheft[] = {
    {"10", 0.55}, {"11", 0.15}, {"12", 0.05}, {"40", 0.10}, {"41", 0.15}};
constexpr DispositionShare kFraud[] = {{"10", 0.70}, {"11", 0.05}, {"32", 0.10}, {"40", 0.15}};
constexpr DispositionShare kPublicOrder[] = {
    {"21", 0.35}, {"11", 0.20}, {"12", 0.10}, {"20", 0.15}, {"41", 0.20}};
constexpr DispositionShare kNoise[] = {{"21", 0.60}, {"22", 0.10}, {"41", 0.30}};
constexpr DispositionShare kOtherCrime[] = {{"10", 0.70}, {"12", 0.15}, {"11", 0.15}};
constexpr DispositionShare kFire[] = {{"32", 0.70}, {"30", 0.20}, {"40", 0.10}};
constexpr DispositionShare kTips[] = {{"10", 0.30}, {"40", 0.50}, {"32", 0.20}};
constexpr DispositionShare kNonPolice[] = {{"32", 0.60}, {"30", 0.30}, {"90", 0.10}};
constexpr DispositionShare kPhone[] = {{"60", 0.75}, {"32", 0.25}};

constexpr LifecycleProfile kProfiles[] = {
    {"traffic", 0.05, 25, kTraffic},      {"assistance", 0.10, 30, kAssistance},
    {"disputes", 0.05, 35, kDisputes},    {"theft_robbery", 0.05, 45, kTheft},
    {"fraud", 0.35, 40, kFraud},          {"public_order", 0.05, 30, kPublicOrder},
    {"noise", 0.15, 12, kNoise},          {"other_crime", 0.02, 60, kOtherCrime},
    {"fire_hazard", 0.05, 50, kFire},     {"tips", 0.50, 30, kTips},
    {"non_police", 0.70, 15, kNonPolice},
};
constexpr LifecycleProfile kNeutral = {"", 0.10, 30, kAssistance};

}  // namespace

const LifecycleProfile& lifecycle_profile(std::string_view call_class) {
  for (const LifecycleProfile& p : kProfiles) {
    if (p.call_class == call_class)
      return p;
  }
  return kNeutral;
}

std::span<const DispositionShare> phone_dispositions() {
  return kPhone;
}

}  // namespace shouwang::sim::calls
