#pragma once
// The back office's database (SQLite by default: one file, nothing to set up): what it took in
// (the sync ingest ledger), the stores it serves, the ledger, stock, and shifts.

#include <memory>
#include <string>

#include "core/database.h"
#include "core/tax.h"

namespace frontdesk::backoffice {

[[nodiscard]] const core::Schema& backOfficeSchema();

// Opens (create: creating if missing) the back-office database at path.
[[nodiscard]] core::Result<std::unique_ptr<core::Database>> openBackOfficeDb(const std::string& path, bool create);

// A store the back office serves: its currency and tax rules, the same the tills apply, so that
// every sale can be recomputed here.
struct StoreSettings {
    std::string id;
    std::string currency;  // ISO 4217
    core::TaxPolicy tax;
};

[[nodiscard]] core::Status saveStore(core::Database& db, const StoreSettings& store);
// NotFound naming the store when it is not configured.
[[nodiscard]] core::Result<StoreSettings> loadStore(core::Database& db, const std::string& id);

}  // namespace frontdesk::backoffice
