#pragma once
// Helpers shared by the benchmark executables: fail-fast unwrapping of Result/Status and of the
// shared fixtures' exceptions during setup, percentiles over per-call samples, and per-thread CPU
// time. Scratch directories come from frontdesk::kiosk::testing::TempDir (testing/temp_dir.h).
//
// Setup failures abort the process: a benchmark whose fixture is broken must not print figures.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/status.h"

namespace frontdesk::bench {

[[noreturn]] inline void die(const std::string& what) {
    std::fprintf(stderr, "benchmark setup failed: %s\n", what.c_str());
    std::exit(1);
}

inline void must(const core::Status& status, const char* what) {
    if (!status.ok()) die(std::string(what) + ": " + status.toString());
}

template <typename T>
T must(core::Result<T> result, const char* what) {
    if (!result.ok()) die(std::string(what) + ": " + result.status().toString());
    return std::move(result).value();
}

// Runs a set-up step of the shared test fixtures (frontdesk::kiosk::testing), which throw on
// failure, and stops the benchmark with the reason instead.
template <typename Build>
auto orDie(const char* what, Build&& build) -> decltype(build()) {
    try {
        return build();
    } catch (const std::exception& e) {
        die(std::string(what) + ": " + e.what());
    }
}

// A size flag of the bench's own ("--items=300000"): true and `value` set when `arg` is `name`
// followed by a number of at least `least`; stops the benchmark on a bad number.
inline bool sizeFlag(std::string_view arg, std::string_view name, std::size_t& value, unsigned long long least = 1) {
    if (arg.substr(0, name.size()) != name) return false;
    const std::string number(arg.substr(name.size()));
    char* end = nullptr;
    const unsigned long long parsed = std::strtoull(number.c_str(), &end, 10);
    if (number.empty() || *end != '\0' || parsed < least) die("bad value in " + std::string(arg));
    value = static_cast<std::size_t>(parsed);
    return true;
}

// Nearest-rank percentile (p in 0..100) of samples; sorts them in place.
// Runs the benchmarks registerAll registers, with the command line left once the bench's own
// flags are taken out (Google Benchmark refuses flags it does not know). 1 for an unknown flag.
inline int runBenchmarks(std::vector<char*> args, void (*registerAll)()) {
    args.push_back(nullptr);
    int count = static_cast<int>(args.size()) - 1;
    registerAll();
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

inline double percentile(std::vector<double>& samples, double p) {
    if (samples.empty()) return 0.0;
    std::sort(samples.begin(), samples.end());
    const auto n = static_cast<double>(samples.size());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n));
    rank = std::clamp<std::size_t>(rank, 1, samples.size());
    return samples[rank - 1];
}

// CPU time of the calling thread: lets a benchmark report how much of a timed region was CPU
// work rather than waiting for the disk.
inline double threadCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace frontdesk::bench
