#pragma once
// The words of a bulletin in zh-CN and en: headings, column titles, the sentences' parts,
// and the names of reporting groups, types, areas and periods.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <shouwang/report/briefing_report.h>

namespace shouwang::report::detail {

// The word for `key`; the key itself when the table has none (a test checks that every
// key used has both languages).
std::string_view word(Language language, std::string_view key);
// Every key of the table (for that test).
std::vector<std::string_view> word_keys();

std::string group_name(Language language, std::string_view group);
std::string type_name(const BriefingContext& context, std::string_view code);
std::string area_name(const BriefingContext& context, std::string_view code);

// "2026年11月22日" / "22 November 2026"; the text itself when it is no date.
std::string day_text(Language language, std::string_view day);
// A period of the briefing (its JSON): a day, an ISO week with its days, or a month.
std::string period_text(Language language, const nlohmann::json& period);
// A change against a base, as a bulletin says it: "上升4.35%" / "up 4.35%", "下降…",
// "持平" / "unchanged", "新增" / "new" (no base).
std::string change_text(Language language, const nlohmann::json& percent, std::int64_t current,
                        std::int64_t base);
// Seconds as "5:43".
std::string duration_text(double seconds);
// A share from 0 to 1 as "41.2%".
std::string share_text(double share);

}  // namespace shouwang::report::detail
