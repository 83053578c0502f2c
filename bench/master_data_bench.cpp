// Selling while a catalog version is applied (docs/master-data.md): the till's sale commits
// during an apply against the same till's commits with nothing else running, in one process.
//
// BM_SellDuringApply: a provisioned terminal with an open shift keeps every chunk of a catalog
// version of --apply_items items (default 300,000) in dataset_chunks. First it rings up sales for
// a while with nothing else going on (the baseline), then MasterData::applyNow runs on a second
// thread (verify, stage beside the live tables in small transactions, switch between two sales,
// retire the old tables) while the till rings up sales back to back until the apply is done.
// Each sale is one apple, paid cash; the time of complete() (the durable commit) is sampled.
//
// Counters: p50/p99/max of the commit in microseconds without (idle_*) and during (apply_*) the
// apply, the sales made during it, how long the apply took, and how long its switch held the
// write lock (switch_us). The goal: the apply's p99 a few milliseconds above the idle p99 at most,
// and no sale waiting for the import.
#include <chrono>
#include <cstring>
#include <future>
#include <memory>

#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "kiosk/master_data.h"
#include "sync/dataset.h"
#include "testing/terminal.h"

namespace frontdesk::bench {
namespace {

int g_applyItems = 300000;
int g_idleSales = 2000;

using Clock = std::chrono::steady_clock;

// One sale; returns the microseconds complete() took.
double sale(kiosk::testing::Terminal& t) {
    must(t.checkout().scan(kiosk::testing::kApple, kiosk::testing::dec("1")).status(), "scan");
    must(t.checkout().tenderCash(kiosk::testing::eur(500)).status(), "tender");
    const auto began = Clock::now();
    must(t.checkout().complete().status(), "complete");
    return std::chrono::duration<double, std::micro>(Clock::now() - began).count();
}

void BM_SellDuringApply(benchmark::State& state) {
    for (auto _ : state) {
        auto terminal = orDie("terminal", [] { return std::make_unique<kiosk::testing::Terminal>(); });
        kiosk::testing::Terminal& t = *terminal;
        t.startShift();
        auto data = must(kiosk::MasterData::open(t.db->path(), t.clock, t.till->boundary()), "master data");
        auto version = must(sync::makeDatasetVersion("catalog", 9, kiosk::testing::catalogDataset(9, g_applyItems)),
                            "dataset version");
        for (std::size_t i = 0; i < version.chunks.size(); ++i) {
            must(data->storeChunk(version.manifest, static_cast<std::int64_t>(i), version.chunks[i]), "store chunk");
        }
        std::vector<double> idle;
        for (int i = 0; i < g_idleSales; ++i) idle.push_back(sale(t));

        std::vector<double> during;
        const auto began = Clock::now();
        auto applying = std::async(std::launch::async, [&] { return data->applyNow(version.manifest); });
        while (applying.wait_for(std::chrono::seconds(0)) != std::future_status::ready) during.push_back(sale(t));
        const double applySeconds = std::chrono::duration<double>(Clock::now() - began).count();
        must(applying.get(), "apply");
        state.SetIterationTime(applySeconds);

        state.counters["items"] = g_applyItems;
        state.counters["idle_p50_us"] = percentile(idle, 50);
        state.counters["idle_p99_us"] = percentile(idle, 99);
        state.counters["idle_max_us"] = idle.back();
        state.counters["apply_sales"] = static_cast<double>(during.size());
        state.counters["apply_p50_us"] = percentile(during, 50);
        state.counters["apply_p99_us"] = percentile(during, 99);
        state.counters["apply_max_us"] = during.empty() ? 0.0 : during.back();
        state.counters["apply_s"] = applySeconds;
        state.counters["switch_us"] = static_cast<double>(data->status().switchMicros);
    }
}

BENCHMARK(BM_SellDuringApply)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace frontdesk::bench

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--apply_items=", 14) == 0) frontdesk::bench::g_applyItems = std::atoi(argv[i] + 14);
        if (std::strncmp(argv[i], "--idle_sales=", 13) == 0) frontdesk::bench::g_idleSales = std::atoi(argv[i] + 13);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
