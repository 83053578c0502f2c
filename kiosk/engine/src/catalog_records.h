#pragma once
// Catalog records as JSON (a seed file's tax_codes and items; a catalog dataset's lines): parsing
// each one with the reason it is refused, and the checks that span records (a sku or a barcode
// given twice). Shared by the seed import and the master-data applier, so that both accept
// exactly the same catalog. Private to the engine.

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "core/status.h"
#include "kiosk/catalog.h"

namespace frontdesk::kiosk {

// Members of a JSON object, each an error naming the key when present with the wrong type.
[[nodiscard]] core::Result<std::string> textField(const nlohmann::json& obj, const char* key, bool required,
                                                  std::string fallback = {});
[[nodiscard]] core::Result<bool> flagField(const nlohmann::json& obj, const char* key);
[[nodiscard]] core::Result<std::int64_t> integerField(const nlohmann::json& obj, const char* key, std::int64_t fallback);
// An entry's id as given, quoted in part (an id of any length may arrive), "?" if it has none.
[[nodiscard]] std::string keyOf(const nlohmann::json& j, const char* key);

[[nodiscard]] core::Result<TaxCode> parseTaxCode(const nlohmann::json& j);

struct ParsedItem {
    Item item;
    std::vector<std::string> barcodes;
};
using TaxCodeLookup = std::function<core::Result<TaxCode>(const std::string& code)>;
[[nodiscard]] core::Result<ParsedItem> parseItem(const nlohmann::json& j, const core::Currency& currency,
                                                 const TaxCodeLookup& taxCode);

// Within one import: each sku once, each barcode for one sku only. accept() records an item
// that passes; `source` names the import in the message ("seed", "catalog version 8").
class ItemChecks {
public:
    explicit ItemChecks(std::string source) : m_source(std::move(source)) {}
    [[nodiscard]] core::Status check(const ParsedItem& parsed) const;
    void accept(const ParsedItem& parsed);

private:
    std::string m_source;
    std::set<std::string> m_skus;
    std::map<std::string, std::string> m_claimed;  // barcode -> sku
};

}  // namespace frontdesk::kiosk
