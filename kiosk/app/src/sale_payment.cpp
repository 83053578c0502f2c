// Paying for the sale and completing it: cash, the card payment off the GUI thread, the commit.
#include "kiosk/app/sale_view_model.h"
#include "kiosk/receipts/receipt_documents.h"
#include "qt_text.h"

namespace frontdesk::kiosk::app {

bool SaleViewModel::tenderCash(const QString& amount) {
    if (refuseWhileBusy()) return false;
    auto cash = core::Money::parse(typedNumber(amount), m_till.settings().currency);
    if (!cash.ok()) return refuse(cash.status());
    if (!apply(m_till.checkout().tenderCash(*cash), tr("Cash taken"))) return false;
    if (!m_cardState.isEmpty() && m_cardState != QLatin1String("approved")) {
        m_cardState.clear();  // the customer paid another way: the card's refusal is over
        emit cardChanged();
    }
    return true;
}

bool SaleViewModel::tenderCard() {
    if (refuseWhileBusy()) return false;
    // Until the answer comes back, only the background thread touches the till: every other
    // action, here and in the other view models, is refused while busy().
    m_access.run(
        this, [](Till& till) { return till.checkout().tenderCard(); },
        [this](const core::Result<SaleState>& state) { cardAnswered(state); });
    m_cardState = QStringLiteral("present");
    emit cardChanged();
    say(tr("Present the card on the terminal: %1").arg(m_remaining), false);
    return true;
}

void SaleViewModel::cardAnswered(const core::Result<SaleState>& state) {
    if (state.ok()) {
        m_cardState = QStringLiteral("approved");
        const auto& card = state->tenders.empty() ? std::nullopt : state->tenders.back().card;
        apply(state,
              card ? tr("Card approved: %1 ending %2").arg(text(card->brand), text(card->last4)) : tr("Card approved"));
        emit cardChanged();
        return;
    }
    refuse(state.status());
    // What happened at the terminal, and what the cashier does next.
    switch (state.status().kind()) {
        case core::ErrorKind::Declined:
            m_cardState = QStringLiteral("declined");
            say(tr("%1. Ask for another card or another way to pay.").arg(engineText(state.status().message())), true);
            break;
        case core::ErrorKind::Cancelled:
            m_cardState = QStringLiteral("cancelled");
            say(tr("The card payment was cancelled on the terminal. Try again, or take another way to pay."), true);
            break;
        case core::ErrorKind::TimedOut:
            m_cardState = QStringLiteral("timeout");
            say(tr("The card terminal did not answer in time. Check its screen, then try the card again or take "
                   "another way to pay."),
                true);
            break;
        case core::ErrorKind::Unavailable:
            m_cardState = QStringLiteral("offline");
            say(tr("The card terminal cannot be reached: check that it is on and connected, or take cash."), true);
            break;
        default:  // refused before the terminal was asked (nothing due, no shift): the engine's words
            m_cardState.clear();
            break;
    }
    emit cardChanged();
}

bool SaleViewModel::complete() {
    if (refuseWhileBusy()) return false;
    auto done = m_till.checkout().complete();
    if (!done.ok()) return refuse(done.status());
    m_lastCommitted = std::move(done).value();
    m_lastReceipt = text(m_lastCommitted.receiptNo);
    // The receipt for the screen as well as for paper; too long for a QR code, it is paper only.
    receipts::ReceiptContext context = receipts::contextOf(m_till.settings(), receipts::ReceiptLanguage::English);
    if (const auto& user = m_till.session().user()) context.staffName = user->name;
    auto onScreen = receipts::receiptText(context, m_lastCommitted);
    m_receiptText = onScreen.ok() ? text(*onScreen) : QString();
    const QString change = m_change;
    const bool gaveChange = m_change != money(0);
    show(SaleState{});
    m_cardState.clear();
    emit cardChanged();
    say(gaveChange ? tr("Sale %1 saved. Change %2").arg(m_lastReceipt, change) : tr("Sale %1 saved").arg(m_lastReceipt),
        false);
    if (!m_paperReceipt && m_receiptText.isEmpty()) {
        say(m_message + ". " + tr("The receipt is too long for the screen: it prints"), false);
    }
    emit committed(m_lastReceipt);
    return true;
}

}  // namespace frontdesk::kiosk::app
