#pragma once
// The reception desk's queue as the screen shows it, over the engine's QueueDesk: a visitor takes
// a number (its ticket handed to the printer through ticketReady), the desk calls the next one,
// and the screen shows the number being served and who still waits.
//
// GUI thread. The TillAccess outlives it.

#include <QObject>
#include <QString>
#include <QVariantList>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/till_access.h"

namespace frontdesk::kiosk::app {

class QueueViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    // The number called last today ("" before the first call), shown large: "Now serving 12".
    Q_PROPERTY(QString serving READ serving NOTIFY changed)
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY changed)
    Q_PROPERTY(QVariantList waiting READ waiting NOTIFY changed)  // [{number, service, since}]
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY changed)

public:
    explicit QueueViewModel(TillAccess& access, QObject* parent = nullptr);

    QString serving() const { return m_serving; }
    int waitingCount() const { return static_cast<int>(m_waiting.size()); }
    QVariantList waiting() const { return m_waiting; }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_error; }

    Q_INVOKABLE void refresh();
    // A number taken for a visitor (service: what they came for, may be empty); its ticket prints.
    Q_INVOKABLE bool take(const QString& service);
    // The lowest number waiting, called to the desk.
    Q_INVOKABLE bool callNext();

signals:
    void changed();
    void ticketReady(const kiosk::Ticket& ticket);  // to print

private:
    bool refuse(const core::Status& status);
    void say(const QString& message, bool error);

    TillAccess& m_access;
    Till& m_till;
    QString m_serving, m_message;
    QVariantList m_waiting;
    bool m_error = false;
};

}  // namespace frontdesk::kiosk::app
