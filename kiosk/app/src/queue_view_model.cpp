// The desk's queue: numbers taken, printed and called.
#include "kiosk/app/queue_view_model.h"

#include <QLocale>

#include "qt_text.h"

namespace frontdesk::kiosk::app {

QueueViewModel::QueueViewModel(TillAccess& access, QObject* parent)
    : QObject(parent), m_access(access), m_till(access.till()) {}

void QueueViewModel::say(const QString& message, bool error) {
    m_message = message;
    m_error = error;
    emit changed();
}

bool QueueViewModel::refuse(const core::Status& status) {
    say(engineText(status.message()), true);
    return false;
}

void QueueViewModel::refresh() {
    if (m_access.busy()) return;  // the till is on the card payment's thread
    auto waiting = m_till.queue().waiting();
    auto last = m_till.queue().lastCalled();
    if (!waiting.ok()) return void(refuse(waiting.status()));
    if (!last.ok()) return void(refuse(last.status()));
    m_waiting.clear();
    for (const Ticket& t : *waiting) {
        m_waiting.append(QVariantMap{
            {"number", QLocale().toString(t.number)}, {"service", text(t.service)}, {"since", text(t.takenAt)}});
    }
    m_serving = *last ? QLocale().toString((*last)->number) : QString();
    emit changed();
}

bool QueueViewModel::take(const QString& service) {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto ticket = m_till.queue().take(service.trimmed().toStdString());
    if (!ticket.ok()) return refuse(ticket.status());
    emit ticketReady(*ticket);
    refresh();
    say(ticket->ahead == 0
            ? tr("Number %1: nobody is waiting before it").arg(QLocale().toString(ticket->number))
            : tr("Number %1: %n waiting before it", nullptr, ticket->ahead).arg(QLocale().toString(ticket->number)),
        false);
    return true;
}

bool QueueViewModel::callNext() {
    if (const core::Status idle = m_access.idle(); !idle.ok()) return refuse(idle);
    auto ticket = m_till.queue().callNext();
    if (!ticket.ok()) {
        if (ticket.status().kind() == core::ErrorKind::NotFound) {
            refresh();
            say(tr("Nobody is waiting"), false);
            return false;
        }
        return refuse(ticket.status());
    }
    refresh();
    say(tr("Calling number %1").arg(QLocale().toString(ticket->number)), false);
    return true;
}

}  // namespace frontdesk::kiosk::app
