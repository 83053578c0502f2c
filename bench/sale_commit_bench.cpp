// Sale commit throughput: the engine's complete() against a hand-written raw SQLite baseline.
//
// BM_SaleCommit rings up a 5-line sale on a provisioned terminal (WAL, synchronous=FULL), then
// times only tenderCash() + complete(): one transaction with the sale row, 5 lines, 1 tender,
// one outbox event and the two counter updates. The scans happen outside the timed region.
//
// BM_RawSqliteCommit writes the same rows with the sqlite3 C API and prepared statements into
// tables created from the terminal schema's own DDL, with values copied from a sale the engine
// committed, so the row count, column types and byte sizes match. The difference between the
// two is what the engine adds on top of SQLite: pricing, building the record, the JSON payload
// and envelope, UUIDs, the statement cache and exec'd BEGIN/COMMIT.
//
// BM_CommitPaired does one engine commit and one raw commit per iteration, in random order, on
// the same disk at the same moment. fsync latency drifts by 10-20% over seconds when other jobs
// write, which swamps the difference between two separate runs; pairing cancels the drift, so
// raw_us / engine_us (engine throughput relative to raw; run_benchmarks.sh pools it over the
// repetitions) is the figure to compare with the goal.
//
// BM_CommitPairedNoSync is the same pairing with PRAGMA synchronous=OFF on both connections (the
// engine's and the baseline's): no fsync, so the commit is CPU and page-cache work only and the
// ratio shows what the engine itself costs per commit. Not a durability setting the terminal
// uses; a figure for the engine's CPU cost, not for the goal.
//
// All use manual timing (steady_clock around the commit only), so items_per_second is commits
// per second of commit time. cpu_us is the thread CPU time inside that region (user + kernel);
// with synchronous=FULL the rest of the time is mostly waiting for the fsync of the WAL.
//
// The terminal is the tests' fixture (frontdesk::kiosk::testing::Terminal: a temp dir, a fake
// clock, the fake payment terminal and a Till), provisioned with this benchmark's seed.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "bench_support.h"
#include "core/database.h"
#include "core/decimal.h"
#include "core/money.h"
#include "kiosk/checkout.h"
#include "kiosk/events.h"
#include "kiosk/till.h"
#include "testing/temp_dir.h"
#include "testing/terminal.h"

namespace {

using namespace frontdesk;
namespace kt = frontdesk::kiosk::testing;
using bench::die;
using bench::must;
using Clock = std::chrono::steady_clock;

// The durability both sides commit with: FULL as the terminal runs (the WAL is fsynced at every
// commit), or OFF to leave the fsync out and compare CPU cost alone.
enum class Sync { Full, Off };

const char* syncPragma(Sync sync) {
    return sync == Sync::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF";
}
std::int64_t syncLevel(Sync sync) {
    return sync == Sync::Full ? 2 : 0;
}  // what PRAGMA synchronous reads

// Five items on two tax rates, each with its own barcode: every sale scans all five.
const char* const kBarcodes[] = {"4000000000017", "4000000000024", "4000000000031", "4000000000048", "4000000000055"};

nlohmann::json benchSeed() {
    auto item = [](const char* sku, const char* name, const char* price, const char* tax, const char* barcode) {
        return nlohmann::json{{"sku", sku},      {"name", name},          {"price", price},
                              {"tax_code", tax}, {"barcodes", {barcode}}, {"category", "grocery"}};
    };
    return {
        {"terminal",
         {{"store", "s1"},
          {"terminal", "t1"},
          {"currency", "EUR"},
          {"tax_mode", "inclusive"},
          {"tax_rounding", "per_line"},
          {"rounding_mode", "half_up"}}},
        {"price_version", 7},
        {"tax_codes",
         {{{"code", "VAT19"}, {"rate", "19"}, {"name", "standard"}},
          {{"code", "VAT7"}, {"rate", "7"}, {"name", "reduced"}}}},
        {"items",
         {item("100001", "Apple juice cloudy 1L", "1.99", "VAT19", kBarcodes[0]),
          item("100002", "Bread roll wholegrain", "0.50", "VAT7", kBarcodes[1]),
          item("100003", "Coffee beans espresso 500g", "8.49", "VAT7", kBarcodes[2]),
          item("100004", "Dish soap lemon 750ml", "2.25", "VAT19", kBarcodes[3]),
          item("100005", "Emmental cheese sliced 200g", "2.79", "VAT7", kBarcodes[4])}},
        {"staff", {{{"id", "c1"}, {"name", "Cass"}, {"role", "cashier"}, {"pin", "1111"}}}},
    };
}

std::int64_t queryInt(core::Database& db, const std::string& sql) {
    return bench::orDie("querying", [&] { return kt::queryInt(db, sql); });
}

// The tests' terminal provisioned with benchSeed(), c1 logged in and a shift open, as at the
// start of trading; synchronous as asked (the terminal opens its database with FULL).
std::unique_ptr<kt::Terminal> startTrading(Sync sync) {
    auto terminal =
        bench::orDie("provisioning the terminal", [] { return std::make_unique<kt::Terminal>(benchSeed()); });
    kiosk::Till& till = *terminal->till;
    must(till.session().login("c1", "1111").status(), "logging in");
    must(till.shifts().open(kt::eur(10000)).status(), "opening the shift");
    if (sync != Sync::Full) must(terminal->db->exec(syncPragma(sync)), "setting synchronous");
    // The figures are only meaningful with the durability settings they claim.
    const std::string mode =
        bench::orDie("querying", [&] { return kt::queryText(*terminal->db, "PRAGMA journal_mode"); });
    if (mode != "wal" || queryInt(*terminal->db, "PRAGMA synchronous") != syncLevel(sync)) {
        die(std::string("the terminal db is not in WAL mode with ") + syncPragma(sync));
    }
    return terminal;
}

// Untimed: the five scans of a sale.
core::Status ringUp(kiosk::Checkout& checkout) {
    const core::Decimal one = core::Decimal::fromInt(1);
    for (const char* code : kBarcodes) FD_TRY(checkout.scan(code, one).status());
    return {};
}

// ---- the raw sqlite3 baseline ----

struct Value {
    int type = SQLITE_NULL;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string bytes;  // TEXT or BLOB
};

struct Rows {
    std::string table;
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;

    int column(const char* name) const {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i] == name) return static_cast<int>(i);
        }
        die("table " + table + " has no column " + name);
    }
    std::string insertSql() const {
        std::string names, marks;
        for (const auto& c : columns) {
            names += (names.empty() ? "" : ", ") + c;
            marks += marks.empty() ? "?" : ", ?";
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
    }
};

class RawStmt {
public:
    RawStmt(sqlite3* db, const std::string& sql) {
        if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
            die("prepare '" + sql + "': " + sqlite3_errmsg(db));
        }
    }
    ~RawStmt() { sqlite3_finalize(m_stmt); }
    RawStmt(const RawStmt&) = delete;
    RawStmt& operator=(const RawStmt&) = delete;
    sqlite3_stmt* get() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

class RawDb {
public:
    RawDb(const std::string& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            die("open " + path + ": " + sqlite3_errmsg(m_db));
        }
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    sqlite3* get() const { return m_db; }

    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            die("exec '" + sql + "': " + sqlite3_errmsg(m_db));
        }
    }
    Rows select(const std::string& table, const std::string& where) {
        Rows out{table, {}, {}};
        RawStmt stmt(m_db, "SELECT * FROM " + table + " " + where);
        const int count = sqlite3_column_count(stmt.get());
        for (int i = 0; i < count; ++i) out.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
        while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
            std::vector<Value> row(static_cast<std::size_t>(count));
            for (int i = 0; i < count; ++i) {
                Value& v = row[static_cast<std::size_t>(i)];
                v.type = sqlite3_column_type(stmt.get(), i);
                if (v.type == SQLITE_INTEGER) v.integer = sqlite3_column_int64(stmt.get(), i);
                if (v.type == SQLITE_FLOAT) v.real = sqlite3_column_double(stmt.get(), i);
                if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB) {
                    const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt.get(), i));
                    v.bytes.assign(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt.get(), i)));
                }
            }
            out.rows.push_back(std::move(row));
        }
        return out;
    }

private:
    sqlite3* m_db = nullptr;
};

// One sale exactly as the engine stored it, and the DDL of the tables it touches.
struct SaleSample {
    std::vector<std::string> ddl;
    Rows shifts, sales, lines, tenders, outbox;
};

const SaleSample& saleSample() {
    static const SaleSample sample = [] {
        auto terminal = startTrading(Sync::Full);
        kiosk::Checkout& checkout = terminal->till->checkout();
        must(ringUp(checkout), "ringing up the sample sale");
        must(checkout.tenderCash(kt::eur(5000)).status(), "tendering the sample sale");
        must(checkout.complete().status(), "completing the sample sale");
        RawDb db(terminal->dir.file("terminal.db"), SQLITE_OPEN_READONLY);
        SaleSample s;
        // Tables before their indexes (rowid order); autoindexes have no SQL and come with their table.
        RawStmt ddl(db.get(),
                    "SELECT sql FROM sqlite_master WHERE tbl_name IN ('counters', 'shifts', 'sales',"
                    " 'sale_lines', 'sale_tenders', 'outbox') AND sql IS NOT NULL ORDER BY rowid");
        while (sqlite3_step(ddl.get()) == SQLITE_ROW) {
            s.ddl.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(ddl.get(), 0)));
        }
        s.shifts = db.select("shifts", "");
        s.sales = db.select("sales", "");
        s.lines = db.select("sale_lines", "ORDER BY line_no");
        s.tenders = db.select("sale_tenders", "");
        s.outbox = db.select("outbox", "WHERE type = 'sale.completed'");
        if (s.shifts.rows.size() != 1 || s.sales.rows.size() != 1 || s.lines.rows.size() != 5 ||
            s.tenders.rows.size() != 1 || s.outbox.rows.size() != 1) {
            die("the sample sale does not have the expected 1 sale, 5 lines, 1 tender and 1 event");
        }
        return s;
    }();
    return sample;
}

void bindValue(sqlite3_stmt* stmt, int index, const Value& v) {
    switch (v.type) {
        case SQLITE_INTEGER:
            sqlite3_bind_int64(stmt, index, v.integer);
            break;
        case SQLITE_FLOAT:
            sqlite3_bind_double(stmt, index, v.real);
            break;
        case SQLITE_TEXT:
            sqlite3_bind_text(stmt, index, v.bytes.data(), static_cast<int>(v.bytes.size()), SQLITE_STATIC);
            break;
        case SQLITE_BLOB:
            sqlite3_bind_blob(stmt, index, v.bytes.data(), static_cast<int>(v.bytes.size()), SQLITE_STATIC);
            break;
        default:
            sqlite3_bind_null(stmt, index);
            break;
    }
}

void bindText(sqlite3_stmt* stmt, int column, const std::string& text) {
    sqlite3_bind_text(stmt, column + 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// Binds a sample row; the key columns given are bound by the caller afterwards instead.
void bindRow(sqlite3_stmt* stmt, const std::vector<Value>& row, std::initializer_list<int> keys) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        bool key = false;
        for (int k : keys) key = key || k == static_cast<int>(i);
        if (!key) bindValue(stmt, static_cast<int>(i) + 1, row[i]);
    }
}

// Steps a statement to completion; with a RETURNING clause, *returned gets the first column.
bool runStmt(sqlite3_stmt* stmt, std::int64_t* returned = nullptr) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && returned) *returned = sqlite3_column_int64(stmt, 0);
    while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE;
}

// A fixed-length stand-in for a UUIDv7 (36 characters) so key sizes match the engine's.
std::string fakeUuid(unsigned tag, std::uint64_t n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0190%04x-0000-7000-8000-%012llx", tag, static_cast<unsigned long long>(n));
    return buf;
}

// Wall and CPU seconds of one timed region.
struct Timed {
    double seconds = 0.0;
    double cpu = 0.0;
};

template <typename Work>
Timed timed(Work&& work) {
    const double cpu0 = bench::threadCpuSeconds();
    const auto t0 = Clock::now();
    work();
    const auto t1 = Clock::now();
    return {std::chrono::duration<double>(t1 - t0).count(), bench::threadCpuSeconds() - cpu0};
}

// The engine side: a terminal that rings up five items (untimed) and commits them (timed).
class EngineSales {
public:
    explicit EngineSales(Sync sync) : m_terminal(startTrading(sync)), m_checkout(m_terminal->till->checkout()) {}

    // Untimed: the five scans of the next sale.
    core::Status ringUp() { return ::ringUp(m_checkout); }

    // Timed: the settling cash tender and complete().
    core::Status commit(Timed& time) {
        core::Status status;
        time = timed([&] {
            auto paid = m_checkout.tenderCash(m_cash);
            auto done = paid.ok() ? m_checkout.complete() : core::Result<kiosk::Committed>(paid.status());
            benchmark::DoNotOptimize(done);
            status = done.ok() ? core::Status{} : done.status();
        });
        return status;
    }

    // Every commit must have left its sale and its event (plus the shift.opened event).
    bool holds(std::int64_t sales) {
        return queryInt(*m_terminal->db, "SELECT count(*) FROM sales") == sales &&
               queryInt(*m_terminal->db, "SELECT count(*) FROM outbox") == sales + 1;
    }

private:
    std::unique_ptr<kt::Terminal> m_terminal;
    kiosk::Checkout& m_checkout;
    const core::Money m_cash = kt::eur(5000);  // more than the 16.02 due: a settling tender with change
};

// The baseline side: the same rows through prepared statements on a fresh database.
class RawSales {
public:
    RawSales(const SaleSample& sample, Sync sync)
        : m_s(sample), m_db(m_dir.file("raw.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        // The pragmas Database::open sets (synchronous as the engine side has it); foreign_keys
        // too, because the terminal checks sales.shift_id and the line/tender sale_id references
        // on every commit and the baseline must do the same work.
        m_db.exec(std::string("PRAGMA journal_mode=WAL; ") + syncPragma(sync) + "; PRAGMA foreign_keys=ON;");
        {
            RawStmt mode(m_db.get(), "PRAGMA journal_mode");
            if (sqlite3_step(mode.get()) != SQLITE_ROW ||
                std::string(reinterpret_cast<const char*>(sqlite3_column_text(mode.get(), 0))) != "wal") {
                die("the raw db is not in WAL mode");
            }
            RawStmt level(m_db.get(), "PRAGMA synchronous");
            if (sqlite3_step(level.get()) != SQLITE_ROW || sqlite3_column_int64(level.get(), 0) != syncLevel(sync)) {
                die(std::string("the raw db does not have ") + syncPragma(sync));
            }
        }
        for (const auto& sql : m_s.ddl) m_db.exec(sql);
        m_db.exec("INSERT INTO counters (name, value) VALUES ('outbox_seq', 0), ('receipt_no', 0)");
        {
            RawStmt shift(m_db.get(), m_s.shifts.insertSql());
            bindRow(shift.get(), m_s.shifts.rows[0], {});
            if (!runStmt(shift.get())) die(std::string("inserting the shift: ") + sqlite3_errmsg(m_db.get()));
        }
        m_begin = std::make_unique<RawStmt>(m_db.get(), "BEGIN IMMEDIATE");
        m_commit = std::make_unique<RawStmt>(m_db.get(), "COMMIT");
        m_counter = std::make_unique<RawStmt>(m_db.get(),
                                              "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value");
        m_sale = std::make_unique<RawStmt>(m_db.get(), m_s.sales.insertSql());
        m_line = std::make_unique<RawStmt>(m_db.get(), m_s.lines.insertSql());
        m_tender = std::make_unique<RawStmt>(m_db.get(), m_s.tenders.insertSql());
        m_event = std::make_unique<RawStmt>(m_db.get(), m_s.outbox.insertSql());
    }

    // Untimed: the engine draws the sale id at the first scan, outside its timed region; so do we.
    void nextKeys() {
        ++m_n;
        m_id = fakeUuid(0xa000, m_n);
        m_eventId = fakeUuid(0xb000, m_n);
    }

    // Timed: one transaction with the counters, the sale, its lines and tender, and the event.
    bool commit(Timed& time) {
        bool ok = true;
        time = timed([&] { ok = write(); });
        if (!ok) sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        return ok;
    }

    std::string error() const { return sqlite3_errmsg(m_db.get()); }

    bool holds(std::int64_t sales) {
        RawStmt count(m_db.get(),
                      "SELECT (SELECT count(*) FROM sales) + (SELECT count(*) FROM sale_lines)"
                      " + (SELECT count(*) FROM sale_tenders) + (SELECT count(*) FROM outbox)");
        return sqlite3_step(count.get()) == SQLITE_ROW && sqlite3_column_int64(count.get(), 0) == 8 * sales;
    }

private:
    bool write() {
        if (!runStmt(m_begin->get())) return false;
        std::int64_t receiptNo = 0, seq = 0;
        sqlite3_bind_text(m_counter->get(), 1, "receipt_no", -1, SQLITE_STATIC);
        if (!runStmt(m_counter->get(), &receiptNo)) return false;
        char receipt[48];
        std::snprintf(receipt, sizeof receipt, "t1-%06lld", static_cast<long long>(receiptNo));
        const std::string receiptText = receipt;

        sqlite3_stmt* sale = m_sale->get();
        bindRow(sale, m_s.sales.rows[0], {m_saleIdCol, m_receiptCol});
        bindText(sale, m_saleIdCol, m_id);
        bindText(sale, m_receiptCol, receiptText);
        if (!runStmt(sale)) return false;
        for (const auto& row : m_s.lines.rows) {
            bindRow(m_line->get(), row, {m_lineSaleCol});
            bindText(m_line->get(), m_lineSaleCol, m_id);
            if (!runStmt(m_line->get())) return false;
        }
        bindRow(m_tender->get(), m_s.tenders.rows[0], {m_tenderSaleCol});
        bindText(m_tender->get(), m_tenderSaleCol, m_id);
        if (!runStmt(m_tender->get())) return false;

        sqlite3_bind_text(m_counter->get(), 1, "outbox_seq", -1, SQLITE_STATIC);
        if (!runStmt(m_counter->get(), &seq)) return false;
        sqlite3_stmt* event = m_event->get();
        bindRow(event, m_s.outbox.rows[0], {m_seqCol, m_eventIdCol, m_entityCol});
        sqlite3_bind_int64(event, m_seqCol + 1, seq);
        bindText(event, m_eventIdCol, m_eventId);
        bindText(event, m_entityCol, m_id);
        return runStmt(event) && runStmt(m_commit->get());
    }

    const SaleSample& m_s;
    kt::TempDir m_dir = bench::orDie("creating a temp dir", [] { return kt::TempDir(); });
    RawDb m_db;
    std::unique_ptr<RawStmt> m_begin, m_commit, m_counter, m_sale, m_line, m_tender, m_event;
    const int m_saleIdCol = m_s.sales.column("id"), m_receiptCol = m_s.sales.column("receipt_no");
    const int m_lineSaleCol = m_s.lines.column("sale_id"), m_tenderSaleCol = m_s.tenders.column("sale_id");
    const int m_seqCol = m_s.outbox.column("seq"), m_eventIdCol = m_s.outbox.column("id");
    const int m_entityCol = m_s.outbox.column("entity_id");
    std::uint64_t m_n = 0;
    std::string m_id, m_eventId;
};

// ---- benchmarks ----

void finish(benchmark::State& state, double cpu, bool holds) {
    if (!state.error_occurred() && !holds) state.SkipWithError("the committed rows do not match the iterations");
    const auto n = static_cast<double>(state.iterations());
    state.SetItemsProcessed(state.iterations());
    state.counters["cpu_us"] = n > 0 ? cpu * 1e6 / n : 0.0;
}

void BM_SaleCommit(benchmark::State& state) {
    EngineSales engine(Sync::Full);
    double cpu = 0.0;
    for (auto _ : state) {
        Timed time;
        core::Status status = engine.ringUp();
        if (status.ok()) status = engine.commit(time);
        if (!status.ok()) {
            state.SkipWithError(("engine sale: " + status.toString()).c_str());
            break;
        }
        cpu += time.cpu;
        state.SetIterationTime(time.seconds);
    }
    finish(state, cpu, engine.holds(state.iterations()));
}

void BM_RawSqliteCommit(benchmark::State& state) {
    RawSales raw(saleSample(), Sync::Full);
    double cpu = 0.0;
    for (auto _ : state) {
        Timed time;
        raw.nextKeys();
        if (!raw.commit(time)) {
            state.SkipWithError(("raw commit: " + raw.error()).c_str());
            break;
        }
        cpu += time.cpu;
        state.SetIterationTime(time.seconds);
    }
    finish(state, cpu, raw.holds(state.iterations()));
}

// One engine sale and one raw sale per iteration, order drawn at random; items = pairs.
void pairedCommits(benchmark::State& state, Sync sync) {
    EngineSales engine(sync);
    RawSales raw(saleSample(), sync);
    std::mt19937 coin(42);
    Timed sumEngine, sumRaw;
    for (auto _ : state) {
        Timed e, r;
        core::Status status = engine.ringUp();
        raw.nextKeys();
        if (coin() & 1) {
            if (status.ok()) status = engine.commit(e);
            if (status.ok() && !raw.commit(r)) status = core::Status(core::ErrorKind::Internal, raw.error());
        } else {
            if (!raw.commit(r)) status = core::Status(core::ErrorKind::Internal, raw.error());
            if (status.ok()) status = engine.commit(e);
        }
        if (!status.ok()) {
            state.SkipWithError(("paired commit: " + status.toString()).c_str());
            break;
        }
        sumEngine.seconds += e.seconds;
        sumEngine.cpu += e.cpu;
        sumRaw.seconds += r.seconds;
        sumRaw.cpu += r.cpu;
        state.SetIterationTime(e.seconds + r.seconds);
    }
    finish(state, sumEngine.cpu + sumRaw.cpu, engine.holds(state.iterations()) && raw.holds(state.iterations()));
    const auto n = std::max<double>(1.0, static_cast<double>(state.iterations()));
    state.counters["engine_us"] = sumEngine.seconds * 1e6 / n;
    state.counters["raw_us"] = sumRaw.seconds * 1e6 / n;
    state.counters["engine_cpu_us"] = sumEngine.cpu * 1e6 / n;
    state.counters["raw_cpu_us"] = sumRaw.cpu * 1e6 / n;
    state.counters["ratio"] = sumEngine.seconds > 0 ? sumRaw.seconds / sumEngine.seconds : 0.0;
}

void BM_CommitPaired(benchmark::State& state) {
    pairedCommits(state, Sync::Full);
}
// Both connections with synchronous=OFF: what each side costs without the fsync.
void BM_CommitPairedNoSync(benchmark::State& state) {
    pairedCommits(state, Sync::Off);
}

// Manual time: Pause/ResumeTiming would still leave the (untimed) scans in the CPU figure, and
// rates must be per second of commit wall time, not of CPU time, since the fsync is the cost.
BENCHMARK(BM_SaleCommit)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RawSqliteCommit)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CommitPaired)->UseManualTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CommitPairedNoSync)->UseManualTime()->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
