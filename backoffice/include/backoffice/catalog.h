#pragma once
// The store's catalog, managed in the back office and published to its terminals as versioned
// datasets (docs/backoffice.md, "Catalog"; the terminal's side is docs/master-data.md).
//
// An import is the whole catalog: from a CSV file with the columns
//   sku, name, price, tax_code, tax_rate            (required)
//   barcodes (separated by ';' or spaces), category, cost, age_restricted, sold_by_weight
// every valid row replaces the store's items, every invalid row is reported with its line and
// reason and left out, and the result becomes the next catalog version: its body (the catalog
// dataset's JSON lines) kept in the database, ready to publish. Nothing is changed in place: each
// import is a new version, and the old ones stay.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/database.h"

namespace frontdesk::backoffice {

struct CatalogImportReport {
    std::int64_t version = 0;             // the new version (0: nothing imported)
    std::int64_t items = 0;
    std::vector<std::string> refused;     // "line 7: price '1.999' has more decimals than EUR allows"
};

// The version made is `version` when given (it must be above every version of the store so far:
// the first import for terminals provisioned from a seed with price_version N is N + 1 or more),
// else one more than the last. InvalidArgument when the file cannot be read as CSV, lacks a
// required column, or has no valid row, or for a version not above the last (no version is made).
[[nodiscard]] core::Result<CatalogImportReport> importCatalogCsv(core::Database& db, const std::string& store,
                                                                 std::string_view csv,
                                                                 std::optional<std::int64_t> version = std::nullopt);

struct CatalogVersion {
    std::string store;
    std::int64_t version = 0;
    std::string body;  // the catalog dataset: JSON lines (docs/master-data.md)
};

// The newest version of a store's catalog, if any.
[[nodiscard]] core::Result<std::optional<CatalogVersion>> latestCatalog(core::Database& db, const std::string& store);

}  // namespace frontdesk::backoffice
