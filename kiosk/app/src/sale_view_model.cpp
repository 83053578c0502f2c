// The sale being built: lines, discounts, overrides, approvals, park, resume and void.
// Payment and completion are in sale_payment.cpp.
#include "kiosk/app/sale_view_model.h"

#include "kiosk/app/quick_cash.h"
#include "qt_text.h"

namespace frontdesk::kiosk::app {

SaleViewModel::SaleViewModel(TillAccess& access, QObject* parent)
    : QObject(parent), m_access(access), m_till(access.till()), m_approval(access) {
    connect(&m_access, &TillAccess::busyChanged, this, &SaleViewModel::busyChanged);
    connect(&m_approval, &PendingApproval::cancelled, this,
            [this] { say(tr("Not approved: nothing changed"), false); });
    show(SaleState{});
}

QString SaleViewModel::money(std::int64_t minor) const {
    return amountText(minor, m_till.settings().currency);
}

void SaleViewModel::say(const QString& message, bool error) {
    m_message = message;
    m_error = error;
    emit messageChanged();
}

void SaleViewModel::show(const SaleState& state) {
    const core::Currency& currency = m_till.settings().currency;
    m_cart.update(m_till.checkout().cart(), state, currency);
    const std::int64_t due = state.totals.gross.minor() + state.rounding;
    m_total = QString::fromLatin1(currency.codeView().data(), static_cast<int>(currency.codeView().size())) + " " +
              money(due);
    m_tax = money(state.totals.tax.minor());
    m_paidSoFar = money(state.paid);
    m_remaining = money(std::max<std::int64_t>(state.remaining, 0));
    m_change = money(state.change);
    m_paid = !m_till.checkout().cart().empty() && state.remaining <= 0;
    m_tendered = !state.tenders.empty();
    m_ageCheckNeeded = state.ageCheckNeeded;
    m_quickAmounts.clear();
    for (const core::Money& amount : quickCashAmounts(core::Money(state.remaining, currency))) {
        m_quickAmounts << text(amount.displayAmount());
    }
    emit totalsChanged();
}

bool SaleViewModel::refuse(const core::Status& status) {
    say(engineText(status.message()), true);
    return false;
}

bool SaleViewModel::apply(const core::Result<SaleState>& state, const QString& done) {
    if (!state.ok()) return refuse(state.status());
    show(*state);
    say(done, false);
    return true;
}

bool SaleViewModel::refuseWhileBusy() {
    if (!m_access.busy()) return false;
    say(m_access.busyRefusal(), true);
    return true;
}

bool SaleViewModel::withApproval(const QString& what, PendingApproval::Attempt attempt) {
    if (refuseWhileBusy()) return false;
    return m_approval.run(what, std::move(attempt));
}

bool SaleViewModel::approvedChange(const QString& what, const QString& done, Change change) {
    return withApproval(what, [this, done, change = std::move(change)](const std::optional<Approval>& approval) {
        auto state = change(approval);
        apply(state, done);
        return state.status();
    });
}

bool SaleViewModel::scan(const QString& code) {
    if (refuseWhileBusy()) return false;
    const auto state = m_till.checkout().scan(code.trimmed().toStdString(), core::Decimal(1, 0));
    if (!state.ok()) return apply(state, {});
    const auto& lines = m_till.checkout().cart().lines();
    return apply(state, lines.empty() ? QString() : text(lines.back().item.name));
}

bool SaleViewModel::addItem(const QString& sku) {
    if (refuseWhileBusy()) return false;
    const auto state = m_till.checkout().addSku(sku.toStdString(), core::Decimal::fromInt(1));
    if (!state.ok()) return apply(state, {});
    return apply(state, text(m_till.checkout().cart().lines().back().item.name));
}

bool SaleViewModel::setQuantity(int line, const QString& quantity) {
    if (refuseWhileBusy()) return false;
    auto qty = core::Decimal::parse(typedNumber(quantity));
    if (!qty.ok()) {
        say(tr("Quantity '%1' is not a number").arg(quantity), true);
        return false;
    }
    return apply(m_till.checkout().setQty(static_cast<std::size_t>(std::max(line, 0)), *qty), {});
}

bool SaleViewModel::removeLine(int line) {
    if (refuseWhileBusy()) return false;
    return apply(m_till.checkout().removeLine(static_cast<std::size_t>(std::max(line, 0))), tr("Line removed"));
}

core::Result<Discount> SaleViewModel::parseDiscount(const QString& typed) const {
    QString value = text(typedNumber(typed)).trimmed();
    const bool percent = value.endsWith(QLatin1Char('%')) || value.endsWith(QChar(0x066A));  // % or ٪
    if (percent) value = value.chopped(1).trimmed();
    if (value.isEmpty())
        return core::invalidArgument(
            tr("Type the discount first: an amount like 1.50 or a percentage like 10%").toStdString());
    return Discount::make(percent ? std::string() : value.toStdString(), percent ? value.toStdString() : std::string(),
                          m_till.settings().currency);
}

bool SaleViewModel::discountLine(int line, const QString& typed) {
    auto discount = parseDiscount(typed);
    if (!discount.ok()) return refuse(discount.status());
    const auto at = static_cast<std::size_t>(std::max(line, 0));
    return approvedChange(tr("A discount on line %1").arg(line), tr("Discount given"),
                          [this, at, d = *discount](const std::optional<Approval>& approval) {
                              return m_till.checkout().lineDiscount(at, d, approval);
                          });
}

bool SaleViewModel::discountSale(const QString& typed) {
    auto discount = parseDiscount(typed);
    if (!discount.ok()) return refuse(discount.status());
    return approvedChange(tr("A discount on the sale"), tr("Discount given"),
                          [this, d = *discount](const std::optional<Approval>& approval) {
                              return m_till.checkout().cartDiscount(d, approval);
                          });
}

bool SaleViewModel::overridePrice(int line, const QString& unitPrice) {
    auto price = core::Money::parse(typedNumber(unitPrice), m_till.settings().currency);
    if (!price.ok()) {
        say(tr("Price '%1': %2").arg(unitPrice, engineText(price.status().message())), true);
        return false;
    }
    const auto at = static_cast<std::size_t>(std::max(line, 0));
    return approvedChange(tr("A new price on line %1").arg(line), tr("Price changed"),
                          [this, at, p = *price](const std::optional<Approval>& approval) {
                              return m_till.checkout().overridePrice(at, p, approval);
                          });
}

bool SaleViewModel::park(const QString& label) {
    if (refuseWhileBusy()) return false;
    auto parked = m_till.checkout().park(label.trimmed().toStdString());
    if (!parked.ok()) return refuse(parked.status());
    show(SaleState{});
    say(tr("Sale parked"), false);
    return true;
}

QVariantList SaleViewModel::parkedSales() {
    QVariantList list;
    auto parked = m_till.checkout().parked();
    if (!parked.ok()) {
        say(engineText(parked.status().message()), true);
        return list;
    }
    for (const ParkedSale& p : *parked) {
        list.append(QVariantMap{
            {"id", text(p.id)}, {"label", text(p.label)}, {"staff", text(p.staff)}, {"at", text(p.parkedAt)}});
    }
    return list;
}

bool SaleViewModel::resume(const QString& parkedId) {
    if (refuseWhileBusy()) return false;
    return apply(m_till.checkout().resume(parkedId.toStdString()), tr("Sale resumed"));
}

bool SaleViewModel::abandon() {
    if (refuseWhileBusy()) return false;
    auto voided = m_till.checkout().abandon();
    if (!voided.ok()) return refuse(voided.status());
    show(SaleState{});
    say({}, false);
    return true;
}

bool SaleViewModel::confirmAge() {
    return approvedChange(
        tr("Confirming the customer's age"), tr("Age confirmed"),
        [this](const std::optional<Approval>& approval) { return m_till.checkout().confirmAge(approval); });
}

bool SaleViewModel::voidSale(const QString& reason) {
    const std::string why = reason.trimmed().toStdString();
    return withApproval(tr("Voiding the sale"), [this, why](const std::optional<Approval>& approval) {
        auto voided = m_till.checkout().voidSale(why, approval);
        if (!voided.ok()) {
            refuse(voided.status());
            return voided.status();
        }
        show(SaleState{});
        say(tr("Sale voided"), false);
        return core::Status::okStatus();
    });
}

}  // namespace frontdesk::kiosk::app
