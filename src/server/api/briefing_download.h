#pragma once
// A briefing as a file to download (GET /api/v1/reports/briefing): the format and
// language read from the query, the briefing JSON laid out by the report module. PDFs are
// printed by chromium one at a time; another asked meanwhile is told to retry.

#include <map>
#include <string>

#include <shouwang/base/result.h>
#include <shouwang/report/briefing_report.h>
#include <shouwang/server/api.h>
#include <shouwang/server/http_message.h>

namespace shouwang::server::api {

class BriefingDownload {
 public:
  // Takes `format` (html, xlsx or pdf; default html) and `lang` (zh or en; default zh)
  // out of `params`, leaving the briefing's own parameters.
  static Result<BriefingDownload> read(std::map<std::string, std::string>& params);

  // The file for `briefing` (the JSON of answer_briefing), with its name.
  Result<HttpResponse> render(const std::string& briefing, const ApiServices& api) const;

 private:
  std::string format_ = "html";
  report::Language language_ = report::Language::kZh;
};

}  // namespace shouwang::server::api
