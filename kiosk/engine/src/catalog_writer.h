#pragma once
// CatalogWriter: the only writer of tax codes, items and barcodes (private to the engine): the
// seed import now, master-data datasets later. Call inside the import's transaction; validation
// is the importer's.

#include <string>
#include <vector>

#include "core/database.h"
#include "kiosk/catalog.h"

namespace frontdesk::kiosk {

class CatalogWriter {
public:
    explicit CatalogWriter(core::Database& db) : m_db(db) {}
    CatalogWriter(const CatalogWriter&) = delete;
    CatalogWriter& operator=(const CatalogWriter&) = delete;

    [[nodiscard]] core::Status upsertTaxCode(const TaxCode& tax);
    [[nodiscard]] core::Status upsertItem(const Item& item, const std::vector<std::string>& barcodes);

private:
    core::Database& m_db;
};

}  // namespace frontdesk::kiosk
