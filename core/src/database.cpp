#include "core/database.h"

#include <sqlite3.h>

#include <cassert>

namespace frontdesk::core {

namespace {

ErrorKind kindFor(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_FULL: return ErrorKind::DiskFull;
        case SQLITE_READONLY: return ErrorKind::ReadOnly;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return ErrorKind::Corrupt;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return ErrorKind::Busy;
        case SQLITE_CONSTRAINT: return ErrorKind::AlreadyExists;
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_IOERR: return ErrorKind::Unavailable;
        default: return ErrorKind::Internal;
    }
}

}  // namespace

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
    sqlite3* raw = nullptr;
    const int flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) return db->error(rc, "opening " + schema.name);
    sqlite3_extended_result_codes(raw, 1);
    FD_TRY(db->configure(options));
    if (options.integrity != IntegrityCheck::None) FD_TRY(db->checkIntegrity(options.integrity));
    FD_TRY(db->migrate(schema));
    return db;
}

Database::~Database() {
    m_cache.clear();  // statements must be finalized before the connection closes
    sqlite3_close(m_db);
}

Status Database::error(int rc, std::string_view context) const {
    std::string message = context.empty() ? "" : std::string(context) + ": ";
    const char* detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    message += detail ? detail : sqlite3_errstr(rc);
    message += " (" + m_path + ")";
    return Status(kindFor(rc), std::move(message));
}

Status Database::configure(const OpenOptions& options) {
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);
    // Reading the schema first turns a file that is not a database into SQLITE_NOTADB here.
    FD_TRY(exec("SELECT count(*) FROM sqlite_master"));
    // WAL is switched on in migrate(), once the file is known to be ours: it is a lasting change
    // to the file, and a foreign file must be refused untouched.
    // FULL: a committed sale survives power loss, not only a process crash.
    return exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

Status Database::checkIntegrity(IntegrityCheck level) {
    if (level == IntegrityCheck::None) return {};
    FD_ASSIGN(auto stmt, prepare(level == IntegrityCheck::Full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)"));
    FD_ASSIGN(bool row, stmt.step());
    const std::string verdict = row ? stmt.text(0) : "no answer";
    if (verdict != "ok") return Status(ErrorKind::Corrupt, "integrity check failed: " + verdict + " (" + m_path + ")");
    return {};
}

Status Database::migrate(const Schema& schema) {
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
    const int latest = schema.migrations.empty() ? 0 : schema.migrations.back().version;
    if (m_schemaVersion > latest) {
        return Status(ErrorKind::FailedPrecondition,
                      schema.name + " has schema version " + std::to_string(m_schemaVersion) +
                          ", newer than this build supports (" + std::to_string(latest) + "): " + m_path);
    }
    appStmt.reset();  // no statement may hold a read transaction while the journal mode changes
    versionStmt.reset();
    tables.reset();
    if (sqlite3_db_readonly(m_db, "main") == 0) FD_TRY(exec("PRAGMA journal_mode=WAL"));
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
    Status status = m_db.exec("COMMIT");
    if (!status.ok()) {
        // A failed COMMIT (disk full while writing the WAL) leaves the transaction open;
        // roll back so the connection stays usable and nothing is half-written.
        (void)m_db.exec("ROLLBACK");
    }
    m_open = false;
    return status;
}

}  // namespace frontdesk::core
