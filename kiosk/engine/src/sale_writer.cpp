#include "sale_writer.h"

#include <cstdio>

#include "counters.h"
#include "sql_values.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {

Status insertRows(core::Database& db, const SaleRecord& r, const std::string& receiptNo, const std::string& at) {
    FD_ASSIGN(auto* sale, db.cached("INSERT INTO sales (id, kind, receipt_no, shift_id, staff, at, currency, net_minor,"
                                    " tax_minor, gross_minor, rounding_minor, discount_minor, original_sale,"
                                    " price_version, reason, approved_by, customer, member)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(sale->bindAll(r.id, saleKindKey(r.kind), receiptNo, r.shiftId, r.staff, at, r.currency, r.net, r.tax,
                         r.gross, r.rounding, r.discount, nullIfEmpty(r.originalSaleId), r.priceVersion,
                         nullIfEmpty(r.reason), nullIfEmpty(r.approvedBy), nullIfEmpty(r.customer.customer),
                         nullIfEmpty(r.customer.member))
               .run());
    FD_ASSIGN(auto* line, db.cached("INSERT INTO sale_lines (sale_id, line_no, sku, name, qty, unit_price_minor,"
                                    " discount_minor, tax_code, tax_rate, net_minor, tax_minor, gross_minor,"
                                    " original_line, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < r.lines.size(); ++i) {
        const auto& l = r.lines[i];
        FD_TRY(line->bindAll(r.id, static_cast<std::int64_t>(i + 1), l.sku, l.name, l.qty.toString(), l.unitPrice,
                             l.discount, l.taxCode, l.taxRate.toString(), l.net, l.tax, l.gross, l.originalLine,
                             nullIfEmpty(l.approvedBy))
                   .run());
    }
    FD_ASSIGN(auto* tender, db.cached("INSERT INTO sale_tenders (sale_id, tender_no, method, amount_minor, change_minor,"
                                      " card_brand, card_last4, auth_code, terminal_ref, original_ref)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (std::size_t i = 0; i < r.tenders.size(); ++i) {
        const auto& t = r.tenders[i];
        tender->bindAll(r.id, static_cast<std::int64_t>(i + 1), tenderMethodKey(t.method), t.amount, t.change);
        if (!t.originalRef.empty()) tender->bind(10, t.originalRef);
        if (t.card) {
            tender->bind(6, t.card->brand).bind(7, t.card->last4).bind(8, t.card->authCode).bind(9, t.card->terminalRef);
        }
        FD_TRY(tender->run());
    }
    return {};
}

}  // namespace

Result<Committed> commitSaleRecord(core::Database& db, Outbox& outbox, const std::string& terminal,
                                   const SaleRecord& record, const std::string& at,
                                   const std::function<Status()>& alongside) {
    FD_ASSIGN(auto tx, core::Transaction::begin(db));
    FD_ASSIGN(auto number, nextCounter(db, Counter::ReceiptNo));
    char receipt[48];
    std::snprintf(receipt, sizeof receipt, "%s-%06lld", terminal.c_str(), static_cast<long long>(number));
    Committed committed{receipt, {}, {}};
    FD_TRY(insertRows(db, record, committed.receiptNo, at));
    if (alongside) FD_TRY(alongside());
    committed.payload = salePayload(record, committed.receiptNo);
    FD_ASSIGN(committed.event, outbox.append(saleEventType(record), record.staff, record.id, committed.payload));
    FD_TRY(tx->commit());
    return committed;
}

}  // namespace frontdesk::kiosk
