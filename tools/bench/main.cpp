// shouwang-bench: end-to-end benchmarks. `routing` measures the road engine on an imported
// data directory; `core` measures the event log (appends, acknowledgement latency, replay);
// `stream` measures the live stream's commit → delivery latency over WebSockets;
// `stream-watch` follows a running server's stream with many consoles.

#include <iostream>
#include <string>
#include <vector>

#include "benchmarks.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const std::string which = args.empty() ? "" : args[0];
  const std::vector<std::string> rest(args.empty() ? args.end() : args.begin() + 1, args.end());
  if (which == "routing") return shouwang::bench::run_routing_bench(rest);
  if (which == "core") return shouwang::bench::run_core_bench(rest);
  if (which == "stream") return shouwang::bench::run_stream_bench(rest);
  if (which == "stream-watch") return shouwang::bench::run_stream_watch(rest);
  if (which == "units") return shouwang::bench::run_units_bench(rest);
  std::cerr << "usage: shouwang-bench routing --data DIR [--json] [--seed N]\n"
               "       shouwang-bench core [--json] [--dir DIR] [--pg URL] [--replay-events N]\n"
               "       shouwang-bench stream [--json] [--subscribers N] [--rate R[,R2...]] [--seconds S] [--bytes B]\n"
               "       shouwang-bench stream-watch --port P --token T [--subscribers N] [--seconds S] [--json]\n"
               "       shouwang-bench units --port P --token T --broker-port B --broker-password-file F [--server-pid PID]\n"
               "                            [--baseline-rss-kb K] [--units N] [--seconds S] [--warmup S] [--json]\n";
  return 2;
}
