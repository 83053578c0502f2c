#include "catalog_writer.h"

namespace frontdesk::kiosk {

using core::Status;

Status CatalogWriter::upsertTaxCode(const TaxCode& tax) {
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO tax_codes (code, rate, name) VALUES (?, ?, ?) "
                                      "ON CONFLICT(code) DO UPDATE SET rate = excluded.rate, name = excluded.name"));
    return stmt->bindAll(tax.code, tax.ratePercent.toString(), tax.name).run();
}

Status CatalogWriter::upsertItem(const Item& item, const std::vector<std::string>& barcodes) {
    FD_ASSIGN(auto* stmt,
              m_db.cached("INSERT INTO items (sku, name, name_key, price_minor, tax_code, category, age_restricted,"
                          " sold_by_weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sku) DO UPDATE SET"
                          " name = excluded.name, name_key = excluded.name_key, price_minor = excluded.price_minor,"
                          " tax_code = excluded.tax_code, category = excluded.category,"
                          " age_restricted = excluded.age_restricted, sold_by_weight = excluded.sold_by_weight"));
    FD_TRY(stmt->bindAll(item.sku, item.name, Catalog::searchKey(item.name), item.priceMinor, item.taxCode, item.category,
                         item.ageRestricted ? 1 : 0, item.soldByWeight ? 1 : 0)
               .run());
    FD_ASSIGN(auto* clear, m_db.cached("DELETE FROM barcodes WHERE sku = ?"));
    FD_TRY(clear->bind(1, item.sku).run());
    for (const auto& code : barcodes) {
        FD_ASSIGN(auto* add, m_db.cached("INSERT INTO barcodes (code, sku) VALUES (?, ?) "
                                         "ON CONFLICT(code) DO UPDATE SET sku = excluded.sku"));
        FD_TRY(add->bindAll(code, item.sku).run());
    }
    return {};
}

}  // namespace frontdesk::kiosk
