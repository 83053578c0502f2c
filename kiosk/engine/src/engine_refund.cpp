// Engine: refunds against a receipt (never more than was sold and not yet refunded) and refunds
// without one (supervisor only, cash only, at catalog or stated price).
#include <map>
#include <set>

#include "kiosk/engine.h"

namespace frontdesk::kiosk {

using core::Decimal;
using core::Int128;
using core::Money;
using core::Result;
using core::Status;

namespace {

struct SoldLine {
    RecordLine line;
    Decimal refundedQty;
    std::int64_t refundedTax = 0, refundedGross = 0, refundedDiscount = 0;
};

// part x qty / sold, rounded half-up: the share of a line amount that a partial refund returns.
std::int64_t proportion(std::int64_t part, const Decimal& qty, const Decimal& sold) {
    const Int128 num = static_cast<Int128>(part) * qty.units() * core::pow10(sold.scale());
    const Int128 den = static_cast<Int128>(sold.units()) * core::pow10(qty.scale());
    return static_cast<std::int64_t>(core::divideRounded(num, den, core::RoundingMode::HalfUp));
}

void addToRates(std::vector<RecordRate>& rates, const RecordLine& line) {
    for (auto& rate : rates) {
        if (rate.taxCode == line.taxCode && rate.rate == line.taxRate) {
            rate.net += line.net;
            rate.tax += line.tax;
            rate.gross += line.gross;
            return;
        }
    }
    rates.push_back({line.taxCode, line.taxRate, line.net, line.tax, line.gross});
}

}  // namespace

Result<SaleRecord> Engine::refundRecordFromReceipt(const RefundRequest& request) {
    if (request.lines.empty()) return core::invalidArgument("name the receipt lines to refund");
    SaleRecord record;
    record.kind = "refund";
    record.originalReceipt = request.receipt;
    {
        FD_ASSIGN(auto* find, m_db.cached("SELECT id, kind, currency FROM sales WHERE receipt_no = ?"));
        find->bind(1, request.receipt);
        FD_ASSIGN(bool row, find->step());
        if (!row) return core::notFound("no receipt " + request.receipt + " on this terminal");
        record.originalSaleId = find->text(0);
        const std::string kind = find->text(1);
        record.currency = find->text(2);
        find->reset();
        if (kind != "sale") return core::invalidArgument("receipt " + request.receipt + " is a refund, not a sale");
        if (record.currency != m_settings.currency.codeView()) {
            return core::invalidArgument("receipt " + request.receipt + " was paid in " + record.currency);
        }
    }
    std::map<std::int64_t, SoldLine> sold;
    {
        FD_ASSIGN(auto* lines, m_db.cached("SELECT line_no, sku, name, qty, unit_price_minor, discount_minor, tax_code,"
                                           " tax_rate, net_minor, tax_minor, gross_minor FROM sale_lines WHERE sale_id = ?"));
        lines->bind(1, record.originalSaleId);
        for (;;) {
            FD_ASSIGN(bool row, lines->step());
            if (!row) break;
            SoldLine s;
            s.line.sku = lines->text(1);
            s.line.name = lines->text(2);
            FD_ASSIGN(s.line.qty, Decimal::parse(lines->text(3)));
            s.line.unitPrice = lines->int64(4);
            s.line.discount = lines->int64(5);
            s.line.taxCode = lines->text(6);
            FD_ASSIGN(s.line.taxRate, Decimal::parse(lines->text(7)));
            s.line.net = lines->int64(8);
            s.line.tax = lines->int64(9);
            s.line.gross = lines->int64(10);
            sold.emplace(lines->int64(0), std::move(s));
        }
    }
    {
        FD_ASSIGN(auto* done, m_db.cached("SELECT l.original_line, l.qty, l.discount_minor, l.tax_minor, l.gross_minor"
                                          " FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE s.original_sale = ?"));
        done->bind(1, record.originalSaleId);
        for (;;) {
            FD_ASSIGN(bool row, done->step());
            if (!row) break;
            auto it = sold.find(done->int64(0));
            if (it == sold.end()) continue;
            FD_ASSIGN(auto qty, Decimal::parse(done->text(1)));
            FD_ASSIGN(it->second.refundedQty, it->second.refundedQty.plus(qty));
            it->second.refundedDiscount += done->int64(2);
            it->second.refundedTax += done->int64(3);
            it->second.refundedGross += done->int64(4);
        }
    }
    std::set<std::int64_t> seen;
    for (const auto& want : request.lines) {
        auto it = sold.find(want.line);
        if (it == sold.end()) return core::invalidArgument("receipt " + request.receipt + " has no line " + std::to_string(want.line));
        if (!seen.insert(want.line).second) return core::invalidArgument("line " + std::to_string(want.line) + " is named twice");
        const SoldLine& s = it->second;
        if (want.qty.isZero() || want.qty.isNegative() || want.qty.scale() > 3) {
            return core::invalidArgument("refund quantity for line " + std::to_string(want.line) + " must be positive with at most 3 decimals");
        }
        FD_ASSIGN(auto left, s.line.qty.minus(s.refundedQty));
        if (want.qty > left) {
            return core::invalidArgument("line " + std::to_string(want.line) + " (" + s.line.name + "): only " +
                                         left.toString() + " of " + s.line.qty.toString() + " left to refund, not " +
                                         want.qty.toString());
        }
        RecordLine line = s.line;
        line.qty = want.qty;
        line.originalLine = want.line;
        // Each amount is the line's share for everything refunded so far, less what earlier refunds returned:
        // refunds of a line never sum past it (not even by a rounding unit), and the last returns exactly
        // what is left.
        FD_ASSIGN(auto upTo, s.refundedQty.plus(want.qty));
        line.gross = proportion(s.line.gross, upTo, s.line.qty) - s.refundedGross;
        line.tax = proportion(s.line.tax, upTo, s.line.qty) - s.refundedTax;
        line.net = line.gross - line.tax;
        line.discount = proportion(s.line.discount, upTo, s.line.qty) - s.refundedDiscount;
        record.lines.push_back(std::move(line));
    }
    return record;
}

Result<SaleRecord> Engine::refundRecordWithoutReceipt(const RefundRequest& request) {
    if (request.items.empty()) return core::invalidArgument("name the items to refund");
    if (request.reason.empty()) return core::invalidArgument("a refund without a receipt needs a reason");
    Cart cart;
    for (const auto& want : request.items) {
        FD_ASSIGN(auto item, m_catalog.bySku(want.sku));
        if (want.unitPrice) {
            FD_TRY(validateUnitPrice(*want.unitPrice));
            item.priceMinor = *want.unitPrice;
        }
        // Each item its own line: quantities are checked per line, not merged.
        FD_TRY(validateQuantity(item, want.qty));
        FD_TRY(cart.add(item, want.qty));
    }
    FD_ASSIGN(auto totals, cart.price(m_settings.currency, m_settings.tax));
    SaleRecord record;
    record.kind = "refund";
    record.currency = std::string(m_settings.currency.codeView());
    for (std::size_t i = 0; i < cart.lines().size(); ++i) {
        const auto& l = cart.lines()[i];
        const auto& p = totals.lines[i].amounts;
        record.lines.push_back({l.item.sku, l.item.name, l.qty, l.unitPriceMinor, 0, l.item.taxCode, l.item.taxRate,
                                p.net.minor(), p.tax.minor(), p.gross.minor(), std::nullopt, {}});
    }
    return record;
}

Status Engine::payRefund(SaleRecord& record, const std::string& method) {
    if (method != "" && method != "cash" && method != "card") {
        return core::invalidArgument("refund method must be cash or card, not '" + method + "'");
    }
    std::int64_t cardCap = 0;
    std::string originalRef;
    if (!record.originalSaleId.empty()) {
        FD_ASSIGN(auto* paid, m_db.cached("SELECT coalesce(sum(amount_minor), 0), min(terminal_ref) FROM sale_tenders"
                                          " WHERE sale_id = ? AND method = 'card'"));
        paid->bind(1, record.originalSaleId);
        FD_ASSIGN(bool row, paid->step());
        cardCap = row ? paid->int64(0) : 0;
        originalRef = row ? paid->text(1) : "";
        paid->reset();
        FD_ASSIGN(auto* back, m_db.cached("SELECT coalesce(sum(t.amount_minor), 0) FROM sale_tenders t"
                                          " JOIN sales s ON s.id = t.sale_id WHERE s.original_sale = ? AND t.method = 'card'"));
        back->bind(1, record.originalSaleId);
        FD_ASSIGN(bool backRow, back->step());
        cardCap -= backRow ? back->int64(0) : 0;
        back->reset();
    }
    std::int64_t toCard = 0;
    if (method == "card") {
        if (record.originalSaleId.empty()) return core::invalidArgument("a refund without a receipt is paid in cash");
        if (cardCap < record.gross) {
            return core::invalidArgument("only " + Money(cardCap, m_settings.currency).toString() +
                                         " of this receipt can go back to the card");
        }
        toCard = record.gross;
    } else if (method.empty()) {
        toCard = std::min(record.gross, std::max<std::int64_t>(cardCap, 0));  // original method first
    }
    if (toCard > 0) {
        FD_ASSIGN(auto card, m_payments.refund(Money(toCard, m_settings.currency), originalRef, record.id));
        FD_TRY(validateCardResult(card));
        record.tenders.push_back({"card", toCard, 0, std::move(card)});
    }
    const Money cash(record.gross - toCard, m_settings.currency);
    if (cash.isPositive()) {
        const Money paidOut = cash.cashRounded();
        record.rounding = (paidOut - cash).minor();
        record.tenders.push_back({"cash", paidOut.minor(), 0, std::nullopt});
    }
    return {};
}

Result<Committed> Engine::refund(const RefundRequest& request, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(requireShift());
    if (!m_cart.empty() || !m_tenders.empty()) {
        return core::failedPrecondition("a sale is in progress: complete, park or void it before a refund");
    }
    const bool withReceipt = !request.receipt.empty();
    FD_ASSIGN(auto approver, authorize(withReceipt ? Permission::Refund : Permission::RefundWithoutReceipt, approval));
    FD_ASSIGN(auto record, withReceipt ? refundRecordFromReceipt(request) : refundRecordWithoutReceipt(request));
    record.id = m_ids.next();
    record.shiftId = *m_shiftId;
    record.staff = user.id;
    record.approvedBy = approver;
    record.reason = request.reason;
    record.priceVersion = m_settings.priceVersion;
    for (const auto& line : record.lines) {
        record.net += line.net;
        record.tax += line.tax;
        record.gross += line.gross;
        record.discount += line.discount;
        addToRates(record.byRate, line);
    }
    FD_TRY(payRefund(record, request.method));
    auto committed = writeSaleRecord(m_db, m_outbox, m_settings.terminal, record, core::formatIso8601(m_clock.now()));
    if (!committed.ok()) {
        // The refund could not be recorded: take back any card refund so money and records agree.
        for (const auto& t : record.tenders) {
            if (t.card) (void)m_payments.reverse(t.card->terminalRef);
        }
    }
    return committed;
}

}  // namespace frontdesk::kiosk
