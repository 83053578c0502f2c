#pragma once
// The till as the view models share it, and the one blocking call that may be running on it.
//
// A card payment waits for the terminal and a receipt for the printer; such calls run off the GUI
// thread (BackgroundTask) so the screen keeps drawing. The Till is not thread-safe, so while a call
// on it runs every view model refuses till actions (busy()), and the call's answer comes back on
// the GUI thread before anything else touches the till.
//
// The database's integrity check (SQLite's quick_check: about 0.7 s on a 300,000-item,
// 1,000,000-member terminal) is kept off the start: checkDatabase() runs it on a connection of its
// own once the screen is up, and till actions are refused until it answers. A damaged database
// keeps them refused for good, with the reason: nothing more is recorded on it.
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
    bool busy() const { return m_task.busy() || !m_fault.isEmpty(); }
    // What a view model says when it refuses an action while busy(): why it is busy.
    QString busyRefusal() const;
    // FailedPrecondition with busyRefusal() while busy, ok otherwise.
    core::Status idle() const {
        return busy() ? core::failedPrecondition(busyRefusal().toStdString()) : core::Status::okStatus();
    }
    // Checks the terminal database at `path` on a connection of its own, off the GUI thread; busy()
    // until it answers, and for good if it finds damage. false (nothing run) while busy.
    bool checkDatabase(const std::string& path);
    // The damage the check found; "" when none (or not checked).
    QString fault() const { return m_fault; }

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
    bool m_checking = false;  // the task running is the database check
    QString m_fault;
};

}  // namespace frontdesk::kiosk::app
