#include "backoffice/sales_reports.h"

#include <cassert>
#include <vector>

#include "backoffice/backoffice_db.h"
#include "core/clock.h"
#include "read_transaction.h"

namespace frontdesk::backoffice {

using core::Result;
using core::Status;
using nlohmann::json;

namespace {

// [from, to) as the stored times are written (core::formatIso8601, what the terminals' timestamps
// are too), so that comparing the text compares the times.
struct Period {
    std::string from, to;
};

Result<core::TimePoint> instant(const std::string& text, const char* field) {
    if (text.empty())
        return core::invalidArgument(std::string(field) + ": required, ISO 8601 UTC (2026-12-01T00:00:00Z)");
    auto parsed = core::parseIso8601(text);
    if (!parsed.ok()) return core::invalidArgument(std::string(field) + ": " + parsed.status().message());
    return *parsed;
}

Result<Period> period(const std::string& from, const std::string& to) {
    FD_ASSIGN(auto start, instant(from, "from"));
    FD_ASSIGN(auto end, instant(to, "to"));
    if (end <= start) return core::invalidArgument("to: must be after from (" + from + ")");
    return Period{core::formatIso8601(start), core::formatIso8601(end)};
}

// The head every period report starts with; NotFound for a store the back office does not serve.
Result<json> periodHead(core::Database& db, const std::string& store, const Period& p) {
    FD_ASSIGN(auto settings, loadStore(db, store));
    return json{{"store", store}, {"currency", settings.currency}, {"from", p.from}, {"to", p.to}};
}

// ---- sales reports ----

enum class Unit { Text, Count, Amount };

json columnJson(const char* name, Unit unit) {
    static constexpr const char* kUnits[] = {"text", "count", "amount"};
    return {{"name", name}, {"unit", kUnits[static_cast<int>(unit)]}};
}

// A grouping's SQL: its key columns (read as text), the tables (s: the sale; v: where its amounts
// come from) and what it groups by. The amounts follow the keys (saleAmounts or tenderAmounts).
struct GroupingSql {
    SalesGrouping grouping;
    const char* by;
    std::vector<const char*> keys;
    const char* select;
    const char* from;
    const char* amountsOf;  // the alias of the amounts' table
    const char* groupBy;
};

const std::vector<GroupingSql>& groupings() {
    static const std::vector<GroupingSql> all{
        {SalesGrouping::Day, "day", {"day"}, "s.day", "sales s", "s", "s.day"},
        {SalesGrouping::TaxRate,
         "rate",
         {"tax_code", "rate"},
         "v.tax_code, v.rate",
         "sales s JOIN sale_rates v ON v.event_id = s.event_id",
         "v",
         "v.tax_code, v.rate"},
        {SalesGrouping::Tender,
         "tender",
         {"method"},
         "v.method",
         "sales s JOIN sale_tenders v ON v.event_id = s.event_id",
         "v",
         "v.method"},
        {SalesGrouping::Terminal, "terminal", {"terminal"}, "s.terminal", "sales s", "s", "s.terminal"},
        {SalesGrouping::Staff,
         "staff",
         {"staff", "name"},
         "s.staff, coalesce((SELECT e.name FROM employees e WHERE e.id = s.staff), '')",
         "sales s",
         "s",
         "s.staff"},
    };
    return all;
}

// The sum of what over the sales (or refunds) of a group. Plain CASE, not iif or a sum of a
// comparison: the SQL stays what PostgreSQL runs too (docs/backoffice.md, "Storage").
std::string sumOf(const char* kind, const std::string& what) {
    return std::string("coalesce(sum(CASE WHEN s.kind = '") + kind + "' THEN " + what + " ELSE 0 END), 0)";
}

// The amounts summed per group, sales and refunds apart, in the order of kSaleColumns.
const std::vector<const char*> kSaleColumns{"sales",       "refunds",     "sales_net",   "sales_tax",
                                            "sales_gross", "refunds_net", "refunds_tax", "refunds_gross"};
std::string saleAmounts(const std::string& v) {
    std::string sql = sumOf("sale", "1") + ", " + sumOf("refund", "1");
    for (const char* kind : {"sale", "refund"}) {
        for (const char* figure : {"net", "tax", "gross"}) sql += ", " + sumOf(kind, v + "." + figure + "_minor");
    }
    return sql;
}
const std::vector<const char*> kTenderColumns{"sales", "tendered", "change", "refunds", "refunded"};
std::string tenderAmounts() {
    return sumOf("sale", "1") + ", " + sumOf("sale", "v.amount_minor") + ", " + sumOf("sale", "v.change_minor") + ", " +
           sumOf("refund", "1") + ", " + sumOf("refund", "v.amount_minor - v.change_minor");
}

bool isCount(std::string_view column) {
    return column == "sales" || column == "refunds";
}

// What follows from the summed amounts: the netted figures.
void derive(json& row, bool tenders) {
    const auto at = [&](const char* key) { return row.at(key).get<std::int64_t>(); };
    if (tenders) {
        row["taken"] = at("tendered") - at("change");
        row["net"] = at("taken") - at("refunded");
        return;
    }
    for (const char* figure : {"net", "tax", "gross"}) {
        row[figure] = at((std::string("sales_") + figure).c_str()) - at((std::string("refunds_") + figure).c_str());
    }
}

json columnsOf(const GroupingSql& g, bool tenders) {
    json columns = json::array();
    for (const char* key : g.keys) columns.push_back(columnJson(key, Unit::Text));
    const std::vector<const char*> derived =
        tenders ? std::vector<const char*>{"taken", "net"} : std::vector<const char*>{"net", "tax", "gross"};
    for (const auto* list : {&(tenders ? kTenderColumns : kSaleColumns), &derived}) {
        for (const char* c : *list) columns.push_back(columnJson(c, isCount(c) ? Unit::Count : Unit::Amount));
    }
    return columns;
}

}  // namespace

Result<json> journalReport(core::Database& db, const std::string& store, const std::string& from,
                           const std::string& to) {
    FD_ASSIGN(Period p, period(from, to));
    ReadTransaction read(db);
    FD_ASSIGN(json report, periodHead(db, store, p));
    FD_ASSIGN(auto* stmt, db.cached("SELECT e.id, e.at, e.currency, e.source, e.event_id, e.memo, l.account,"
                                    " coalesce(a.name, ''), l.debit_minor, l.credit_minor"
                                    " FROM journal_entries e JOIN journal_lines l ON l.entry = e.id"
                                    " LEFT JOIN accounts a ON a.code = l.account"
                                    " WHERE e.store = ? AND e.at >= ? AND e.at < ? ORDER BY e.at, e.id, l.account"));
    json entries = json::array();
    std::int64_t debit = 0, credit = 0;
    FD_TRY(stmt->bindAll(store, p.from, p.to).forEachRow([&](const core::Statement& row) {
        if (entries.empty() || entries.back()["id"] != row.int64(0)) {
            entries.push_back({{"id", row.int64(0)},
                               {"at", row.text(1)},
                               {"currency", row.text(2)},
                               {"source", row.text(3)},
                               {"event_id", row.text(4)},
                               {"memo", row.text(5)},
                               {"debit", 0},
                               {"credit", 0},
                               {"lines", json::array()}});
        }
        json& entry = entries.back();
        const std::int64_t d = row.int64(8), c = row.int64(9);
        entry["lines"].push_back({{"account", row.text(6)}, {"name", row.text(7)}, {"debit", d}, {"credit", c}});
        entry["debit"] = entry["debit"].get<std::int64_t>() + d;
        entry["credit"] = entry["credit"].get<std::int64_t>() + c;
        debit += d;
        credit += c;
    }));
    report["entries"] = std::move(entries);
    report["debit"] = debit;
    report["credit"] = credit;
    report["balanced"] = debit == credit;
    return report;
}

Result<json> salesReport(core::Database& db, SalesGrouping grouping, const std::string& store, const std::string& from,
                         const std::string& to) {
    FD_ASSIGN(Period p, period(from, to));
    const GroupingSql* g = nullptr;
    for (const auto& candidate : groupings()) {
        if (candidate.grouping == grouping) g = &candidate;
    }
    assert(g && "every SalesGrouping has its SQL");
    const bool tenders = grouping == SalesGrouping::Tender;
    const auto& amounts = tenders ? kTenderColumns : kSaleColumns;
    ReadTransaction read(db);
    FD_ASSIGN(json report, periodHead(db, store, p));
    report["by"] = g->by;
    report["columns"] = columnsOf(*g, tenders);
    FD_ASSIGN(auto* stmt, db.cached(std::string("SELECT ") + g->select + ", " +
                                    (tenders ? tenderAmounts() : saleAmounts(g->amountsOf)) + " FROM " + g->from +
                                    " WHERE s.store = ? AND s.at >= ? AND s.at < ? GROUP BY " + g->groupBy +
                                    " ORDER BY " + g->groupBy));
    json rows = json::array();
    json totals = json::object();
    for (const char* c : amounts) totals[c] = 0;
    FD_TRY(stmt->bindAll(store, p.from, p.to).forEachRow([&](const core::Statement& r) {
        json row = json::object();
        int column = 0;
        for (const char* key : g->keys) row[key] = r.text(column++);
        for (const char* c : amounts) {
            row[c] = r.int64(column++);
            totals[c] = totals[c].get<std::int64_t>() + row[c].get<std::int64_t>();
        }
        derive(row, tenders);
        rows.push_back(std::move(row));
    }));
    if (grouping == SalesGrouping::TaxRate) {
        // A sale at two rates is in two rows: count it once.
        FD_ASSIGN(auto* count, db.cached("SELECT " + sumOf("sale", "1") + ", " + sumOf("refund", "1") +
                                         " FROM sales s WHERE s.store = ? AND s.at >= ? AND s.at < ?"));
        FD_TRY(count->bindAll(store, p.from, p.to).forEachRow([&](const core::Statement& r) {
            totals["sales"] = r.int64(0);
            totals["refunds"] = r.int64(1);
        }));
    }
    derive(totals, tenders);
    report["rows"] = std::move(rows);
    report["totals"] = std::move(totals);
    return report;
}

}  // namespace frontdesk::backoffice
