// PDF briefings printed by headless chromium (briefing_report.h): the HTML page is the one
// layout, and chromium's print engine pages it by the page's own @page rules.

#include <unistd.h>

#include <shouwang/base/child_process.h>
#include <shouwang/report/briefing_report.h>

namespace shouwang::report {

std::string find_chromium() {
  std::string found = find_program("chromium", "SHOUWANG_CHROMIUM");
  if (found.empty())
    found = find_program("chromium-browser");
  return found;
}

Status print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf,
                 const std::string& chromium) {
  const std::string program = chromium.empty() ? find_chromium() : chromium;
  if (program.empty())
    return Error(Errc::kUnavailable,
                 "no chromium to print the PDF with (apt-get install chromium, or set "
                 "SHOUWANG_CHROMIUM)");
  std::error_code ec;
  const std::filesystem::path page = std::filesystem::absolute(html, ec);
  const std::filesystem::path out = std::filesystem::absolute(pdf, ec);
  // A profile of its own: a running browser's profile is locked, and printing must not
  // touch the user's.
  const std::filesystem::path profile =
      std::filesystem::temp_directory_path() / ("shouwang-pdf-" + std::to_string(::getpid()));
  std::filesystem::remove(out, ec);
  const ProgramRun run{
      {program, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
       "--no-default-browser-check", "--disable-extensions", "--user-data-dir=" + profile.string(),
       "--no-pdf-header-footer", "--print-to-pdf=" + out.string(), "file://" + page.string()},
      out.string() + ".log",
      std::chrono::seconds(180)};
  const auto status = run_program(run);
  std::filesystem::remove_all(profile, ec);
  if (!status)
    return status.error();
  if (*status != 0 || !std::filesystem::exists(out) || std::filesystem::file_size(out, ec) == 0)
    return Error(Errc::kIoError,
                 "chromium could not print " + page.string() + ":\n" + file_tail(run.log, 2000));
  std::filesystem::remove(run.log, ec);
  return {};
}

}  // namespace shouwang::report
