#include "core/database.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cassert>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace frontdesk::core {

namespace {

namespace fs = std::filesystem;

// The errors with which a write or a file creation fails when there is no room left for the file:
// no space on the device, the user's quota, or the largest file allowed (RLIMIT_FSIZE or the
// file system's limit). SQLite reports SQLITE_FULL only for ENOSPC on a database or journal
// write; the same errors elsewhere (growing the -shm at open, creating a file) and EDQUOT/EFBIG
// anywhere come back as I/O errors.
bool noRoomLeft(int systemErrno) { return systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG; }

ErrorKind kindFor(int rc, int systemErrno) {
    switch (rc & 0xFF) {
        case SQLITE_FULL: return ErrorKind::DiskFull;
        case SQLITE_READONLY: return ErrorKind::ReadOnly;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return ErrorKind::Corrupt;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return ErrorKind::Busy;
        case SQLITE_CONSTRAINT: return ErrorKind::AlreadyExists;
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR: return noRoomLeft(systemErrno) ? ErrorKind::DiskFull : ErrorKind::Unavailable;
        case SQLITE_PERM: return ErrorKind::Unavailable;
        default: return ErrorKind::Internal;
    }
}

bool exists(const std::string& file) {
    std::error_code ignored;
    // A path that cannot be examined counts as existing: nothing is created or removed on a guess.
    return fs::symlink_status(file, ignored).type() != fs::file_type::not_found;
}

// A -wal or -shm is in use once it holds anything: a -wal its frames, a -shm the wal-index that
// SQLite maps in 32 KiB regions (it creates the file with 3 bytes and grows it when mapping).
// Smaller ones are what an open that failed half-way leaves; those it created are removed.
void removeUnusedSideFile(const std::string& file, std::uintmax_t usedFromBytes) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (!ec && size < usedFromBytes) fs::remove(file, ec);
}

}  // namespace

Status removeDatabaseFiles(const std::string& path) {
    for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
        std::error_code ec;
        fs::remove(file, ec);
        if (ec) return Status(ErrorKind::Unavailable, "removing " + file + ": " + ec.message());
    }
    return {};
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) { other.m_stmt = nullptr; }

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

// Bind failures are programming errors (wrong index, out of memory aside), so they assert.
Statement& Statement::bind(int index, std::int64_t value) {
    [[maybe_unused]] int rc = sqlite3_bind_int64(m_stmt, index, value);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    [[maybe_unused]] int rc =
        sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    assert(rc == SQLITE_OK);
    return *this;
}

Statement& Statement::bindNull(int index) {
    [[maybe_unused]] int rc = sqlite3_bind_null(m_stmt, index);
    assert(rc == SQLITE_OK);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Status status = m_db->error(rc, "");
    sqlite3_reset(m_stmt);
    return status;
}

Status Statement::run() {
    auto more = step();
    while (more.ok() && *more) more = step();
    reset();
    return more.ok() ? Status{} : more.status();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    [[maybe_unused]] int rc = sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    assert(rc == SQLITE_OK);
    return *this;
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

// ---- Database ----

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const Schema& schema,
                                                 const OpenOptions& options) {
    if (path.empty() || path == ":memory:") return openConnection(path, schema, options);
    const std::string wal = path + "-wal";
    const std::string shm = path + "-shm";
    const bool hadWal = exists(wal);
    const bool hadShm = exists(shm);
    auto db = openConnection(path, schema, options);  // closed again if it failed
    if (!db.ok()) {
        if (!hadWal) removeUnusedSideFile(wal, 1);
        if (!hadShm) removeUnusedSideFile(shm, 32 * 1024);
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openConnection(const std::string& path, const Schema& schema,
                                                           const OpenOptions& options) {
    sqlite3* raw = nullptr;
    const bool create = options.create && !options.readOnly;
    const int flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                      (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path, schema.name));
    if (rc != SQLITE_OK) {
        if (!create && !exists(path)) return notFound(schema.name + " " + path + " does not exist");
        return db->error(rc, "opening " + schema.name);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_commit_hook(raw, &Database::beforeCommit, db.get());
    FD_TRY(db->configure(options));
    if (options.integrity != IntegrityCheck::None) FD_TRY(db->checkIntegrity(options.integrity));
    FD_TRY(db->migrate(schema, options));
    return db;
}

Database::~Database() {
    m_cache.clear();  // statements must be finalized before the connection closes
    sqlite3_close(m_db);
}

Status Database::error(int rc, std::string_view context) const {
    std::string message = context.empty() ? "" : std::string(context) + ": ";
    if (rc == SQLITE_CONSTRAINT_COMMITHOOK && !m_commitRefusal.empty()) {
        return Status(ErrorKind::Unavailable, message + m_commitRefusal);
    }
    const char* detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    message += detail ? detail : sqlite3_errstr(rc);
    const int primary = rc & 0xFF;
    const int systemErrno = m_db && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) ? sqlite3_system_errno(m_db) : 0;
    if (systemErrno != 0) message += std::string(": ") + std::strerror(systemErrno);
    message += " (" + m_path + ")";
    return Status(kindFor(rc, systemErrno), std::move(message));
}

std::optional<Database::FileId> Database::fileIdOf(const std::string& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return std::nullopt;
    return FileId{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

// The -wal stays open, and must stay at its path, as long as this connection is open. SQLite
// creates it with the first transaction in WAL mode; if none has run yet, the first commit
// notes which file it is.
void Database::watchWal() {
    const char* file = sqlite3_db_filename(m_db, "main");
    if (file == nullptr || *file == '\0') return;  // in memory
    m_walPath = sqlite3_filename_wal(file);
    m_walId = fileIdOf(m_walPath);
}

// SQLite's commit hook, called before every commit is written (COMMIT and autocommit statements
// alike); a non-zero return turns the commit into a rollback. In WAL mode SQLite does not notice
// a database deleted or renamed under it (SQLITE_READONLY_DBMOVED is a rollback-journal check):
// commits would go on succeeding into files that no longer have a name, and be lost.
int Database::beforeCommit(void* self) {
    auto* db = static_cast<Database*>(self);
    if (!db->m_walId && !db->m_walPath.empty()) db->m_walId = fileIdOf(db->m_walPath);
    db->m_commitRefusal = db->movedFile();
    return db->m_commitRefusal.empty() ? 0 : 1;
}

std::string Database::movedFile() const {
    int moved = 0;  // SQLite compares the open file with a stat of its path
    if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved != 0) {
        return m_name + " " + m_path + " was moved or deleted while open: nothing was saved";
    }
    if (m_walId && fileIdOf(m_walPath) != m_walId) {
        return m_name + " " + m_path + " lost its write-ahead log " + m_walPath +
               " (moved or deleted while open): nothing was saved";
    }
    return {};
}

// SQLite's own busy timeout sleeps longer and longer between attempts (up to 100 ms), so a
// connection that writes in many short transactions, such as the master-data applier staging a
// catalog, can take the lock again and again while the till's commit sleeps: the till waits for
// seconds. Trying every millisecond lets a waiting commit in at the next gap.
int Database::whileBusy(void* self, int attempts) {
    auto* db = static_cast<Database*>(self);
    const auto now = std::chrono::steady_clock::now();
    if (attempts == 0) db->m_busySince = now;
    if (now - db->m_busySince >= std::chrono::milliseconds(db->m_busyTimeoutMs)) return 0;
    sqlite3_sleep(1);
    return 1;
}

Status Database::configure(const OpenOptions& options) {
    m_busyTimeoutMs = options.busyTimeoutMs;
    sqlite3_busy_handler(m_db, &Database::whileBusy, this);
    // Reading the schema first turns a file that is not a database into SQLITE_NOTADB here.
    FD_TRY(exec("SELECT count(*) FROM sqlite_master"));
    // WAL is switched on in migrate(), once the file is known to be ours: it is a lasting change
    // to the file, and a foreign file must be refused untouched.
    // FULL: a committed sale survives power loss, not only a process crash.
    // journal_size_limit: the -wal is cut back to 64 MiB when it starts over, so one large write
    // (a 300,000-item catalog staged) does not leave a log of hundreds of MiB behind for good.
    return exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=67108864;");
}

Status Database::checkIntegrity(IntegrityCheck level) {
    if (level == IntegrityCheck::None) return {};
    FD_ASSIGN(auto stmt, prepare(level == IntegrityCheck::Full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)"));
    FD_ASSIGN(bool row, stmt.step());
    const std::string verdict = row ? stmt.text(0) : "no answer";
    if (verdict != "ok") return Status(ErrorKind::Corrupt, "integrity check failed: " + verdict + " (" + m_path + ")");
    return {};
}

Status Database::migrate(const Schema& schema, const OpenOptions& options) {
    FD_ASSIGN(auto appStmt, prepare("PRAGMA application_id"));
    FD_ASSIGN(bool hasApp, appStmt.step());
    const std::int64_t appId = hasApp ? appStmt.int64(0) : 0;
    FD_ASSIGN(auto versionStmt, prepare("PRAGMA user_version"));
    FD_ASSIGN(bool hasVersion, versionStmt.step());
    m_schemaVersion = hasVersion ? static_cast<int>(versionStmt.int64(0)) : 0;
    FD_ASSIGN(auto tables, prepare("SELECT count(*) FROM sqlite_master"));
    FD_ASSIGN(bool hasCount, tables.step());
    const bool empty = hasCount && tables.int64(0) == 0;

    if (appId != schema.applicationId && !(appId == 0 && empty)) {
        return Status(ErrorKind::Corrupt, "not a Frontdesk " + schema.name + " (application_id " +
                                              std::to_string(appId) + "): " + m_path);
    }
    if (empty && !options.create) {
        return notFound(schema.name + " " + m_path + " is empty: it was never set up");
    }
    const int latest = schema.migrations.empty() ? 0 : schema.migrations.back().version;
    if (m_schemaVersion > latest) {
        return Status(ErrorKind::FailedPrecondition,
                      schema.name + " has schema version " + std::to_string(m_schemaVersion) +
                          ", newer than this build supports (" + std::to_string(latest) + "): " + m_path);
    }
    appStmt.reset();  // no statement may hold a read transaction while the journal mode changes
    versionStmt.reset();
    tables.reset();
    const bool writable = sqlite3_db_readonly(m_db, "main") == 0;
    if (writable) FD_TRY(exec("PRAGMA journal_mode=WAL"));
    for (const auto& migration : schema.migrations) {
        if (migration.version <= m_schemaVersion) continue;
        FD_ASSIGN(auto tx, Transaction::begin(*this));
        FD_TRY(exec(migration.sql).withContext("migrating " + schema.name + " to version " +
                                                std::to_string(migration.version)));
        FD_TRY(exec("PRAGMA application_id=" + std::to_string(schema.applicationId)));
        FD_TRY(exec("PRAGMA user_version=" + std::to_string(migration.version)));
        FD_TRY(tx->commit());
        m_schemaVersion = migration.version;
    }
    if (writable) watchWal();
    return {};
}

Status Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (message) sqlite3_free(message);
    if (rc != SQLITE_OK) return error(rc, "");
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return error(rc, "preparing '" + std::string(sql.substr(0, 60)) + "'");
    }
    return Statement(*this, stmt);
}

Result<Statement*> Database::cached(std::string_view sql) {
    std::string key(sql);
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        FD_ASSIGN(auto stmt, prepare(sql));
        it = m_cache.emplace(std::move(key), std::make_unique<Statement>(std::move(stmt))).first;
    }
    it->second->reset();
    return it->second.get();
}

std::int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

// ---- Transaction ----

Result<std::unique_ptr<Transaction>> Transaction::begin(Database& db) {
    FD_TRY(db.exec("BEGIN IMMEDIATE"));
    return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
    if (m_open) (void)m_db.exec("ROLLBACK");
}

Status Transaction::commit() {
    // Database::beforeCommit refuses the COMMIT of a file moved or deleted while open.
    Status status = m_db.exec("COMMIT");
    if (!status.ok()) {
        // A failed COMMIT (disk full while writing the WAL) leaves the transaction open;
        // roll back so the connection stays usable and nothing is half-written. (A refused
        // commit is rolled back already; the ROLLBACK then fails harmlessly.)
        (void)m_db.exec("ROLLBACK");
    }
    m_open = false;
    return status;
}

}  // namespace frontdesk::core
