#pragma once
// The accounting and sales reports of a store and period, and the back office's Z report of a
// shift set beside the terminal's own (docs/backoffice.md, "Reports"). What `frontdesk-backoffice
// report ...` prints and the HTTP API serves; report_csv.h turns each into CSV.
//
// A period is [from, to) in ISO 8601 UTC ("2026-12-01T00:00:00Z"); days are UTC days (the back
// office has no store time zone setting). Every report reads in one read transaction, so it is one
// moment's figures even while `serve` writes. Amounts are integers in minor units of the store's
// currency. Failures: InvalidArgument naming `from` or `to` for a bad period; NotFound for an
// unknown store or shift.
//
// The sales reports read the summary the effects keep of each sale and refund at ingest (schema
// version 7: sales, sale_rates, sale_tenders); refunds are shown beside the sales and netted
// (net = sales - refunds). Sales taken in before version 7 are not in them (the journal has them).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/database.h"

namespace frontdesk::backoffice {

// Every journal entry of the store in the period, oldest first:
// {"store", "currency", "from", "to", "entries": [{"id", "at", "source", "event_id", "memo",
//  "debit", "credit", "lines": [{"account", "name", "debit", "credit"}]}], "debit", "credit",
//  "balanced"}
[[nodiscard]] core::Result<nlohmann::json> journalReport(core::Database& db, const std::string& store,
                                                         const std::string& from, const std::string& to);

// What a sales report is grouped by, and its name in commands and paths (sales-by-day,
// /sales/by-day).
enum class SalesGrouping { Day, TaxRate, Tender, Terminal, Staff };
struct SalesGroupingName {
    SalesGrouping grouping;
    const char* name;
};
inline constexpr SalesGroupingName kSalesGroupings[] = {{SalesGrouping::Day, "by-day"},
                                                        {SalesGrouping::TaxRate, "by-rate"},
                                                        {SalesGrouping::Tender, "by-tender"},
                                                        {SalesGrouping::Terminal, "by-terminal"},
                                                        {SalesGrouping::Staff, "by-staff"}};

// {"store", "currency", "from", "to", "by": "day" | "rate" | "tender" | "terminal" | "staff",
//  "rows": [...], "totals": {...}}. Each row starts with what it is grouped by: "day" (YYYY-MM-DD);
// "tax_code" and "rate"; "method" (cash, card); "terminal"; "staff" and "name" (the envelope's
// staff id, the employee's name when the back office knows them). Then, for all but by-tender:
// "sales", "refunds" (counts), "sales_net", "sales_tax", "sales_gross", "refunds_net",
// "refunds_tax", "refunds_gross", and "net", "tax", "gross" (sales less refunds). By tender:
// "sales" (tenders), "tendered", "change", "taken" (tendered less change), "refunds", "refunded",
// "net" (taken less refunded). Rows in the order of their key; totals over the period.
[[nodiscard]] core::Result<nlohmann::json> salesReport(core::Database& db, SalesGrouping grouping,
                                                       const std::string& store, const std::string& from,
                                                       const std::string& to);

// The shift's Z report as the back office computes it from the events it took in, figure by
// figure beside the terminal's own (the shift.closed payload, kept at ingest):
// {"shift", "store", "terminal", "currency", "opened_by", "opened_at", "closed_at", "status",
//  "terminal_received", "figures": [{"figure", "unit": "count" | "amount", "back_office",
//  "terminal", "matches"}], "matches", "differences": [figure], "counted_cash", "gaps",
//  "dead_letters"}. Figures: float, sales, refunds, sales_gross, refunds_gross, discounts,
// rounding, by_rate/KIND/CODE/RATE/{net,tax,gross}, by_tender/KIND/METHOD/{count,amount},
// paid_in, paid_out, expected_cash, variance (a group one side lacks counts as 0 there); and
// voids and no_sales, which only the terminal counts (back_office null, matches null, never a
// difference). "matches" is true when the terminal's Z report is in and every figure agrees.
[[nodiscard]] core::Result<nlohmann::json> zReport(core::Database& db, const std::string& shift);

}  // namespace frontdesk::backoffice
