// Bad storage: a full disk, a database that refuses writes, a damaged or foreign file, a schema
// from a newer build, a write lock held by another process and a database moved or deleted while
// the till runs. Each is reported with the right ErrorKind and a message naming the file, nothing
// is half-written, and the engine stays usable: the sale in progress survives the failure and
// completes once storage recovers, with no gap in seq. A start that is refused (no database, a
// refused seed, a full disk) leaves the file system as it found it.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "kiosk/seed_import.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till.h"
#include "test_support.h"

namespace frontdesk::kiosk::testing {
namespace {

using core::ErrorKind;

// Two scanned items and `weighed` lines of walnuts (weighed lines never merge).
void ringUpBasket(Till& engine, int weighed) {
    ASSERT_TRUE(engine.checkout().scan("4000000000017", dec("2")).ok());
    ASSERT_TRUE(engine.checkout().scan("4000000000024", dec("3")).ok());
    for (int i = 0; i < weighed; ++i) {
        auto added = engine.checkout().addSku("W", dec(("0." + std::to_string(101 + i * 7)).c_str()));
        ASSERT_TRUE(added.ok()) << added.status().toString();
    }
}

void payCash(Till& engine) {
    auto state = engine.checkout().state();
    ASSERT_TRUE(state.ok()) << state.status().toString();
    auto paid = engine.checkout().tenderCash(eur((state->remaining + 999) / 1000 * 1000));
    ASSERT_TRUE(paid.ok()) << paid.status().toString();
}

std::int64_t outboxSeqCounter(core::Database& db) {
    return queryInt(db, "SELECT value FROM counters WHERE name = 'outbox_seq'");
}

// Every committed row has its one event, and seq is 1..N with the counter at N.
void expectLedgerWhole(core::Database& db) {
    const auto events = queryInt(db, "SELECT count(*) FROM outbox");
    EXPECT_EQ(queryInt(db, "SELECT coalesce(max(seq), 0) FROM outbox"), events);
    EXPECT_EQ(outboxSeqCounter(db), events);
    EXPECT_EQ(queryInt(db, "SELECT value FROM counters WHERE name = 'receipt_no'"),
              queryInt(db, "SELECT count(*) FROM sales"));
    EXPECT_EQ(
        queryInt(db,
                 "SELECT count(*) FROM sales s WHERE (SELECT count(*) FROM outbox o WHERE o.entity_id = s.id) != 1"),
        0);
    EXPECT_EQ(
        queryInt(
            db,
            "SELECT count(*) FROM cash_moves m WHERE (SELECT count(*) FROM outbox o WHERE o.entity_id = m.id) != 1"),
        0);
    EXPECT_EQ(queryInt(db,
                       "SELECT count(*) FROM shifts s WHERE (SELECT count(*) FROM outbox o WHERE o.entity_id = s.id"
                       " AND o.type = 'shift.opened') != 1"),
              0);
    EXPECT_EQ(queryInt(db,
                       "SELECT count(*) FROM shifts s WHERE (SELECT count(*) FROM outbox o WHERE o.entity_id = s.id"
                       " AND o.type = 'shift.closed') != (s.closed_at IS NOT NULL)"),
              0);
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM sale_lines WHERE sale_id NOT IN (SELECT id FROM sales)"), 0);
    EXPECT_EQ(queryInt(db, "SELECT count(*) FROM sale_tenders WHERE sale_id NOT IN (SELECT id FROM sales)"), 0);
}

// Caps the file at its current size: the next write that needs a new page fails with SQLITE_FULL.
// Free pages (a migration that rebuilt a table leaves some) are given back first, so that what
// is left is only the free space inside pages in use.
void fillDisk(core::Database& db) {
    ASSERT_TRUE(db.exec("VACUUM").ok());
    ASSERT_EQ(queryInt(db, "PRAGMA freelist_count"), 0);
    const auto pages = queryInt(db, "PRAGMA page_count");
    ASSERT_TRUE(db.exec("PRAGMA max_page_count = " + std::to_string(pages)).ok());
    ASSERT_EQ(queryInt(db, "PRAGMA max_page_count"), pages);
}

void freeDisk(core::Database& db) {
    ASSERT_TRUE(db.exec("PRAGMA max_page_count = 1000000000").ok());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// ---- disk full ----

TEST(StorageDiskFull, CompleteReturnsDiskFullWritesNothingAndKeepsTheSaleToRetryWithoutSeqGap) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    // 40 weighed lines: the sale's rows and its event need more than the free space in existing pages.
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(*t.till, 40));
    ASSERT_NO_FATAL_FAILURE(payCash(*t.till));
    const auto seqBefore = outboxSeqCounter(*t.db);
    const auto eventsBefore = queryInt(*t.db, "SELECT count(*) FROM outbox");
    ASSERT_NO_FATAL_FAILURE(fillDisk(*t.db));

    auto failed = t.checkout().complete();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().kind(), ErrorKind::DiskFull) << failed.status().toString();
    EXPECT_NE(failed.status().message().find("full"), std::string::npos) << failed.status().message();
    EXPECT_NE(failed.status().message().find(t.db->path()), std::string::npos) << failed.status().message();

    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_lines"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_tenders"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), eventsBefore);
    EXPECT_EQ(outboxSeqCounter(*t.db), seqBefore);
    EXPECT_EQ(queryInt(*t.db, "SELECT value FROM counters WHERE name = 'receipt_no'"), 0);

    auto state = t.checkout().state();  // the sale is still in the engine, paid
    ASSERT_TRUE(state.ok());
    EXPECT_EQ(state->totals.lines.size(), 42u);
    ASSERT_EQ(state->tenders.size(), 1u);
    EXPECT_LE(state->remaining, 0);

    ASSERT_NO_FATAL_FAILURE(freeDisk(*t.db));
    auto committed = t.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, seqBefore + 1);  // shift.opened is 1, the sale 2: no gap
    EXPECT_EQ(committed->receiptNo, "t1-000001");
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sale_lines"), 42);
    EXPECT_TRUE(t.checkout().cart().empty());
    expectLedgerWhole(*t.db);
}

TEST(StorageDiskFull, PaidInThatHitsFullStorageWritesNeitherMoveNorEventAndSucceedsLater) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    ASSERT_NO_FATAL_FAILURE(fillDisk(*t.db));
    // Paid-ins fill the free space in the existing pages until one needs a page more.
    core::Status status;
    int done = 0;
    for (; done < 1000; ++done) {
        status = t.shifts().paidIn(eur(1000), "change from the bank " + std::to_string(done));
        if (!status.ok()) break;
    }
    ASSERT_FALSE(status.ok()) << "storage never filled up";
    EXPECT_EQ(status.kind(), ErrorKind::DiskFull) << status.toString();
    EXPECT_NE(status.message().find(t.db->path()), std::string::npos) << status.message();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM cash_moves"), done);
    EXPECT_EQ(outboxSeqCounter(*t.db), done + 1);  // shift.opened plus one per paid-in
    expectLedgerWhole(*t.db);

    ASSERT_NO_FATAL_FAILURE(freeDisk(*t.db));
    ASSERT_TRUE(t.shifts().paidIn(eur(1000), "change from the bank, again").ok());
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM cash_moves"), done + 1);
    EXPECT_EQ(queryInt(*t.db, "SELECT max(seq) FROM outbox"), done + 2);
    expectLedgerWhole(*t.db);
}

TEST(StorageDiskFull, ShiftOpenOrCloseThatHitsFullStorageWritesNothingAndSucceedsLater) {
    Terminal t;
    ASSERT_TRUE(t.session().login("c1", "1111").ok());
    ASSERT_NO_FATAL_FAILURE(fillDisk(*t.db));
    core::Status status;
    bool failedClosing = false;
    int shifts = 0;
    for (; shifts < 500; ++shifts) {
        auto opened = t.shifts().open(eur(10000));
        if (!opened.ok()) {
            status = opened.status();
            break;
        }
        auto closed = t.shifts().close(eur(10000));
        if (!closed.ok()) {
            status = closed.status();
            failedClosing = true;
            break;
        }
    }
    ASSERT_FALSE(status.ok()) << "storage never filled up";
    EXPECT_EQ(status.kind(), ErrorKind::DiskFull) << status.toString();
    EXPECT_NE(status.message().find(t.db->path()), std::string::npos) << status.message();
    // A failed open leaves no shift open; a failed close leaves the shift open, as stored.
    EXPECT_EQ(t.shifts().current().has_value(), failedClosing);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM shifts WHERE closed_at IS NULL"), failedClosing ? 1 : 0);
    expectLedgerWhole(*t.db);

    ASSERT_NO_FATAL_FAILURE(freeDisk(*t.db));
    const auto seqBefore = outboxSeqCounter(*t.db);
    if (failedClosing) {
        ASSERT_TRUE(t.shifts().close(eur(10000)).ok());
    } else {
        ASSERT_TRUE(t.shifts().open(eur(10000)).ok());
    }
    EXPECT_EQ(queryInt(*t.db, "SELECT max(seq) FROM outbox"), seqBefore + 1);
    expectLedgerWhole(*t.db);
}

// ---- read-only ----

TEST(StorageReadOnly, QueryOnlyDatabaseRefusesCompleteWithReadOnlyAndCompletesOnceWritable) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(*t.till, 1));
    ASSERT_NO_FATAL_FAILURE(payCash(*t.till));
    const auto seqBefore = outboxSeqCounter(*t.db);
    ASSERT_TRUE(t.db->exec("PRAGMA query_only = ON").ok());

    auto failed = t.checkout().complete();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().kind(), ErrorKind::ReadOnly) << failed.status().toString();
    EXPECT_NE(failed.status().message().find(t.db->path()), std::string::npos) << failed.status().message();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM outbox"), seqBefore);
    EXPECT_EQ(outboxSeqCounter(*t.db), seqBefore);
    EXPECT_EQ(t.shifts().paidIn(eur(500), "float").kind(), ErrorKind::ReadOnly);
    EXPECT_EQ(t.checkout().cart().lines().size(), 3u);

    ASSERT_TRUE(t.db->exec("PRAGMA query_only = OFF").ok());
    auto committed = t.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, seqBefore + 1);
    expectLedgerWhole(*t.db);
}

TEST(StorageReadOnly, ReadOnlyDatabaseRefusesLoginsBecauseAttemptsCannotBeCounted) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    const auto seqBefore = outboxSeqCounter(*t.db);
    auto readOnly = openTerminalDb(t.db->path(), core::OpenOptions{.readOnly = true});
    ASSERT_TRUE(readOnly.ok()) << readOnly.status().toString();
    auto opened = Till::open(**readOnly, t.clock, t.payments);
    ASSERT_TRUE(opened.ok()) << opened.status().toString();
    Till& engine = **opened;
    // Fail closed: a login whose attempt cannot be counted would allow unlimited PIN guessing.
    auto login = engine.session().login("c1", "1111");
    ASSERT_FALSE(login.ok());
    EXPECT_EQ(login.status().kind(), ErrorKind::ReadOnly) << login.status().toString();
    EXPECT_EQ(engine.session().login("c1", "9999").status().kind(), ErrorKind::ReadOnly);
    EXPECT_FALSE(engine.session().user().has_value());
    EXPECT_EQ(queryInt(*t.db, "SELECT failed_attempts FROM staff WHERE id = 'c1'"), 0);
    EXPECT_EQ(outboxSeqCounter(*t.db), seqBefore);

    // The writable connection is unaffected.
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(*t.till, 1));
    ASSERT_NO_FATAL_FAILURE(payCash(*t.till));
    auto committed = t.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, seqBefore + 1);
}

// ---- damaged and foreign files ----

void expectCorruptNamingFile(const std::string& path) {
    auto opened = openTerminalDb(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().kind(), ErrorKind::Corrupt) << opened.status().toString();
    EXPECT_NE(opened.status().message().find(path), std::string::npos) << opened.status().message();
}

TEST(StorageCorrupt, FileOfRandomBytesIsReportedCorruptNamingItAndLeftUntouched) {
    TempDir dir;
    const auto path = dir.file("random.db");
    std::mt19937 rng(7);
    std::string bytes(64 * 1024, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng() & 0xFF);
    writeFile(path, bytes);
    ASSERT_NO_FATAL_FAILURE(expectCorruptNamingFile(path));
    ASSERT_NO_FATAL_FAILURE(expectCorruptNamingFile(path));  // and again: the failed open left nothing behind
    EXPECT_TRUE(readFile(path) == bytes) << "the refused file was modified";
}

TEST(StorageCorrupt, TruncatedTerminalDbIsReportedCorruptNamingIt) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    for (int i = 0; i < 5; ++i) {
        ASSERT_NO_FATAL_FAILURE(ringUpBasket(*t.till, 10));
        ASSERT_NO_FATAL_FAILURE(payCash(*t.till));
        ASSERT_TRUE(t.checkout().complete().ok());
    }
    ASSERT_TRUE(t.db->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    const auto path = t.dir.file("truncated.db");
    std::filesystem::copy_file(t.db->path(), path);
    const auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 4u * 4096u);
    std::filesystem::resize_file(path, size / 2);
    const auto bytes = readFile(path);

    ASSERT_NO_FATAL_FAILURE(expectCorruptNamingFile(path));
    EXPECT_TRUE(readFile(path) == bytes) << "the refused file was modified";
    // The original is intact.
    t.reopen();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 5);
}

TEST(StorageCorrupt, SqliteDatabaseOfAnotherApplicationIsRefusedNamingItAndLeftUntouched) {
    TempDir dir;
    for (const char* applicationId : {"0", "1634890342"}) {
        SCOPED_TRACE(std::string("application_id ") + applicationId);
        const auto path = dir.file(std::string("other-") + applicationId + ".db");
        sqlite3* other = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
        const std::string sql = std::string("PRAGMA application_id = ") + applicationId +
                                "; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                " INSERT INTO notes (body) VALUES ('buy milk');";
        ASSERT_EQ(sqlite3_exec(other, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
        const auto bytes = readFile(path);

        auto opened = openTerminalDb(path);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.status().kind(), ErrorKind::Corrupt) << opened.status().toString();
        EXPECT_NE(opened.status().message().find(path), std::string::npos) << opened.status().message();
        EXPECT_NE(opened.status().message().find("not a Frontdesk terminal database"), std::string::npos)
            << opened.status().message();
        // Refusing the file did not change it (not even its journal mode).
        EXPECT_TRUE(readFile(path) == bytes) << "the refused file was modified";
        EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    }
}

TEST(StorageCorrupt, EmptyFileIsProvisionedAsANewTerminalAndSells) {
    TempDir dir;
    const auto path = dir.file("empty.db");
    writeFile(path, "");
    core::FakeClock clock(core::TimePoint{std::chrono::milliseconds{1'795'000'000'000}});
    FakePaymentAdapter payments;
    auto db = openTerminalDb(path);
    ASSERT_TRUE(db.ok()) << db.status().toString();
    auto imported = importSeed(**db, clock, standardSeed(), core::HashStrength::Minimum);
    ASSERT_TRUE(imported.ok()) << imported.status().toString();
    auto engine = Till::open(**db, clock, payments);
    ASSERT_TRUE(engine.ok()) << engine.status().toString();
    ASSERT_TRUE((*engine)->session().login("c1", "1111").ok());
    ASSERT_TRUE((*engine)->shifts().open(eur(10000)).ok());
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(**engine, 1));
    ASSERT_NO_FATAL_FAILURE(payCash(**engine));
    auto committed = (*engine)->checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, 2);
    auto mode = (*db)->prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    ASSERT_TRUE(mode->step().ok());
    EXPECT_EQ(mode->text(0), "wal");
}

// ---- schema from a newer build ----

TEST(StorageSchema, DatabaseWithNewerSchemaVersionIsRefusedNamingBothVersions) {
    Terminal t;
    const int latest = terminalSchema().migrations.back().version;
    const int newer = latest + 5;
    ASSERT_TRUE(t.db->exec("PRAGMA user_version = " + std::to_string(newer)).ok());
    const std::string path = t.db->path();
    t.till.reset();
    t.db.reset();

    auto opened = openTerminalDb(path);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().kind(), ErrorKind::FailedPrecondition) << opened.status().toString();
    const auto& message = opened.status().message();
    EXPECT_NE(message.find("schema version " + std::to_string(newer)), std::string::npos) << message;
    EXPECT_NE(message.find("(" + std::to_string(latest) + ")"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

// ---- busy ----

TEST(StorageBusy, WriteLockHeldElsewhereGivesBusyAfterTheTimeoutAndTheSaleCompletesOnRelease) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    const std::string path = t.db->path();
    t.till.reset();
    t.db.reset();
    constexpr int kBusyTimeoutMs = 100;
    auto db = openTerminalDb(path, core::OpenOptions{.busyTimeoutMs = kBusyTimeoutMs});
    ASSERT_TRUE(db.ok()) << db.status().toString();
    auto opened = Till::open(**db, t.clock, t.payments);
    ASSERT_TRUE(opened.ok()) << opened.status().toString();
    Till& engine = **opened;
    ASSERT_TRUE(engine.session().login("c1", "1111").ok());
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(engine, 1));
    ASSERT_NO_FATAL_FAILURE(payCash(engine));
    const auto seqBefore = outboxSeqCounter(**db);

    sqlite3* other = nullptr;
    const int rc = sqlite3_open(path.c_str(), &other);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> closeOther(other, &sqlite3_close);
    ASSERT_EQ(rc, SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    const auto start = std::chrono::steady_clock::now();
    auto failed = engine.checkout().complete();
    const auto waited = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().kind(), ErrorKind::Busy) << failed.status().toString();
    EXPECT_NE(failed.status().message().find(path), std::string::npos) << failed.status().message();
    EXPECT_GE(waited, std::chrono::milliseconds(kBusyTimeoutMs - 10));
    EXPECT_LT(waited, std::chrono::milliseconds(3000));
    EXPECT_EQ(engine.checkout().cart().lines().size(), 3u);
    EXPECT_EQ(queryInt(**db, "SELECT count(*) FROM sales"), 0);
    EXPECT_EQ(outboxSeqCounter(**db), seqBefore);

    ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    auto committed = engine.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->event.seq, seqBefore + 1);
    expectLedgerWhole(**db);
}

// ---- a database moved or deleted while the till runs ----
// In WAL mode SQLite does not notice: commits would go on succeeding into files without a name
// (or, renamed, into a -wal under the old name) and every acknowledged sale would be lost.

// Moves the terminal database with its -wal and -shm to `to`, or deletes them (to == "").
void moveDatabase(const std::string& from, const std::string& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        if (to.empty()) {
            std::filesystem::remove(from + suffix);
        } else {
            std::filesystem::rename(from + suffix, to + suffix);
        }
    }
}

// A paid sale is refused at complete: Unavailable naming the file, nothing stored, the sale kept.
void expectCompleteRefusedKeepingTheSale(Terminal& t) {
    ASSERT_NO_FATAL_FAILURE(ringUpBasket(*t.till, 1));
    ASSERT_NO_FATAL_FAILURE(payCash(*t.till));
    const auto seqBefore = outboxSeqCounter(*t.db);

    auto failed = t.checkout().complete();
    ASSERT_FALSE(failed.ok()) << "acknowledged receipt " << failed->receiptNo << " stored in no file";
    EXPECT_EQ(failed.status().kind(), ErrorKind::Unavailable) << failed.status().toString();
    EXPECT_NE(failed.status().message().find("terminal database " + t.db->path() + " was moved or deleted"),
              std::string::npos)
        << failed.status().message();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 0);
    EXPECT_EQ(outboxSeqCounter(*t.db), seqBefore);
    EXPECT_EQ(t.shifts().paidIn(eur(500), "float").kind(), ErrorKind::Unavailable);

    EXPECT_EQ(t.checkout().cart().lines().size(), 3u);  // the sale is still in the engine, paid
    auto state = t.checkout().state();
    ASSERT_TRUE(state.ok()) << state.status().toString();
    ASSERT_EQ(state->tenders.size(), 1u);
    EXPECT_LE(state->remaining, 0);
}

TEST(StorageMoved, DeletedDatabaseRefusesCompleteAndKeepsTheSale) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    moveDatabase(t.db->path(), "");
    ASSERT_NO_FATAL_FAILURE(expectCompleteRefusedKeepingTheSale(t));
    EXPECT_FALSE(std::filesystem::exists(t.db->path()));
}

TEST(StorageMoved, RenamedDatabaseRefusesCompleteStoresNothingUnderEitherNameAndCompletesOnceBack) {
    Terminal t;
    ASSERT_NO_FATAL_FAILURE(t.startShift());
    const std::string path = t.db->path();
    const std::string renamed = t.dir.file("renamed.db");
    moveDatabase(path, renamed);
    ASSERT_NO_FATAL_FAILURE(expectCompleteRefusedKeepingTheSale(t));
    {
        auto old = openTerminalDb(renamed, core::OpenOptions{.create = false});
        ASSERT_TRUE(old.ok()) << old.status().toString();
        EXPECT_EQ(queryInt(**old, "SELECT count(*) FROM sales"), 0);
        EXPECT_EQ(queryInt(**old, "SELECT count(*) FROM outbox"), 1);  // shift.opened only
    }
    EXPECT_FALSE(std::filesystem::exists(path));

    moveDatabase(renamed, path);  // back where the till opened it: commits are safe again
    auto committed = t.checkout().complete();
    ASSERT_TRUE(committed.ok()) << committed.status().toString();
    EXPECT_EQ(committed->receiptNo, "t1-000001");
    EXPECT_EQ(committed->event.seq, 2);
    t.reopen();
    EXPECT_EQ(queryInt(*t.db, "SELECT count(*) FROM sales"), 1);
    expectLedgerWhole(*t.db);
}

// ---- the till binary: a refused start leaves the file system as it found it ----

struct KioskRun {
    int exitCode = -1;
    std::string output;  // standard output and error
};

// Runs the till binary in `dir` with `args` and no actions. `limits` runs first in the shell
// (ulimit); SIGXFSZ is ignored so that a write past RLIMIT_FSIZE fails with EFBIG, as a write to a
// full disk fails with ENOSPC, instead of killing the till. Output goes through a pipe: a file
// would be subject to the limit too.
KioskRun runKiosk(const TempDir& dir, const std::string& args, const std::string& limits = "") {
    const std::string command = "cd '" + dir.path().string() + "' && (trap '' XFSZ; " + limits + " exec '" +
                                FRONTDESK_KIOSK_BIN + "' --headless " + args + ") </dev/null 2>&1";
    KioskRun run;
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    for (int c; (c = std::fgetc(pipe)) != EOF;) run.output.push_back(static_cast<char>(c));
    const int status = ::pclose(pipe);
    if (WIFEXITED(status)) run.exitCode = WEXITSTATUS(status);
    return run;
}

std::vector<std::string> filesIn(const TempDir& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

using Names = std::vector<std::string>;

TEST(StorageBinary, WithoutSeedAMissingOrEmptyDatabaseIsRefusedAndNotCreatedOrWritten) {
    TempDir dir;
    auto missing = runKiosk(dir, "--db terminal-typo.db");
    EXPECT_EQ(missing.exitCode, 1) << missing.output;
    EXPECT_NE(missing.output.find("not_found: terminal database terminal-typo.db does not exist"), std::string::npos)
        << missing.output;
    EXPECT_EQ(filesIn(dir), Names{});

    writeFile(dir.file("empty.db"), "");
    auto empty = runKiosk(dir, "--db empty.db");
    EXPECT_EQ(empty.exitCode, 1) << empty.output;
    EXPECT_NE(empty.output.find("empty.db is empty"), std::string::npos) << empty.output;
    EXPECT_EQ(filesIn(dir), Names{"empty.db"});
    EXPECT_EQ(std::filesystem::file_size(dir.file("empty.db")), 0u);
}

TEST(StorageBinary, RefusedSeedLeavesNoDatabaseBehindAndAnExistingOneUntouched) {
    TempDir dir;
    writeFile(dir.file("bad.json"), R"({"terminal": {"store": "s1"}})");
    auto refused = runKiosk(dir, "--db t.db --seed bad.json");
    EXPECT_EQ(refused.exitCode, 1) << refused.output;
    EXPECT_NE(refused.output.find("invalid_argument: seed file bad.json"), std::string::npos) << refused.output;
    EXPECT_EQ(filesIn(dir), Names{"bad.json"});
    auto unreadable = runKiosk(dir, "--db t.db --seed missing.json");
    EXPECT_EQ(unreadable.exitCode, 1) << unreadable.output;
    EXPECT_EQ(filesIn(dir), Names{"bad.json"});

    writeFile(dir.file("seed.json"), standardSeed().dump());
    ASSERT_EQ(runKiosk(dir, "--db t.db --seed seed.json").exitCode, 0);
    const auto provisioned = readFile(dir.file("t.db"));
    auto again = runKiosk(dir, "--db t.db --seed bad.json");  // re-provisioning an existing terminal
    EXPECT_EQ(again.exitCode, 1) << again.output;
    EXPECT_EQ(filesIn(dir), (Names{"bad.json", "seed.json", "t.db"}));
    EXPECT_TRUE(readFile(dir.file("t.db")) == provisioned) << "the refused seed changed the database";
}

// A full disk, reproduced with RLIMIT_FSIZE: `ulimit -f 0` lets no file grow, `ulimit -f 1` only to
// 512 bytes. On a real full file system (a full tmpfs) the same writes fail with ENOSPC, and the
// till answers the same: disk_full naming the file, and no files left behind.
TEST(StorageBinary, ProvisioningOnAFullDiskIsDiskFullAndLeavesNoFileBehind) {
    TempDir dir;
    writeFile(dir.file("seed.json"), standardSeed().dump());
    auto full = runKiosk(dir, "--db t.db --seed seed.json", "ulimit -f 0;");
    EXPECT_EQ(full.exitCode, 1) << full.output;
    EXPECT_NE(full.output.find("disk_full:"), std::string::npos) << full.output;
    EXPECT_NE(full.output.find("(t.db)"), std::string::npos) << full.output;
    EXPECT_EQ(filesIn(dir), Names{"seed.json"});
}

TEST(StorageBinary, StartingOnAFullDiskIsDiskFullAndLeavesNoWalOrShmBehind) {
    TempDir dir;
    writeFile(dir.file("seed.json"), standardSeed().dump());
    ASSERT_EQ(runKiosk(dir, "--db t.db --seed seed.json").exitCode, 0);
    ASSERT_EQ(filesIn(dir), (Names{"seed.json", "t.db"}));  // closed cleanly: no -wal, no -shm
    const auto provisioned = readFile(dir.file("t.db"));

    // Opening creates the -shm (3 bytes) and grows it to 4 KiB: that write fails.
    auto full = runKiosk(dir, "--db t.db", "ulimit -f 1;");
    EXPECT_EQ(full.exitCode, 1) << full.output;
    EXPECT_NE(full.output.find("disk_full:"), std::string::npos) << full.output;
    EXPECT_NE(full.output.find("(t.db)"), std::string::npos) << full.output;
    EXPECT_EQ(filesIn(dir), (Names{"seed.json", "t.db"}));
    EXPECT_TRUE(readFile(dir.file("t.db")) == provisioned) << "the refused start changed the database";

    auto roomAgain = runKiosk(dir, "--db t.db");
    EXPECT_EQ(roomAgain.exitCode, 0) << roomAgain.output;
}

}  // namespace
}  // namespace frontdesk::kiosk::testing
