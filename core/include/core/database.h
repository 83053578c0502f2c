#pragma once
// A thin RAII layer over the sqlite3 C API, and the one place that opens a database.
//
// Database::open applies the durability pragmas (WAL, synchronous=FULL, busy timeout, foreign
// keys), checks integrity, refuses files that belong to another application, and brings the
// schema up to date with versioned migrations. Every SQLite failure is converted into a Status
// whose kind says what happened (DiskFull, ReadOnly, Corrupt, Busy) and whose message names the
// file. A failed open leaves no -wal or -shm behind that it created. Every commit, explicit or
// autocommit, first checks that the file (and its -wal) is still the one at its path: a database
// deleted or renamed while open refuses the commit (Unavailable) instead of acknowledging a write
// that no file at the path holds. A Database and its statements belong to one thread at a time.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace frontdesk::core {

class Database;

// A prepared statement. Bind with 1-based indexes; step() returns true while rows come back.
class Statement {
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    // Bytes as a BLOB (any bytes; text() returns them back).
    Statement& bindBlob(int index, std::string_view bytes);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds all arguments to parameters 1..N.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    Result<bool> step();
    // Steps to completion (for INSERT/UPDATE/DELETE) and resets.
    Status run();
    // Calls onRow(*this) for every row, then resets. onRow returns void or a Status; the first
    // error (SQLite's or onRow's) stops the walk and is returned.
    template <typename OnRow>
    Status forEachRow(OnRow&& onRow);
    // Steps to the first row and calls onRow on it; NotFound with `missing` when there is none.
    template <typename OnRow>
    Status firstRow(OnRow&& onRow, std::string_view missing);
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;

private:
    friend class Database;
    Statement(Database& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
    Database* m_db;
    sqlite3_stmt* m_stmt;
};

template <typename OnRow>
Status Statement::forEachRow(OnRow&& onRow) {
    for (;;) {
        auto row = step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        if constexpr (std::is_void_v<decltype(onRow(*this))>) {
            onRow(*this);
        } else if (Status st = onRow(*this); !st.ok()) {
            reset();
            return st;
        }
    }
    reset();
    return {};
}

template <typename OnRow>
Status Statement::firstRow(OnRow&& onRow, std::string_view missing) {
    auto row = step();
    if (!row.ok()) return row.status();
    Status st;
    if (!*row) {
        st = Status(ErrorKind::NotFound, std::string(missing));
    } else if constexpr (std::is_void_v<decltype(onRow(*this))>) {
        onRow(*this);
    } else {
        st = onRow(*this);
    }
    reset();
    return st;
}

struct Migration {
    int version;      // 1, 2, 3, ... applied in order, each in its own transaction
    const char* sql;  // one or more statements
};

struct Schema {
    std::int32_t applicationId;  // PRAGMA application_id that marks files as ours
    std::string name;            // for messages: "terminal database"
    std::vector<Migration> migrations;
};

enum class IntegrityCheck { None, Quick, Full };

struct OpenOptions {
    IntegrityCheck integrity = IntegrityCheck::Quick;
    int busyTimeoutMs = 5000;
    bool readOnly = false;
    // false: the database must exist already and hold a schema. A missing file, or an empty one,
    // is NotFound and is left as it was (nothing created, nothing written).
    bool create = true;
};

// Removes a database file with its -wal and -shm (those that exist). Only for a database this
// process created and has closed, e.g. when provisioning it failed.
[[nodiscard]] Status removeDatabaseFiles(const std::string& path);

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::string& path, const Schema& schema,
                                                  const OpenOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // A statement prepared once per Database (keyed by its SQL text) and reused; it is reset and
    // unbound on each call. The pointer stays valid for the Database's lifetime.
    Result<Statement*> cached(std::string_view sql);

    std::int64_t lastInsertRowid() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

    // The Status for an SQLite result code, with the connection's message and the file name.
    Status error(int rc, std::string_view context) const;

    // Runs PRAGMA integrity_check (or quick_check) and reports the first problem.
    Status checkIntegrity(IntegrityCheck level);

    sqlite3* TEST_handle() const { return m_db; }

private:
    // Which file a path names (device and inode), to tell it from one put there since.
    struct FileId {
        std::uint64_t device = 0;
        std::uint64_t inode = 0;
        bool operator==(const FileId&) const = default;
    };
    Database(sqlite3* db, std::string path, std::string name)
        : m_db(db), m_path(std::move(path)), m_name(std::move(name)) {}
    static Result<std::unique_ptr<Database>> openConnection(const std::string& path, const Schema& schema,
                                                            const OpenOptions& options);
    static std::optional<FileId> fileIdOf(const std::string& file);
    Status configure(const OpenOptions& options);
    Status migrate(const Schema& schema, const OpenOptions& options);
    void watchWal();
    static int beforeCommit(void* self);
    // SQLite's busy handler: tries again every millisecond until the busy timeout.
    static int whileBusy(void* self, int attempts);
    // Why a commit must be refused now: the database or its -wal is no longer the file at its
    // path ("" when both are). One stat of each path.
    std::string movedFile() const;

    sqlite3* m_db;
    std::string m_path;
    std::string m_name;             // the schema's name, for messages: "terminal database"
    std::string m_walPath;          // the -wal this connection writes to, once in WAL mode
    std::optional<FileId> m_walId;  // and which file that is
    std::string m_commitRefusal;    // why the last commit was refused ("" if it was not)
    int m_schemaVersion = 0;
    int m_busyTimeoutMs = 0;
    std::chrono::steady_clock::time_point m_busySince;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE on construction (taking the write lock up front, so a busy database fails here
// and not half-way through), ROLLBACK on destruction unless commit() succeeded. commit() fails,
// and rolls back, when the commit cannot be written (DiskFull, ReadOnly, ...) or when the file
// is no longer the one at its path (Unavailable: moved or deleted while open).
class Transaction {
public:
    static Result<std::unique_ptr<Transaction>> begin(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Status commit();

private:
    explicit Transaction(Database& db) : m_db(db) {}
    Database& m_db;
    bool m_open = true;
};

}  // namespace frontdesk::core
