#pragma once
// The datasets that replace one table whole (docs/master-data.md, "Reception and staff"): members,
// bookings, blocklist and staff. Each record is checked here with the reason it is refused, and
// the table's contents are replaced by every record taken, in the caller's transaction. Shared by
// the master-data applier (record_apply.h) and the seed import, so that both accept exactly the
// same records. Private to the engine.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/database.h"
#include "kiosk/quarantine.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

class RecordTable {
public:
    virtual ~RecordTable() = default;

    // The "kind" of its records' lines: "member" (members and staff), "booking", "blocked".
    virtual const char* recordKind() const = 0;
    // A record's key as given, quoted in part ("?" if it has none), for messages and the quarantine.
    virtual std::string keyOf(const nlohmann::json& record) const;
    // How the quarantine keeps a refused record (a staff record is mostly credentials).
    virtual Quarantine::Kind quarantineKind() const { return Quarantine::Kind::Entry; }
    // Checks one record (its "kind" is not looked at) and keeps it for replace(); InvalidArgument
    // saying why not: the caller quarantines it. A key given twice is refused the second time.
    [[nodiscard]] virtual core::Status take(const nlohmann::json& record) = 0;
    virtual std::int64_t taken() const = 0;
    // Inside the caller's transaction: the table holds exactly the records taken.
    [[nodiscard]] virtual core::Status replace() = 0;
};

// The table of a dataset, or nullptr for a dataset that is not one (the catalog is applied by
// CatalogApply). The settings are the terminal's (the staff table's lockout rules).
[[nodiscard]] std::unique_ptr<RecordTable> recordTable(std::string_view dataset, core::Database& db,
                                                       const core::Clock& clock, const TerminalSettings& settings);

}  // namespace frontdesk::kiosk
