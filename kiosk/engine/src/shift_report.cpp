#include "kiosk/shift_report.h"

namespace frontdesk::kiosk {

using core::Result;

nlohmann::json ShiftReport::toJson() const {
    nlohmann::json rates = nlohmann::json::array();
    for (const auto& r : byRate) {
        rates.push_back({{"kind", r.kind}, {"tax_code", r.taxCode}, {"rate", r.rate}, {"net", r.net}, {"tax", r.tax},
                         {"gross", r.gross}});
    }
    nlohmann::json tenders = nlohmann::json::array();
    for (const auto& t : byTender) {
        tenders.push_back({{"kind", t.kind}, {"method", t.method}, {"count", t.count}, {"amount", t.amount}});
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

Result<ShiftReport> buildShiftReport(core::Database& db, const std::string& shiftId, const std::string& currency) {
    ShiftReport r;
    r.shiftId = shiftId;
    r.currency = currency;
    {
        FD_ASSIGN(auto* s, db.cached("SELECT staff, opened_at, float_minor, closed_at, counted_minor FROM shifts WHERE id = ?"));
        s->bind(1, shiftId);
        FD_ASSIGN(bool row, s->step());
        if (!row) return core::notFound("unknown shift " + shiftId);
        r.openedBy = s->text(0);
        r.openedAt = s->text(1);
        r.floatMinor = s->int64(2);
        r.closedAt = s->optionalText(3);
        r.countedCash = s->optionalInt64(4);
        s->reset();
    }
    {
        FD_ASSIGN(auto* s, db.cached("SELECT kind, count(*), sum(gross_minor), sum(discount_minor), sum(rounding_minor)"
                                     " FROM sales WHERE shift_id = ? GROUP BY kind"));
        s->bind(1, shiftId);
        for (;;) {
            FD_ASSIGN(bool row, s->step());
            if (!row) break;
            const bool sale = s->text(0) == "sale";
            (sale ? r.sales : r.refunds) = s->int64(1);
            (sale ? r.salesGross : r.refundsGross) = s->int64(2);
            if (sale) r.discounts = s->int64(3);
            r.rounding += sale ? s->int64(4) : -s->int64(4);
        }
    }
    {
        FD_ASSIGN(auto* s, db.cached("SELECT s.kind, l.tax_code, l.tax_rate, sum(l.net_minor), sum(l.tax_minor),"
                                     " sum(l.gross_minor) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
                                     " WHERE s.shift_id = ? GROUP BY s.kind, l.tax_code, l.tax_rate"
                                     " ORDER BY s.kind DESC, l.tax_code"));
        s->bind(1, shiftId);
        for (;;) {
            FD_ASSIGN(bool row, s->step());
            if (!row) break;
            r.byRate.push_back({s->text(0), s->text(1), s->text(2), s->int64(3), s->int64(4), s->int64(5)});
        }
    }
    {
        FD_ASSIGN(auto* s, db.cached("SELECT s.kind, t.method, count(*), sum(t.amount_minor - t.change_minor)"
                                     " FROM sale_tenders t JOIN sales s ON s.id = t.sale_id WHERE s.shift_id = ?"
                                     " GROUP BY s.kind, t.method ORDER BY s.kind DESC, t.method"));
        s->bind(1, shiftId);
        for (;;) {
            FD_ASSIGN(bool row, s->step());
            if (!row) break;
            r.byTender.push_back({s->text(0), s->text(1), s->int64(2), s->int64(3)});
        }
    }
    {
        FD_ASSIGN(auto* s, db.cached("SELECT kind, count(*), sum(amount_minor) FROM cash_moves WHERE shift_id = ? GROUP BY kind"));
        s->bind(1, shiftId);
        for (;;) {
            FD_ASSIGN(bool row, s->step());
            if (!row) break;
            const std::string kind = s->text(0);
            if (kind == "paid_in") r.paidIn = s->int64(2);
            if (kind == "paid_out") r.paidOut = s->int64(2);
            if (kind == "no_sale") r.noSales = s->int64(1);
        }
    }
    {
        FD_ASSIGN(auto* s, db.cached("SELECT count(*) FROM voided_sales WHERE shift_id = ?"));
        s->bind(1, shiftId);
        FD_ASSIGN(bool row, s->step());
        r.voids = row ? s->int64(0) : 0;
        s->reset();
    }
    r.expectedCash = r.floatMinor + r.paidIn - r.paidOut;
    for (const auto& t : r.byTender) {
        if (t.method == "cash") r.expectedCash += t.kind == "sale" ? t.amount : -t.amount;
    }
    if (r.countedCash) r.variance = *r.countedCash - r.expectedCash;
    return r;
}

}  // namespace frontdesk::kiosk
