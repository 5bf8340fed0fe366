#include "report/words.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace shouwang::report::detail {
namespace {

using nlohmann::json;

struct Entry {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

constexpr Entry kWords[] = {
    {"centre.default", "守望市公安局", "Shouwang City Public Security Bureau"},
    {"scope.centre", "全市", "the city"},
    {"kind.daily", "日报", "Daily Briefing"},
    {"kind.weekly", "周报", "Weekly Briefing"},
    {"kind.monthly", "月报", "Monthly Briefing"},
    {"section.overview", "警情总体情况", "Overview"},
    {"section.groups", "分类警情", "Incidents by reporting group"},
    {"section.trend_hour", "分时段警情", "Incidents by hour"},
    {"section.trend_day", "逐日警情", "Incidents by day"},
    {"section.types", "主要警情类别", "Leading incident types"},
    {"section.areas", "辖区警情", "Incidents by station area"},
    {"section.response", "出警时效", "Response times"},
    {"section.league", "到场时效排名", "Station league table"},
    {"section.hotspots", "警情热点", "Hotspots"},
    {"section.streaks", "连续零刑事发案", "Zero-crime streaks"},
    {"section.safety", "平安指数", "Safety index"},
    {"section.alarms", "预警提示", "Alarms"},
    {"col.indicator", "指标", "Indicator"},
    {"col.value", "数值", "Value"},
    {"col.group", "类别", "Group"},
    {"col.type", "警情类别", "Type"},
    {"col.code", "代码", "Code"},
    {"col.area", "单位", "Area"},
    {"col.current", "本期", "This period"},
    {"col.last_year", "去年同期", "Last year"},
    {"col.yoy", "同比", "YoY"},
    {"col.previous", "上期", "Previous"},
    {"col.pop", "环比", "PoP"},
    {"col.population", "常住人口", "Residents"},
    {"col.rate", "万人发案率", "Per 10,000"},
    {"col.hour", "时段", "Hour"},
    {"col.day", "日期", "Day"},
    {"col.priority", "等级", "Priority"},
    {"col.n", "起数", "n"},
    {"col.mean", "平均", "Mean"},
    {"col.median", "中位", "Median"},
    {"col.p90", "P90", "P90"},
    {"col.missing", "缺时间", "Missing"},
    {"col.out_of_order", "时序异常", "Out of order"},
    {"col.bucket", "签收用时", "Time to sign for"},
    {"col.orders", "派单数", "Orders"},
    {"col.share", "占比", "Share"},
    {"col.rank", "名次", "Rank"},
    {"col.within_standard", "标准内到场率", "Within standard"},
    {"col.cell", "网格", "Cell"},
    {"col.days", "天数", "Days"},
    {"col.since", "起始日", "Since"},
    {"col.index", "指数", "Index"},
    {"col.before", "上期指数", "Previous"},
    {"col.moved_by", "变化主因", "Moved by"},
    {"col.alarm_kind", "类型", "Kind"},
    {"col.alarm", "内容", "Alarm"},
    {"row.total", "合计", "Total"},
    {"row.none", "（未定）", "(none)"},
    {"kpi.total", "警情总数", "Incidents"},
    {"kpi.yoy", "同比", "Year on year"},
    {"kpi.pop", "环比", "Period on period"},
    {"kpi.criminal", "刑事警情", "Criminal incidents"},
    {"kpi.median_arrival", "接警至到场中位时间", "Median call to arrival"},
    {"kpi.within_5min", "5分钟内到场率", "Arrived within 5 minutes"},
    {"kpi.sign_for_in_time", "及时签收率", "Orders signed for in time"},
    {"kpi.alarms", "预警提示", "Alarms"},
    {"part.rate", "发案率", "Rate"},
    {"part.trend", "趋势", "Trend"},
    {"part.clearance", "结案率", "Clearance"},
    {"part.response", "到场时效", "Response"},
    {"alarm.rise", "警情上升", "Rise"},
    {"alarm.late_arrivals", "到场偏慢", "Late arrivals"},
    {"alarm.hotspot", "热点网格", "Hotspot"},
    {"group.criminal", "刑事", "Criminal"},
    {"group.public_order", "治安", "Public order"},
    {"group.traffic", "交通", "Traffic"},
    {"group.fire", "火灾", "Fire"},
    {"group.assistance", "求助", "Assistance"},
    {"group.dispute", "纠纷", "Disputes"},
    {"group.robbery_snatching_theft", "两抢一盗", "Robbery, snatching, theft"},
    {"group.telecom_fraud", "电信诈骗", "Telecom fraud"},
    {"change.no_base", "新增", "new"},
    {"chart.current", "本期", "This period"},
    {"chart.last_year", "去年同期", "Last year"},
    {"chart.previous", "上期", "Previous"},
    {"chart.fewer", "少", "fewer"},
    {"chart.more", "多", "more"},
    {"note.groups_overlap", "一起警情可同时计入多个类别（如两抢一盗同属刑事），合计按警情去重。",
     "An incident can count in more than one group (robbery is also criminal); the total "
     "counts each incident once."},
    {"note.rate", "万人发案率 = 本期警情 ÷ 常住人口 × 10000；无人口数据的单位不计算。",
     "Rate per 10,000 = incidents of the period ÷ residents × 10,000, where the population "
     "is known."},
    {"note.officer_excluded", "出警时效不含民警巡查发现的警情。",
     "Response times leave out incidents found by officers on patrol."},
    {"note.officer_included", "出警时效含民警巡查发现的警情。",
     "Response times include incidents found by officers on patrol."},
    {"note.response_missing",
     "缺少到场时间的警情计入“缺时间”，时间倒序的计入“时序异常”，二者均不参与时长统计。",
     "Incidents without an arrival time count as missing and those with times out of order "
     "as out of order; neither enters the durations."},
    {"note.streaks", "截至本期最后一日，各派出所连续未发生刑事警情的天数（前10名）。",
     "Days without a criminal incident up to the last day of the period, per station (top "
     "10)."},
    {"note.safety", "平安指数0–100，越高越安全：发案率40%、同比趋势20%、结案率20%、到场时效20%。",
     "Safety index 0–100, higher is safer: rate 40%, year-on-year trend 20%, clearance "
     "20%, response 20%."},
    {"note.no_streaks", "截至本期最后一日，各派出所均无连续零刑事发案。",
     "No station is without a criminal incident on the last day of the period."},
    {"note.no_alarms", "本期无预警提示。", "No alarms this period."},
    {"note.what_counts", "统计口径：按受理时间（本地时间）计入；合并警情计入主警情，无效警情不计。",
     "What counts: incidents by the local time of the call; merged incidents count in the "
     "one they joined, cancelled incidents not at all."},
    {"note.not_covered", "注意：记录未完整覆盖 ", "Note: the records do not cover all of "},
    {"sheet.sign_for", "签收用时分布", "Sign-for times"},
    {"footer.generated", "生成时间", "Generated"},
    {"footer.scope", "范围", "Scope"},
};

std::string fixed(double v, int decimals) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

std::optional<Ymd> read_day(std::string_view text) {
  Ymd d;
  if (text.size() != 10 ||
      std::sscanf(std::string(text).c_str(), "%d-%d-%d", &d.year, &d.month, &d.day) != 3 ||
      d.month < 1 || d.month > 12)
    return std::nullopt;
  return d;
}

}  // namespace

std::string_view word(Language language, std::string_view key) {
  for (const Entry& e : kWords) {
    if (e.key == key)
      return language == Language::kZh ? e.zh : e.en;
  }
  return key;
}

std::vector<std::string_view> word_keys() {
  std::vector<std::string_view> keys;
  for (const Entry& e : kWords)
    keys.push_back(e.key);
  return keys;
}

std::string group_name(Language language, std::string_view group) {
  const std::string key = "group." + std::string(group);
  const std::string_view name = word(language, key);
  return name == key ? std::string(group) : std::string(name);
}

std::string type_name(const BriefingContext& context, std::string_view code) {
  if (context.taxonomy != nullptr) {
    if (const cad::IncidentType* type = context.taxonomy->types.find(code))
      return context.language == Language::kZh ? type->name_zh : type->name_en;
  }
  return std::string(code);
}

std::string area_name(const BriefingContext& context, std::string_view code) {
  if (code.empty())
    return std::string(word(context.language, "row.none"));
  if (context.org != nullptr) {
    if (const osm::OrgUnit* unit = context.org->find(code))
      return context.language == Language::kZh ? unit->name : unit->name_en;
  }
  return std::string(code);
}

std::string day_text(Language language, std::string_view day) {
  const auto d = read_day(day);
  if (!d)
    return std::string(day);
  if (language == Language::kZh)
    return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" +
           std::to_string(d->day) + "日";
  return std::to_string(d->day) + " " + std::string(kMonthsEn[d->month - 1]) + " " +
         std::to_string(d->year);
}

std::string period_text(Language language, const json& period) {
  const std::string kind = period.value("kind", "");
  const std::string begin = period.value("begin", "");
  const std::string last = period.value("last", "");
  const auto b = read_day(begin);
  const auto e = read_day(last);
  if (!b || !e)
    return period.value("name", "");
  const bool zh = language == Language::kZh;
  if (kind == "day")
    return day_text(language, begin);
  if (kind == "month")
    return zh ? std::to_string(b->year) + "年" + std::to_string(b->month) + "月"
              : std::string(kMonthsEn[b->month - 1]) + " " + std::to_string(b->year);
  const std::string name = period.value("name", "");  // week:2026-W47
  const auto w = name.find("-W");
  if (kind == "week" && w != std::string::npos) {
    const std::string year = name.substr(name.find(':') + 1, w - name.find(':') - 1);
    const std::string number = std::to_string(std::stoi(name.substr(w + 2)));
    return zh ? year + "年第" + number + "周（" + std::to_string(b->month) + "月" +
                    std::to_string(b->day) + "日—" + std::to_string(e->month) + "月" +
                    std::to_string(e->day) + "日）"
              : "Week " + number + " of " + year + " (" + day_text(language, begin) + " – " +
                    day_text(language, last) + ")";
  }
  return zh ? day_text(language, begin) + "至" + day_text(language, last)
            : day_text(language, begin) + " – " + day_text(language, last);
}

std::string change_text(Language language, const json& percent, std::int64_t current,
                        std::int64_t base) {
  const bool zh = language == Language::kZh;
  if (!percent.is_number()) {
    if (base == 0 && current > 0)
      return zh ? "新增" : "new";
    return zh ? "持平" : "unchanged";
  }
  const double p = percent;
  if (p == 0)
    return zh ? "持平" : "unchanged";
  const std::string amount = fixed(std::fabs(p), 2) + "%";
  if (zh)
    return (p > 0 ? "上升" : "下降") + amount;
  return (p > 0 ? "up " : "down ") + amount;
}

std::string duration_text(double seconds) {
  const auto total = static_cast<std::int64_t>(std::llround(seconds));
  const std::int64_t minutes = total / 60;
  const std::int64_t rest = total % 60;
  return std::to_string(minutes) + ":" + (rest < 10 ? "0" : "") + std::to_string(rest);
}

std::string share_text(double share) {
  return fixed(share * 100.0, 1) + "%";
}

}  // namespace shouwang::report::detail
