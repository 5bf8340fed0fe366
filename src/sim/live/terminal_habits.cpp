#include <algorithm>
#include <array>

#include <shouwang/cad/deadlines.h>
#include <shouwang/sim/terminal_habits.h>

namespace shouwang::sim {
namespace {

struct SceneTimes {
  const char* category;  // the top-level type code
  double min_minutes;
  double max_minutes;
  std::array<const char*, 3> feedback;
};

const std::array<SceneTimes, 9> kScenes{{
    {"01",
     30,
     90,
     {"已到现场勘查，固定证据，案件移交刑侦", "嫌疑人已离开，已调取监控并登记损失",
      "现场已控制，嫌疑人已带回审查"}},
    {"02",
     15,
     45,
     {"现场秩序已恢复，已批评教育", "当事人已带回派出所处理", "已驱散围观人员，无人员受伤"}},
    {"03",
     20,
     50,
     {"事故双方已协商，按简易程序处理", "已疏导交通，车辆已移至路边",
      "伤者已送医，事故移交交警处理"}},
    {"04", 30, 90, {"消防已到场扑救，已疏散群众", "明火已扑灭，无人员伤亡", "已协助消防警戒现场"}},
    {"05", 10, 40, {"已提供帮助，求助人已安全", "已联系家属接回", "已协助送医"}},
    {"06",
     20,
     60,
     {"双方已现场调解，达成一致", "纠纷已劝解，建议通过法律途径解决", "已带双方回所调解"}},
    {"07", 40, 120, {"已协助救援，现场已警戒", "已疏散群众，移交相关部门", "险情已排除"}},
    {"08", 10, 30, {"已核查线索，情况已登记", "现场未发现异常，已登记备查", "线索已移交相关部门"}},
    {"09", 5, 20, {"已答复报警人", "经核查无警情", "已移交相关部门处理"}},
}};

const SceneTimes& scene_of(std::string_view type_code) {
  for (const SceneTimes& s : kScenes) {
    if (type_code.substr(0, 2) == s.category)
      return s;
  }
  return kScenes.back();
}

}  // namespace

double receipt_delay_s(Rng& rng) {
  return rng.uniform(1.0, 4.0);
}

double sign_for_delay_s(int priority, Rng& rng) {
  const double deadline = static_cast<double>(
      cad::DeadlinePolicy{}.seconds(cad::DeadlineKind::kSignFor, std::clamp(priority, 1, 4)));
  const double u = rng.uniform01();
  if (u < 0.80)
    return rng.uniform(5.0, 35.0);
  if (u < 0.94)
    return rng.uniform(std::min(35.0, 0.5 * deadline), 0.9 * deadline);
  return rng.uniform(1.05 * deadline, 1.6 * deadline);
}

double turnout_s(bool parked, Rng& rng) {
  return parked ? rng.uniform(20.0, 90.0) : rng.uniform(5.0, 30.0);
}

double on_scene_s(std::string_view type_code, Rng& rng) {
  const SceneTimes& s = scene_of(type_code);
  return 60.0 * rng.uniform(s.min_minutes, s.max_minutes);
}

double report_s(Rng& rng) {
  return rng.uniform(20.0, 120.0);
}

std::string feedback_text(std::string_view type_code, Rng& rng) {
  const SceneTimes& s = scene_of(type_code);
  return s.feedback[static_cast<std::size_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(s.feedback.size()) - 1))];
}

DriveStyle patrol_style(UnitKind kind) {
  if (kind == UnitKind::kFootPatrol)
    return {1.0, 0.1, 1.4};
  return {0.75, 0.12, 0.0};
}

DriveStyle response_style(UnitKind kind, int priority) {
  if (kind == UnitKind::kFootPatrol)
    return {1.0, 0.1, 3.0};  // running, or an e-bike
  return {priority <= 2 ? 1.15 : 1.0, 0.08, 0.0};
}

}  // namespace shouwang::sim
