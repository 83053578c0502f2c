#include "kiosk/refunds.h"

#include <set>

#include "guards.h"
#include "kiosk/cart.h"
#include "kiosk/customer_ids.h"
#include "kiosk/limits.h"
#include "sale_writer.h"

namespace frontdesk::kiosk {

using core::Decimal;
using core::Int128;
using core::Money;
using core::Result;
using core::Status;

namespace {

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

// The approvals a refund used, written to the audit log in the refund's own transaction.
struct Refunds::Approvals {
    std::string staff;
    std::vector<std::pair<Permission, std::string>> used;
};

Result<RecordLine> Refunds::refundLine(const RefundLine& want, const SoldLine& s) {
    const std::string which = "line " + std::to_string(want.line);
    if (want.qty.isZero() || want.qty.isNegative() || want.qty.scale() > kMaxQuantityDecimals) {
        return core::invalidArgument("refund quantity for " + which + " must be positive with at most " +
                                     std::to_string(kMaxQuantityDecimals) + " decimals");
    }
    // Pieces come back whole: only what was sold by weight can be refunded in part of a unit.
    auto item = m_catalog.bySku(s.line.sku);
    const bool byWeight = item.ok() ? item->soldByWeight : !s.line.qty.isInteger();
    if (!byWeight && !want.qty.isInteger()) {
        return core::invalidArgument(which + " (" + s.line.name + ") is sold by the piece: refund quantity " +
                                     want.qty.toString() + " must be whole");
    }
    FD_ASSIGN(auto left, s.line.qty.minus(s.refundedQty));
    if (want.qty > left) {
        return core::invalidArgument(which + " (" + s.line.name + "): only " + left.toString() + " of " +
                                     s.line.qty.toString() + " left to refund, not " + want.qty.toString());
    }
    RecordLine line = s.line;
    line.qty = want.qty;
    line.originalLine = want.line;
    // Each amount is the line's share for everything refunded so far, less what earlier refunds
    // returned: refunds of a line never sum past it (not even by a rounding unit), and the last
    // returns exactly what is left.
    FD_ASSIGN(auto upTo, s.refundedQty.plus(want.qty));
    line.gross = proportion(s.line.gross, upTo, s.line.qty) - s.refundedGross;
    line.tax = proportion(s.line.tax, upTo, s.line.qty) - s.refundedTax;
    line.net = line.gross - line.tax;
    line.discount = proportion(s.line.discount, upTo, s.line.qty) - s.refundedDiscount;
    return line;
}

Result<SaleRecord> Refunds::fromReceipt(const RefundRequest& request) {
    if (request.lines.empty()) return core::invalidArgument("name the receipt lines to refund");
    FD_ASSIGN(auto original, m_history.byReceipt(request.receipt));
    if (original.kind != SaleKind::Sale) {
        return core::invalidArgument("receipt " + request.receipt + " is a refund, not a sale");
    }
    if (original.currency != m_ctx.settings.currency.codeView()) {
        return core::invalidArgument("receipt " + request.receipt + " was paid in " + original.currency);
    }
    SaleRecord record;
    record.kind = SaleKind::Refund;
    record.originalReceipt = request.receipt;
    record.originalSaleId = original.id;
    record.currency = original.currency;
    record.customer = original.customer;
    FD_ASSIGN(auto sold, m_history.lines(original.id));
    std::set<std::int64_t> seen;
    for (const auto& want : request.lines) {
        auto it = sold.find(want.line);
        if (it == sold.end()) {
            return core::invalidArgument("receipt " + request.receipt + " has no line " + std::to_string(want.line));
        }
        if (!seen.insert(want.line).second) {
            return core::invalidArgument("line " + std::to_string(want.line) + " is named twice");
        }
        FD_ASSIGN(auto line, refundLine(want, it->second));
        record.lines.push_back(std::move(line));
    }
    return record;
}

Result<SaleRecord> Refunds::withoutReceipt(const RefundRequest& request, const Pricing& pricing) {
    if (request.items.empty()) return core::invalidArgument("name the items to refund");
    FD_TRY(checkText(request.reason, "a refund without a receipt needs a reason, which", kMaxReasonBytes));
    Cart cart;
    for (const auto& want : request.items) {
        FD_ASSIGN(auto item, m_catalog.bySku(want.sku));
        if (want.unitPrice) {
            FD_TRY(checkEnteredAmount(*want.unitPrice, m_ctx.settings.currency));
            FD_TRY(validateUnitPrice(want.unitPrice->minor()));
            item.priceMinor = want.unitPrice->minor();
        }
        // Each item its own line at its own price: never merged into another.
        FD_TRY(cart.append(item, want.qty));
    }
    FD_ASSIGN(auto totals, cart.price(m_ctx.settings.currency, pricing.tax));
    SaleRecord record;
    record.kind = SaleKind::Refund;
    record.currency = std::string(m_ctx.settings.currency.codeView());
    for (std::size_t i = 0; i < cart.lines().size(); ++i) {
        const auto& l = cart.lines()[i];
        const auto& p = totals.lines[i].amounts;
        record.lines.push_back({l.item.sku, l.item.name, l.qty, l.unitPriceMinor, 0, l.item.taxCode, l.item.taxRate,
                                p.net.minor(), p.tax.minor(), p.gross.minor(), std::nullopt, {}});
    }
    return record;
}

// The approval a refund needs beyond its own: noted on the record and audited with it.
Status Refunds::approve(Permission permission, const std::optional<Approval>& approval, SaleRecord& record,
                        Approvals& approvals) {
    FD_ASSIGN(auto user, m_ctx.session.requireUser());
    FD_ASSIGN(auto approver, m_ctx.session.authorize(user, permission, approval));
    if (approver.empty()) return {};
    approvals.used.emplace_back(permission, approver);
    if (approver != record.approvedBy && record.approvedBy.find(approver) == std::string::npos) {
        record.approvedBy = record.approvedBy.empty() ? approver : record.approvedBy + "," + approver;
    }
    return {};
}

Status Refunds::pay(SaleRecord& record, const RefundRequest& request, const std::optional<Approval>& approval,
                    Approvals& approvals) {
    const auto& method = request.method;
    const core::Currency& currency = m_ctx.settings.currency;
    if (method == TenderMethod::Card && record.originalSaleId.empty()) {
        return core::invalidArgument("a refund without a receipt is paid in cash");
    }
    PaidSources src;
    if (!record.originalSaleId.empty()) {
        FD_ASSIGN(src, m_history.paidSources(record.originalSaleId));
    }
    // Back to each card up to what that card paid and has not had back, in the order paid.
    std::vector<std::pair<std::string, std::int64_t>> toCards;
    std::int64_t left = record.gross;
    if (method != TenderMethod::Cash) {
        for (const auto& card : src.cards) {
            const std::int64_t part = std::min(left, std::max<std::int64_t>(card.left, 0));
            if (part > 0) toCards.emplace_back(card.ref, part);
            left -= part;
        }
        if (method == TenderMethod::Card && left > 0) {
            return core::invalidArgument(Money(left, currency).toString() +
                                         " of this refund was not paid by card and cannot go back to one");
        }
    }
    // Cash is rounded on the running total of this receipt's cash refunds, so a receipt refunded
    // piece by piece never pays back more cash rounding than one refund of the whole would.
    const std::int64_t cash = left;
    std::int64_t cashOut = 0;
    if (cash > 0) {
        const Money before(src.cashRefundedUnrounded, currency);
        const Money after(src.cashRefundedUnrounded + cash, currency);
        cashOut = record.originalSaleId.empty() ? Money(cash, currency).cashRounded().minor()
                                                : after.cashRounded().minor() - before.cashRounded().minor();
        record.rounding = cashOut - cash;
        // Cash beyond the cash this receipt took means paying a card sale out of the drawer.
        if (!record.originalSaleId.empty() && cashOut > src.cashLeft) {
            FD_TRY(approve(Permission::RefundCardInCash, approval, record, approvals));
        }
        // Cash the drawer does not hold cannot be handed over without a supervisor saying so.
        FD_ASSIGN(auto drawer, buildShiftReport(m_ctx.db, record.shiftId, record.currency));
        if (cashOut > drawer.expectedCash) {
            FD_TRY(approve(Permission::CashBeyondDrawer, approval, record, approvals));
        }
    }
    for (const auto& [ref, amount] : toCards) {
        auto card = m_payments.refund(Money(amount, currency), ref, record.id);
        Status valid = card.ok() ? validateCardResult(*card) : card.status();
        if (!valid.ok()) {
            if (card.ok()) (void)m_payments.reverse(card->terminalRef);
            if (Status undone = reverseCardRefunds(record); !undone.ok()) return valid.withContext(undone.message());
            return valid;
        }
        record.tenders.push_back({TenderMethod::Card, amount, 0, std::move(card).value(), ref});
    }
    if (cashOut > 0) record.tenders.push_back({TenderMethod::Cash, cashOut, 0, std::nullopt, {}});
    return {};
}

Status Refunds::reverseCardRefunds(const SaleRecord& record) {
    Status all;
    for (const auto& t : record.tenders) {
        if (!t.card) continue;
        if (Status st = m_payments.reverse(t.card->terminalRef); !st.ok() && all.ok()) {
            all = st.withContext("card refund " + t.card->terminalRef +
                                 " could not be taken back; reconcile it at the payment terminal");
        }
    }
    return all;
}

Result<Committed> Refunds::refund(const RefundRequest& request, const std::optional<Approval>& approval) {
    const bool withReceipt = !request.receipt.empty();
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts,
                                withReceipt ? Permission::Refund : Permission::RefundWithoutReceipt, approval));
    if (m_ctx.boundary.inSale()) {
        return core::failedPrecondition("a sale is in progress: complete, park or void it before a refund");
    }
    if (!request.reason.empty()) FD_TRY(checkText(request.reason, "a refund's reason", kMaxReasonBytes));
    FD_TRY(checkSaleCustomer(request.customer));
    // A refund is priced like a sale: with the pricing read once, and new master data waiting.
    m_ctx.boundary.begin();
    struct EndAtExit {
        SaleBoundary& boundary;
        ~EndAtExit() { boundary.end(); }
    } endAtExit{m_ctx.boundary};
    FD_ASSIGN(auto pricing, loadPricing(m_ctx.db));
    Approvals approvals{actor.user.id, {}};
    if (!actor.approver.empty()) {
        approvals.used.emplace_back(withReceipt ? Permission::Refund : Permission::RefundWithoutReceipt, actor.approver);
    }
    FD_ASSIGN(auto record, withReceipt ? fromReceipt(request) : withoutReceipt(request, pricing));
    record.id = m_ctx.ids.next();
    record.shiftId = actor.shift;
    record.staff = actor.user.id;
    record.approvedBy = actor.approver;
    record.reason = request.reason;
    record.priceVersion = pricing.priceVersion;
    if (!request.customer.empty()) record.customer = request.customer;
    for (const auto& line : record.lines) {
        record.net += line.net;
        record.tax += line.tax;
        record.gross += line.gross;
        record.discount += line.discount;
        addToRates(record.byRate, line);
    }
    if (!withReceipt) {
        FD_TRY(checkStoreLimit(core::Money(record.gross, m_ctx.settings.currency),
                               m_ctx.settings.limits.maxRefundWithoutReceiptMinor, "a refund without a receipt",
                               "max_refund_without_receipt"));
    }
    FD_TRY(pay(record, request, approval, approvals));
    auto audit = [&]() -> Status {
        for (const auto& [permission, approver] : approvals.used) {
            FD_TRY(m_ctx.audit.approval(permission, approvals.staff, approver, {{"sale", record.id}}));
        }
        return {};
    };
    auto committed = commitSaleRecord(m_ctx.db, m_ctx.outbox, m_ctx.settings.terminal, record,
                                      core::formatIso8601(m_ctx.clock.now()), audit);
    if (!committed.ok()) {
        // The refund could not be recorded: take back any card refund so money and records agree.
        if (Status reversed = reverseCardRefunds(record); !reversed.ok()) {
            return committed.status().withContext(reversed.message());
        }
    }
    return committed;
}

}  // namespace frontdesk::kiosk
