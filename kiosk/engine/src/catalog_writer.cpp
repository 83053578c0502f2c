#include "catalog_writer.h"

namespace frontdesk::kiosk {

using core::Status;

std::string CatalogTables::createSql(const std::string& indexTag) const {
    return "CREATE TABLE " + taxCodes +
           " (code TEXT PRIMARY KEY, rate TEXT NOT NULL, name TEXT NOT NULL);\n"
           "CREATE TABLE " +
           items +
           " (\n"
           "  sku TEXT PRIMARY KEY,\n"
           "  name TEXT NOT NULL,\n"
           "  name_key TEXT NOT NULL,\n"
           "  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),\n"
           "  tax_code TEXT NOT NULL REFERENCES " +
           taxCodes +
           "(code),\n"
           "  category TEXT,\n"
           "  age_restricted INTEGER NOT NULL DEFAULT 0,\n"
           "  sold_by_weight INTEGER NOT NULL DEFAULT 0\n"
           ");\n"
           "CREATE INDEX items_name_key_" +
           indexTag + " ON " + items +
           "(name_key);\n"
           "CREATE INDEX items_category_" +
           indexTag + " ON " + items +
           "(category, name_key);\n"
           "CREATE TABLE " +
           barcodes + " (code TEXT PRIMARY KEY, sku TEXT NOT NULL REFERENCES " + items +
           "(sku) ON DELETE CASCADE);\n"
           "CREATE INDEX barcodes_sku_" +
           indexTag + " ON " + barcodes + "(sku);\n";
}

CatalogWriter::CatalogWriter(core::Database& db, CatalogTables t)
    : m_db(db),
      m_upsertTax("INSERT INTO " + t.taxCodes +
                  " (code, rate, name) VALUES (?, ?, ?) "
                  "ON CONFLICT(code) DO UPDATE SET rate = excluded.rate, name = excluded.name"),
      m_upsertItem("INSERT INTO " + t.items +
                   " (sku, name, name_key, price_minor, tax_code, category, age_restricted,"
                   " sold_by_weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sku) DO UPDATE SET"
                   " name = excluded.name, name_key = excluded.name_key, price_minor = excluded.price_minor,"
                   " tax_code = excluded.tax_code, category = excluded.category,"
                   " age_restricted = excluded.age_restricted, sold_by_weight = excluded.sold_by_weight"),
      m_clearBarcodes("DELETE FROM " + t.barcodes + " WHERE sku = ?"),
      m_addBarcode("INSERT INTO " + t.barcodes +
                   " (code, sku) VALUES (?, ?) "
                   "ON CONFLICT(code) DO UPDATE SET sku = excluded.sku") {}

Status CatalogWriter::upsertTaxCode(const TaxCode& tax) {
    FD_ASSIGN(auto* stmt, m_db.cached(m_upsertTax));
    return stmt->bindAll(tax.code, tax.ratePercent.toString(), tax.name).run();
}

Status CatalogWriter::upsertItem(const Item& item, const std::vector<std::string>& barcodes) {
    FD_ASSIGN(auto* stmt, m_db.cached(m_upsertItem));
    FD_TRY(stmt->bindAll(item.sku, item.name, Catalog::searchKey(item.name), item.priceMinor, item.taxCode,
                         item.category, item.ageRestricted ? 1 : 0, item.soldByWeight ? 1 : 0)
               .run());
    FD_ASSIGN(auto* clear, m_db.cached(m_clearBarcodes));
    FD_TRY(clear->bind(1, item.sku).run());
    for (const auto& code : barcodes) {
        FD_ASSIGN(auto* add, m_db.cached(m_addBarcode));
        FD_TRY(add->bindAll(code, item.sku).run());
    }
    return {};
}

}  // namespace frontdesk::kiosk
