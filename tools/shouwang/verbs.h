#pragma once
// The verbs of the `shouwang` executable. Each takes the words after the verb and returns
// the process exit code: 0 success, 1 failure at run time, 2 bad usage.

#include <string>
#include <vector>

namespace shouwang::cli {

int run_gen_city(const std::vector<std::string>& args);
int run_gen_history(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_simulate(const std::vector<std::string>& args);
int run_import_osm(const std::vector<std::string>& args);
int run_route(const std::vector<std::string>& args);
int run_audit(const std::vector<std::string>& args);
int run_import_incidents(const std::vector<std::string>& args);
int run_org(const std::vector<std::string>& args);
int run_user(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_backtest(const std::vector<std::string>& args);
int run_mqtt_setup(const std::vector<std::string>& args);
int run_circles(const std::vector<std::string>& args);

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace shouwang::cli
