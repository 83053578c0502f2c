// Checkout: tender, completion and void.
#include "guards.h"
#include "kiosk/checkout.h"
#include "kiosk/limits.h"
#include "sale_writer.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Result;
using core::Status;

namespace {

// Who approved a line's override and discount: "s1", or "s1,m1" when two people did.
std::string lineApprovers(const CartLine& line) {
    const std::string& a = line.overrideApprovedBy;
    const std::string& b = line.discount.approvedBy;
    if (a.empty() || a == b) return b;
    return b.empty() ? a : a + "," + b;
}

}  // namespace

const CartLine* Checkout::firstAgeRestricted() const {
    for (const auto& line : m_cart.lines()) {
        if (line.item.ageRestricted) return &line;
    }
    return nullptr;
}

Status Checkout::requireAgeChecked() const {
    if (!m_ageCheckedBy.empty()) return {};
    if (const CartLine* line = firstAgeRestricted()) {
        return core::failedPrecondition(line->item.name +
                                        " is age-restricted: a member of staff must confirm the "
                                        "customer's age before payment");
    }
    return {};
}

Result<SaleState> Checkout::confirmAge(const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::AgeCheck, approval));
    if (firstAgeRestricted() == nullptr) return core::failedPrecondition("nothing in this sale is age-restricted");
    const std::string confirmedBy = actor.approver.empty() ? actor.user.id : actor.approver;
    FD_TRY(m_ctx.audit.approvalNow(Permission::AgeCheck, actor.user.id, confirmedBy, {{"sale", m_saleId}}));
    m_ageCheckedBy = confirmedBy;
    return state();
}

Result<SaleState> Checkout::tenderCash(const Money& amount) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    const core::Currency& currency = m_ctx.settings.currency;
    FD_TRY(checkEnteredAmount(amount, currency));
    if (!amount.isPositive()) return core::invalidArgument("cash tendered must be positive");
    // Cash finer than the currency's cash step (single Rappen in CHF) cannot be handed over;
    // accepting it would record a sale paid above its due with neither change nor rounding.
    if (amount.minor() % currency.cashIncrement != 0) {
        return core::invalidArgument("cash comes in steps of " + Money(currency.cashIncrement, currency).toString() +
                                     ", not " + amount.toString());
    }
    if (m_cart.empty()) return core::failedPrecondition("nothing to pay: the sale is empty");
    FD_TRY(requireAgeChecked());
    FD_ASSIGN(auto s, state());
    if (s.remaining <= 0) return core::failedPrecondition("the sale is paid: complete it");
    const Money remaining(s.remaining, currency);
    // Cash settles to the currency's cash step (CHF 0.05); the difference is recorded as rounding.
    const Money cashDue = remaining.cashRounded();
    RecordTender tender{TenderMethod::Cash, amount.minor(), 0, std::nullopt, {}};
    if (amount >= cashDue) {
        m_rounding += (cashDue - remaining).minor();
        tender.change = (amount - cashDue).minor();
    }
    m_tenders.push_back(tender);
    return state();
}

Result<SaleState> Checkout::tenderCard(const std::optional<Money>& requested) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    if (m_cart.empty()) return core::failedPrecondition("nothing to pay: the sale is empty");
    FD_TRY(requireAgeChecked());
    FD_ASSIGN(auto s, state());
    if (s.remaining <= 0) return core::failedPrecondition("the sale is paid: complete it");
    const Money remaining(s.remaining, m_ctx.settings.currency);
    const Money amount = requested.value_or(remaining);
    FD_TRY(checkEnteredAmount(amount, m_ctx.settings.currency));
    if (!amount.isPositive()) return core::invalidArgument("card amount must be positive");
    if (amount > remaining) {
        return core::invalidArgument("card amount " + amount.toString() + " is more than the " + remaining.toString() +
                                     " still due");
    }
    FD_ASSIGN(auto card, m_payments.authorize(amount, m_saleId));
    if (Status valid = validateCardResult(card); !valid.ok()) {
        (void)m_payments.reverse(card.terminalRef);
        return valid;
    }
    // Journal the approval before anything else: if the till dies before the sale completes, the
    // next start finds it and reverses it instead of leaving the customer charged for nothing.
    if (Status st = m_cards.record(m_saleId, amount.minor(), card, core::formatIso8601(m_ctx.clock.now())); !st.ok()) {
        (void)m_payments.reverse(card.terminalRef);
        return st.withContext("the card payment was reversed because it could not be recorded");
    }
    m_tenders.push_back({TenderMethod::Card, amount.minor(), 0, std::move(card), {}});
    return state();
}

Result<SaleRecord> Checkout::buildRecord(const SaleState& s, const std::string& staff, const std::string& shift) const {
    SaleRecord record;
    record.id = m_saleId;
    record.shiftId = shift;
    record.staff = staff;
    record.approvedBy = m_cart.cartDiscount().approvedBy;
    record.currency = std::string(m_ctx.settings.currency.codeView());
    record.priceVersion = m_pricing->priceVersion;
    record.net = s.totals.net.minor();
    record.tax = s.totals.tax.minor();
    record.gross = s.totals.gross.minor();
    record.discount = s.totals.discount.minor();
    record.rounding = s.rounding;
    for (std::size_t i = 0; i < m_cart.lines().size(); ++i) {
        const auto& line = m_cart.lines()[i];
        const auto& priced = s.totals.lines[i];
        record.lines.push_back({line.item.sku, line.item.name, line.qty, line.unitPriceMinor,
                                priced.lineDiscountMinor + priced.cartDiscountMinor, line.item.taxCode,
                                line.item.taxRate, priced.amounts.net.minor(), priced.amounts.tax.minor(),
                                priced.amounts.gross.minor(), std::nullopt, lineApprovers(line)});
    }
    for (const auto& rate : s.totals.byRate) {
        record.byRate.push_back(
            {rate.taxCode, rate.ratePercent, rate.net.minor(), rate.tax.minor(), rate.gross.minor()});
    }
    record.tenders = m_tenders;
    record.customer = m_customer;
    record.ageCheckedBy = m_ageCheckedBy;
    return record;
}

Result<Committed> Checkout::complete() {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt));
    if (m_cart.empty()) return core::failedPrecondition("nothing to complete: the sale is empty");
    FD_TRY(requireAgeChecked());
    FD_ASSIGN(auto s, state());
    if (s.remaining > 0) {
        return core::failedPrecondition(Money(s.remaining, m_ctx.settings.currency).toString() + " is still due");
    }
    FD_ASSIGN(auto record, buildRecord(s, actor.user.id, actor.shift));
    // On failure (disk full, read-only) nothing was written and the sale stays here to retry.
    // The sale now records its card payments: they leave the journal in the same transaction.
    FD_ASSIGN(auto committed,
              commitSaleRecord(m_ctx.db, m_ctx.outbox, m_ctx.settings.terminal, record,
                               core::formatIso8601(m_ctx.clock.now()), [&] { return m_cards.settle(record.id); }));
    finishSale();
    return committed;
}

// Gives card money back before the sale is forgotten; a failed reversal keeps the sale open.
// What was reversed is remembered until the void commits, so a retried void still reports it.
Status Checkout::reverseCardTenders() {
    for (auto it = m_tenders.begin(); it != m_tenders.end();) {
        if (!it->card) {
            ++it;
            continue;
        }
        if (Status st = m_payments.reverse(it->card->terminalRef); !st.ok()) {
            return st.withContext("card payment " + it->card->terminalRef +
                                  " could not be reversed; the sale stays open");
        }
        m_reversed.push_back({{"amount", it->amount}, {"terminal_ref", it->card->terminalRef}});
        // If this fails the row stays and the next start reverses again, which is harmless:
        // reverse() is idempotent.
        (void)m_cards.forget(it->card->terminalRef);
        it = m_tenders.erase(it);
    }
    return {};
}

Result<OutboxEvent> Checkout::voidSale(const std::string& reason, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::VoidSale, approval));
    return voidAs(actor, reason);
}

Result<OutboxEvent> Checkout::abandon() {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt));
    if (!m_ctx.session.unattended()) {
        return core::failedPrecondition("only a self-service till abandons a sale; a member of staff voids it");
    }
    return voidAs(actor, kAbandonedReason);
}

Result<OutboxEvent> Checkout::voidAs(const Actor& actor, const std::string& reason) {
    if (m_cart.empty() && m_tenders.empty()) return core::failedPrecondition("no sale in progress to void");
    FD_TRY(checkText(reason, "a void's reason", kMaxReasonBytes));
    FD_ASSIGN(auto s, state());
    FD_TRY(reverseCardTenders());
    const VoidRecord record{
        m_saleId,        actor.shift, reason, actor.approver, Money(s.totals.gross.minor(), m_ctx.settings.currency),
        m_cart.toJson(), m_reversed};
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto* stmt, m_ctx.db.cached("INSERT INTO voided_sales (id, shift_id, staff, approved_by, at, reason,"
                                          " gross_minor, lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(m_saleId, actor.shift, actor.user.id, actor.approver, core::formatIso8601(m_ctx.clock.now()),
                         reason, s.totals.gross.minor(), static_cast<std::int64_t>(m_cart.lines().size()))
               .run());
    if (!actor.approver.empty()) {
        FD_TRY(m_ctx.audit.approval(Permission::VoidSale, actor.user.id, actor.approver, {{"sale", m_saleId}}));
    }
    FD_ASSIGN(auto event, m_ctx.outbox.append(EventType::SaleVoided, actor.user.id, m_saleId, voidPayload(record)));
    FD_TRY(tx->commit());
    finishSale();
    return event;
}

}  // namespace frontdesk::kiosk
