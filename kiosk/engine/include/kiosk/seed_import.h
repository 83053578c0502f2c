#pragma once
// Provisioning a terminal from one JSON document: its settings, tax codes, catalog and staff, and
// optionally the reception desk's members, bookings and block list. (The same shapes arrive as
// master-data datasets from the back office.)
//
// The import is one transaction. Settings and tax codes must all be valid or nothing is applied.
// An invalid item, staff, member, booking or block-list entry does not stop the rest: it is
// quarantined with its reason and reported, and every valid entry is applied. A members, bookings
// or blocklist list replaces that table's contents, as a dataset version does. See
// docs/terminal-seed.md for the format.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "core/password.h"

namespace frontdesk::kiosk {

struct ImportReport {
    int taxCodes = 0;
    int items = 0;
    int staff = 0;
    int members = 0;
    int bookings = 0;
    int blocked = 0;
    std::vector<std::string> quarantined;  // "item 'X': reason"

    nlohmann::json toJson() const;
};

[[nodiscard]] core::Result<ImportReport> importSeed(core::Database& db, const core::Clock& clock,
                                                    const nlohmann::json& seed,
                                                    core::HashStrength strength = core::HashStrength::Interactive);

// Limits of a seed file: 256 MiB (a 300,000-item catalog is about 60 MiB) nesting at most 32
// levels (a seed needs 4). Checked before the file is parsed.
inline constexpr std::size_t kMaxSeedBytes = 256u << 20;
inline constexpr int kMaxSeedDepth = 32;

// Reads a file and imports it; errors name the file and what was wrong with it.
[[nodiscard]] core::Result<ImportReport> importSeedFile(core::Database& db, const core::Clock& clock,
                                                        const std::string& path,
                                                        core::HashStrength strength = core::HashStrength::Interactive);

}  // namespace frontdesk::kiosk
