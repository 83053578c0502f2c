#pragma once
// CatalogWriter: the only writer of tax codes, items and barcodes (private to the engine): the
// seed import into the live tables, and the master-data applier into a staging set beside them
// (CatalogTables::staging()), which it then switches in. Call inside the caller's transaction;
// validation is the caller's.

#include <string>
#include <vector>

#include "core/database.h"
#include "kiosk/catalog.h"

namespace frontdesk::kiosk {

// The names of one set of catalog tables.
struct CatalogTables {
    std::string taxCodes;
    std::string items;
    std::string barcodes;

    static CatalogTables live() { return {"tax_codes", "items", "barcodes"}; }
    static CatalogTables staging() { return {"next_tax_codes", "next_items", "next_barcodes"}; }
    static CatalogTables retired() { return {"old_tax_codes", "old_items", "old_barcodes"}; }

    // CREATE TABLE statements for this set, the same columns, keys and references as the live
    // tables of the terminal schema (a test compares them); index names end in indexTag, as an
    // index keeps its name when its table is renamed.
    [[nodiscard]] std::string createSql(const std::string& indexTag) const;
};

class CatalogWriter {
public:
    explicit CatalogWriter(core::Database& db, CatalogTables tables = CatalogTables::live());
    CatalogWriter(const CatalogWriter&) = delete;
    CatalogWriter& operator=(const CatalogWriter&) = delete;

    [[nodiscard]] core::Status upsertTaxCode(const TaxCode& tax);
    [[nodiscard]] core::Status upsertItem(const Item& item, const std::vector<std::string>& barcodes);

private:
    core::Database& m_db;
    std::string m_upsertTax;
    std::string m_upsertItem;
    std::string m_clearBarcodes;
    std::string m_addBarcode;
};

}  // namespace frontdesk::kiosk
