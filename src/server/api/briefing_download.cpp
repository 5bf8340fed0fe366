#include "server/api/briefing_download.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>

namespace shouwang::server::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::mutex printing;  // one chromium at a time
std::atomic<std::uint64_t> next_file{0};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A scratch directory for one document, removed when it goes out of scope.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("shouwang-briefing-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(next_file++));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

}  // namespace

Result<BriefingDownload> BriefingDownload::read(std::map<std::string, std::string>& params) {
  BriefingDownload d;
  if (const auto it = params.find("format"); it != params.end()) {
    if (it->second != "html" && it->second != "xlsx" && it->second != "pdf")
      return Error(Errc::kInvalidArgument, "format is html, xlsx or pdf, not '" + it->second + "'",
                   "format");
    d.format_ = it->second;
    params.erase(it);
  }
  if (const auto it = params.find("lang"); it != params.end()) {
    if (it->second != "zh" && it->second != "en")
      return Error(Errc::kInvalidArgument, "lang is zh or en, not '" + it->second + "'", "lang");
    d.language_ = it->second == "en" ? report::Language::kEn : report::Language::kZh;
    params.erase(it);
  }
  return d;
}

Result<HttpResponse> BriefingDownload::render(const std::string& briefing,
                                              const ApiServices& api) const {
  const json document = json::parse(briefing);
  report::BriefingContext context;
  context.taxonomy = &api.taxonomy;
  context.org = api.jurisdictions;
  context.language = language_;
  context.centre_name = language_ == report::Language::kEn ? api.bureau_name_en : api.bureau_name;
  // The centre's local time, to the minute.
  const std::int64_t offset_us =
      std::int64_t{api.statistics->context().utc_offset_minutes} * 60'000'000;
  std::string now =
      UtcTime::from_micros(api.commands.clock().now().micros() + offset_us).to_iso8601();
  now[10] = ' ';
  context.generated_at = now.substr(0, 16);

  const std::string scope = document["scope"]["code"];
  const std::string name = "briefing-" + document["kind"].get<std::string>() + "-" +
                           document["period"]["begin"].get<std::string>() +
                           (scope.empty() ? "" : "-" + scope) + "-" +
                           (language_ == report::Language::kEn ? "en" : "zh") + "." + format_;
  HttpResponse response;
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  response.headers.emplace_back("Cache-Control", "no-store");

  if (format_ == "xlsx") {
    Scratch scratch;
    const fs::path file = scratch.dir / name;
    if (Status ok = report::write_briefing_xlsx(document, context, file); !ok)
      return ok.error();
    response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.body = read_all(file);
    return response;
  }
  auto html = report::render_briefing_html(document, context);
  if (!html)
    return html.error();
  if (format_ == "html") {
    response.content_type = "text/html; charset=utf-8";
    response.body = std::move(*html);
    return response;
  }
  std::unique_lock lock(printing, std::try_to_lock);
  if (!lock.owns_lock())
    return Error(Errc::kUnavailable, "another briefing is being printed; try again in a moment");
  Scratch scratch;
  const fs::path page = scratch.dir / "briefing.html";
  std::ofstream(page, std::ios::binary) << *html;
  const fs::path pdf = scratch.dir / name;
  if (Status ok = report::print_pdf(page, pdf); !ok)
    return ok.error();
  response.content_type = "application/pdf";
  response.body = read_all(pdf);
  return response;
}

}  // namespace shouwang::server::api
