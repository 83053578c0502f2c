// Checkout: park and resume, and the recovery of card payments a crash left behind.
#include "guards.h"
#include "kiosk/limits.h"
#include "kiosk/checkout.h"
#include "kiosk/json_text.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Status Checkout::recover() {
    FD_ASSIGN(auto orphans, m_cards.all());
    for (const auto& orphan : orphans) {
        // A terminal that cannot be reached now keeps the row, and the next start tries again.
        if (!m_payments.reverse(orphan.terminalRef).ok()) continue;
        auto forget = [&]() -> Status {
            FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
            FD_TRY(m_cards.forget(orphan.terminalRef));
            FD_TRY(m_ctx.audit.system(SystemAction::OrphanedCardReversed,
                                       {{"sale", orphan.saleId}, {"amount", orphan.amount},
                                        {"terminal_ref", orphan.terminalRef}}));
            return tx->commit();
        };
        // Not being able to write this down must not keep the till from starting: the row stays and
        // the next start reverses again, which is harmless because reverse() is idempotent.
        (void)forget();
    }
    return {};
}

Result<std::string> Checkout::park(const std::string& label) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt));
    if (m_cart.empty()) return core::failedPrecondition("nothing to park: the sale is empty");
    if (label.size() > kMaxLabelBytes) {
        return core::invalidArgument("a parked sale's label is longer than " + std::to_string(kMaxLabelBytes) + " bytes");
    }
    FD_TRY(requireEditable());
    const std::string id = m_saleId;
    FD_TRY(m_parked.put({id, label, actor.user.id, core::formatIso8601(m_ctx.clock.now())},
                        {jsonText(m_cart.toJson()), m_customer}));
    finishSale();
    return id;
}

// Prices may have changed while the sale was parked: it resumes at the catalog prices and tax
// rates of the sale it resumes into (lines with an approved override keep their price), as the
// price version it will be recorded with says.
Result<Cart> Checkout::repriceParked(const Cart& cart) {
    Cart repriced;
    for (const auto& line : cart.lines()) {
        auto current = lookup(m_catalog.bySku(line.item.sku));
        if (!current.ok() && current.status().kind() != core::ErrorKind::NotFound) return current.status();
        const Item item = current.ok() ? *current : line.item;
        FD_TRY(repriced.append(item, line.qty));
        const std::size_t index = repriced.lines().size() - 1;
        if (line.priceOverridden) FD_TRY(repriced.overridePrice(index, line.unitPriceMinor, line.overrideApprovedBy));
        if (line.discount.any()) FD_TRY(repriced.setLineDiscount(index, line.discount));
    }
    if (cart.cartDiscount().any()) FD_TRY(repriced.setCartDiscount(cart.cartDiscount()));
    FD_TRY(repriced.price(m_ctx.settings.currency, m_pricing->tax).status());
    return repriced;
}

Result<SaleState> Checkout::resumeInSale(const std::string& parkedId) {
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto parked, m_parked.cart(parkedId));
    const auto json = nlohmann::json::parse(parked.cartJson, nullptr, false);
    if (json.is_discarded()) return Status(core::ErrorKind::Corrupt, "parked sale " + parkedId + " is not valid JSON");
    FD_ASSIGN(auto parkedCart, Cart::fromJson(json));
    FD_ASSIGN(auto cart, repriceParked(parkedCart));
    FD_TRY(m_parked.remove(parkedId));
    FD_TRY(tx->commit());
    m_cart = std::move(cart);
    m_saleId = parkedId;
    // The parked sale's customer, unless it named none and one was said before resuming it.
    if (!parked.customer.empty()) m_customer = parked.customer;
    return state();
}

Result<SaleState> Checkout::resume(const std::string& parkedId) {
    FD_TRY(admit(m_ctx.session, &m_shifts, Permission::Sell, std::nullopt).status());
    if (!m_cart.empty()) return core::failedPrecondition("finish or park the current sale before resuming another");
    FD_TRY(beginSale());
    auto resumed = resumeInSale(parkedId);
    if (!resumed.ok()) endSale();
    return resumed;
}

Result<std::vector<ParkedSale>> Checkout::parked() {
    FD_TRY(m_ctx.session.requireUser().status());
    return m_parked.list();
}

}  // namespace frontdesk::kiosk
