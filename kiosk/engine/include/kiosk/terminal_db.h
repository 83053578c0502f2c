#pragma once
// The terminal's own SQLite database: schema and the settings it carries.

#include <memory>
#include <string>

#include "core/database.h"
#include "core/money.h"
#include "core/tax.h"

namespace frontdesk::kiosk {

[[nodiscard]] const core::Schema& terminalSchema();

// Who this terminal is and the rules it sells under. Stored in the settings table; written by
// the seed/provisioning import, read once at start.
struct TerminalSettings {
    std::string store = "s1";
    std::string terminal = "t1";
    core::Currency currency;
    core::TaxPolicy tax;
    std::int64_t priceVersion = 0;  // version of the catalog/prices dataset in force
    int maxFailedLogins = 5;        // consecutive wrong PINs before a lockout
    int lockoutSeconds = 300;
};

// Opens (creating if needed) the terminal database at path.
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> openTerminalDb(const std::string& path,
                                                                           const core::OpenOptions& options = {});

// Loads settings; FailedPrecondition if the terminal was never provisioned.
[[nodiscard]] core::Result<TerminalSettings> loadSettings(core::Database& db);
// Validates and stores settings (inside the caller's transaction, if any).
[[nodiscard]] core::Status saveSettings(core::Database& db, const TerminalSettings& settings);
// Store and terminal ids: [a-z0-9-], 1..11 characters each so "{store}-{terminal}" fits MQTT's 23.
[[nodiscard]] core::Status validateTerminalId(const std::string& what, const std::string& id);

}  // namespace frontdesk::kiosk
