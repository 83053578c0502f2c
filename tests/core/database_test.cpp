#include "core/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace frontdesk::core {
namespace {

namespace fs = std::filesystem;

constexpr std::int32_t kAppId = 0x46444B54;  // "FDKT"

Schema testSchema() {
    return Schema{kAppId,
                  "test database",
                  {
                      {1, "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
                          "CREATE TABLE migration_log(version INTEGER NOT NULL);"
                          "INSERT INTO migration_log VALUES(1);"},
                      {2, "CREATE TABLE blobs(id INTEGER PRIMARY KEY, data BLOB NOT NULL);"
                          "INSERT INTO migration_log VALUES(2);"},
                  }};
}

// Runs SQL on a file through the raw sqlite3 API, as another program would.
void rawExec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string detail = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << detail;
}

// Reads a pragma through a separate raw connection; "" if it could not be read.
std::string rawPragmaText(const fs::path& file, const std::string& pragma) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

std::int64_t rawPragma(const fs::path& file, const std::string& pragma) {
    const std::string value = rawPragmaText(file, pragma);
    EXPECT_FALSE(value.empty()) << pragma;
    return value.empty() ? -1 : std::stoll(value);
}

class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        std::random_device random;
        m_dir = fs::temp_directory_path() / ("frontdesk_core_test_" + std::to_string(::getpid()) + "_" +
                                             std::to_string(counter++) + "_" + std::to_string(random()));
        ASSERT_TRUE(fs::create_directories(m_dir));
        m_file = m_dir / "terminal.db";
    }

    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    std::unique_ptr<Database> openOk(const Schema& schema = testSchema(), const OpenOptions& options = {}) {
        auto db = Database::open(m_file.string(), schema, options);
        EXPECT_TRUE(db.ok()) << db.status().toString();
        return db.ok() ? std::move(db).value() : nullptr;
    }

    // Opening with `options` fails as NotFound, the message mentioning `mention`.
    void expectOpenNotFound(const OpenOptions& options, const std::string& mention) {
        auto db = Database::open(m_file.string(), testSchema(), options);
        ASSERT_FALSE(db.ok());
        EXPECT_EQ(db.status().kind(), ErrorKind::NotFound) << db.status().toString();
        EXPECT_NE(db.status().message().find(mention), std::string::npos) << db.status().message();
    }

    static std::int64_t scalar(Database& db, const std::string& sql) {
        auto stmt = db.prepare(sql);
        EXPECT_TRUE(stmt.ok()) << stmt.status().toString();
        if (!stmt.ok()) return -1;
        auto row = stmt->step();
        EXPECT_TRUE(row.ok() && *row) << sql;
        return row.ok() && *row ? stmt->int64(0) : -1;
    }

    static std::string text(Database& db, const std::string& sql) {
        auto stmt = db.prepare(sql);
        EXPECT_TRUE(stmt.ok()) << stmt.status().toString();
        if (!stmt.ok()) return {};
        auto row = stmt->step();
        EXPECT_TRUE(row.ok() && *row) << sql;
        return row.ok() && *row ? stmt->text(0) : std::string();
    }

    fs::path m_dir;
    fs::path m_file;
};

TEST_F(DatabaseTest, OpenCreatesTheFileAndAppliesMigrations) {
    ASSERT_FALSE(fs::exists(m_file));
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    EXPECT_TRUE(fs::exists(m_file));
    EXPECT_EQ(db->schemaVersion(), 2);
    EXPECT_EQ(db->path(), m_file.string());
    EXPECT_EQ(scalar(*db, "PRAGMA user_version"), 2);
    EXPECT_EQ(scalar(*db, "PRAGMA application_id"), kAppId);
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM migration_log"), 2);
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM blobs"), 0);
}

TEST_F(DatabaseTest, ReopeningDoesNotRerunMigrationsButAppliesNewOnes) {
    {
        auto db = openOk();
        ASSERT_NE(db, nullptr);
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('kept')").ok());
    }
    {
        auto db = openOk();
        ASSERT_NE(db, nullptr);
        EXPECT_EQ(db->schemaVersion(), 2);
        EXPECT_EQ(scalar(*db, "SELECT count(*) FROM migration_log"), 2);
        EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
    }
    Schema newer = testSchema();
    newer.migrations.push_back({3, "ALTER TABLE items ADD COLUMN price INTEGER; INSERT INTO migration_log VALUES(3);"});
    auto db = openOk(newer);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->schemaVersion(), 3);
    EXPECT_EQ(scalar(*db, "PRAGMA user_version"), 3);
    EXPECT_EQ(scalar(*db, "SELECT group_concat(version) = '1,2,3' FROM migration_log"), 1);
    EXPECT_EQ(scalar(*db, "SELECT count(price) FROM items"), 0);
}

TEST_F(DatabaseTest, GarbageFileIsCorrupt) {
    {
        std::ofstream out(m_file, std::ios::binary);
        std::mt19937 rng(1);
        for (int i = 0; i < 8192; ++i) out.put(static_cast<char>(rng() & 0xFF));
    }
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::Corrupt) << db.status().toString();
    EXPECT_NE(db.status().message().find(m_file.string()), std::string::npos) << db.status().message();
}

TEST_F(DatabaseTest, ShortTextFileIsCorrupt) {
    {
        std::ofstream out(m_file, std::ios::binary);
        out << "hello, this is a shopping list and not a database\n";
    }
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::Corrupt) << db.status().toString();
}

TEST_F(DatabaseTest, SqliteFileOfAnotherApplicationIsRefused) {
    rawExec(m_file, "PRAGMA application_id=12345; CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('theirs');");
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::Corrupt);
    EXPECT_NE(db.status().message().find("not a Frontdesk test database"), std::string::npos)
        << db.status().message();
    EXPECT_NE(db.status().message().find("12345"), std::string::npos) << db.status().message();
    // Refusing did not touch their file.
    EXPECT_EQ(rawPragma(m_file, "application_id"), 12345);
    EXPECT_EQ(rawPragma(m_file, "user_version"), 0);
}

TEST_F(DatabaseTest, NonEmptySqliteFileWithoutApplicationIdIsRefused) {
    rawExec(m_file, "CREATE TABLE notes(x TEXT);");
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::Corrupt);
    EXPECT_NE(db.status().message().find("not a Frontdesk"), std::string::npos) << db.status().message();
}

TEST_F(DatabaseTest, NewerSchemaVersionIsAFailedPrecondition) {
    { ASSERT_NE(openOk(), nullptr); }
    rawExec(m_file, "PRAGMA user_version=7;");
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::FailedPrecondition);
    EXPECT_NE(db.status().message().find("7"), std::string::npos) << db.status().message();
    EXPECT_EQ(rawPragma(m_file, "user_version"), 7);
}

TEST_F(DatabaseTest, OpenSetsWalAndFullSynchronous) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(text(*db, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(scalar(*db, "PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(scalar(*db, "PRAGMA foreign_keys"), 1);
    // WAL is persistent: another connection sees it too.
    EXPECT_EQ(rawPragmaText(m_file, "journal_mode"), "wal");
}

TEST_F(DatabaseTest, TransactionRollsBackUnlessCommitted) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    {
        auto tx = Transaction::begin(*db);
        ASSERT_TRUE(tx.ok()) << tx.status().toString();
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('dropped')").ok());
        EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);  // visible inside
    }
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 0);
    {
        auto tx = Transaction::begin(*db);
        ASSERT_TRUE(tx.ok());
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('kept')").ok());
        ASSERT_TRUE((*tx)->commit().ok());
    }
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
    EXPECT_EQ(text(*db, "SELECT name FROM items"), "kept");
    // The connection is not left inside a transaction.
    EXPECT_NE(sqlite3_get_autocommit(db->TEST_handle()), 0);
}

TEST_F(DatabaseTest, StatementsBindStepAndReadColumns) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    auto insert = db->prepare("INSERT INTO items(id, name) VALUES(?, ?)");
    ASSERT_TRUE(insert.ok());
    ASSERT_TRUE(insert->bindAll(std::int64_t{7}, std::string("seven")).run().ok());
    EXPECT_EQ(db->lastInsertRowid(), 7);
    EXPECT_EQ(db->changes(), 1);
    ASSERT_TRUE(insert->bind(1, 8).bind(2, "eight").run().ok());

    auto select = db->prepare("SELECT id, name, NULL FROM items ORDER BY id");
    ASSERT_TRUE(select.ok());
    auto row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->int64(0), 7);
    EXPECT_EQ(select->text(1), "seven");
    EXPECT_TRUE(select->isNull(2));
    EXPECT_EQ(select->optionalText(2), std::nullopt);
    EXPECT_EQ(select->optionalInt64(0), std::optional<std::int64_t>(7));
    row = select->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(select->text(1), "eight");
    row = select->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);
}

TEST_F(DatabaseTest, ErrorsMapToKinds) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('dup')").ok());
    Status duplicate = db->exec("INSERT INTO items(name) VALUES('dup')");
    EXPECT_EQ(duplicate.kind(), ErrorKind::AlreadyExists) << duplicate.toString();
    EXPECT_NE(duplicate.message().find(m_file.string()), std::string::npos) << duplicate.message();

    auto bad = db->prepare("SELEKT nonsense");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().kind(), ErrorKind::Internal);
    EXPECT_NE(bad.status().message().find("SELEKT nonsense"), std::string::npos) << bad.status().message();
}

// SQLITE_FULL, simulated with a page limit: the insert fails as DiskFull, the transaction leaves nothing
// behind, and the connection keeps working.
TEST_F(DatabaseTest, DiskFullIsReportedAndLeavesNothingBehind) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('before')").ok());
    const std::int64_t pages = scalar(*db, "PRAGMA page_count");
    ASSERT_GT(pages, 0);
    ASSERT_TRUE(db->exec("PRAGMA max_page_count=" + std::to_string(pages + 4)).ok());

    Status failure;
    {
        auto tx = Transaction::begin(*db);
        ASSERT_TRUE(tx.ok()) << tx.status().toString();
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('inside')").ok());
        auto insert = db->prepare("INSERT INTO blobs(data) VALUES(randomblob(?))");
        ASSERT_TRUE(insert.ok());
        for (int i = 0; i < 20 && failure.ok(); ++i) failure = insert->bind(1, 64 * 1024).run();
        ASSERT_FALSE(failure.ok()) << "the page limit never hit";
        EXPECT_EQ(failure.kind(), ErrorKind::DiskFull) << failure.toString();
        // tx goes out of scope uncommitted: rolled back.
    }
    EXPECT_NE(failure.message().find(m_file.string()), std::string::npos) << failure.message();
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM blobs"), 0);
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
    EXPECT_NE(sqlite3_get_autocommit(db->TEST_handle()), 0);

    // Still usable: small writes fit, and with the limit lifted big ones do again.
    ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('after')").ok());
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 2);
    ASSERT_TRUE(db->exec("PRAGMA max_page_count=1073741823").ok());
    ASSERT_TRUE(db->exec("INSERT INTO blobs(data) VALUES(randomblob(200000))").ok());
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM blobs"), 1);
    EXPECT_TRUE(db->checkIntegrity(IntegrityCheck::Full).ok());
}

TEST_F(DatabaseTest, DiskFullDuringCommitOfAnAutocommitStatementIsReported) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    const std::int64_t pages = scalar(*db, "PRAGMA page_count");
    ASSERT_TRUE(db->exec("PRAGMA max_page_count=" + std::to_string(pages + 2)).ok());
    Status full = db->exec("INSERT INTO blobs(data) VALUES(randomblob(1000000))");
    EXPECT_EQ(full.kind(), ErrorKind::DiskFull) << full.toString();
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM blobs"), 0);
}

TEST_F(DatabaseTest, ReadOnlyOpenRefusesWrites) {
    {
        auto db = openOk();
        ASSERT_NE(db, nullptr);
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('existing')").ok());
    }
    OpenOptions options;
    options.readOnly = true;
    auto db = openOk(testSchema(), options);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->schemaVersion(), 2);
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
    Status insert = db->exec("INSERT INTO items(name) VALUES('refused')");
    ASSERT_FALSE(insert.ok());
    EXPECT_EQ(insert.kind(), ErrorKind::ReadOnly) << insert.toString();
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
}

TEST_F(DatabaseTest, ReadOnlyOpenOfAMissingFileFails) {
    OpenOptions options;
    options.readOnly = true;
    ASSERT_NO_FATAL_FAILURE(expectOpenNotFound(options, m_file.string() + " does not exist"));
    EXPECT_FALSE(fs::exists(m_file));
}

TEST_F(DatabaseTest, OpenWithoutCreateRefusesAMissingOrEmptyFileAndLeavesItAsItWas) {
    OpenOptions existingOnly;
    existingOnly.create = false;
    ASSERT_NO_FATAL_FAILURE(expectOpenNotFound(existingOnly, m_file.string() + " does not exist"));
    EXPECT_TRUE(fs::is_empty(m_dir));

    { std::ofstream touch(m_file); }
    ASSERT_NO_FATAL_FAILURE(expectOpenNotFound(existingOnly, m_file.string() + " is empty"));
    EXPECT_EQ(fs::file_size(m_file), 0u);
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);

    { ASSERT_NE(openOk(), nullptr); }  // once set up, it opens without create
    EXPECT_NE(openOk(testSchema(), existingOnly), nullptr);
}

// A full disk at open, reproduced with RLIMIT_FSIZE (SIGXFSZ ignored): a write past the limit fails
// with EFBIG, as it fails with ENOSPC on a full file system, at the same place. Opening a database
// in WAL mode whose -shm is gone creates the -shm (3 bytes) and grows it by writing a byte at the end
// of its first 4 KiB: that write fails, and SQLite reports a plain I/O error (SQLITE_IOERR_SHMSIZE).
TEST_F(DatabaseTest, DiskFullAtOpenIsDiskFullNamingTheFileAndLeavesNoNewFiles) {
    {
        auto db = openOk();
        ASSERT_NE(db, nullptr);
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('kept')").ok());
    }  // the last connection closed: SQLite removed the -wal and the -shm
    ASSERT_FALSE(fs::exists(m_file.string() + "-shm"));
    const auto sizeBefore = fs::file_size(m_file);

    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit full = saved;
    full.rlim_cur = 1024;  // room for the 3-byte -shm, not for its first page
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &full), 0);
    // Nothing else may write a file until the limit is lifted again (gtest's output included).
    auto db = Database::open(m_file.string(), testSchema());
    const int restored = ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    ASSERT_EQ(restored, 0);

    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::DiskFull) << db.status().toString();
    EXPECT_NE(db.status().message().find(m_file.string()), std::string::npos) << db.status().message();
    EXPECT_FALSE(fs::exists(m_file.string() + "-wal"));
    EXPECT_FALSE(fs::exists(m_file.string() + "-shm"));
    EXPECT_EQ(fs::file_size(m_file), sizeBefore);
    auto reopened = openOk();  // with room again, it opens with its data
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(scalar(*reopened, "SELECT count(*) FROM items"), 1);
}

// ---- a database moved or deleted while open ----
// In WAL mode SQLite would go on committing into files that no longer have a name; every commit
// checks first and is refused, rolled back, with the file named.

class MovedDatabaseTest : public DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        db = openOk();
        ASSERT_NE(db, nullptr);
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('before')").ok());
    }

    // Moves the database with its -wal and -shm (or deletes them, to == "").
    void moveFiles(const fs::path& from, const fs::path& to) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            const fs::path file = from.string() + suffix;
            if (to.empty()) {
                fs::remove(file);
            } else {
                fs::rename(file, to.string() + suffix);
            }
        }
    }

    // A commit inside a Transaction and an autocommit statement: both refused, naming the file.
    void expectWritesRefused(const std::string& mention) {
        Status committed;
        {
            auto tx = Transaction::begin(*db);
            ASSERT_TRUE(tx.ok()) << tx.status().toString();
            ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('refused')").ok());
            committed = (*tx)->commit();
        }
        ASSERT_FALSE(committed.ok()) << "a commit into a moved file was acknowledged";
        EXPECT_EQ(committed.kind(), ErrorKind::Unavailable) << committed.toString();
        EXPECT_NE(committed.message().find(mention), std::string::npos) << committed.message();
        EXPECT_NE(committed.message().find("nothing was saved"), std::string::npos) << committed.message();
        EXPECT_NE(sqlite3_get_autocommit(db->TEST_handle()), 0);  // rolled back, no transaction open
        Status autocommit = db->exec("INSERT INTO items(name) VALUES('refused too')");
        EXPECT_EQ(autocommit.kind(), ErrorKind::Unavailable) << autocommit.toString();
        EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 1);
    }

    std::unique_ptr<Database> db;
};

TEST_F(MovedDatabaseTest, CommitToADeletedDatabaseIsRefused) {
    moveFiles(m_file, "");
    expectWritesRefused("test database " + m_file.string() + " was moved or deleted while open");
}

TEST_F(MovedDatabaseTest, CommitToARenamedDatabaseIsRefusedStoresNothingAndWorksOnceTheFileIsBack) {
    const fs::path renamed = m_dir / "renamed.db";
    moveFiles(m_file, renamed);
    expectWritesRefused(m_file.string() + " was moved or deleted while open");
    // Nothing of the refused writes is in the file under its new name either.
    EXPECT_EQ(rawPragma(renamed, "user_version"), 2);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open_v2(renamed.c_str(), &other, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* count = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(other, "SELECT count(*) FROM items", -1, &count, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int64(count, 0), 1);
    sqlite3_finalize(count);
    sqlite3_close(other);

    moveFiles(renamed, m_file);
    ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('after')").ok());
    EXPECT_EQ(scalar(*db, "SELECT count(*) FROM items"), 2);
}

TEST_F(MovedDatabaseTest, CommitAfterTheWalWasDeletedIsRefused) {
    ASSERT_TRUE(fs::remove(m_file.string() + "-wal"));
    expectWritesRefused("lost its write-ahead log " + m_file.string() + "-wal");
}

TEST_F(DatabaseTest, CachedStatementsAreReusedResetAndUnbound) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->exec("INSERT INTO items(id, name) VALUES(1, 'a'), (2, 'b'), (3, 'c')").ok());
    static const char* const kSql = "SELECT name FROM items WHERE id >= ? ORDER BY id";

    auto first = db->cached(kSql);
    ASSERT_TRUE(first.ok());
    Statement* stmt = *first;
    stmt->bind(1, 2);
    auto row = stmt->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(stmt->text(0), "b");  // left mid-iteration on purpose

    auto second = db->cached(kSql);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*second, stmt);  // the same prepared statement
    // Reset: stepping starts over. Unbound: the parameter is NULL, so nothing matches.
    row = stmt->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);

    auto third = db->cached(kSql);
    ASSERT_TRUE(third.ok());
    (*third)->bind(1, 1);
    row = (*third)->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ((*third)->text(0), "a");

    static const char* const kOther = "SELECT count(*) FROM items";
    auto other = db->cached(kOther);
    ASSERT_TRUE(other.ok());
    EXPECT_NE(*other, stmt);

    auto broken = db->cached("SELECT * FROM no_such_table");
    EXPECT_FALSE(broken.ok());
}

TEST_F(DatabaseTest, CachedStatementsSeeWritesMadeBetweenUses) {
    auto db = openOk();
    ASSERT_NE(db, nullptr);
    static const char* const kCount = "SELECT count(*) FROM items";
    for (int expected = 0; expected < 3; ++expected) {
        auto stmt = db->cached(kCount);
        ASSERT_TRUE(stmt.ok());
        auto row = (*stmt)->step();
        ASSERT_TRUE(row.ok() && *row);
        EXPECT_EQ((*stmt)->int64(0), expected);
        // The cached statement is still mid-step here; the write must not be blocked by it.
        ASSERT_TRUE(db->exec("INSERT INTO items(name) VALUES('n" + std::to_string(expected) + "')").ok());
    }
}

TEST_F(DatabaseTest, FailingMigrationLeavesTheVersionUnchanged) {
    { ASSERT_NE(openOk(), nullptr); }
    Schema broken = testSchema();
    broken.migrations.push_back({3, "CREATE TABLE half(x); INSERT INTO migration_log VALUES(3); "
                                    "INSERT INTO no_such_table VALUES(1);"});
    auto db = Database::open(m_file.string(), broken);
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.status().message().find("migrating test database to version 3"), std::string::npos)
        << db.status().message();
    EXPECT_EQ(rawPragma(m_file, "user_version"), 2);

    auto reopened = openOk();
    ASSERT_NE(reopened, nullptr);
    EXPECT_EQ(reopened->schemaVersion(), 2);
    EXPECT_EQ(scalar(*reopened, "SELECT count(*) FROM migration_log"), 2);
    EXPECT_EQ(scalar(*reopened, "SELECT count(*) FROM sqlite_master WHERE name = 'half'"), 0);
}

TEST_F(DatabaseTest, FailingFirstMigrationLeavesAnEmptyFileThatCanBeRetried) {
    Schema broken{kAppId, "test database", {{1, "CREATE TABLE t(x); SELECT no_such_function();"}}};
    auto db = Database::open(m_file.string(), broken);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(rawPragma(m_file, "user_version"), 0);
    EXPECT_EQ(rawPragma(m_file, "application_id"), 0);
    auto fixed = openOk();
    ASSERT_NE(fixed, nullptr);
    EXPECT_EQ(fixed->schemaVersion(), 2);
}

TEST_F(DatabaseTest, DamagedPagesAreCorrupt) {
    {
        auto db = openOk();
        ASSERT_NE(db, nullptr);
        ASSERT_TRUE(db->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                             "INSERT INTO items(name) SELECT printf('item %08d', i) FROM n")
                        .ok());
    }
    const auto size = fs::file_size(m_file);
    ASSERT_GT(size, 8u * 4096u);
    {
        // Overwrite the middle pages (b-tree pages of items and its index) with noise.
        std::fstream io(m_file, std::ios::binary | std::ios::in | std::ios::out);
        io.seekp(static_cast<std::streamoff>(2 * 4096));
        for (std::size_t i = 0; i < 4 * 4096; ++i) io.put(static_cast<char>((i * 37 + 11) & 0xFF));
    }
    auto db = Database::open(m_file.string(), testSchema());
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.status().kind(), ErrorKind::Corrupt) << db.status().toString();
}

TEST_F(DatabaseTest, WriteLockHeldElsewhereIsBusy) {
    auto first = openOk();
    ASSERT_NE(first, nullptr);
    OpenOptions impatient;
    impatient.busyTimeoutMs = 20;
    impatient.integrity = IntegrityCheck::None;
    auto second = openOk(testSchema(), impatient);
    ASSERT_NE(second, nullptr);
    auto holding = Transaction::begin(*first);
    ASSERT_TRUE(holding.ok());
    auto blocked = Transaction::begin(*second);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.status().kind(), ErrorKind::Busy) << blocked.status().toString();
    ASSERT_TRUE((*holding)->commit().ok());
    auto now = Transaction::begin(*second);
    EXPECT_TRUE(now.ok()) << now.status().toString();
}

}  // namespace
}  // namespace frontdesk::core
