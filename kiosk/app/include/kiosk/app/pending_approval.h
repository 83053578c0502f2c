#pragma once
// An action waiting for a supervisor: a discount, a price override, a void or a paid-out that the
// logged-in member's role may not do alone. The view model runs the action through run(); when
// the engine refuses it for want of permission, it waits here (request says what it is) until a
// supervisor gives their id and PIN or badge (approve(): the action is repeated with their approval) or
// the cashier cancels. A wrong PIN, a lockout or an approver whose role may not do it either keeps
// it waiting, with the engine's reason in message; any other refusal ends it.
//
// One approval dialog serves every view model: it binds to their PendingApproval.
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include <QtQml/qqmlregistration.h>

#include "core/status.h"
#include "kiosk/app/till_access.h"
#include "kiosk/staff.h"

namespace frontdesk::kiosk::app {

class PendingApproval : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the view models")
    Q_PROPERTY(bool waiting READ waiting NOTIFY changed)
    Q_PROPERTY(QString request READ request NOTIFY changed)  // "A discount on line 1"
    Q_PROPERTY(QString message READ message NOTIFY changed)  // why the last approval failed

public:
    // Makes the attempt, with the approval when one is given, and shows its outcome; returns the
    // engine's status.
    using Attempt = std::function<core::Status(const std::optional<Approval>&)>;

    explicit PendingApproval(TillAccess& access, QObject* parent = nullptr) : QObject(parent), m_access(access) {}

    bool waiting() const { return static_cast<bool>(m_attempt); }
    QString request() const { return m_request; }
    QString message() const { return m_message; }

    // Attempts without approval; a refusal for want of permission waits. Replaces anything still
    // waiting (the cashier moved on). Returns whether it was done now.
    bool run(const QString& what, Attempt attempt);
    Q_INVOKABLE bool approve(const QString& staffId, const QString& pin);
    // The approver's badge, read by the scanner while the dialog waits.
    bool approveBadge(const QString& badge);
    Q_INVOKABLE void cancel();

signals:
    void changed();
    void cancelled();

private:
    void set(Attempt attempt, const QString& request, const QString& message);
    bool approveWith(const Approval& approval);

    TillAccess& m_access;
    Attempt m_attempt;
    QString m_request, m_message;
};

}  // namespace frontdesk::kiosk::app
