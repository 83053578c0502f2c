#pragma once
// Catalog: the terminal's local copy of items, barcodes, prices and tax codes.
//
// Reads only: lookups by barcode or sku and search by name or sku prefix, for the till. Writes
// come from the seed/master-data import alone (CatalogWriter, private to the engine). Every read
// is an indexed query, so a 300,000-item catalog costs the same per scan as a small one. Owned
// by the Till; same thread as its Database.

#include <optional>
#include <string>
#include <vector>

#include "core/database.h"
#include "core/decimal.h"
#include "core/money.h"

namespace frontdesk::kiosk {

struct TaxCode {
    std::string code;
    core::Decimal ratePercent;
    std::string name;
};

struct Item {
    std::string sku;
    std::string name;
    std::int64_t priceMinor = 0;  // in the terminal currency; gross or net by the tax mode
    std::string taxCode;
    core::Decimal taxRate;
    std::string category;
    bool ageRestricted = false;
    bool soldByWeight = false;  // quantities may have decimals (0.375 kg)
};

class Catalog {
public:
    explicit Catalog(core::Database& db) : m_db(db) {}
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

    [[nodiscard]] core::Result<Item> byBarcode(const std::string& code);
    [[nodiscard]] core::Result<Item> bySku(const std::string& sku);
    // Items whose name or sku starts with prefix (case-insensitive for ASCII), name order.
    [[nodiscard]] core::Result<std::vector<Item>> search(const std::string& prefix, int limit = 20);
    [[nodiscard]] core::Result<TaxCode> taxCode(const std::string& code);
    // The catalog's categories, in order, at most `limit` (the tiles a till shows); one index
    // seek each, so a 300,000-item catalog answers as fast as a small one.
    [[nodiscard]] core::Result<std::vector<std::string>> categories(int limit = 48);
    // The items of one category, name order, at most `limit` (1 to 200).
    [[nodiscard]] core::Result<std::vector<Item>> inCategory(const std::string& category, int limit = 60);

    // ASCII lower-casing used for name_key; non-ASCII bytes pass through unchanged.
    static std::string searchKey(const std::string& text);

private:
    core::Result<Item> one(const char* sql, const std::string& key, const std::string& what);
    core::Database& m_db;
};

}  // namespace frontdesk::kiosk
