#pragma once
// The sale screen's view model: what the cashier does to the sale in progress goes to the engine's
// Checkout, and what comes back is shown: the cart (CartModel), the totals as the engine priced
// them, and a message in words a cashier understands, marked as an error when the engine refused.
// No rule of its own.
//
// - Building the sale: scan, quantity, remove, line and sale discounts, price overrides.
// - Approvals: when the cashier's role may not do something (a discount, a price override, a
//   void), the engine says so and the action waits in approval (PendingApproval) for a
//   supervisor's id and PIN.
// - Payment: cash (with quick amounts: the exact sum and the next round notes above it) and card.
//   A card payment blocks until the terminal answers, so it runs off the GUI thread (TillAccess);
//   meanwhile cardState is "present" and every other action is refused with "finish the card
//   payment first", so the till is never used from two threads. The answer becomes cardState
//   (approved, declined, cancelled, timeout, offline) and a message that says what to do next.
// - Complete: commits the paid sale; committed() follows, and printing after it.
// - Park, resume, void; a sale a self-service customer walked away from, abandoned.
// - Age-restricted items: ageCheckNeeded holds payment until a member of staff confirms the
//   customer's age (confirmAge, through the approval when the role or the unattended till needs
//   one).
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <optional>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/cart_model.h"
#include "kiosk/app/pending_approval.h"
#include "kiosk/app/till_access.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk::app {

class SaleViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(CartModel* cart READ cart CONSTANT)
    Q_PROPERTY(QString total READ total NOTIFY totalsChanged)                    // "EUR 12.00"
    Q_PROPERTY(QString tax READ tax NOTIFY totalsChanged)                        // "1.92"
    Q_PROPERTY(QString paidSoFar READ paidSoFar NOTIFY totalsChanged)            // tendered less change, "0.00"
    Q_PROPERTY(QString remaining READ remaining NOTIFY totalsChanged)            // still to pay, "0.00" when paid
    Q_PROPERTY(QString change READ change NOTIFY totalsChanged)                  // change due, "0.00" when none
    Q_PROPERTY(bool paid READ paid NOTIFY totalsChanged)                         // fully paid: complete() may commit
    Q_PROPERTY(bool empty READ empty NOTIFY totalsChanged)                       // no lines
    Q_PROPERTY(bool tendered READ tendered NOTIFY totalsChanged)                 // a payment is taken: lines are fixed
    Q_PROPERTY(QStringList quickAmounts READ quickAmounts NOTIFY totalsChanged)  // "12.34", "15.00", "20.00"
    Q_PROPERTY(bool ageCheckNeeded READ ageCheckNeeded NOTIFY totalsChanged)     // payment waits for staff
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QString lastReceipt READ lastReceipt NOTIFY committed)
    // The last sale's receipt as text for a QR code on the screen ("" when too long for one).
    Q_PROPERTY(QString receiptText READ receiptText NOTIFY committed)
    // Print the receipt on paper (true), or show it as a QR code only. Either way the drawer opens
    // when cash moved; a receipt too long for a QR code is printed all the same.
    Q_PROPERTY(bool paperReceipt READ paperReceipt WRITE setPaperReceipt NOTIFY paperReceiptChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)               // waiting for the card terminal
    Q_PROPERTY(QString cardState READ cardState NOTIFY cardChanged)  // "", present, approved, declined, ...
    Q_PROPERTY(PendingApproval* approval READ approval CONSTANT)

public:
    explicit SaleViewModel(TillAccess& access, QObject* parent = nullptr);

    CartModel* cart() { return &m_cart; }
    QString total() const { return m_total; }
    QString tax() const { return m_tax; }
    QString paidSoFar() const { return m_paidSoFar; }
    QString remaining() const { return m_remaining; }
    QString change() const { return m_change; }
    bool paid() const { return m_paid; }
    bool empty() const { return m_till.checkout().cart().empty(); }
    bool tendered() const { return m_tendered; }
    QStringList quickAmounts() const { return m_quickAmounts; }
    bool ageCheckNeeded() const { return m_ageCheckNeeded; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QString lastReceipt() const { return m_lastReceipt; }
    QString receiptText() const { return m_receiptText; }
    bool paperReceipt() const { return m_paperReceipt; }
    void setPaperReceipt(bool paper) {
        if (paper == m_paperReceipt) return;
        m_paperReceipt = paper;
        emit paperReceiptChanged();
    }
    // Whether the last sale's receipt goes on paper: asked for, or too long for the screen.
    bool printsLastReceipt() const { return m_paperReceipt || m_receiptText.isEmpty(); }
    bool busy() const { return m_access.busy(); }
    QString cardState() const { return m_cardState; }
    PendingApproval* approval() { return &m_approval; }
    // The sale last committed here (for its receipt); empty receiptNo before the first.
    const Committed& lastCommitted() const { return m_lastCommitted; }

    // Each returns whether the engine accepted it; the message says what happened either way.
    Q_INVOKABLE bool scan(const QString& code);
    // An item picked from the tiles (ItemBrowser) by its sku, one of it; a weighed item's weight is
    // then typed as the line's quantity.
    Q_INVOKABLE bool addItem(const QString& sku);
    Q_INVOKABLE bool setQuantity(int line, const QString& quantity);  // 1-based line, "2", "0.375"
    Q_INVOKABLE bool removeLine(int line);
    // A discount as typed: "1.50" off, or "10%".
    Q_INVOKABLE bool discountLine(int line, const QString& discount);
    Q_INVOKABLE bool discountSale(const QString& discount);
    Q_INVOKABLE bool overridePrice(int line, const QString& unitPrice);

    Q_INVOKABLE bool tenderCash(const QString& amount);  // "20.00"
    // Starts a card payment for what remains; false if it could not start. The answer comes as
    // cardChanged (and totalsChanged when approved).
    Q_INVOKABLE bool tenderCard();
    Q_INVOKABLE bool complete();  // commits the paid sale

    Q_INVOKABLE bool park(const QString& label);
    // [{id, label, staff, at}], oldest first.
    Q_INVOKABLE QVariantList parkedSales();
    Q_INVOKABLE bool resume(const QString& parkedId);
    Q_INVOKABLE bool voidSale(const QString& reason);
    // Self-service: the customer walked away; the sale is voided with no approval.
    Q_INVOKABLE bool abandon();
    Q_INVOKABLE bool confirmAge();

signals:
    void totalsChanged();
    void messageChanged();
    void busyChanged();
    void cardChanged();
    void paperReceiptChanged();
    // The sale is committed (the receipt prints after this, never before).
    void committed(const QString& receipt);

private:
    // Shows the engine's answer: the new state and `done`, or its refusal (remembered, for approvals).
    bool apply(const core::Result<SaleState>& state, const QString& done);
    bool refuse(const core::Status& status);
    core::Result<Discount> parseDiscount(const QString& typed) const;
    // Runs an action that may need a supervisor (PendingApproval::run), unless busy.
    bool withApproval(const QString& what, PendingApproval::Attempt attempt);
    // A change of the sale that may need a supervisor, shown with `done` once made.
    using Change = std::function<core::Result<SaleState>(const std::optional<Approval>&)>;
    bool approvedChange(const QString& what, const QString& done, Change change);
    bool refuseWhileBusy();
    void cardAnswered(const core::Result<SaleState>& state);
    void show(const SaleState& state);
    void say(const QString& message, bool error);
    QString money(std::int64_t minor) const;

    TillAccess& m_access;
    Till& m_till;
    CartModel m_cart;
    QString m_total, m_tax, m_paidSoFar, m_remaining, m_change, m_message, m_lastReceipt, m_cardState, m_receiptText;
    bool m_paperReceipt = true;
    QStringList m_quickAmounts;
    bool m_paid = false, m_tendered = false, m_error = false, m_ageCheckNeeded = false;
    PendingApproval m_approval;
    Committed m_lastCommitted;
};

}  // namespace frontdesk::kiosk::app
