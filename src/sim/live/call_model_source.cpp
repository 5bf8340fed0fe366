// The city's call model as the simulation's CallSource.

#include <cstdio>

#include <shouwang/sim/call_model.h>
#include <shouwang/sim/call_source.h>

namespace shouwang::sim {
namespace {

class CallModelSource final : public CallSource {
 public:
  explicit CallModelSource(CallModel model) : model_(std::move(model)) {}
  std::vector<GeneratedCall> generate(UtcTime from, UtcTime to) override {
    return model_.generate(from, to);
  }
  [[nodiscard]] double expected_rate(UtcTime t) const override { return model_.expected_rate(t); }
  [[nodiscard]] std::string describe() const override {
    char text[96];
    std::snprintf(text, sizeof text, "call model (%.0f calls a day on average, %zu hotspots)",
                  model_.calls_per_day(), model_.hotspots().size());
    return text;
  }

 private:
  CallModel model_;
};

}  // namespace

Result<std::unique_ptr<CallSource>> make_call_model_source(const std::filesystem::path& data_dir,
                                                           const cad::Taxonomy& taxonomy,
                                                           double calls_per_hour,
                                                           std::uint64_t seed,
                                                           std::int32_t utc_offset_minutes) {
  CallModelOptions options;
  options.seed = seed;
  options.calls_per_day = calls_per_hour > 0.0 ? calls_per_hour * 24.0 : 0.0;
  options.utc_offset_minutes = utc_offset_minutes;
  auto model = CallModel::build(data_dir, taxonomy, options);
  if (!model)
    return model.error();
  return std::unique_ptr<CallSource>(std::make_unique<CallModelSource>(std::move(model).value()));
}

}  // namespace shouwang::sim
