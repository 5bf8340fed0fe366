// shouwang: one executable, one verb per job. See `shouwang help`.

#include <iostream>
#include <string>
#include <vector>

#include "verbs.h"
#include <shouwang/base/version.h>

namespace {

void print_help(std::ostream& out) {
  out << "shouwang " << shouwang::kVersion << " - 110 call-taking and command-dispatch platform\n"
      << "usage: shouwang VERB [flags]\n\n"
      << "verbs:\n"
      << "  gen-city   generate the demo city as an OpenStreetMap PBF file\n"
      << "  gen-history  write years of synthetic incident history into the event log\n"
      << "  import-osm build the road graph of an OSM file into a data directory\n"
      << "  route      travel time and path between two positions (for checking a graph)\n"
      << "  serve      run the HTTP server and the console\n"
      << "  simulate   drive live patrol units (GPS over MQTT, orders over the API) against a server\n"
      << "  audit      verify the event log's hash chain (audit verify --db URL)\n"
      << "  import-incidents  load historical incident records (CSV) into the event log\n"
      << "  stats      incident statistics: counts with 同比/环比, response times, league tables, streaks, safety index\n"
      << "  report     daily, weekly and monthly briefings as HTML with charts, PDF and XLSX\n"
      << "  backtest   evaluate forecast methods by rolling origins: PAI, PEI*, hit rates\n"
      << "  org        the police organisation tree and who is responsible for a point\n"
      << "  circles    key sites and posts of the quick-response circles: import, seed, coverage\n"
      << "  user       add, list, disable, enable user accounts and set passwords\n"
      << "  mqtt-setup the MQTT broker's accounts for unit telemetry, from the roster\n"
      << "  version    print the version\n"
      << "  help       show this text\n\n"
      << "`shouwang VERB --help` lists the flags of a verb.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace shouwang::cli;
  if (argc < 2) {
    print_help(std::cerr);
    return kExitUsage;
  }
  const std::string verb = argv[1];
  const std::vector<std::string> rest(argv + 2, argv + argc);
  if (verb == "gen-city") return run_gen_city(rest);
  if (verb == "gen-history") return run_gen_history(rest);
  if (verb == "serve") return run_serve(rest);
  if (verb == "simulate") return run_simulate(rest);
  if (verb == "import-osm") return run_import_osm(rest);
  if (verb == "route") return run_route(rest);
  if (verb == "audit") return run_audit(rest);
  if (verb == "import-incidents") return run_import_incidents(rest);
  if (verb == "org") return run_org(rest);
  if (verb == "user") return run_user(rest);
  if (verb == "stats") return run_stats(rest);
  if (verb == "report") return run_report(rest);
  if (verb == "backtest") return run_backtest(rest);
  if (verb == "mqtt-setup") return run_mqtt_setup(rest);
  if (verb == "circles") return run_circles(rest);
  if (verb == "version" || verb == "--version") {
    std::cout << "shouwang " << shouwang::kVersion << "\n";
    return kExitOk;
  }
  if (verb == "help" || verb == "--help" || verb == "-h") {
    print_help(std::cout);
    return kExitOk;
  }
  std::cerr << "shouwang: unknown verb '" << verb << "'\n\n";
  print_help(std::cerr);
  return kExitUsage;
}
