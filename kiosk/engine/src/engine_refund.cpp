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
        // Pieces come back whole: only what was sold by weight can be refunded in part of a unit.
        auto item = m_catalog.bySku(s.line.sku);
        const bool byWeight = item.ok() ? item->soldByWeight : !s.line.qty.isInteger();
        if (!byWeight && !want.qty.isInteger()) {
            return core::invalidArgument("line " + std::to_string(want.line) + " (" + s.line.name +
                                         ") is sold by the piece: refund quantity " + want.qty.toString() +
                                         " must be whole");
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
            FD_TRY(checkCurrency(*want.unitPrice));
            FD_TRY(validateUnitPrice(want.unitPrice->minor()));
            item.priceMinor = want.unitPrice->minor();
        }
        // Each item its own line at its own price: never merged into another.
        FD_TRY(cart.append(item, want.qty));
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

// What the original receipt was paid with, and what earlier refunds of it have paid back.
struct Engine::RefundSources {
    struct Card {
        std::string ref;
        std::int64_t left = 0;  // paid on this card minus refunded to it
    };
    std::vector<Card> cards;
    std::int64_t cashLeft = 0;             // cash taken (net of change) minus cash refunded
    std::int64_t cashRefundedUnrounded = 0;  // earlier cash refunds before their cash rounding
    std::int64_t cashRefunded = 0;
};

Result<Engine::RefundSources> Engine::refundSources(const std::string& originalSaleId) {
    RefundSources src;
    if (originalSaleId.empty()) return src;
    std::map<std::string, std::int64_t> cardBack;
    {
        FD_ASSIGN(auto* back, m_db.cached("SELECT t.method, t.original_ref, sum(t.amount_minor), sum(s.rounding_minor)"
                                          " FROM sale_tenders t JOIN sales s ON s.id = t.sale_id"
                                          " WHERE s.original_sale = ? GROUP BY t.method, t.original_ref"));
        back->bind(1, originalSaleId);
        for (;;) {
            FD_ASSIGN(bool row, back->step());
            if (!row) break;
            if (back->text(0) == "card") {
                cardBack[back->text(1)] += back->int64(2);
            } else {
                // A refund's rounding comes from its cash part only.
                src.cashRefunded += back->int64(2);
                src.cashRefundedUnrounded += back->int64(2) - back->int64(3);
            }
        }
    }
    FD_ASSIGN(auto* paid, m_db.cached("SELECT method, amount_minor - change_minor, terminal_ref FROM sale_tenders"
                                      " WHERE sale_id = ? ORDER BY tender_no"));
    paid->bind(1, originalSaleId);
    for (;;) {
        FD_ASSIGN(bool row, paid->step());
        if (!row) break;
        if (paid->text(0) == "card") {
            const std::string ref = paid->text(2);
            src.cards.push_back({ref, paid->int64(1) - cardBack[ref]});
        } else {
            src.cashLeft += paid->int64(1);
        }
    }
    src.cashLeft -= src.cashRefunded;
    return src;
}

Status Engine::payRefund(SaleRecord& record, const RefundRequest& request, const std::optional<Approval>& approval) {
    const std::string& method = request.method;
    if (method != "" && method != "cash" && method != "card") {
        return core::invalidArgument("refund method must be cash or card, not '" + method + "'");
    }
    if (method == "card" && record.originalSaleId.empty()) {
        return core::invalidArgument("a refund without a receipt is paid in cash");
    }
    FD_ASSIGN(auto src, refundSources(record.originalSaleId));
    // Back to each card up to what that card paid and has not had back, in the order paid.
    std::vector<std::pair<std::string, std::int64_t>> toCards;
    std::int64_t left = record.gross;
    if (method != "cash") {
        for (const auto& card : src.cards) {
            const std::int64_t part = std::min(left, std::max<std::int64_t>(card.left, 0));
            if (part > 0) toCards.emplace_back(card.ref, part);
            left -= part;
        }
        if (method == "card" && left > 0) {
            return core::invalidArgument(Money(left, m_settings.currency).toString() +
                                         " of this refund was not paid by card and cannot go back to one");
        }
    }
    // Cash is rounded on the running total of this receipt's cash refunds, so a receipt refunded
    // piece by piece never pays back more cash rounding than one refund of the whole would.
    const std::int64_t cash = left;
    std::int64_t cashOut = 0;
    if (cash > 0) {
        const Money before(src.cashRefundedUnrounded, m_settings.currency);
        const Money after(src.cashRefundedUnrounded + cash, m_settings.currency);
        cashOut = record.originalSaleId.empty() ? Money(cash, m_settings.currency).cashRounded().minor()
                                                : after.cashRounded().minor() - before.cashRounded().minor();
        record.rounding = cashOut - cash;
        // Cash beyond the cash this receipt took means paying a card sale out of the drawer.
        if (!record.originalSaleId.empty() && cashOut > src.cashLeft) {
            FD_ASSIGN(auto approver, authorize(Permission::RefundCardInCash, approval));
            if (!approver.empty() && approver != record.approvedBy) {
                record.approvedBy = record.approvedBy.empty() ? approver : record.approvedBy + "," + approver;
            }
        }
    }
    for (const auto& [ref, amount] : toCards) {
        auto card = m_payments.refund(Money(amount, m_settings.currency), ref, record.id);
        Status valid = card.ok() ? validateCardResult(*card) : card.status();
        if (!valid.ok()) {
            if (card.ok()) (void)m_payments.reverse(card->terminalRef);
            if (Status undone = reverseCardRefunds(record); !undone.ok()) return valid.withContext(undone.message());
            return valid;
        }
        RecordTender tender{"card", amount, 0, std::move(card).value(), ref};
        record.tenders.push_back(std::move(tender));
    }
    if (cashOut > 0) record.tenders.push_back({"cash", cashOut, 0, std::nullopt, {}});
    return {};
}

Status Engine::reverseCardRefunds(const SaleRecord& record) {
    Status all;
    for (const auto& t : record.tenders) {
        if (!t.card) continue;
        if (Status st = m_payments.reverse(t.card->terminalRef); !st.ok() && all.ok()) {
            all = st.withContext("card refund " + t.card->terminalRef + " could not be taken back; reconcile it at the "
                                 "payment terminal");
        }
    }
    return all;
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
    FD_TRY(payRefund(record, request, approval));
    auto committed = writeSaleRecord(m_db, m_outbox, m_settings.terminal, record, core::formatIso8601(m_clock.now()));
    if (!committed.ok()) {
        // The refund could not be recorded: take back any card refund so money and records agree.
        if (Status reversed = reverseCardRefunds(record); !reversed.ok()) {
            return committed.status().withContext(reversed.message());
        }
    }
    return committed;
}

}  // namespace frontdesk::kiosk
