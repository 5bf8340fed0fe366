#pragma once
// Call models of the demo city (demo_city_dir.h), built once per (seed, rate) and process,
// and the little arithmetic the statistical tests share.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/sim/call_model.h>

namespace shouwang::sim::testing {

// The model of the demo city with the shipped taxonomy, China Standard Time; a failure to
// build throws, which fails the calling test.
const CallModel& demo_model(std::uint64_t seed, double calls_per_day);

// An ISO 8601 time; a malformed one fails the calling test.
UtcTime at(const std::string& iso);

// The local (UTC+8) hour and weekday (0 = Monday) of t.
int local_hour(UtcTime t);
int local_weekday(UtcTime t);

// Whether the type code lies under (or is) `prefix`.
bool under(const std::string& code, const std::string& prefix);

// Calls whose type lies under one of the prefixes.
std::vector<GeneratedCall> of_types(const std::vector<GeneratedCall>& calls,
                                    const std::vector<std::string>& prefixes);

}  // namespace shouwang::sim::testing
