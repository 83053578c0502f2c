#include "kiosk/sale_history.h"

#include "core/bounded_input.h"

namespace frontdesk::kiosk {

using core::Decimal;
using core::Result;
using core::Statement;
using core::Status;

Result<SoldSale> SaleHistory::byReceipt(const std::string& receipt) {
    FD_ASSIGN(auto* find, m_db.cached("SELECT id, kind, currency, coalesce(customer, ''), coalesce(member, '')"
                                      " FROM sales WHERE receipt_no = ?"));
    find->bind(1, receipt);
    SoldSale sale;
    FD_TRY(find->firstRow(
        [&](const Statement& row) -> Status {
            sale.id = row.text(0);
            FD_ASSIGN(sale.kind, parseSaleKind(row.text(1)));
            sale.currency = row.text(2);
            sale.customer = {row.text(3), row.text(4)};
            return {};
        },
        "no receipt " + core::excerpt(receipt) + " on this terminal"));
    return sale;
}

Result<ReceiptCopy> SaleHistory::receiptCopy(const std::string& receipt) {
    FD_ASSIGN(auto* find, m_db.cached("SELECT o.seq, o.id, o.type, o.envelope, o.at, coalesce(st.name, s.staff)"
                                      " FROM sales s JOIN outbox o ON o.entity_id = s.id"
                                      " AND o.type IN ('sale.completed', 'sale.refunded')"
                                      " LEFT JOIN staff st ON st.id = s.staff WHERE s.receipt_no = ?"));
    find->bind(1, receipt);
    ReceiptCopy copy;
    FD_TRY(find->firstRow(
        [&](const Statement& row) -> Status {
            OutboxEvent& e = copy.committed.event;
            e.seq = row.int64(0);
            e.id = row.text(1);
            FD_ASSIGN(e.type, parseEventType(row.text(2)));
            e.envelope = row.text(3);
            e.at = row.text(4);
            auto envelope = nlohmann::json::parse(e.envelope, nullptr, false);
            if (envelope.is_discarded() || !envelope.contains("payload")) {
                return Status(core::ErrorKind::Corrupt, "the event of receipt " + core::excerpt(receipt) + " is damaged");
            }
            copy.committed.payload = std::move(envelope["payload"]);
            copy.staffName = row.text(5);
            return {};
        },
        "no receipt " + core::excerpt(receipt) + " on this terminal"));
    copy.committed.receiptNo = receipt;
    return copy;
}

Result<std::map<std::int64_t, SoldLine>> SaleHistory::lines(const std::string& saleId) {
    std::map<std::int64_t, SoldLine> sold;
    FD_ASSIGN(auto* lines, m_db.cached("SELECT line_no, sku, name, qty, unit_price_minor, discount_minor, tax_code,"
                                       " tax_rate, net_minor, tax_minor, gross_minor FROM sale_lines WHERE sale_id = ?"));
    lines->bind(1, saleId);
    FD_TRY(lines->forEachRow([&](const Statement& row) -> Status {
        SoldLine s;
        s.line.sku = row.text(1);
        s.line.name = row.text(2);
        FD_ASSIGN(s.line.qty, Decimal::parse(row.text(3)));
        s.line.unitPrice = row.int64(4);
        s.line.discount = row.int64(5);
        s.line.taxCode = row.text(6);
        FD_ASSIGN(s.line.taxRate, Decimal::parse(row.text(7)));
        s.line.net = row.int64(8);
        s.line.tax = row.int64(9);
        s.line.gross = row.int64(10);
        sold.emplace(row.int64(0), std::move(s));
        return {};
    }));
    FD_ASSIGN(auto* done, m_db.cached("SELECT l.original_line, l.qty, l.discount_minor, l.tax_minor, l.gross_minor"
                                      " FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.original_sale = ?"));
    done->bind(1, saleId);
    FD_TRY(done->forEachRow([&](const Statement& row) -> Status {
        auto it = sold.find(row.int64(0));
        if (it == sold.end()) return {};
        FD_ASSIGN(auto qty, Decimal::parse(row.text(1)));
        FD_ASSIGN(it->second.refundedQty, it->second.refundedQty.plus(qty));
        it->second.refundedDiscount += row.int64(2);
        it->second.refundedTax += row.int64(3);
        it->second.refundedGross += row.int64(4);
        return {};
    }));
    return sold;
}

Result<PaidSources> SaleHistory::paidSources(const std::string& saleId) {
    PaidSources src;
    std::map<std::string, std::int64_t> cardBack;
    std::int64_t cashRefunded = 0;
    FD_ASSIGN(auto* back, m_db.cached("SELECT t.method, t.original_ref, sum(t.amount_minor), sum(s.rounding_minor)"
                                      " FROM sale_tenders t JOIN sales s ON s.id = t.sale_id"
                                      " WHERE s.original_sale = ? GROUP BY t.method, t.original_ref"));
    back->bind(1, saleId);
    FD_TRY(back->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto method, parseTenderMethod(row.text(0)));
        if (method == TenderMethod::Card) {
            cardBack[row.text(1)] += row.int64(2);
        } else {
            // A refund's rounding comes from its cash part only.
            cashRefunded += row.int64(2);
            src.cashRefundedUnrounded += row.int64(2) - row.int64(3);
        }
        return {};
    }));
    FD_ASSIGN(auto* paid, m_db.cached("SELECT method, amount_minor - change_minor, terminal_ref FROM sale_tenders"
                                      " WHERE sale_id = ? ORDER BY tender_no"));
    paid->bind(1, saleId);
    FD_TRY(paid->forEachRow([&](const Statement& row) -> Status {
        FD_ASSIGN(auto method, parseTenderMethod(row.text(0)));
        if (method == TenderMethod::Card) {
            const std::string ref = row.text(2);
            src.cards.push_back({ref, row.int64(1) - cardBack[ref]});
        } else {
            src.cashLeft += row.int64(1);
        }
        return {};
    }));
    src.cashLeft -= cashRefunded;
    return src;
}

}  // namespace frontdesk::kiosk
