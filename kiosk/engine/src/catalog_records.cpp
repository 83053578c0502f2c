#include "catalog_records.h"

#include "core/bounded_input.h"
#include "kiosk/cart.h"

namespace frontdesk::kiosk {

using core::Result;
using nlohmann::json;

Result<std::string> textField(const json& obj, const char* key, bool required, std::string fallback) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) return core::invalidArgument(std::string("'") + key + "' is missing");
        return fallback;
    }
    if (!it->is_string()) return core::invalidArgument(std::string("'") + key + "' must be a string");
    return it->get<std::string>();
}

Result<bool> flagField(const json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return false;
    if (!it->is_boolean()) return core::invalidArgument(std::string("'") + key + "' must be true or false");
    return it->get<bool>();
}

Result<std::int64_t> integerField(const json& obj, const char* key, std::int64_t fallback) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return fallback;
    if (!it->is_number_integer() ||
        (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))) {
        return core::invalidArgument(std::string("'") + key + "' must be an integer");
    }
    return it->get<std::int64_t>();
}

std::string keyOf(const json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_string()) return core::excerpt(j[key].get<std::string>());
    return "?";
}

Result<TaxCode> parseTaxCode(const json& j) {
    if (!j.is_object()) return core::invalidArgument("a tax code must be an object");
    TaxCode tax;
    FD_ASSIGN(tax.code, textField(j, "code", true));
    FD_ASSIGN(auto rate, textField(j, "rate", true));
    FD_ASSIGN(tax.ratePercent, core::Decimal::parse(rate));
    FD_ASSIGN(tax.name, textField(j, "name", false, tax.code));
    if (tax.code.empty() || tax.code.size() > 16) return core::invalidArgument("tax code must be 1 to 16 characters");
    if (tax.ratePercent.isNegative() || tax.ratePercent > core::Decimal::fromInt(100)) {
        return core::invalidArgument("tax rate of " + tax.code + " must be 0..100, not " + rate);
    }
    return tax;
}

Result<ParsedItem> parseItem(const json& j, const core::Currency& currency, const TaxCodeLookup& taxCode) {
    if (!j.is_object()) return core::invalidArgument("an item must be an object");
    ParsedItem p;
    FD_ASSIGN(p.item.sku, textField(j, "sku", true));
    FD_ASSIGN(p.item.name, textField(j, "name", true));
    if (p.item.sku.empty() || p.item.sku.size() > 64) return core::invalidArgument("sku must be 1 to 64 characters");
    if (p.item.name.empty() || p.item.name.size() > 200) return core::invalidArgument("name must be 1 to 200 characters");
    FD_ASSIGN(auto price, textField(j, "price", true));
    FD_ASSIGN(auto money, core::Money::parse(price, currency));
    if (money.isNegative()) return core::invalidArgument("price cannot be negative");
    FD_TRY(validateUnitPrice(money.minor()));
    p.item.priceMinor = money.minor();
    FD_ASSIGN(p.item.taxCode, textField(j, "tax_code", true));
    FD_ASSIGN(auto tax, taxCode(p.item.taxCode));
    p.item.taxRate = tax.ratePercent;
    FD_ASSIGN(p.item.category, textField(j, "category", false));
    FD_ASSIGN(p.item.ageRestricted, flagField(j, "age_restricted"));
    FD_ASSIGN(p.item.soldByWeight, flagField(j, "sold_by_weight"));
    if (auto it = j.find("barcodes"); it != j.end()) {
        if (!it->is_array()) return core::invalidArgument("'barcodes' must be a list of strings");
        for (const auto& code : *it) {
            if (!code.is_string() || code.get<std::string>().empty() || code.get<std::string>().size() > 64) {
                return core::invalidArgument("each barcode must be a string of 1 to 64 characters");
            }
            p.barcodes.push_back(code.get<std::string>());
        }
    }
    return p;
}

core::Status ItemChecks::check(const ParsedItem& parsed) const {
    if (m_skus.count(parsed.item.sku)) {
        return core::invalidArgument("sku '" + core::excerpt(parsed.item.sku) + "' appears twice in this " + m_source +
                                     ": the first entry was applied");
    }
    for (const auto& code : parsed.barcodes) {
        auto owner = m_claimed.find(code);
        if (owner != m_claimed.end() && owner->second != parsed.item.sku) {
            return core::invalidArgument("barcode " + code + " is already item " + owner->second + "'s");
        }
    }
    return {};
}

void ItemChecks::accept(const ParsedItem& parsed) {
    m_skus.insert(parsed.item.sku);
    for (const auto& code : parsed.barcodes) m_claimed.emplace(code, parsed.item.sku);
}

}  // namespace frontdesk::kiosk
