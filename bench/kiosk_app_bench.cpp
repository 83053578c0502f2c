// The touchscreen at store scale: scan to cart updated, through the sale view model, on a terminal
// whose catalog holds 300,000 items and whose members table 1,000,000 members; against the
// engine's Checkout::scan alone and a raw sqlite3 barcode lookup on the same file, in the same
// process. Also makes the terminal databases the start-up measurement opens
// (bench/run_benchmarks.sh: frontdesk-kiosk --first-frame).
//
// The terminal is the tests' standard seed with the items and members added by SQL in one
// transaction: item n is "Item n" at 1.00 + n cents, in one of 30 categories, barcode "29" + n in
// 11 digits; member n is "M-n", active. Scans draw barcodes at random (fixed seed), the same
// sequence for every benchmark; a burst of 25 scans is one sale, voided untimed before the next.
// Each scan is one iteration timed with steady_clock; p50_us and p99_us come from the samples.

#include <QCoreApplication>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "bench_support.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/till_access.h"
#include "kiosk/till.h"
#include "testing/terminal.h"

namespace {

using namespace frontdesk;
namespace kt = frontdesk::kiosk::testing;
using bench::die;
using bench::must;
using Clock = std::chrono::steady_clock;

struct Sizes {
    std::size_t items = 300'000;
    std::size_t members = 1'000'000;
    std::size_t samples = 5'000;
};
Sizes sizes;
constexpr std::size_t kBurst = 25;  // scans per sale

std::string barcodeOf(std::size_t n) {
    char code[24];
    std::snprintf(code, sizeof code, "29%011zu", n);
    return code;
}

// Adds the items and members to a provisioned terminal database, in one transaction.
void fill(core::Database& db) {
    const std::string items = std::to_string(sizes.items), members = std::to_string(sizes.members);
    must(db.exec("BEGIN"), "begin");
    // Each count is at least 1 here: a recursive CTE's first row is always there.
    if (sizes.items > 0) {
        must(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + items +
                     ") INSERT INTO items (sku, name, name_key, price_minor, tax_code, category)"
                     " SELECT printf('I%07d', i), printf('Item %07d', i), printf('item %07d', i), 100 + i % 10000,"
                     " CASE i % 2 WHEN 0 THEN 'VAT19' ELSE 'VAT7' END, printf('Category %02d', i % 30) FROM n"),
             "items");
        must(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + items +
                     ") INSERT INTO barcodes (code, sku) SELECT printf('29%011d', i), printf('I%07d', i) FROM n"),
             "barcodes");
    }
    if (sizes.members > 0) {
        must(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + members +
                     ") INSERT INTO members (id, name, valid_until, status) SELECT printf('M-%07d', i),"
                     " printf('Member %07d', i), '2030-12-31', 'active' FROM n"),
             "members");
    }
    must(db.exec("COMMIT"), "commit");
}

// The terminal every benchmark scans on, made once.
struct Terminal {
    Terminal() : till(kt::standardSeed()) {
        if (sizes.items == 0) die("--terminal_items must be at least 1: the scans need items");
        fill(*till.db);
        till.startShift("s1", "3333");  // a supervisor: the untimed voids need no approval
        access = std::make_unique<kiosk::app::TillAccess>(*till.till);
        sale = std::make_unique<kiosk::app::SaleViewModel>(*access);
        std::mt19937_64 rng(20261201);
        std::uniform_int_distribution<std::size_t> pick(1, std::max<std::size_t>(sizes.items, 1));
        for (std::size_t i = 0; i < sizes.samples; ++i) codes.push_back(barcodeOf(pick(rng)));
    }
    kt::Terminal till;
    std::unique_ptr<kiosk::app::TillAccess> access;
    std::unique_ptr<kiosk::app::SaleViewModel> sale;
    std::vector<std::string> codes;
};

Terminal& shared() {
    static Terminal* terminal = bench::orDie("the terminal", [] { return new Terminal(); });
    return *terminal;
}

// Times scan(code) once per iteration; every kBurst scans the sale is voided, untimed.
template <typename Scan>
void measureScans(benchmark::State& state, Scan&& scan) {
    Terminal& t = shared();
    std::vector<double> micros;
    micros.reserve(t.codes.size());
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& code = t.codes[i % t.codes.size()];
        const auto t0 = Clock::now();
        const bool ok = scan(code);
        const auto t1 = Clock::now();
        if (!ok) {
            state.SkipWithError(("scan of " + code + " failed").c_str());
            break;
        }
        const double us = std::chrono::duration<double, std::micro>(t1 - t0).count();
        micros.push_back(us);
        state.SetIterationTime(us / 1e6);
        if (++i % kBurst == 0) {
            state.PauseTiming();
            must(t.till.checkout().voidSale("benchmark burst").status(), "void");
            state.ResumeTiming();
        }
    }
    if (!t.till.checkout().cart().empty()) must(t.till.checkout().voidSale("benchmark end").status(), "void");
    state.counters["p50_us"] = bench::percentile(micros, 50);
    state.counters["p99_us"] = bench::percentile(micros, 99);
    state.counters["items"] = static_cast<double>(sizes.items);
    state.counters["members"] = static_cast<double>(sizes.members);
}

// The screen's path: the view model scans, the engine prices the sale, the cart model updates its
// rows and the totals are formatted; the call returns with all of it done.
void BM_ScanToCart(benchmark::State& state) {
    kiosk::app::SaleViewModel& sale = *shared().sale;
    measureScans(state, [&](const std::string& code) { return sale.scan(QString::fromStdString(code)); });
}

// The engine alone: Checkout::scan, the same scans.
void BM_EngineScan(benchmark::State& state) {
    kiosk::Checkout& checkout = shared().till.checkout();
    measureScans(state, [&](const std::string& code) { return checkout.scan(code, core::Decimal::fromInt(1)).ok(); });
}

// The floor: the barcode's item read with the raw sqlite3 API on a second connection to the file.
void BM_RawBarcodeLookup(benchmark::State& state) {
    Terminal& t = shared();
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(t.till.db->path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) die("open");
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT i.sku, i.name, i.price_minor, t.rate FROM barcodes b JOIN items i ON i.sku = b.sku"
                       " JOIN tax_codes t ON t.code = i.tax_code WHERE b.code = ?",
                       -1, &stmt, nullptr);
    std::vector<double> micros;
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& code = t.codes[i++ % t.codes.size()];
        const auto t0 = Clock::now();
        sqlite3_bind_text(stmt, 1, code.data(), static_cast<int>(code.size()), SQLITE_STATIC);
        const bool found = sqlite3_step(stmt) == SQLITE_ROW;
        benchmark::DoNotOptimize(sqlite3_column_int64(stmt, 2));
        sqlite3_reset(stmt);
        const auto t1 = Clock::now();
        if (!found) {
            state.SkipWithError(("no item for " + code).c_str());
            break;
        }
        const double us = std::chrono::duration<double, std::micro>(t1 - t0).count();
        micros.push_back(us);
        state.SetIterationTime(us / 1e6);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    state.counters["p50_us"] = bench::percentile(micros, 50);
    state.counters["p99_us"] = bench::percentile(micros, 99);
}

void registerBenchmarks() {
    const auto samples = static_cast<benchmark::IterationCount>(sizes.samples);
    using Bench = void (*)(benchmark::State&);
    const std::pair<const char*, Bench> benches[] = {{"BM_ScanToCart", BM_ScanToCart},
                                                     {"BM_EngineScan", BM_EngineScan},
                                                     {"BM_RawBarcodeLookup", BM_RawBarcodeLookup}};
    for (const auto& [name, fn] : benches) {
        benchmark::RegisterBenchmark(name, fn)->Iterations(samples)->UseManualTime()->Unit(benchmark::kMicrosecond);
    }
}

// --make_terminal=PATH: the terminal database at PATH (which must not exist), then exit.
int makeTerminal(const std::string& path) {
    const core::SystemClock clock;
    auto db = bench::orDie("provisioning", [&] { return kt::provisionTerminal(path, clock, kt::standardSeed()); });
    fill(*db);
    std::printf("%s: %zu items, %zu members\n", path.c_str(), sizes.items, sizes.members);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);  // the view models' translations and signals
    std::vector<char*> args;
    std::string makeAt;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        // A terminal of 0 items or members is the empty one the start-up is compared with.
        if (i > 0 && (bench::sizeFlag(arg, "--terminal_items=", sizes.items, 0) ||
                      bench::sizeFlag(arg, "--terminal_members=", sizes.members, 0) ||
                      bench::sizeFlag(arg, "--scan_samples=", sizes.samples))) {
            continue;
        }
        if (i > 0 && arg.substr(0, 16) == "--make_terminal=") {
            makeAt = std::string(arg.substr(16));
            continue;
        }
        args.push_back(argv[i]);
    }
    if (!makeAt.empty()) return makeTerminal(makeAt);
    return bench::runBenchmarks(std::move(args), registerBenchmarks);
}
