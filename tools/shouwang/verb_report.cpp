// shouwang report daily|weekly|monthly (--data DIR | --db URL) [...]: the briefing of a
// centre, sub-bureau or station for a day, an ISO week or a month, written as HTML with
// charts, PDF (printed by headless chromium), XLSX, or the briefing JSON of the API.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/report/briefing_report.h>
#include <shouwang/server/briefing.h>

#include "cli_args.h"
#include "stats_source.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<FlagSpec> all_flags() {
  std::vector<FlagSpec> flags = stats_source_flags();
  const std::vector<FlagSpec> own = {
      {"date", true, "a day inside the period (default: yesterday, last week, last month)"},
      {"station", true, "the briefing of one station (its code)"},
      {"district", true, "the briefing of one sub-bureau (its code)"},
      {"format", true, "html (default), pdf, xlsx or json; several comma-separated"},
      {"lang", true, "zh (default) or en"},
      {"out", true, "the file to write (one format), else the directory (default: .)"},
      {"centre-name", true, "the bureau named in the title (default: from the city)"},
      {"help", false, "show this help"},
  };
  flags.insert(flags.end(), own.begin(), own.end());
  return flags;
}

constexpr const char* kUsage =
    "usage: shouwang report daily|weekly|monthly (--data DIR | --db URL) [--date D]\n"
    "                       [--station CODE | --district CODE] [--format html,pdf,xlsx,json]\n"
    "                       [--lang zh|en] [--out PATH]\n"
    "       e.g. shouwang report daily --data city --format html,pdf\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang report: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang report: " << message << "\n";
  return kExitFailure;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    parts.push_back(
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return parts;
}

// "2026-11-23 08:00" in the centre's time.
std::string local_minute(std::int32_t offset_minutes) {
  const UtcTime now = SystemClock().now();
  const UtcTime shifted =
      UtcTime::from_micros(now.micros() + std::int64_t{offset_minutes} * 60'000'000);
  std::string text = shifted.to_iso8601();
  text[10] = ' ';
  return text.substr(0, 16);
}

Status write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out)
    return Error(Errc::kIoError, path.string() + ": cannot write");
  return {};
}

}  // namespace

int run_report(const std::vector<std::string>& argv) {
  const std::vector<FlagSpec> flags = all_flags();
  const auto args = Args::parse(argv, flags, 1);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(flags);
    return kExitOk;
  }
  if (args->positional().size() != 1)
    return usage_error("name the briefing: daily, weekly or monthly");
  const std::string kind = args->positional().front();
  if (kind != "daily" && kind != "weekly" && kind != "monthly")
    return usage_error("the briefing is daily, weekly or monthly, not '" + kind + "'");
  const std::string lang = args->get("lang").value_or("zh");
  if (lang != "zh" && lang != "en")
    return usage_error("--lang is zh or en, not '" + lang + "'");
  std::set<std::string> formats;
  for (const std::string& f : split(args->get("format").value_or("html"))) {
    if (f != "html" && f != "pdf" && f != "xlsx" && f != "json")
      return usage_error("--format takes html, pdf, xlsx or json, not '" + f + "'");
    formats.insert(f);
  }
  const std::optional<std::string> out = args->get("out");
  const bool out_is_file = out && formats.size() == 1 && !fs::is_directory(*out);
  if (formats.contains("pdf") && report::find_chromium().empty())
    return failure(
        "--format pdf needs chromium (apt-get install chromium, or set SHOUWANG_CHROMIUM)");

  auto source = open_stats_source(*args);
  if (!source) {
    return source.error().code == Errc::kInvalidArgument ? usage_error(source.error().message)
                                                         : failure(source.error().message);
  }
  const StatsSource& src = **source;
  std::map<std::string, std::string> params{{"kind", kind}};
  for (const char* name : {"date", "station", "district"}) {
    if (const auto value = args->get(name))
      params.emplace(name, *value);
  }
  const auto answer = server::answer_briefing(*src.statistics, params, src.env);
  if (!answer) {
    const std::string flag =
        answer.error().field.empty() ? "" : " (--" + answer.error().field + ")";
    return usage_error(answer.error().message + flag);
  }
  const json briefing = json::parse(*answer);

  report::BriefingContext context;
  context.taxonomy = &src.taxonomy;
  context.org = src.env.jurisdictions;
  context.language = lang == "en" ? report::Language::kEn : report::Language::kZh;
  context.generated_at = local_minute(src.utc_offset_now);
  if (const auto name = args->get("centre-name"))
    context.centre_name = *name;
  else if (src.city)
    context.centre_name =
        lang == "en" ? src.city->name_en + " Public Security Bureau" : src.city->name + "公安局";

  // briefing-daily-2026-11-22-zh.html
  const std::string scope = briefing["scope"]["code"].get<std::string>();
  const std::string stem = "briefing-" + kind + "-" +
                           briefing["period"]["begin"].get<std::string>() +
                           (scope.empty() ? "" : "-" + scope) + "-" + lang;
  const auto path_of = [&](const std::string& ext) {
    if (out_is_file)
      return fs::path(*out);
    return fs::path(out.value_or(".")) / (stem + "." + ext);
  };
  if (!out_is_file && out)
    fs::create_directories(*out);

  std::string html;
  if (formats.contains("html") || formats.contains("pdf")) {
    auto page = report::render_briefing_html(briefing, context);
    if (!page)
      return failure(page.error().message);
    html = std::move(*page);
  }
  for (const std::string& format : formats) {
    const fs::path path = path_of(format);
    Status written;
    if (format == "json") {
      written = write_text(path, briefing.dump(2) + "\n");
    } else if (format == "html") {
      written = write_text(path, html);
    } else if (format == "xlsx") {
      written = report::write_briefing_xlsx(briefing, context, path);
    } else {
      const fs::path page = path.string() + ".html";
      written = write_text(page, html);
      if (written)
        written = report::print_pdf(page, path);
      std::error_code ec;
      fs::remove(page, ec);
    }
    if (!written)
      return failure(written.error().message);
    std::cout << path.string() << "\n";
  }
  return kExitOk;
}

}  // namespace shouwang::cli
