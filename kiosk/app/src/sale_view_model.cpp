#include "kiosk/app/sale_view_model.h"

namespace frontdesk::kiosk::app {

SaleViewModel::SaleViewModel(Till& till, QObject* parent) : QObject(parent), m_till(till) {
    show(SaleState{});
}

QString SaleViewModel::money(std::int64_t minor) const {
    return QString::fromStdString(core::Money(minor, m_till.settings().currency).displayAmount());
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
    m_remaining = money(std::max<std::int64_t>(state.remaining, 0));
    m_change = money(state.change);
    m_paid = !m_till.checkout().cart().empty() && state.remaining <= 0;
    emit totalsChanged();
}

bool SaleViewModel::apply(const core::Result<SaleState>& state, const QString& done) {
    if (!state.ok()) {
        say(QString::fromStdString(state.status().message()), true);
        return false;
    }
    show(*state);
    say(done, false);
    return true;
}

bool SaleViewModel::scan(const QString& code) {
    const auto state = m_till.checkout().scan(code.toStdString(), core::Decimal(1, 0));
    if (!state.ok()) return apply(state, {});
    const auto& lines = m_till.checkout().cart().lines();
    return apply(state, lines.empty() ? QString() : QString::fromStdString(lines.back().item.name));
}

bool SaleViewModel::setQuantity(int line, const QString& quantity) {
    auto qty = core::Decimal::parse(quantity.toStdString());
    if (!qty.ok()) {
        say(tr("Quantity '%1' is not a number").arg(quantity), true);
        return false;
    }
    return apply(m_till.checkout().setQty(static_cast<std::size_t>(std::max(line, 0)), *qty), {});
}

bool SaleViewModel::removeLine(int line) {
    return apply(m_till.checkout().removeLine(static_cast<std::size_t>(std::max(line, 0))), tr("Line removed"));
}

bool SaleViewModel::tenderCash(const QString& amount) {
    auto money = core::Money::parse(amount.toStdString(), m_till.settings().currency);
    if (!money.ok()) {
        say(QString::fromStdString(money.status().message()), true);
        return false;
    }
    return apply(m_till.checkout().tenderCash(*money), tr("Cash taken"));
}

bool SaleViewModel::tenderCard() {
    return apply(m_till.checkout().tenderCard(), tr("Card approved"));
}

bool SaleViewModel::complete() {
    auto done = m_till.checkout().complete();
    if (!done.ok()) {
        say(QString::fromStdString(done.status().message()), true);
        return false;
    }
    m_lastReceipt = QString::fromStdString(done->receiptNo);
    show(SaleState{});
    say(tr("Sale %1 saved").arg(m_lastReceipt), false);
    emit committed(m_lastReceipt);
    return true;
}

}  // namespace frontdesk::kiosk::app
