#pragma once
// The self-service till, as customers meet it. A member of staff logs in, opens the shift and
// hands the till over (start: the engine's unattended session, so the customer may scan, pay and
// check in, and everything else wants a member of staff's PIN). Then:
//
//   attract   the welcome screen: touch to start, or just scan an item; or check in
//   checkout  the cart, paid by card only; the receipt prints; then "thanks"
//   checkin   a booking's QR code or a member card, the decision shown large
//   thanks    the sale is saved: the receipt is printing
//
// Idle for a while (reset), the till goes back to attract and forgets the customer: a sale left
// unpaid is abandoned (voided, with no approval), the check-in's answer cleared. A card payment in
// progress is never interrupted. "Call staff" raises staffCalled until a member of staff comes; an
// age-restricted item calls them by itself. A member of staff takes the till back (takeOver) with
// their id and PIN or their badge, and is then logged in, at the staffed screens.
//
// GUI thread. The TillAccess and the view models it is given outlive it.

#include <QObject>
#include <QString>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/reception_view_model.h"
#include "kiosk/app/sale_view_model.h"
#include "kiosk/app/session_view_model.h"
#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

class SelfServiceViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(bool unattended READ unattended NOTIFY changed)
    Q_PROPERTY(QString stage READ stage NOTIFY changed)  // attract, checkout, checkin, thanks
    Q_PROPERTY(bool staffCalled READ staffCalled NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)  // for the member of staff handing over or taking back

public:
    SelfServiceViewModel(TillAccess& access, SessionViewModel& session, SaleViewModel& sale,
                         ReceptionViewModel& reception, QObject* parent = nullptr);

    bool unattended() const { return m_till.session().unattended(); }
    QString stage() const { return m_stage; }
    bool staffCalled() const { return m_staffCalled; }
    QString message() const { return m_message; }

    // The logged-in member hands the till to customers.
    Q_INVOKABLE bool start();
    Q_INVOKABLE void startCheckout();
    Q_INVOKABLE void startCheckIn();
    // A scanned code: at check-in a booking or member card, otherwise an item (which starts the
    // checkout from the welcome screen).
    Q_INVOKABLE bool scanned(const QString& code);
    // The card for what remains; once approved the sale completes by itself.
    Q_INVOKABLE bool payByCard();
    Q_INVOKABLE void callStaff();
    // Back to the welcome screen, the customer forgotten (see above). Returns false while a card
    // payment waits.
    Q_INVOKABLE bool reset();
    // A member of staff takes the till back, and is logged in.
    Q_INVOKABLE bool takeOver(const QString& staffId, const QString& pin);
    // A scanned code that may be a member of staff's badge: they take the till back. NotABadge,
    // doing nothing, for any other code.
    SessionViewModel::BadgeUse takeOverByBadge(const QString& code);

signals:
    void changed();

private:
    void setStage(const QString& stage);
    bool handedOver(const QString& refusal);
    void cardAnswered();

    TillAccess& m_access;
    Till& m_till;
    SessionViewModel& m_session;
    SaleViewModel& m_sale;
    ReceptionViewModel& m_reception;
    QString m_stage = QStringLiteral("attract");
    QString m_message;
    bool m_staffCalled = false;
    bool m_calledForAge = false;  // the call was the age check's, answered by its confirmation
};

}  // namespace frontdesk::kiosk::app
