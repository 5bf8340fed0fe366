#include "report/briefing_tables.h"

#include <cmath>
#include <cstdio>

#include "report/words.h"

namespace shouwang::report::detail {
namespace {

using nlohmann::json;

std::string fixed(double v, int decimals) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, v);
  return text;
}

std::string w(Language l, std::string_view key) {
  return std::string(word(l, key));
}

std::int64_t integer(const json& v) {
  return v.is_number() ? v.get<std::int64_t>() : 0;
}

// The columns every count table shares after its key columns.
void count_columns(Language l, std::vector<std::string>& header) {
  for (const char* key : {"col.current", "col.last_year", "col.yoy", "col.previous", "col.pop"})
    header.push_back(w(l, key));
}

void count_cells(const json& row, Language l, std::vector<Cell>& cells) {
  cells.push_back(count_cell(row["current"]));
  cells.push_back(count_cell(row["last_year"]));
  cells.push_back(change_cell(row["yoy_percent"], row["last_year"], l));
  cells.push_back(count_cell(row["previous"]));
  cells.push_back(change_cell(row["pop_percent"], row["previous"], l));
}

std::string scope_name(const json& scope, const BriefingContext& c) {
  const std::string level = scope["level"];
  if (level == "centre")
    return w(c.language, "scope.centre");
  return area_name(c, scope["code"].get<std::string>());
}

const json* find_group(const json& groups, std::string_view name) {
  for (const json& row : groups) {
    if (row["key"][0] == name)
      return &row;
  }
  return nullptr;
}

// "本期312起，同比上升4.35%（去年同期299起），环比下降2.10%（上期319起）".
std::string count_sentence(Language l, const json& row) {
  const std::int64_t current = integer(row["current"]);
  const std::int64_t last_year = integer(row["last_year"]);
  const std::int64_t previous = integer(row["previous"]);
  const std::string yoy = change_text(l, row["yoy_percent"], current, last_year);
  const std::string pop = change_text(l, row["pop_percent"], current, previous);
  if (l == Language::kZh)
    return std::to_string(current) + "起，同比" + yoy + "（去年同期" + std::to_string(last_year) +
           "起），环比" + pop + "（上期" + std::to_string(previous) + "起）";
  return std::to_string(current) + ", " + yoy + " on the same period last year (" +
         std::to_string(last_year) + ") and " + pop + " on the previous period (" +
         std::to_string(previous) + ")";
}

Section overview(const json& b, const BriefingContext& c, const std::string& scope,
                 const std::string& period) {
  const Language l = c.language;
  Section s{"overview", w(l, "section.overview"), "", {}, Chart::kNone, ""};
  const json& totals = b["totals"];
  const json& response_total = b["response"]["total"];
  std::string text;
  if (l == Language::kZh) {
    text = period + "，" + scope + "共接报警情" + count_sentence(l, totals) + "。";
    if (const json* criminal = find_group(b["groups"], "criminal"))
      text += "其中刑事警情" + count_sentence(l, *criminal) + "。";
    if (response_total.contains("median_s"))
      text += "接警至到场中位时间" + duration_text(response_total["median_s"]) + "，第90百分位" +
              duration_text(response_total["p90_s"]) + "（" +
              std::to_string(integer(response_total["n"])) + "起）。";
  } else {
    text = (b["kind"] == "daily" ? "On " : "In ") + period + ", " + scope + " recorded " +
           count_sentence(l, totals) + " incidents.";
    if (const json* criminal = find_group(b["groups"], "criminal"))
      text += " Criminal incidents: " + count_sentence(l, *criminal) + ".";
    if (response_total.contains("median_s"))
      text += " Call to arrival: median " + duration_text(response_total["median_s"]) +
              ", 90th percentile " + duration_text(response_total["p90_s"]) + " (" +
              std::to_string(integer(response_total["n"])) + " incidents).";
  }
  s.paragraph = std::move(text);

  Table t{"overview", {w(l, "col.indicator"), w(l, "col.value")}, {}, false};
  const auto add = [&](std::string_view key, Cell cell) {
    t.rows.push_back({text_cell(w(l, key)), std::move(cell)});
  };
  add("kpi.total", count_cell(totals["current"]));
  add("kpi.yoy", change_cell(totals["yoy_percent"], totals["last_year"], l));
  add("kpi.pop", change_cell(totals["pop_percent"], totals["previous"], l));
  if (const json* criminal = find_group(b["groups"], "criminal"))
    add("kpi.criminal", count_cell((*criminal)["current"]));
  add("kpi.median_arrival", duration_cell(response_total.value("median_s", json())));
  for (const json& within : response_total["within"]) {
    if (within["limit_s"] == 300)
      add("kpi.within_5min", share_cell(within["share"]));
  }
  add("kpi.sign_for_in_time", share_cell(b["sign_for"]["total"]["within_standard"]));
  add("kpi.alarms", count_cell(static_cast<std::int64_t>(b["alarms"].size())));
  s.tables.push_back(std::move(t));
  return s;
}

Section groups(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"groups", w(l, "section.groups"), "", {}, Chart::kGroups, ""};
  Table t{"groups", {w(l, "col.group")}, {}, true};
  count_columns(l, t.header);
  for (const json& row : b["groups"]) {
    std::vector<Cell> cells{text_cell(group_name(l, row["key"][0].get<std::string>()))};
    count_cells(row, l, cells);
    t.rows.push_back(std::move(cells));
  }
  std::vector<Cell> total{text_cell(w(l, "row.total"))};
  count_cells(b["totals"], l, total);
  t.rows.push_back(std::move(total));
  s.paragraph = w(l, "note.groups_overlap");
  s.tables.push_back(std::move(t));
  return s;
}

Section trend(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  const json& tr = b["trend"];
  const bool hourly = tr["unit"] == "hour";
  Section s{
      "trend", w(l, hourly ? "section.trend_hour" : "section.trend_day"), "", {}, Chart::kTrend,
      ""};
  Table t{"trend",
          {w(l, hourly ? "col.hour" : "col.day"), w(l, "col.current"), w(l, "col.last_year"),
           w(l, "col.previous")},
          {},
          false};
  // The busiest hour or day, for the sentence.
  std::size_t peak = 0;
  for (std::size_t i = 0; i < tr["labels"].size(); ++i) {
    t.rows.push_back({text_cell(tr["labels"][i].get<std::string>()), count_cell(tr["current"][i]),
                      count_cell(tr["last_year"][i]), count_cell(tr["previous"][i])});
    if (tr["current"][i].get<std::int64_t>() > tr["current"][peak].get<std::int64_t>())
      peak = i;
  }
  if (!tr["labels"].empty() && tr["current"][peak].get<std::int64_t>() > 0) {
    const std::string at = hourly ? tr["labels"][peak].get<std::string>() + ":00"
                                  : day_text(l, tr["labels"][peak].get<std::string>());
    const std::string n = std::to_string(tr["current"][peak].get<std::int64_t>());
    s.paragraph = l == Language::kZh ? "警情高峰：" + at + "（" + n + "起）。"
                                     : "Busiest " + std::string(hourly ? "hour" : "day") + ": " +
                                           at + " (" + n + ").";
  }
  s.tables.push_back(std::move(t));
  return s;
}

Section types(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"types", w(l, "section.types"), "", {}, Chart::kNone, ""};
  Table t{"types", {w(l, "col.code"), w(l, "col.type")}, {}, false};
  count_columns(l, t.header);
  for (const json& row : b["types"]) {
    const std::string code = row["key"][0];
    std::vector<Cell> cells{text_cell(code), text_cell(type_name(c, code))};
    count_cells(row, l, cells);
    t.rows.push_back(std::move(cells));
  }
  s.tables.push_back(std::move(t));
  return s;
}

Section areas(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"areas", w(l, "section.areas"), "", {}, Chart::kNone, ""};
  Table t{"areas", {w(l, "col.code"), w(l, "col.area")}, {}, false};
  count_columns(l, t.header);
  t.header.push_back(w(l, "col.population"));
  t.header.push_back(w(l, "col.rate"));
  for (const json& row : b["areas"]) {
    const std::string code = row["key"][0];
    std::vector<Cell> cells{text_cell(code),
                            text_cell(code.empty() ? w(l, "row.none") : area_name(c, code))};
    count_cells(row, l, cells);
    cells.push_back(row.contains("population") ? count_cell(row["population"]) : no_number());
    cells.push_back(row.contains("rate_per_10k") ? decimal_cell(row["rate_per_10k"], 2)
                                                 : no_number());
    t.rows.push_back(std::move(cells));
  }
  s.paragraph = w(l, "note.rate");
  s.tables.push_back(std::move(t));
  return s;
}

Section response(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  const json& r = b["response"];
  Section s{"response", w(l, "section.response"), "", {}, Chart::kNone, ""};
  Table t{
      "response",
      {w(l, "col.priority"), w(l, "col.n"), w(l, "col.mean"), w(l, "col.median"), w(l, "col.p90")},
      {},
      true};
  for (const json& limit : r["limits_s"])
    t.header.push_back((l == Language::kZh ? "≤" : "≤ ") + duration_text(limit.get<double>()));
  t.header.push_back(w(l, "col.missing"));
  t.header.push_back(w(l, "col.out_of_order"));
  const auto add = [&](const json& row, std::string label) {
    std::vector<Cell> cells{text_cell(std::move(label)), count_cell(row["n"]),
                            duration_cell(row.value("mean_s", json())),
                            duration_cell(row.value("median_s", json())),
                            duration_cell(row.value("p90_s", json()))};
    for (const json& within : row["within"])
      cells.push_back(share_cell(within["share"]));
    cells.push_back(count_cell(row["missing"]));
    cells.push_back(count_cell(row["out_of_order"]));
    t.rows.push_back(std::move(cells));
  };
  for (const json& row : r["rows"])
    add(row, "P" + row["key"][0].get<std::string>());
  add(r["total"], w(l, "row.total"));
  s.tables.push_back(std::move(t));

  // Sign-for: how the orders of the period fell into the 110 rules' buckets.
  const json& sf = b["sign_for"];
  Table buckets{"sign_for", {w(l, "col.bucket"), w(l, "col.orders"), w(l, "col.share")}, {}, true};
  const json& counts = sf["total"]["buckets"];
  std::int64_t all = 0;
  for (const json& n : counts)
    all += n.get<std::int64_t>();
  double lower = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const bool last = i >= sf["bounds_s"].size();
    const std::string label =
        last ? "> " + duration_text(lower)
             : duration_text(lower) + "–" + duration_text(sf["bounds_s"][i].get<double>());
    const std::int64_t n = counts[i];
    buckets.rows.push_back({text_cell(label), count_cell(n),
                            all > 0 ? share_cell(static_cast<double>(n) / all) : no_number()});
    if (!last)
      lower = sf["bounds_s"][i];
  }
  buckets.rows.push_back({text_cell(w(l, "row.total")), count_cell(all), text_cell("")});
  s.tables.push_back(std::move(buckets));
  s.paragraph = std::string(w(l, r["officer_initiated"].get<bool>() ? "note.officer_included"
                                                                    : "note.officer_excluded")) +
                " " + w(l, "note.response_missing");
  return s;
}

Section league(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  const json& lg = b["league"];
  Section s{"league", w(l, "section.league"), "", {}, Chart::kLeague, ""};
  Table t{"league",
          {w(l, "col.rank"), w(l, "col.code"), w(l, "col.area"), w(l, "col.orders"),
           w(l, "col.within_standard"), w(l, "col.median")},
          {},
          false};
  for (const json& row : lg["rows"]) {
    const std::string code = row["key"];
    t.rows.push_back({count_cell(row["rank"]), text_cell(code), text_cell(area_name(c, code)),
                      count_cell(row["n"]), share_cell(row["within_standard"]),
                      duration_cell(row["median_s"])});
  }
  const std::string standard = duration_text(lg["standard_s"].get<double>());
  s.paragraph = l == Language::kZh
                    ? "按派警至到场在" + standard + "以内的比例排名，比例相同时按中位时间。"
                    : "Ranked by the share of orders arriving within " + standard +
                          " of issue, then by the median.";
  s.tables.push_back(std::move(t));
  return s;
}

Section hotspots(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  const json& h = b["hotspots"];
  Section s{"hotspots", w(l, "section.hotspots"), "", {}, Chart::kHotspots, ""};
  Table t{"hotspots",
          {w(l, "col.rank"), w(l, "col.cell"), w(l, "col.area"), w(l, "col.current")},
          {},
          false};
  const double dlat = h["cell_degrees"]["lat"];
  const double dlon = h["cell_degrees"]["lon"];
  for (std::size_t i = 0; i < h["cells"].size() && i < 10; ++i) {
    const json& cell = h["cells"][i];
    std::string station;
    if (c.org != nullptr) {
      const LatLon centre{cell["south"].get<double>() + dlat / 2,
                          cell["west"].get<double>() + dlon / 2};
      station = area_name(c, c.org->station_at(centre));
    }
    t.rows.push_back({count_cell(static_cast<std::int64_t>(i + 1)),
                      text_cell(cell["key"].get<std::string>()), text_cell(station),
                      count_cell(cell["count"])});
  }
  const std::string side = fixed(h["cell_metres"].get<double>(), 0);
  s.paragraph = l == Language::kZh ? "按边长" + side + "米的网格统计本期警情，颜色越深警情越多。"
                                   : "Incidents of the period on a grid of " + side +
                                         " m squares; the darker, the more.";
  s.tables.push_back(std::move(t));
  return s;
}

Section streaks(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"streaks", w(l, "section.streaks"), w(l, "note.streaks"), {}, Chart::kNone, ""};
  Table t{"streaks",
          {w(l, "col.code"), w(l, "col.area"), w(l, "col.days"), w(l, "col.since")},
          {},
          false};
  for (const json& row : b["streaks"]) {
    const std::string code = row["key"];
    Cell d = count_cell(row["days"]);
    if (row["at_least"].get<bool>())
      d.text = (l == Language::kZh ? "≥" : "≥ ") + d.text;
    t.rows.push_back({text_cell(code), text_cell(area_name(c, code)), std::move(d),
                      text_cell(day_text(l, row["since"].get<std::string>()))});
  }
  if (t.rows.empty())
    s.paragraph = w(l, "note.no_streaks");
  else
    s.tables.push_back(std::move(t));
  return s;
}

Section safety(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"safety", w(l, "section.safety"), w(l, "note.safety"), {}, Chart::kNone, ""};
  Table t{
      "safety",
      {w(l, "col.code"), w(l, "col.area"), w(l, "col.index"), w(l, "part.rate"), w(l, "part.trend"),
       w(l, "part.clearance"), w(l, "part.response"), w(l, "col.before"), w(l, "col.moved_by")},
      {},
      false};
  for (const json& row : b["safety"]) {
    const std::string code = row["key"];
    std::vector<Cell> cells{text_cell(code), text_cell(area_name(c, code)),
                            decimal_cell(row["now"]["index"], 1)};
    for (const json& part : row["now"]["parts"])
      cells.push_back(part["value"].is_null() && part["name"] != "trend"
                          ? no_number()
                          : decimal_cell(part["score"], 1));
    cells.push_back(decimal_cell(row["before"]["index"], 1));
    if (row["moved_by"].is_null()) {
      cells.push_back(text_cell(""));
    } else {
      const double points = row["moved_by_points"];
      cells.push_back(text_cell(w(l, "part." + row["moved_by"].get<std::string>()) + " " +
                                (points >= 0 ? "+" : "") + fixed(points, 1)));
    }
    t.rows.push_back(std::move(cells));
  }
  s.tables.push_back(std::move(t));
  return s;
}

std::string alarm_text(const json& a, const BriefingContext& c) {
  const Language l = c.language;
  const std::string kind = a["kind"];
  if (kind == "rise") {
    const std::string what = a["dimension"] == "group" ? group_name(l, a["key"].get<std::string>())
                                                       : type_name(c, a["key"].get<std::string>());
    const bool yoy = a["base"] == "last_year";
    const std::string pct = fixed(a["percent"].get<double>(), 2) + "%";
    const std::string now = std::to_string(a["current"].get<std::int64_t>());
    const std::string before = std::to_string(a["before"].get<std::int64_t>());
    if (l == Language::kZh)
      return what + "警情" + (yoy ? "同比" : "环比") + "上升" + pct + "（" + before + "→" + now +
             "起），请关注。";
    return what + ": up " + pct + (yoy ? " on last year" : " on the previous period") + " (" +
           before + " → " + now + ").";
  }
  if (kind == "late_arrivals") {
    const std::string who = area_name(c, a["station"].get<std::string>());
    const std::string share = share_text(a["within_standard"]);
    const std::string standard = duration_text(a["standard_s"].get<double>());
    if (l == Language::kZh)
      return who + "派警后" + standard + "内到场率仅" + share + "（" +
             std::to_string(a["n"].get<std::int64_t>()) + "单），低于要求。";
    return who + ": only " + share + " of " + std::to_string(a["n"].get<std::int64_t>()) +
           " orders arrived within " + standard + ".";
  }
  const std::string count = std::to_string(a["count"].get<std::int64_t>());
  const std::string times = fixed(a["times_mean"].get<double>(), 1);
  if (l == Language::kZh)
    return "网格" + a["cell"].get<std::string>() + "本期警情" + count + "起，为平均网格的" + times +
           "倍，建议加强巡防。";
  return "Grid cell " + a["cell"].get<std::string>() + ": " + count + " incidents, " + times +
         " times the mean busy cell.";
}

Section alarms(const json& b, const BriefingContext& c) {
  const Language l = c.language;
  Section s{"alarms", w(l, "section.alarms"), "", {}, Chart::kNone, ""};
  Table t{"alarms", {w(l, "col.alarm_kind"), w(l, "col.alarm")}, {}, false};
  for (const json& a : b["alarms"])
    t.rows.push_back(
        {text_cell(w(l, "alarm." + a["kind"].get<std::string>())), text_cell(alarm_text(a, c))});
  if (t.rows.empty())
    s.paragraph = w(l, "note.no_alarms");
  else
    s.tables.push_back(std::move(t));
  return s;
}

// Chinese section numbers for the headings.
constexpr const char* kZhNumbers[] = {"一", "二", "三", "四", "五",   "六",
                                      "七", "八", "九", "十", "十一", "十二"};

}  // namespace

Cell no_number() {
  return {"—", std::nullopt, CellFormat::kDecimal};
}

Cell text_cell(std::string text) {
  return {std::move(text), std::nullopt, CellFormat::kText};
}

Cell count_cell(const json& v) {
  if (!v.is_number())
    return no_number();
  return {std::to_string(v.get<std::int64_t>()), v.get<double>(), CellFormat::kCount};
}

Cell change_cell(const json& percent, const json& base, Language language) {
  if (!percent.is_number()) {
    const bool none_before = base.is_number() && base.get<std::int64_t>() == 0;
    return {none_before ? std::string(word(language, "change.no_base")) : "—", std::nullopt,
            CellFormat::kChange};
  }
  const double p = percent;
  return {(p > 0 ? "+" : "") + fixed(p, 2) + "%", p / 100.0, CellFormat::kChange};
}

Cell share_cell(const json& v) {
  if (!v.is_number())
    return no_number();
  return {share_text(v), v.get<double>(), CellFormat::kShare};
}

Cell duration_cell(const json& seconds) {
  if (!seconds.is_number())
    return no_number();
  return {duration_text(seconds), seconds.get<double>(), CellFormat::kDuration};
}

Cell decimal_cell(const json& v, int decimals) {
  if (!v.is_number())
    return no_number();
  return {fixed(v, decimals), v.get<double>(), CellFormat::kDecimal};
}

Result<BriefingDocument> build_document(const json& b, const BriefingContext& c) {
  for (const char* key :
       {"kind", "scope", "period", "totals", "groups", "types", "trend", "areas", "response",
        "league", "sign_for", "hotspots", "streaks", "safety", "alarms"}) {
    if (!b.contains(key))
      return Error(Errc::kInvalidArgument, std::string("the briefing has no '") + key + "'", key);
  }
  const Language l = c.language;
  BriefingDocument doc;
  const std::string kind = b["kind"];
  doc.scope = scope_name(b["scope"], c);
  doc.subtitle = period_text(l, b["period"]);
  const std::string centre = c.centre_name.empty() ? w(l, "centre.default") : c.centre_name;
  doc.title = l == Language::kZh ? centre + "110警情" + w(l, "kind." + kind)
                                 : centre + " — 110 " + w(l, "kind." + kind);
  if (b["scope"]["level"] != "centre")
    doc.title += l == Language::kZh ? "（" + doc.scope + "）" : " (" + doc.scope + ")";

  std::vector<Section> sections{overview(b, c, doc.scope, doc.subtitle), groups(b, c), trend(b, c),
                                types(b, c)};
  if (!b["areas"].empty())
    sections.push_back(areas(b, c));
  for (Section s :
       {response(b, c), league(b, c), hotspots(b, c), streaks(b, c), safety(b, c), alarms(b, c)})
    sections.push_back(std::move(s));
  for (std::size_t i = 0; i < sections.size(); ++i) {
    sections[i].name = sections[i].heading;
    sections[i].heading = l == Language::kZh
                              ? std::string(kZhNumbers[i]) + "、" + sections[i].heading
                              : std::to_string(i + 1) + ". " + sections[i].heading;
  }
  doc.sections = std::move(sections);

  doc.notes.push_back(w(l, "note.what_counts"));
  for (const char* p : {"period", "last_year", "previous"}) {
    if (b.contains(p) && !b[p]["covered"].get<bool>())
      doc.notes.push_back(std::string(w(l, "note.not_covered")) + period_text(l, b[p]));
  }
  return doc;
}

}  // namespace shouwang::report::detail
