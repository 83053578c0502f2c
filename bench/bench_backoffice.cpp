// The back office's reports over a large database, each against a raw SQLite GROUP BY doing the
// same sums (docs/PERFORMANCE.md, "bench_backoffice").
//
// The fixture: a back-office database (the real schema, openBackOfficeDb) holding --sales=N sales
// and refunds (default 1,000,000; run_benchmarks.sh --smoke uses 20,000) of store s1 spread evenly
// over 2026, with what the effects would have written for each: the sales summary (sales, one or
// two sale_rates, one sale_tenders) and a balanced journal entry of 2 to 5 lines. It is filled
// with a few INSERT ... SELECT statements over a generated table in one transaction (not through
// the effects: that would take minutes), once per process in a temp dir, and shared by all the
// benchmarks.
//
//   BM_TrialBalanceReport  trialBalanceReport(db): every line, per account, with its entry's
//                          currency and its account's name (backoffice/reports.h)
//   BM_RawTrialBalance     the baseline: SELECT account, sum(debit), sum(credit) FROM journal_lines
//                          GROUP BY account, stepped through with the sqlite3 C API
//   BM_SalesByDayReport    salesReport(db, by day, s1, the whole year) (backoffice/sales_reports.h)
//   BM_RawSalesByDay       the baseline: the same sums per day over the whole sales table
//
// Each call is one iteration; the benchmarks run 5 repetitions by default, interleaved at random so
// that the report and its baseline meet the same background load (--benchmark_repetitions sets
// another number and leaves the rest to the command line), and report their aggregates: the
// median is the p50 that bench/run_benchmarks.sh compares (raw p50 / report p50: 1.0 is as fast
// as the baseline).
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "backoffice/backoffice_db.h"
#include "backoffice/chart.h"
#include "backoffice/reports.h"
#include "backoffice/sales_reports.h"
#include "bench_support.h"
#include "testing/temp_dir.h"

namespace {

using namespace frontdesk;
using bench::die;
using bench::must;
using Clock = std::chrono::steady_clock;

std::int64_t g_sales = 1'000'000;  // --sales=N
constexpr const char* kFrom = "2026-01-01T00:00:00Z";
constexpr const char* kTo = "2027-01-01T00:00:00Z";

// One row per sale, every figure derived from its number i: a refund every 20th, a card payment
// every other, the reduced rate on two sales in three, 4 terminals and 10 cashiers. Amounts are
// gross, VAT included (19 % and 7 %), tax = gross x rate / (100 + rate) rounded down.
constexpr const char* kGenerate = R"sql(
CREATE TEMP TABLE gen AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
SELECT i, at, substr(at, 1, 10) AS day, i % 20 = 0 AS refund, i % 2 = 1 AS card,
       't' || (i % 4 + 1) AS terminal, 'c' || (i % 10 + 1) AS staff,
       g19, g19 * 19 / 119 AS t19, g7, g7 * 7 / 107 AS t7, (i % 7) * 10 AS change
FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%S', 1767225600 + i * 31536000 / (?1 + 1), 'unixepoch') || '.000Z' AS at,
             100 + i * 37 % 5000 AS g19, iif(i % 3 = 0, 0, 50 + i * 13 % 2000) AS g7 FROM n);
)sql";

constexpr const char* kFill[] = {
    R"sql(INSERT INTO sales (event_id, store, terminal, shift, staff, at, day, kind, receipt, net_minor, tax_minor,
                            gross_minor, discount_minor, rounding_minor)
          SELECT printf('e%09d', i), 's1', terminal, terminal || '-' || day, staff, at, day, iif(refund, 'refund', 'sale'),
                 printf('%s-%09d', terminal, i), g19 - t19 + g7 - t7, t19 + t7, g19 + g7, 0, 0 FROM gen ORDER BY i)sql",
    R"sql(INSERT INTO sale_rates (event_id, tax_code, rate, net_minor, tax_minor, gross_minor)
          SELECT printf('e%09d', i), code, rate, gross - tax, tax, gross FROM (
            SELECT i, 'VAT19' AS code, '19' AS rate, g19 AS gross, t19 AS tax FROM gen
            UNION ALL SELECT i, 'VAT7', '7', g7, t7 FROM gen WHERE g7 > 0) ORDER BY i, code)sql",
    R"sql(INSERT INTO sale_tenders (event_id, position, method, amount_minor, change_minor)
          SELECT printf('e%09d', i), 0, iif(card, 'card', 'cash'), g19 + g7 + iif(card OR refund, 0, change),
                 iif(card OR refund, 0, change) FROM gen ORDER BY i)sql",
    R"sql(INSERT INTO journal_entries (id, store, at, currency, source, event_id, memo)
          SELECT i, 's1', at, 'EUR', iif(refund, 'sale.refunded', 'sale.completed'), printf('e%09d', i),
                 printf('sale %s-%09d', terminal, i) FROM gen ORDER BY i)sql",
    // Money in (out for a refund) against revenue (refunds) and output tax per rate, as the
    // effects book it: slot 0 the drawer or card clearing, 1-2 the standard rate, 3-4 the reduced.
    R"sql(INSERT INTO journal_lines (entry, account, debit_minor, credit_minor)
          SELECT i, account, iif(debit, amount, 0), iif(debit, 0, amount) FROM (
            SELECT g.i, k,
                   CASE k WHEN 0 THEN iif(card, '1100', '1000') WHEN 1 THEN iif(refund, '4100-VAT19', '4000-VAT19')
                          WHEN 2 THEN '2200-VAT19' WHEN 3 THEN iif(refund, '4100-VAT7', '4000-VAT7') ELSE '2200-VAT7' END
                     AS account,
                   CASE k WHEN 0 THEN g19 + g7 WHEN 1 THEN g19 - t19 WHEN 2 THEN t19 WHEN 3 THEN g7 - t7 ELSE t7 END AS amount,
                   (k = 0) <> refund AS debit
            FROM gen g CROSS JOIN (SELECT column1 AS k FROM (VALUES (0), (1), (2), (3), (4)))
            WHERE k < 3 OR g7 > 0) ORDER BY i, k)sql",
};

// The back-office database with g_sales sales, made once per process.
struct Fixture {
    kiosk::testing::TempDir dir;
    std::unique_ptr<core::Database> db;
    double fillSeconds = 0;
    std::int64_t journalLines = 0;
    double megabytes = 0;
};

std::int64_t count(core::Database& db, const char* sql) {
    auto stmt = must(db.prepare(sql), "counting");
    std::int64_t n = 0;
    must(stmt.firstRow([&](const core::Statement& row) { n = row.int64(0); }, "no count"), "counting");
    return n;
}

// Fills on a connection of its own with a large page cache and in-memory temp tables, closed
// afterwards: the reports then run on a connection opened as the back office opens it (SQLite's
// defaults; an in-memory temp store, for one, makes a large GROUP BY sort twice as slow).
std::unique_ptr<Fixture> fill() {
    auto f = std::make_unique<Fixture>();
    const std::string path = f->dir.file("backoffice.db");
    {
        auto filler = must(backoffice::openBackOfficeDb(path, true), "creating the back-office database");
        core::Database& db = *filler;
        must(backoffice::saveStore(db, {"s1", "EUR", {}}), "adding the store");
        for (const char* account :
             {"1000", "1100", "4000-VAT19", "4100-VAT19", "2200-VAT19", "4000-VAT7", "4100-VAT7", "2200-VAT7"}) {
            must(backoffice::ensureAccount(db, account), "adding the accounts");
        }
        const auto start = Clock::now();
        must(db.exec("PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; BEGIN"), "starting the fill");
        auto generate = must(db.prepare(kGenerate), "preparing the generator");
        must(generate.bind(1, g_sales).run(), "generating the sales");
        for (const char* sql : kFill) must(db.exec(sql), "filling");
        must(db.exec("DROP TABLE gen; COMMIT; PRAGMA wal_checkpoint(TRUNCATE)"), "committing the fill");
        f->fillSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    f->db = must(backoffice::openBackOfficeDb(path, false), "opening the back-office database");
    if (count(*f->db, "SELECT count(*) FROM sales") != g_sales) die("the fill did not make every sale");
    f->journalLines = count(*f->db, "SELECT count(*) FROM journal_lines");
    f->megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::fprintf(stderr, "filled %lld sales, %lld journal lines in %.1f s (%.0f MB)\n", static_cast<long long>(g_sales),
                 static_cast<long long>(f->journalLines), f->fillSeconds, f->megabytes);
    return f;
}

std::unique_ptr<Fixture>& sharedSlot() {
    static std::unique_ptr<Fixture> fixture;
    return fixture;
}
Fixture& shared() {
    if (!sharedSlot()) sharedSlot() = fill();
    return *sharedSlot();
}

void counters(benchmark::State& state, const Fixture& f) {
    state.counters["sales"] = static_cast<double>(g_sales);
    state.counters["journal_lines"] = static_cast<double>(f.journalLines);
    state.counters["fill_s"] = f.fillSeconds;
    state.counters["db_mb"] = f.megabytes;
}

// ---- the raw sqlite3 baseline, on its own read-only connection to the same file ----

class RawQuery {
public:
    RawQuery(const std::string& path, const char* sql) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            die("open " + path + ": " + sqlite3_errmsg(m_db));
        }
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
            die(std::string("prepare: ") + sqlite3_errmsg(m_db));
        }
    }
    ~RawQuery() {
        sqlite3_finalize(m_stmt);
        sqlite3_close(m_db);
    }
    RawQuery(const RawQuery&) = delete;
    RawQuery& operator=(const RawQuery&) = delete;

    // Steps through every row, reading each integer column; returns the sum of the first integer
    // column so that the work cannot be left out.
    std::int64_t run() {
        std::int64_t sum = 0;
        int rc;
        while ((rc = sqlite3_step(m_stmt)) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(m_stmt); ++c) {
                if (sqlite3_column_type(m_stmt, c) == SQLITE_INTEGER) sum += sqlite3_column_int64(m_stmt, c);
            }
        }
        if (rc != SQLITE_DONE) die(std::string("step: ") + sqlite3_errmsg(m_db));
        sqlite3_reset(m_stmt);
        return sum;
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

std::string dbPath(const Fixture& f) {
    return f.dir.file("backoffice.db");
}

void BM_TrialBalanceReport(benchmark::State& state) {
    Fixture& f = shared();
    for (auto _ : state) {
        auto report = must(backoffice::trialBalanceReport(*f.db), "the trial balance");
        if (!report["currencies"][0]["balanced"].get<bool>()) die("the trial balance does not balance");
        benchmark::DoNotOptimize(report);
    }
    counters(state, f);
}

void BM_RawTrialBalance(benchmark::State& state) {
    Fixture& f = shared();
    RawQuery query(dbPath(f),
                   "SELECT account, sum(debit_minor), sum(credit_minor) FROM journal_lines GROUP BY account");
    for (auto _ : state) benchmark::DoNotOptimize(query.run());
    counters(state, f);
}

void BM_SalesByDayReport(benchmark::State& state) {
    Fixture& f = shared();
    for (auto _ : state) {
        auto report =
            must(backoffice::salesReport(*f.db, backoffice::SalesGrouping::Day, "s1", kFrom, kTo), "sales by day");
        if (report["totals"]["sales"].get<std::int64_t>() + report["totals"]["refunds"].get<std::int64_t>() !=
            g_sales) {
            die("sales by day did not count every sale");
        }
        benchmark::DoNotOptimize(report);
    }
    counters(state, f);
}

void BM_RawSalesByDay(benchmark::State& state) {
    Fixture& f = shared();
    RawQuery query(dbPath(f),
                   "SELECT day, sum(CASE WHEN kind = 'sale' THEN 1 ELSE 0 END),"
                   " sum(CASE WHEN kind = 'refund' THEN 1 ELSE 0 END),"
                   " sum(CASE WHEN kind = 'sale' THEN net_minor ELSE 0 END), sum(CASE WHEN kind = 'sale' THEN "
                   "tax_minor ELSE 0 END),"
                   " sum(CASE WHEN kind = 'sale' THEN gross_minor ELSE 0 END),"
                   " sum(CASE WHEN kind = 'refund' THEN net_minor ELSE 0 END),"
                   " sum(CASE WHEN kind = 'refund' THEN tax_minor ELSE 0 END),"
                   " sum(CASE WHEN kind = 'refund' THEN gross_minor ELSE 0 END)"
                   " FROM sales GROUP BY day ORDER BY day");
    for (auto _ : state) benchmark::DoNotOptimize(query.run());
    counters(state, f);
}

void registerBenchmarks() {
    for (auto* b : {benchmark::RegisterBenchmark("BM_TrialBalanceReport", BM_TrialBalanceReport),
                    benchmark::RegisterBenchmark("BM_RawTrialBalance", BM_RawTrialBalance),
                    benchmark::RegisterBenchmark("BM_SalesByDayReport", BM_SalesByDayReport),
                    benchmark::RegisterBenchmark("BM_RawSalesByDay", BM_RawSalesByDay)}) {
        b->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Our flag comes out first (GoogleBenchmark refuses flags it does not know); repetitions and
    // aggregates are the default unless asked otherwise.
    std::vector<std::string> extra;
    std::vector<char*> args;
    bool repetitions = false;
    for (int i = 0; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (i > 0 && arg.rfind("--sales=", 0) == 0) {
            g_sales = std::atoll(argv[i] + 8);
            if (g_sales < 1) die("--sales: a number of sales above 0");
            continue;
        }
        repetitions = repetitions || arg.rfind("--benchmark_repetitions=", 0) == 0;
        args.push_back(argv[i]);
    }
    if (!repetitions) {
        extra = {"--benchmark_repetitions=5", "--benchmark_report_aggregates_only=true",
                 "--benchmark_enable_random_interleaving=true"};
    }
    for (auto& e : extra) args.push_back(e.data());
    const int result = bench::runBenchmarks(std::move(args), registerBenchmarks);
    // The fixture's temp dir goes before exit, not in a static destructor after it.
    sharedSlot().reset();
    return result;
}
