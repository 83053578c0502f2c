#include "kiosk/catalog.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/bounded_input.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {

constexpr std::string_view kItemColumns =
    "i.sku, i.name, i.price_minor, i.tax_code, t.rate, i.category, i.age_restricted, i.sold_by_weight";

// "SELECT " and the item's columns, then the rest of the query.
std::string selectItems(std::string_view rest) {
    std::string sql;
    sql.reserve(7 + kItemColumns.size() + rest.size());
    sql.append("SELECT ").append(kItemColumns).append(rest);
    return sql;
}

Result<Item> readItem(const core::Statement& stmt) {
    Item item;
    item.sku = stmt.text(0);
    item.name = stmt.text(1);
    item.priceMinor = stmt.int64(2);
    item.taxCode = stmt.text(3);
    FD_ASSIGN(item.taxRate, core::Decimal::parse(stmt.text(4)));
    item.category = stmt.text(5);
    item.ageRestricted = stmt.int64(6) != 0;
    item.soldByWeight = stmt.int64(7) != 0;
    return item;
}

// The smallest string greater than every string that starts with prefix, for a range scan.
std::string prefixUpperBound(std::string prefix) {
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
    if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

}  // namespace

std::string Catalog::searchKey(const std::string& text) {
    std::string key = text;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return key;
}

Result<Item> Catalog::one(const char* sql, const std::string& key, const std::string& what) {
    FD_ASSIGN(auto* stmt, m_db.cached(sql));
    stmt->bind(1, key);
    Item item;
    FD_TRY(stmt->firstRow(
        [&](const core::Statement& row) -> Status {
            FD_ASSIGN(item, readItem(row));
            return {};
        },
        what));
    return item;
}

Result<Item> Catalog::byBarcode(const std::string& code) {
    static const std::string sql = selectItems(
        " FROM barcodes b JOIN items i ON i.sku = b.sku"
        " JOIN tax_codes t ON t.code = i.tax_code WHERE b.code = ?");
    return one(sql.c_str(), code, "unknown barcode " + core::excerpt(code));
}

Result<Item> Catalog::bySku(const std::string& sku) {
    static const std::string sql = selectItems(" FROM items i JOIN tax_codes t ON t.code = i.tax_code WHERE i.sku = ?");
    return one(sql.c_str(), sku, "unknown sku " + core::excerpt(sku));
}

Result<std::vector<Item>> Catalog::search(const std::string& prefix, int limit) {
    if (prefix.empty()) return core::invalidArgument("search needs at least one character");
    limit = std::clamp(limit, 1, 200);
    const std::string low = searchKey(prefix);
    const std::string high = prefixUpperBound(low);
    // Two index range scans (name_key, then the sku primary key) merged by sku.
    static const std::string byName = selectItems(
        " FROM items i JOIN tax_codes t ON t.code = i.tax_code"
        " WHERE i.name_key >= ?1 AND i.name_key < ?2 ORDER BY i.name_key LIMIT ?3");
    static const std::string bySkuSql = selectItems(
        " FROM items i JOIN tax_codes t ON t.code = i.tax_code"
        " WHERE i.sku >= ?1 AND i.sku < ?2 ORDER BY i.sku LIMIT ?3");
    std::map<std::string, Item> found;
    std::vector<Item> ordered;
    for (const std::string* sql : {&byName, &bySkuSql}) {
        // sku is matched as typed (case-sensitive), names by their lower-cased key.
        const std::string& from = sql == &byName ? low : prefix;
        const std::string to = sql == &byName ? high : prefixUpperBound(prefix);
        FD_ASSIGN(auto* stmt, m_db.cached(sql->c_str()));
        stmt->bindAll(from, to, limit);
        FD_TRY(stmt->forEachRow([&](const core::Statement& row) -> Status {
            FD_ASSIGN(auto item, readItem(row));
            if (found.emplace(item.sku, item).second) ordered.push_back(std::move(item));
            return {};
        }));
    }
    // Name order across both scans: a sku match may sort before the name matches.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Item& a, const Item& b) { return searchKey(a.name) < searchKey(b.name); });
    if (static_cast<int>(ordered.size()) > limit) ordered.resize(static_cast<std::size_t>(limit));
    return ordered;
}

Result<std::vector<std::string>> Catalog::categories(int limit) {
    limit = std::clamp(limit, 1, 200);
    // The next category after the last one found, each time: a seek in items_category, never a
    // scan of the items.
    FD_ASSIGN(auto* next, m_db.cached("SELECT category FROM items WHERE category > ? ORDER BY category LIMIT 1"));
    std::vector<std::string> found;
    std::string after;  // "" sorts before every category; an empty category is none
    while (static_cast<int>(found.size()) < limit) {
        std::optional<std::string> category;
        FD_TRY(next->bind(1, after).forEachRow([&](const core::Statement& row) { category = row.text(0); }));
        if (!category) break;
        found.push_back(*category);
        after = *category;
    }
    return found;
}

Result<std::vector<Item>> Catalog::inCategory(const std::string& category, int limit) {
    limit = std::clamp(limit, 1, 200);
    static const std::string sql = selectItems(
        " FROM items i JOIN tax_codes t ON t.code = i.tax_code WHERE i.category = ?1 ORDER BY i.name_key LIMIT ?2");
    FD_ASSIGN(auto* stmt, m_db.cached(sql.c_str()));
    stmt->bindAll(category, limit);
    std::vector<Item> items;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) -> Status {
        FD_ASSIGN(auto item, readItem(row));
        items.push_back(std::move(item));
        return {};
    }));
    return items;
}

Result<TaxCode> Catalog::taxCode(const std::string& code) {
    FD_ASSIGN(auto* stmt, m_db.cached("SELECT code, rate, name FROM tax_codes WHERE code = ?"));
    stmt->bind(1, code);
    TaxCode tax;
    FD_TRY(stmt->firstRow(
        [&](const core::Statement& row) -> Status {
            tax = {row.text(0), {}, row.text(2)};
            FD_ASSIGN(tax.ratePercent, core::Decimal::parse(row.text(1)));
            return {};
        },
        "unknown tax code " + code));
    return tax;
}

}  // namespace frontdesk::kiosk
