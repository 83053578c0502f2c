#include "kiosk/shift_report.h"

namespace frontdesk::kiosk {

using core::Result;

nlohmann::json ShiftReport::toJson() const {
    nlohmann::json rates = nlohmann::json::array();
    for (const auto& r : byRate) {
        rates.push_back({{"kind", saleKindKey(r.kind)}, {"tax_code", r.taxCode}, {"rate", r.rate}, {"net", r.net}, {"tax", r.tax},
                         {"gross", r.gross}});
    }
    nlohmann::json tenders = nlohmann::json::array();
    for (const auto& t : byTender) {
        tenders.push_back({{"kind", saleKindKey(t.kind)}, {"method", tenderMethodKey(t.method)}, {"count", t.count}, {"amount", t.amount}});
    }
    nlohmann::json j = {
        {"shift", shiftId},         {"opened_by", openedBy},   {"opened_at", openedAt},
        {"currency", currency},     {"float", floatMinor},     {"sales", sales},
        {"refunds", refunds},       {"voids", voids},          {"no_sales", noSales},
        {"sales_gross", salesGross}, {"refunds_gross", refundsGross}, {"discounts", discounts},
        {"rounding", rounding},     {"paid_in", paidIn},       {"paid_out", paidOut},
        {"by_rate", rates},         {"by_tender", tenders},    {"expected_cash", expectedCash},
    };
    if (closedAt) j["closed_at"] = *closedAt;
    if (countedCash) j["counted_cash"] = *countedCash;
    if (variance) j["variance"] = *variance;
    return j;
}

namespace {

using core::Statement;
using core::Status;

Status readShift(core::Database& db, const std::string& shiftId, ShiftReport& r) {
    FD_ASSIGN(auto* shift, db.cached("SELECT staff, opened_at, float_minor, closed_at, counted_minor FROM shifts WHERE id = ?"));
    shift->bind(1, shiftId);
    FD_TRY(shift->firstRow(
        [&](const Statement& row) {
            r.openedBy = row.text(0);
            r.openedAt = row.text(1);
            r.floatMinor = row.int64(2);
            r.closedAt = row.optionalText(3);
            r.countedCash = row.optionalInt64(4);
        },
        "unknown shift " + shiftId));
    return {};
}

Status addSales(core::Database& db, const std::string& shiftId, ShiftReport& r) {
    FD_ASSIGN(auto* sales, db.cached("SELECT kind, count(*), sum(gross_minor), sum(discount_minor), sum(rounding_minor)"
                                     " FROM sales WHERE shift_id = ? GROUP BY kind"));
    sales->bind(1, shiftId);
    FD_TRY(sales->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto kind, parseSaleKind(row.text(0)));
        const bool sale = kind == SaleKind::Sale;
        (sale ? r.sales : r.refunds) = row.int64(1);
        (sale ? r.salesGross : r.refundsGross) = row.int64(2);
        if (sale) r.discounts = row.int64(3);
        r.rounding += sale ? row.int64(4) : -row.int64(4);
        return {};
    }));
    FD_ASSIGN(auto* rates, db.cached("SELECT s.kind, l.tax_code, l.tax_rate, sum(l.net_minor), sum(l.tax_minor),"
                                     " sum(l.gross_minor) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                                     " WHERE s.shift_id = ? GROUP BY s.kind, l.tax_code, l.tax_rate"
                                     " ORDER BY s.kind DESC, l.tax_code"));
    rates->bind(1, shiftId);
    FD_TRY(rates->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto kind, parseSaleKind(row.text(0)));
        r.byRate.push_back({kind, row.text(1), row.text(2), row.int64(3), row.int64(4), row.int64(5)});
        return {};
    }));
    return {};
}

Status addTenders(core::Database& db, const std::string& shiftId, ShiftReport& r) {
    FD_ASSIGN(auto* tenders, db.cached("SELECT s.kind, t.method, count(*), sum(t.amount_minor - t.change_minor)"
                                       " FROM sale_tenders t JOIN sales s ON s.id = t.sale_id WHERE s.shift_id = ?"
                                       " GROUP BY s.kind, t.method ORDER BY s.kind DESC, t.method"));
    tenders->bind(1, shiftId);
    FD_TRY(tenders->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto kind, parseSaleKind(row.text(0)));
        FD_ASSIGN(auto method, parseTenderMethod(row.text(1)));
        r.byTender.push_back({kind, method, row.int64(2), row.int64(3)});
        return {};
    }));
    return {};
}

Status addCashMoves(core::Database& db, const std::string& shiftId, ShiftReport& r) {
    FD_ASSIGN(auto* moves, db.cached("SELECT kind, count(*), sum(amount_minor) FROM cash_moves WHERE shift_id = ? GROUP BY kind"));
    moves->bind(1, shiftId);
    FD_TRY(moves->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto kind, parseCashMoveKind(row.text(0)));
        if (kind == CashMoveKind::PaidIn) r.paidIn = row.int64(2);
        if (kind == CashMoveKind::PaidOut) r.paidOut = row.int64(2);
        if (kind == CashMoveKind::NoSale) r.noSales = row.int64(1);
        return {};
    }));
    FD_ASSIGN(auto* voids, db.cached("SELECT count(*) FROM voided_sales WHERE shift_id = ?"));
    voids->bind(1, shiftId);
    return voids->firstRow([&](const Statement& row) { r.voids = row.int64(0); }, "no count");
}

}  // namespace

Result<ShiftReport> buildShiftReport(core::Database& db, const std::string& shiftId, const std::string& currency) {
    ShiftReport r;
    r.shiftId = shiftId;
    r.currency = currency;
    FD_TRY(readShift(db, shiftId, r));
    FD_TRY(addSales(db, shiftId, r));
    FD_TRY(addTenders(db, shiftId, r));
    FD_TRY(addCashMoves(db, shiftId, r));
    r.expectedCash = r.floatMinor + r.paidIn - r.paidOut;
    for (const auto& t : r.byTender) {
        if (t.method == TenderMethod::Cash) r.expectedCash += t.kind == SaleKind::Sale ? t.amount : -t.amount;
    }
    if (r.countedCash) r.variance = *r.countedCash - r.expectedCash;
    return r;
}

}  // namespace frontdesk::kiosk
