// Checkout: the sale's life and its lines. Payment, completion and void are in
// checkout_payment.cpp; park, resume and crash recovery in checkout_park.cpp.
#include "kiosk/checkout.h"

#include "guards.h"
#include "kiosk/customer_ids.h"
#include "kiosk/json_text.h"
#include "kiosk/limits.h"
#include "kiosk/reception.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Result;
using core::Status;

Checkout::Checkout(const TillContext& context, const ShiftLedger& shifts, Catalog& catalog, PaymentAdapter& payments)
    : m_ctx(context),
      m_shifts(shifts),
      m_catalog(catalog),
      m_payments(payments),
      m_cards(context.db),
      m_parked(context.db),
      m_members(context.db) {}

Checkout::~Checkout() {
    if (m_pricing) m_ctx.boundary.end();
}

std::optional<std::int64_t> Checkout::priceVersion() const {
    if (!m_pricing) return std::nullopt;
    return m_pricing->priceVersion;
}

Status Checkout::beginSale() {
    if (m_pricing) return {};
    // Mark the boundary first: master data waits from here on, so the pricing read next is the
    // one every line of this sale is priced with.
    m_ctx.boundary.begin();
    auto pricing = loadPricing(m_ctx.db);
    if (!pricing.ok()) {
        m_ctx.boundary.end();
        return pricing.status();
    }
    m_pricing = *pricing;
    m_saleId = m_ctx.ids.next();
    return {};
}

void Checkout::endSale() {
    m_cart.clear();
    m_tenders.clear();
    m_rounding = 0;
    m_saleId.clear();
    m_reversed = nlohmann::json::array();
    if (m_pricing) {
        m_pricing.reset();
        m_ctx.boundary.end();
    }
}

void Checkout::finishSale() {
    endSale();
    m_customer = {};
    m_ageCheckedBy.clear();
}

Status Checkout::requireEditable() const {
    if (!m_tenders.empty())
        return core::failedPrecondition("payment has started: complete or void the sale to change it");
    return {};
}

Result<SaleState> Checkout::state() const {
    SaleState s;
    const auto& tax = m_pricing ? m_pricing->tax : m_ctx.settings.pricing.tax;
    FD_ASSIGN(s.totals, m_cart.price(m_ctx.settings.currency, tax));
    s.tenders = m_tenders;
    s.rounding = m_rounding;
    s.customer = m_customer;
    s.ageCheckedBy = m_ageCheckedBy;
    s.ageCheckNeeded = m_ageCheckedBy.empty() && firstAgeRestricted() != nullptr;
    for (const auto& t : m_tenders) {
        s.paid += t.amount - t.change;
        s.change += t.change;
    }
    s.remaining = s.totals.gross.minor() + s.rounding - s.paid;
    return s;
}

// An item read from the catalog during a sale must be of the version the sale is priced with.
// Master data applied through the SaleBoundary never changes it inside a sale; a writer that
// bypassed it (another process) is caught here rather than mixing two price lists in one sale.
Result<Item> Checkout::lookup(Result<Item> found) {
    FD_TRY(found.status());
    FD_ASSIGN(auto version, currentPriceVersion(m_ctx.db));
    if (version != m_pricing->priceVersion) {
        return core::failedPrecondition(
            "prices changed to version " + std::to_string(version) + " during this sale (priced at version " +
            std::to_string(m_pricing->priceVersion) + "): complete or void it; the next sale uses the new prices");
    }
    return found;
}

Result<SaleState> Checkout::applyCart(Cart candidate, std::optional<std::size_t> changedLine,
                                      const std::optional<Approved>& approved) {
    // Discounts and overrides were approved for the sale as it was. When someone who could not
    // have given them changes what is being bought, they come off again (the state shows it), so
    // an approval cannot be stretched over other goods or quantities.
    if (changedLine) {
        if (!m_ctx.session.userMay(Permission::CartDiscount)) candidate.dropCartDiscount();
        if (!m_ctx.session.userMay(Permission::LineDiscount)) candidate.dropLineDiscount(*changedLine);
        if (!m_ctx.session.userMay(Permission::PriceOverride)) candidate.dropPriceOverride(*changedLine);
    }
    if (!m_pricing) return core::failedPrecondition("no sale in progress");
    // Price the candidate first: a change that would overflow or break the totals is refused whole,
    // and so is one the till could not take payment for in one tender.
    FD_ASSIGN(auto totals, candidate.price(m_ctx.settings.currency, m_pricing->tax));
    if (totals.gross.minor() > kMaxAmountMinor) {
        return core::invalidArgument("a sale's total may not exceed " +
                                     core::Money(kMaxAmountMinor, m_ctx.settings.currency).toString() + ", not " +
                                     totals.gross.toString());
    }
    // An approval is recorded before it takes effect, and only for a change that does.
    if (approved) {
        FD_TRY(
            m_ctx.audit.approvalNow(approved->permission, approved->staff, approved->approver, {{"sale", m_saleId}}));
    }
    m_cart = std::move(candidate);
    return state();
}

Result<SaleState> Checkout::addItem(const std::optional<std::string>& barcode, const std::string& sku,
                                    const core::Decimal& qty) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    if (barcode && (barcode->empty() || barcode->size() > 64)) {
        return core::invalidArgument("barcode must be 1 to 64 characters");
    }
    FD_TRY(requireEditable());
    FD_TRY(beginSale());
    auto added = [&]() -> Result<SaleState> {
        FD_ASSIGN(auto item, lookup(barcode ? m_catalog.byBarcode(*barcode) : m_catalog.bySku(sku)));
        Cart candidate = m_cart;
        FD_TRY(candidate.add(item, qty));
        // The line that changed: the last one, or the one the scan merged into.
        std::size_t changed = candidate.lines().size() - 1;
        for (std::size_t i = 0; i < m_cart.lines().size(); ++i) {
            if (!(m_cart.lines()[i].qty == candidate.lines()[i].qty)) changed = i;
        }
        return applyCart(std::move(candidate), changed);
    }();
    if (m_cart.empty()) endSale();  // a first line that was refused opens no sale
    return added;
}

Result<SaleState> Checkout::scan(const std::string& barcode, const core::Decimal& qty) {
    return addItem(barcode, {}, qty);
}

Result<SaleState> Checkout::addSku(const std::string& sku, const core::Decimal& qty) {
    return addItem(std::nullopt, sku, qty);
}

Result<SaleState> Checkout::changeLines(std::size_t line, const std::function<Status(Cart&)>& change,
                                        bool lineRemoved) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    FD_TRY(requireEditable());
    Cart candidate = m_cart;
    FD_TRY(change(candidate));
    // After a removal no line is left to drop adjustments from; the sale discount still comes off
    // (an index past the end).
    const std::size_t changed = lineRemoved ? candidate.lines().size() : line - 1;
    auto result = applyCart(std::move(candidate), changed);
    if (m_cart.empty()) endSale();
    return result;
}

Result<SaleState> Checkout::setQty(std::size_t line, const core::Decimal& qty) {
    return changeLines(
        line, [&](Cart& cart) { return cart.setQty(line - 1, qty); }, false);
}

Result<SaleState> Checkout::removeLine(std::size_t line) {
    return changeLines(
        line, [&](Cart& cart) { return cart.remove(line - 1); }, true);
}

Result<SaleState> Checkout::lineDiscount(std::size_t line, Discount discount, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::LineDiscount, approval));
    FD_TRY(requireEditable());
    discount.approvedBy = actor.approver;
    Cart candidate = m_cart;
    FD_TRY(candidate.setLineDiscount(line - 1, std::move(discount)));
    std::optional<Approved> approved;
    if (!actor.approver.empty()) approved = Approved{Permission::LineDiscount, actor.user.id, actor.approver};
    return applyCart(std::move(candidate), std::nullopt, approved);
}

Result<SaleState> Checkout::cartDiscount(Discount discount, const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::CartDiscount, approval));
    FD_TRY(requireEditable());
    discount.approvedBy = actor.approver;
    Cart candidate = m_cart;
    FD_TRY(candidate.setCartDiscount(std::move(discount)));
    std::optional<Approved> approved;
    if (!actor.approver.empty()) approved = Approved{Permission::CartDiscount, actor.user.id, actor.approver};
    return applyCart(std::move(candidate), std::nullopt, approved);
}

Result<SaleState> Checkout::overridePrice(std::size_t line, const Money& unitPrice,
                                          const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::PriceOverride, approval));
    FD_TRY(checkEnteredAmount(unitPrice, m_ctx.settings.currency));
    FD_TRY(requireEditable());
    Cart candidate = m_cart;
    FD_TRY(candidate.overridePrice(line - 1, unitPrice.minor(), actor.approver));
    std::optional<Approved> approved;
    if (!actor.approver.empty()) approved = Approved{Permission::PriceOverride, actor.user.id, actor.approver};
    return applyCart(std::move(candidate), std::nullopt, approved);
}

Result<SaleState> Checkout::setCustomer(const std::function<Status(SaleCustomer&)>& change) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    SaleCustomer candidate = m_customer;
    FD_TRY(change(candidate));
    m_customer = std::move(candidate);
    return state();
}

Result<SaleState> Checkout::attachCustomer(const std::string& customerId) {
    return setCustomer([&](SaleCustomer& c) -> Status {
        FD_TRY(checkCustomerId(customerId));
        c.customer = customerId;
        return {};
    });
}

Result<SaleState> Checkout::attachMember(const std::string& membershipId) {
    return setCustomer([&](SaleCustomer& c) -> Status {
        FD_TRY(checkMembershipId(membershipId));
        c.member = membershipId;
        return {};
    });
}

Result<SaleState> Checkout::attachMemberCard(const std::string& card) {
    return setCustomer([&](SaleCustomer& c) -> Status {
        if (card.empty() || card.size() > Reception::kMaxCardBytes) {
            return core::invalidArgument("a member card is 1 to " + std::to_string(Reception::kMaxCardBytes) +
                                         " characters");
        }
        FD_ASSIGN(auto member, m_members.memberByCard(card));
        c.member = member.id;
        return {};
    });
}

Result<SaleState> Checkout::detachCustomer() {
    return setCustomer([](SaleCustomer& c) -> Status {
        c = {};
        return {};
    });
}

}  // namespace frontdesk::kiosk
