#pragma once
// The benchmarks of shouwang-bench; each takes the words after its name and returns the
// exit code (0 ok, 1 failure, 2 bad usage).

#include <string>
#include <vector>

namespace shouwang::bench {

int run_routing_bench(const std::vector<std::string>& args);
int run_core_bench(const std::vector<std::string>& args);
int run_stream_bench(const std::vector<std::string>& args);
int run_stream_watch(const std::vector<std::string>& args);
int run_units_bench(const std::vector<std::string>& args);

}  // namespace shouwang::bench
