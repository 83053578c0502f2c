#include "terminal_snapshot.h"

#include <sqlite3.h>

#include "fuzz_check.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::fuzz {

std::unique_ptr<core::Database> openEmptyTerminal() {
    auto db = kiosk::openTerminalDb(":memory:");
    FUZZ_CHECK(db.ok(), "opening an in-memory terminal database: " + db.status().toString());
    return std::move(db).value();
}

TerminalSnapshot::TerminalSnapshot(std::unique_ptr<core::Database> pristine)
    : m_pristine(std::move(pristine)), m_work(openEmptyTerminal()) {}

core::Database& TerminalSnapshot::restore() {
    sqlite3* work = m_work->TEST_handle();
    // A statement left mid-step holds a read transaction, which the backup would wait on.
    for (sqlite3_stmt* stmt = sqlite3_next_stmt(work, nullptr); stmt != nullptr; stmt = sqlite3_next_stmt(work, stmt)) {
        sqlite3_reset(stmt);
    }
    if (sqlite3_get_autocommit(work) == 0) sqlite3_exec(work, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_backup* backup = sqlite3_backup_init(work, "main", m_pristine->TEST_handle(), "main");
    FUZZ_CHECK(backup != nullptr, std::string("restoring the terminal snapshot: ") + sqlite3_errmsg(work));
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    FUZZ_CHECK(stepped == SQLITE_DONE && finished == SQLITE_OK,
               std::string("restoring the terminal snapshot: ") + sqlite3_errstr(stepped));
    return *m_work;
}

}  // namespace frontdesk::fuzz
