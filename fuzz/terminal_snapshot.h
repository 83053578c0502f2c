#pragma once
// A terminal database kept as a snapshot and restored before every fuzz input, so each input runs
// on the same fresh state (reproducible crashes) without opening, migrating and provisioning a
// database per input. Both databases are in memory; restoring copies pages with SQLite's backup
// API, which does not depend on the schema (migrations added later need no change here).

#include <memory>

#include "core/database.h"

namespace frontdesk::fuzz {

class TerminalSnapshot {
public:
    // Takes `pristine` as the state to restore, and opens the working database.
    explicit TerminalSnapshot(std::unique_ptr<core::Database> pristine);

    // Restores the working database to the pristine state and returns it. Whatever the previous
    // input left (open transactions, statements mid-step) is reset first.
    core::Database& restore();

private:
    std::unique_ptr<core::Database> m_pristine;
    std::unique_ptr<core::Database> m_work;
};

// Opens an empty terminal database in memory (schema applied, not provisioned). Aborts on failure.
std::unique_ptr<core::Database> openEmptyTerminal();

}  // namespace frontdesk::fuzz
