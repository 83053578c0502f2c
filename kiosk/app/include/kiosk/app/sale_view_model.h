#pragma once
// The sale screen's view model: what the cashier does to the sale in progress (scan, quantities,
// removing a line, cash and card tenders, completing it) goes to the engine's Checkout, and what
// comes back is shown: the cart (CartModel), the totals as the engine priced them, and a message
// in words a cashier understands, marked as an error when the engine refused. No rule of its own.
//
// GUI thread. The Till outlives it.

#include <QObject>
#include <QString>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/cart_model.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk::app {

class SaleViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(CartModel* cart READ cart CONSTANT)
    Q_PROPERTY(QString total READ total NOTIFY totalsChanged)          // "EUR 12.00"
    Q_PROPERTY(QString tax READ tax NOTIFY totalsChanged)              // "1.92"
    Q_PROPERTY(QString remaining READ remaining NOTIFY totalsChanged)  // still to pay, "0.00" when paid
    Q_PROPERTY(QString change READ change NOTIFY totalsChanged)        // change due, "0.00" when none
    Q_PROPERTY(bool paid READ paid NOTIFY totalsChanged)               // fully paid: complete() may commit
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(QString lastReceipt READ lastReceipt NOTIFY committed)

public:
    explicit SaleViewModel(Till& till, QObject* parent = nullptr);

    CartModel* cart() { return &m_cart; }
    QString total() const { return m_total; }
    QString tax() const { return m_tax; }
    QString remaining() const { return m_remaining; }
    QString change() const { return m_change; }
    bool paid() const { return m_paid; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }
    QString lastReceipt() const { return m_lastReceipt; }

    // Each returns whether the engine accepted it; the message says what happened either way.
    Q_INVOKABLE bool scan(const QString& code);
    Q_INVOKABLE bool setQuantity(int line, const QString& quantity);  // 1-based line, "2", "0.375"
    Q_INVOKABLE bool removeLine(int line);
    Q_INVOKABLE bool tenderCash(const QString& amount);  // "20.00"
    Q_INVOKABLE bool tenderCard();                       // what remains
    Q_INVOKABLE bool complete();                         // commits the paid sale

signals:
    void totalsChanged();
    void messageChanged();
    // The sale is committed (the receipt prints after this, never before).
    void committed(const QString& receipt);

private:
    bool apply(const core::Result<SaleState>& state, const QString& done);
    void show(const SaleState& state);
    void say(const QString& message, bool error);
    QString money(std::int64_t minor) const;

    Till& m_till;
    CartModel m_cart;
    QString m_total, m_tax, m_remaining, m_change, m_message, m_lastReceipt;
    bool m_paid = false, m_error = false;
};

}  // namespace frontdesk::kiosk::app
