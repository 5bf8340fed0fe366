#include "sim/calls/call_classes.h"

// The table. Shares follow what Chinese bureaus publish on 110 day (docs/formats/call-model.md
// quotes them): of the calls that need the police, roughly a fifth are traffic, a fifth to
// a half assistance, a tenth disputes and a tenth to a quarter offences. The hourly
// profiles put the trough at 04:00-05:00 and the peak in the evening, with a morning rush
// for traffic and office hours for fraud reports. Weights inside a class are estimates.

namespace shouwang::sim::calls {
namespace {

constexpr int kHome = static_cast<int>(Setting::kHome);
constexpr int kBusy = static_cast<int>(Setting::kBusy);
constexpr int kRoad = static_cast<int>(Setting::kRoad);

// 交通: collisions, congestion, parking (挪车), drink driving.
constexpr TypeShare kTraffic[] = {
    {"030102", 0.42, 1, -1, 0},  {"030101", 0.08, 1, -1, 0}, {"030103", 0.04, 1, -1, 0},
    {"030104", 0.005, 1, -1, 0}, {"0302", 0.11, 2.5, -1, 0}, {"0303", 0.03, 0.5, -1, 0},
    {"0304", 0.20, 2.0, -1, 0},  {"0305", 0.05, 1, -1, 0},   {"0306", 0.03, 1, -1, 0},
    {"0607", 0.05, 1, -1, 0},
};
// 群众求助: lockouts, lifts, medical, the lost and the missing.
constexpr TypeShare kAssistance[] = {
    {"050402", 0.14, 0.3, kHome, 0}, {"050401", 0.07, 0.5, -1, 0},  {"0505", 0.12, 1.5, -1, 0},
    {"0506", 0.08, 2.0, -1, 0},      {"0507", 0.05, 1, -1, 0},      {"050101", 0.04, 3.0, -1, 0},
    {"050102", 0.05, 1.5, -1, 0},    {"0501", 0.02, 2.0, -1, 0},    {"0502", 0.04, 0.5, -1, 0},
    {"0503", 0.01, 0.1, -1, 0},      {"0508", 0.15, 3.0, kBusy, 0}, {"0509", 0.05, 0.5, -1, 0},
    {"0510", 0.06, 0.2, kHome, 0},   {"0504", 0.02, 0.5, -1, 0},
};
// 纠纷.
constexpr TypeShare kDisputes[] = {
    {"0601", 0.22, 0.1, kHome, 0}, {"0602", 0.18, 0.1, kHome, 0}, {"0603", 0.10, 1, -1, 0},
    {"0604", 0.08, 0.5, kBusy, 0}, {"0605", 0.22, 3.0, kBusy, 0}, {"0606", 0.04, 0.2, kBusy, 0},
    {"0608", 0.12, 0.1, kHome, 0},
};
// 两抢一盗. Burglary and vehicle-related thefts repeat nearby.
constexpr TypeShare kTheft[] = {
    {"010501", 0.15, 0.2, kHome, 0.35}, {"010502", 0.03, 0.5, kRoad, 0.20},
    {"010503", 0.25, 1.0, -1, 0.30},    {"010504", 0.12, 6.0, kBusy, 0},
    {"010505", 0.10, 1.0, kRoad, 0.30}, {"010506", 0.08, 2.0, kBusy, 0.15},
    {"0105", 0.17, 1.5, -1, 0},         {"0104", 0.04, 2.0, -1, 0},
    {"010401", 0.02, 1.5, kRoad, 0},    {"0103", 0.02, 1.0, -1, 0},
    {"010303", 0.015, 1.5, kRoad, 0},   {"010302", 0.003, 0, kHome, 0},
    {"010301", 0.002, 1.0, kBusy, 0},
};
// 电信网络诈骗 and face-to-face fraud: victims report from home, mostly in office hours.
constexpr TypeShare kFraud[] = {
    {"010601", 0.10, 0.5, -1, 0},   {"01060101", 0.15, 0.5, -1, 0},  {"01060102", 0.25, 0.5, -1, 0},
    {"01060103", 0.15, 0.5, -1, 0}, {"01060104", 0.10, 0.5, -1, 0},  {"01060105", 0.12, 0.5, -1, 0},
    {"01060106", 0.05, 0.5, -1, 0}, {"010602", 0.08, 4.0, kBusy, 0},
};
// 治安: fights, harassment, drunkenness, domestic violence, suspicious persons.
constexpr TypeShare kPublicOrder[] = {
    {"0201", 0.25, 1.5, -1, 0},    {"0202", 0.02, 1.5, -1, 0},    {"0203", 0.12, 1.5, -1, 0},
    {"0204", 0.05, 0.3, kHome, 0}, {"0205", 0.02, 0.5, -1, 0},    {"0206", 0.02, 0.5, -1, 0},
    {"0208", 0.12, 1.5, -1, 0},    {"0209", 0.03, 2.0, kBusy, 0}, {"0210", 0.02, 2.0, -1, 0},
    {"0211", 0.15, 1.5, -1, 0},    {"0212", 0.15, 0, kHome, 0},   {"0213", 0.01, 2.0, kBusy, 0},
    {"0214", 0.01, 0.5, -1, 0},
};
// 噪声扰民.
constexpr TypeShare kNoise[] = {{"0207", 1.0, 1, -1, 0}};
// Other offences against persons and property.
constexpr TypeShare kOtherCrime[] = {
    {"0102", 0.35, 1.5, -1, 0},  {"0114", 0.40, 1, -1, 0},       {"0113", 0.05, 1, -1, 0},
    {"0108", 0.05, 0.5, -1, 0},  {"0101", 0.005, 0.5, kHome, 0}, {"0107", 0.005, 0.5, -1, 0},
    {"0109", 0.005, 2.0, -1, 0}, {"0110", 0.03, 0.5, -1, 0},     {"0111", 0.002, 1, -1, 0},
    {"0112", 0.02, 1, -1, 0},
};
// Fires and hazards the police attend with the fire service (119) or others.
constexpr TypeShare kFireHazard[] = {
    {"040101", 0.25, 0.2, kHome, 0}, {"040102", 0.03, 0.2, kHome, 0}, {"0402", 0.12, 1, kRoad, 0},
    {"0403", 0.03, 0, -1, 0},        {"0404", 0.15, 0.3, kHome, 0},   {"0405", 0.01, 0.5, -1, 0},
    {"0702", 0.20, 0.3, kHome, 0},   {"0701", 0.02, 0.5, kRoad, 0},   {"0703", 0.01, 0.5, -1, 0},
    {"0704", 0.05, 0.5, -1, 0},      {"0705", 0.13, 0.5, kBusy, 0},
};
// 线索举报.
constexpr TypeShare kTips[] = {{"0801", 0.8, 1, -1, 0}, {"0802", 0.2, 2.0, -1, 0}};
// Enquiries, complaints and requests for other agencies that still became incidents
// (nuisance calls and misdials never do, so the model leaves 0904 and 0905 out).
constexpr TypeShare kNonPolice[] = {
    {"0901", 0.35, 1, -1, 0}, {"0902", 0.25, 1, -1, 0}, {"0903", 0.40, 1, -1, 0}};

// Hourly profiles are for local hours 00 .. 23; settings are home, busy place, road.
constexpr CallClass kClasses[] = {
    {.name = "traffic",
     .share = 0.22,
     .by_hour = {0.35, 0.25, 0.20, 0.15, 0.15, 0.25, 0.60, 1.30, 1.70, 1.40, 1.20, 1.20,
                 1.20, 1.20, 1.20, 1.30, 1.50, 1.80, 1.80, 1.40, 1.10, 0.90, 0.70, 0.50},
     .weekend = 0.85,
     .weekend_nights = 1.0,
     .season_amplitude = 0.05,
     .season_peak_day = 15,
     .winter_holidays = 0.10,
     .settings = {0.05, 0.10, 0.85},
     .hotspot_share = 0.08,
     .types = kTraffic},
    {.name = "assistance",
     .share = 0.24,
     .by_hour = {0.60, 0.45, 0.35, 0.30, 0.30, 0.40, 0.60, 0.90, 1.10, 1.20, 1.20, 1.20,
                 1.20, 1.20, 1.20, 1.20, 1.25, 1.30, 1.40, 1.45, 1.45, 1.35, 1.10, 0.85},
     .weekend = 1.05,
     .weekend_nights = 1.1,
     .season_amplitude = 0.08,
     .season_peak_day = 210,
     .winter_holidays = 0.0,
     .settings = {0.55, 0.30, 0.15},
     .hotspot_share = 0.10,
     .types = kAssistance},
    {.name = "disputes",
     .share = 0.13,
     .by_hour = {0.70, 0.45, 0.30, 0.20, 0.15, 0.20, 0.35, 0.60, 0.90, 1.10, 1.20, 1.25,
                 1.25, 1.20, 1.20, 1.25, 1.30, 1.40, 1.60, 1.75, 1.80, 1.65, 1.35, 1.00},
     .weekend = 1.10,
     .weekend_nights = 1.35,
     .season_amplitude = 0.15,
     .season_peak_day = 200,
     .winter_holidays = 0.0,
     .settings = {0.55, 0.35, 0.10},
     .hotspot_share = 0.15,
     .types = kDisputes},
    {.name = "theft_robbery",
     .share = 0.1,
     .by_hour = {0.70, 0.55, 0.45, 0.40, 0.35, 0.40, 0.60, 0.90, 1.20, 1.35, 1.35, 1.30,
                 1.20, 1.20, 1.20, 1.25, 1.30, 1.35, 1.35, 1.30, 1.20, 1.10, 0.95, 0.80},
     .weekend = 1.05,
     .weekend_nights = 1.1,
     .season_amplitude = 0.10,
     .season_peak_day = 15,
     .winter_holidays = 0.25,
     .settings = {0.45, 0.40, 0.15},
     .hotspot_share = 0.30,
     .types = kTheft},
    {.name = "fraud",
     .share = 0.05,
     .by_hour = {0.25, 0.15, 0.10, 0.08, 0.08, 0.10, 0.30, 0.70, 1.20, 1.60, 1.75, 1.70,
                 1.45, 1.45, 1.60, 1.65, 1.60, 1.50, 1.30, 1.20, 1.10, 0.95, 0.70, 0.45},
     .weekend = 0.75,
     .weekend_nights = 1.0,
     .season_amplitude = 0.10,
     .season_peak_day = 350,
     .winter_holidays = 0.30,
     .settings = {0.85, 0.15, 0.0},
     .hotspot_share = 0.05,
     .types = kFraud},
    {.name = "public_order",
     .share = 0.1,
     .by_hour = {1.60, 1.40, 1.00, 0.60, 0.35, 0.25, 0.30, 0.40, 0.55, 0.65, 0.75, 0.80,
                 0.85, 0.85, 0.85, 0.90, 0.95, 1.05, 1.25, 1.45, 1.60, 1.75, 1.85, 1.80},
     .weekend = 1.10,
     .weekend_nights = 1.60,
     .season_amplitude = 0.18,
     .season_peak_day = 200,
     .winter_holidays = 0.0,
     .settings = {0.35, 0.50, 0.15},
     .hotspot_share = 0.25,
     .types = kPublicOrder},
    {.name = "noise",
     .share = 0.035,
     .by_hour = {1.60, 0.90, 0.40, 0.20, 0.15, 0.20, 0.40, 0.60, 0.60, 0.55, 0.50, 0.50,
                 0.60, 0.55, 0.50, 0.50, 0.55, 0.70, 1.00, 1.50, 2.20, 2.80, 2.90, 2.40},
     .weekend = 1.10,
     .weekend_nights = 1.50,
     .season_amplitude = 0.30,
     .season_peak_day = 205,
     .winter_holidays = 0.0,
     .settings = {0.85, 0.15, 0.0},
     .hotspot_share = 0.05,
     .types = kNoise},
    {.name = "other_crime",
     .share = 0.02,
     .by_hour = {1.20, 1.10, 0.90, 0.60, 0.40, 0.35, 0.45, 0.60, 0.80, 0.90, 0.95, 1.00,
                 1.00, 1.00, 1.00, 1.00, 1.05, 1.10, 1.20, 1.30, 1.40, 1.45, 1.45, 1.35},
     .weekend = 1.05,
     .weekend_nights = 1.30,
     .season_amplitude = 0.10,
     .season_peak_day = 200,
     .winter_holidays = 0.0,
     .settings = {0.50, 0.35, 0.15},
     .hotspot_share = 0.10,
     .types = kOtherCrime},
    {.name = "fire_hazard",
     .share = 0.015,
     .by_hour = {0.60, 0.50, 0.45, 0.40, 0.40, 0.45, 0.60, 0.80, 0.95, 1.05, 1.15, 1.30,
                 1.30, 1.15, 1.10, 1.15, 1.25, 1.40, 1.50, 1.45, 1.30, 1.15, 0.95, 0.80},
     .weekend = 1.0,
     .weekend_nights = 1.0,
     .season_amplitude = 0.25,
     .season_peak_day = 15,
     .winter_holidays = 0.0,
     .settings = {0.55, 0.25, 0.20},
     .hotspot_share = 0.02,
     .types = kFireHazard},
    {.name = "tips",
     .share = 0.015,
     .by_hour = {0.40, 0.30, 0.20, 0.15, 0.15, 0.20, 0.40, 0.80, 1.20, 1.40, 1.45, 1.40,
                 1.20, 1.30, 1.40, 1.40, 1.35, 1.25, 1.15, 1.10, 1.05, 0.95, 0.75, 0.55},
     .weekend = 0.90,
     .weekend_nights = 1.0,
     .season_amplitude = 0.0,
     .season_peak_day = 0,
     .winter_holidays = 0.0,
     .settings = {0.50, 0.40, 0.10},
     .hotspot_share = 0.10,
     .types = kTips},
    {.name = "non_police",
     .share = 0.05,
     .by_hour = {0.45, 0.30, 0.20, 0.15, 0.15, 0.25, 0.50, 0.90, 1.30, 1.45, 1.45, 1.40,
                 1.30, 1.30, 1.40, 1.40, 1.35, 1.30, 1.25, 1.20, 1.10, 0.95, 0.75, 0.55},
     .weekend = 0.95,
     .weekend_nights = 1.0,
     .season_amplitude = 0.0,
     .season_peak_day = 0,
     .winter_holidays = 0.0,
     .settings = {0.60, 0.30, 0.10},
     .hotspot_share = 0.05,
     .types = kNonPolice},
};

}  // namespace

std::span<const CallClass> call_classes() {
  return kClasses;
}

}  // namespace shouwang::sim::calls
