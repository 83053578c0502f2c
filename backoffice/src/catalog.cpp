#include "backoffice/catalog.h"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "backoffice/backoffice_db.h"
#include "backoffice/csv.h"
#include "core/bounded_input.h"
#include "core/clock.h"
#include "core/decimal.h"
#include "core/money.h"
#include "sync/dataset.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

constexpr std::int64_t kMaxPriceMinor = 10'000'000'000;  // the till's limit for any amount

struct Item {
    std::string sku, name, taxCode, category;
    std::int64_t price = 0;
    core::Decimal taxRate;
    std::vector<std::string> barcodes;
    std::optional<std::int64_t> cost;
    bool ageRestricted = false, soldByWeight = false;
};

struct Columns {
    int sku, name, price, taxCode, taxRate, barcodes, category, cost, ageRestricted, soldByWeight;
};

Result<Columns> columnsOf(const CsvTable& t) {
    Columns c{t.column("sku"),      t.column("name"),     t.column("price"), t.column("tax_code"),
              t.column("tax_rate"), t.column("barcodes"), t.column("category"), t.column("cost"),
              t.column("age_restricted"), t.column("sold_by_weight")};
    for (const auto& [index, name] : {std::pair{c.sku, "sku"}, {c.name, "name"}, {c.price, "price"},
                                      {c.taxCode, "tax_code"}, {c.taxRate, "tax_rate"}}) {
        if (index < 0) return core::invalidArgument(std::string("the header has no '") + name + "' column");
    }
    return c;
}

std::string cell(const CsvRow& row, int column) {
    return column >= 0 && static_cast<std::size_t>(column) < row.fields.size() ? row.fields[static_cast<std::size_t>(column)]
                                                                               : std::string();
}

Result<bool> flag(const std::string& text, const char* what) {
    if (text.empty() || text == "0" || text == "false" || text == "no") return false;
    if (text == "1" || text == "true" || text == "yes") return true;
    return core::invalidArgument(std::string(what) + " must be true or false, not '" + core::excerpt(text) + "'");
}

Result<Item> parseRow(const CsvRow& row, const Columns& c, const core::Currency& currency) {
    Item item;
    item.sku = cell(row, c.sku);
    item.name = cell(row, c.name);
    if (item.sku.empty() || item.sku.size() > 64) return core::invalidArgument("sku must be 1 to 64 characters");
    if (item.name.empty() || item.name.size() > 200) return core::invalidArgument("name must be 1 to 200 characters");
    auto parsed = core::Money::parse(cell(row, c.price), currency);
    if (!parsed.ok()) {
        return core::invalidArgument("price '" + core::excerpt(cell(row, c.price)) + "' is not an amount in " +
                                     std::string(currency.codeView()) + ": " + parsed.status().message());
    }
    const core::Money price = *parsed;
    if (price.isNegative() || price.minor() > kMaxPriceMinor) return core::invalidArgument("price is out of range");
    item.price = price.minor();
    item.taxCode = cell(row, c.taxCode);
    if (item.taxCode.empty() || item.taxCode.size() > 16) return core::invalidArgument("tax_code must be 1 to 16 characters");
    auto rate = core::Decimal::parse(cell(row, c.taxRate));
    if (!rate.ok() || rate->isNegative() || *rate > core::Decimal::fromInt(100)) {
        return core::invalidArgument("tax_rate must be a number from 0 to 100, not '" + core::excerpt(cell(row, c.taxRate)) + "'");
    }
    item.taxRate = *rate;
    std::string code;
    for (char ch : cell(row, c.barcodes) + ";") {
        if (ch == ';' || ch == ' ') {
            if (!code.empty()) item.barcodes.push_back(code);
            if (code.size() > 64) return core::invalidArgument("a barcode is longer than 64 characters");
            code.clear();
        } else {
            code += ch;
        }
    }
    item.category = cell(row, c.category);
    if (!cell(row, c.cost).empty()) {
        auto cost = core::Money::parse(cell(row, c.cost), currency);
        if (!cost.ok() || cost->isNegative()) return core::invalidArgument("cost '" + core::excerpt(cell(row, c.cost)) + "' is not an amount");
        item.cost = cost->minor();
    }
    FD_ASSIGN(item.ageRestricted, flag(cell(row, c.ageRestricted), "age_restricted"));
    FD_ASSIGN(item.soldByWeight, flag(cell(row, c.soldByWeight), "sold_by_weight"));
    return item;
}

// The catalog dataset's JSON lines (docs/master-data.md): header, tax codes, items.
std::string datasetBody(std::int64_t version, const core::Currency& currency, const std::vector<Item>& items) {
    std::string body = json{{"kind", "catalog"}, {"version", version}, {"currency", currency.codeView()}}.dump() + "\n";
    std::map<std::string, core::Decimal> rates;
    for (const auto& i : items) rates.emplace(i.taxCode, i.taxRate);
    for (const auto& [code, rate] : rates) {
        body += json{{"kind", "tax_code"}, {"code", code}, {"rate", rate.toString()}, {"name", code}}.dump() + "\n";
    }
    for (const auto& i : items) {
        json line{{"kind", "item"}, {"sku", i.sku}, {"name", i.name}, {"price", core::Money(i.price, currency).amount()},
                  {"tax_code", i.taxCode}, {"barcodes", i.barcodes}};
        if (!i.category.empty()) line["category"] = i.category;
        if (i.ageRestricted) line["age_restricted"] = true;
        if (i.soldByWeight) line["sold_by_weight"] = true;
        body += line.dump() + "\n";
    }
    return body;
}

}  // namespace

Result<CatalogImportReport> importCatalogCsv(core::Database& db, const std::string& store, std::string_view csv,
                                             std::optional<std::int64_t> version) {
    FD_ASSIGN(auto settings, loadStore(db, store));
    FD_ASSIGN(auto currency, core::currencyByCode(settings.currency));
    FD_ASSIGN(auto table, parseCsv(csv));
    FD_ASSIGN(auto columns, columnsOf(table));
    CatalogImportReport report;
    std::vector<Item> items;
    std::set<std::string> skus;
    std::map<std::string, std::string> barcodeOwner;
    std::map<std::string, core::Decimal> rates;
    for (const auto& row : table.rows) {
        auto item = parseRow(row, columns, currency);
        Status ok = item.status();
        if (ok.ok() && skus.count(item->sku)) ok = core::invalidArgument("sku " + item->sku + " appears on an earlier line");
        if (ok.ok()) {
            auto [rate, fresh] = rates.emplace(item->taxCode, item->taxRate);
            if (!fresh && !(rate->second == item->taxRate)) {
                ok = core::invalidArgument("tax code " + item->taxCode + " has rate " + rate->second.toString() +
                                           " on an earlier line, not " + item->taxRate.toString());
            }
        }
        for (const auto& code : ok.ok() ? item->barcodes : std::vector<std::string>{}) {
            auto owner = barcodeOwner.find(code);
            if (owner != barcodeOwner.end()) {
                ok = core::invalidArgument("barcode " + code + " is already item " + owner->second + "'s");
                break;
            }
        }
        if (!ok.ok()) {
            report.refused.push_back("line " + std::to_string(row.line) + ": " + ok.message());
            continue;
        }
        skus.insert(item->sku);
        for (const auto& code : item->barcodes) barcodeOwner.emplace(code, item->sku);
        items.push_back(std::move(item).value());
    }
    if (items.empty()) {
        return core::invalidArgument("no valid item in the file" +
                                     (report.refused.empty() ? std::string() : " (" + report.refused.front() + ")"));
    }
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_ASSIGN(auto* clear, db.cached("DELETE FROM items WHERE store = ?"));
    FD_TRY(clear->bind(1, store).run());
    FD_ASSIGN(auto* insert, db.cached("INSERT INTO items (store, sku, name, price_minor, tax_code, tax_rate, barcodes,"
                                      " category, age_restricted, sold_by_weight, cost_minor)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const auto& i : items) {
        FD_TRY(insert
                   ->bindAll(store, i.sku, i.name, i.price, i.taxCode, i.taxRate.toString(), json(i.barcodes).dump(),
                             i.category, i.ageRestricted ? 1 : 0, i.soldByWeight ? 1 : 0, i.cost)
                   .run());
    }
    FD_ASSIGN(auto* last, db.cached("SELECT coalesce(max(version), 0) FROM catalog_versions WHERE store = ?"));
    std::int64_t latest = 0;
    FD_TRY(last->bind(1, store).firstRow([&](const core::Statement& row) { latest = row.int64(0); }, "no row"));
    last->reset();
    if (version && (*version <= latest || *version > sync::kMaxDatasetVersion)) {
        return core::invalidArgument("catalog version " + std::to_string(*version) + " must be above the last, " +
                                     std::to_string(latest));
    }
    report.version = version.value_or(latest + 1);
    FD_ASSIGN(auto* keep, db.cached("INSERT INTO catalog_versions (store, version, created_at, items, body) VALUES (?, ?, ?, ?, ?)"));
    FD_TRY(keep->bindAll(store, report.version, core::formatIso8601(core::SystemClock().now()),
                         static_cast<std::int64_t>(items.size()))
               .bindBlob(5, datasetBody(report.version, currency, items))
               .run());
    FD_TRY(tx->commit());
    report.items = static_cast<std::int64_t>(items.size());
    return report;
}

Result<std::optional<CatalogVersion>> latestCatalog(core::Database& db, const std::string& store) {
    FD_ASSIGN(auto* stmt, db.cached("SELECT version, body FROM catalog_versions WHERE store = ? ORDER BY version DESC LIMIT 1"));
    std::optional<CatalogVersion> latest;
    FD_TRY(stmt->bind(1, store).forEachRow([&](const core::Statement& row) {
        latest = CatalogVersion{store, row.int64(0), row.text(1)};
    }));
    return latest;
}

}  // namespace frontdesk::backoffice
