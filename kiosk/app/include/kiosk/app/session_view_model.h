#pragma once
// Who is at the till: login by PIN or badge (a cashier switch is a login while someone is logged
// in: the sale in progress stays and completes under the new cashier), logout, and the lock after
// idle, which is a logout that keeps the sale. Wrong PINs, unknown badges and lockouts come back
// in the engine's words.
//
// Refused while a card payment waits (TillAccess::busy): the payment completes under the cashier
// who took it.
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <functional>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

class SessionViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY userChanged)
    Q_PROPERTY(QString staffName READ staffName NOTIFY userChanged)
    Q_PROPERTY(QString role READ role NOTIFY userChanged)  // "cashier", "supervisor", ...
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    explicit SessionViewModel(TillAccess& access, QObject* parent = nullptr)
        : QObject(parent), m_access(access), m_till(access.till()) {}

    bool loggedIn() const { return m_till.session().user().has_value(); }
    QString staffName() const;
    QString role() const;
    QString message() const { return m_message; }

    Q_INVOKABLE bool login(const QString& staffId, const QString& pin);
    Q_INVOKABLE bool loginBadge(const QString& badge);
    // A code the scanner read while the till is in use, which may be a staff badge: its holder logs
    // in (a quick cashier switch) or takes back a till handed to customers. NotABadge, saying
    // nothing, when no member of staff holds it: it is an item's or a booking's code.
    enum class BadgeUse { NotABadge, Accepted, Refused };
    BadgeUse useBadge(const QString& code);
    Q_INVOKABLE bool logout();
    // A member of staff takes back a till handed to customers (self-service), and is logged in.
    Q_INVOKABLE bool takeOver(const QString& staffId, const QString& pin);

signals:
    void userChanged();
    void messageChanged();

private:
    void say(const QString& message);
    // A member logged in by `authenticate` (their id and PIN checked), or its refusal in words.
    bool switchTo(const std::function<core::Result<StaffMember>()>& authenticate);
    bool refuseWhileBusy();
    TillAccess& m_access;
    Till& m_till;
    QString m_message;
};

}  // namespace frontdesk::kiosk::app
