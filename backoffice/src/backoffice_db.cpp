#include "backoffice/backoffice_db.h"

#include "core/money.h"
#include "migrations.h"
#include "sync/ingest_ledger.h"
#include "sync/topics.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;

const core::Schema& backOfficeSchema() {
    static const core::Schema schema{0x46444241,
                                     "back-office database",
                                     {{1, sync::IngestLedger::schemaSql()},
                                      {2, kLedgerSchema},
                                      {3, kReconciliationSchema},
                                      {4, kUsersSchema},
                                      {5, kInventorySchema},
                                      {6, kStaffSchema},
                                      {7, kSalesSchema},
                                      {8, kReceptionSchema},
                                      {9, kQueueSchema}}};
    return schema;
}

Result<std::unique_ptr<core::Database>> openBackOfficeDb(const std::string& path, bool create) {
    return core::Database::open(path, backOfficeSchema(), core::OpenOptions{.create = create});
}

Status saveStore(core::Database& db, const StoreSettings& s) {
    FD_TRY(sync::validateStoreId(s.id));
    FD_TRY(core::currencyByCode(s.currency).status());
    FD_ASSIGN(auto* stmt,
              db.cached("INSERT INTO stores (id, currency, tax_mode, tax_rounding, rounding_mode)"
                        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET currency = excluded.currency,"
                        " tax_mode = excluded.tax_mode, tax_rounding = excluded.tax_rounding,"
                        " rounding_mode = excluded.rounding_mode"));
    return stmt
        ->bindAll(s.id, s.currency, std::string(core::taxModeName(s.tax.mode)),
                  std::string(core::taxRoundingName(s.tax.rounding)),
                  std::string(core::roundingModeName(s.tax.roundingMode)))
        .run();
}

Result<StoreSettings> loadStore(core::Database& db, const std::string& id) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT currency, tax_mode, tax_rounding, rounding_mode FROM stores WHERE id = ?"));
    StoreSettings s;
    s.id = id;
    std::string mode, rounding, roundingMode;
    Status found = stmt->bind(1, id).firstRow(
        [&](const core::Statement& row) {
            s.currency = row.text(0);
            mode = row.text(1);
            rounding = row.text(2);
            roundingMode = row.text(3);
        },
        "store " + id + " is not configured in the back office (frontdesk-backoffice store add)");
    stmt->reset();
    FD_TRY(found);
    FD_ASSIGN(s.tax.mode, core::parseTaxMode(mode));
    FD_ASSIGN(s.tax.rounding, core::parseTaxRounding(rounding));
    FD_ASSIGN(s.tax.roundingMode, core::parseRoundingMode(roundingMode));
    return s;
}

}  // namespace frontdesk::backoffice
