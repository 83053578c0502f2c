#pragma once
// The till as the view models share it, and the one blocking call that may be running on it.
//
// A card payment waits for the terminal and a receipt for the printer; such calls run off the GUI
// thread (BackgroundTask) so the screen keeps drawing. The Till is not thread-safe, so while a call
// on it runs every view model refuses till actions (busy()), and the call's answer comes back on
// the GUI thread before anything else touches the till.
//
// GUI thread. Made before the view models and destroyed after them; the Till outlives it.

#include <QObject>
#include <QPointer>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/background_task.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk::app {

class TillAccess : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its till")
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit TillAccess(Till& till, QObject* parent = nullptr) : QObject(parent), m_till(till), m_task(this) {}

    Till& till() { return m_till; }
    const Till& till() const { return m_till; }
    bool busy() const { return m_task.busy(); }
    // What a view model says when it refuses an action while busy().
    static QString busyRefusal() { return tr("Finish the card payment first: the terminal is waiting for the card"); }
    // FailedPrecondition with busyRefusal() while busy, ok otherwise.
    core::Status idle() const {
        return busy() ? core::failedPrecondition(busyRefusal().toStdString()) : core::Status::okStatus();
    }

    // Runs work(till) off the GUI thread, then done(result) on it, if `receiver` still exists.
    // false (nothing run) while another call runs.
    template <typename Work, typename Done>
    bool run(QObject* receiver, Work work, Done done) {
        QPointer<QObject> alive(receiver);
        Till& till = m_till;
        const bool started = m_task.start([&till, work = std::move(work)]() mutable { return work(till); },
                                          [this, alive, done = std::move(done)](auto&& result) mutable {
                                              emit busyChanged();
                                              if (alive) done(std::forward<decltype(result)>(result));
                                          });
        if (started) emit busyChanged();
        return started;
    }

signals:
    void busyChanged();

private:
    Till& m_till;
    BackgroundTask m_task;
};

}  // namespace frontdesk::kiosk::app
