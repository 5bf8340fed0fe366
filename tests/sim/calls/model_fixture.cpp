#include "model_fixture.h"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <utility>

#include <gtest/gtest.h>

#include "demo_city_dir.h"

namespace shouwang::sim::testing {

const CallModel& demo_model(std::uint64_t seed, double calls_per_day) {
  static std::mutex mutex;
  static std::map<std::pair<std::uint64_t, double>, std::unique_ptr<CallModel>> models;
  std::lock_guard lock(mutex);
  auto& model = models[{seed, calls_per_day}];
  if (!model) {
    auto built = CallModel::build(demo_city_dir(), taxonomy(), {seed, calls_per_day, 480});
    // gtest reports the exception as the calling test's failure.
    if (!built)
      throw std::runtime_error("the demo city's call model: " + built.error().to_string());
    model = std::make_unique<CallModel>(std::move(built).value());
  }
  return *model;
}

UtcTime at(const std::string& iso) {
  auto t = UtcTime::parse_iso8601(iso);
  EXPECT_TRUE(t.ok()) << iso;
  return t.ok() ? *t : UtcTime();
}

namespace {
std::int64_t local_seconds(UtcTime t) {
  return t.micros() / 1'000'000 + 8 * 3600;
}
}  // namespace

int local_hour(UtcTime t) {
  return static_cast<int>((local_seconds(t) % 86'400) / 3600);
}

int local_weekday(UtcTime t) {
  return static_cast<int>((local_seconds(t) / 86'400 + 3) % 7);
}

bool under(const std::string& code, const std::string& prefix) {
  return code.compare(0, prefix.size(), prefix) == 0;
}

std::vector<GeneratedCall> of_types(const std::vector<GeneratedCall>& calls,
                                    const std::vector<std::string>& prefixes) {
  std::vector<GeneratedCall> out;
  for (const GeneratedCall& c : calls) {
    for (const std::string& p : prefixes) {
      if (under(c.type_code, p)) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

}  // namespace shouwang::sim::testing
