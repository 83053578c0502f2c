#pragma once
// Helpers shared by the benchmark executables: a scratch directory, fail-fast unwrapping of
// Result/Status during setup, percentiles over per-call samples, and per-thread CPU time.
//
// Setup failures abort the process: a benchmark whose fixture is broken must not print figures.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <unistd.h>

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

// A fresh directory under $TMPDIR (or /tmp), removed with its contents. The benchmarks commit
// with synchronous=FULL, so TMPDIR decides which disk's fsync is measured: a tmpfs /tmp makes
// every fsync free and the commit figures meaningless.
class TempDir {
public:
    TempDir() {
        // mkdtemp replaces the template's last six characters, which must be 'X'.
        std::string pattern = (std::filesystem::temp_directory_path() / "frontdesk-bench-").string() + std::string(6, 'X');
        if (::mkdtemp(pattern.data()) == nullptr) die("cannot create a temp dir from " + pattern);
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// Nearest-rank percentile (p in 0..100) of samples; sorts them in place.
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
