#pragma once
// One blocking call at a time off the GUI thread: a card payment waiting for the terminal, a
// receipt waiting for the printer's confirmation. The work runs on a thread of its own; its result
// comes back to the owner's thread as a queued call, so the screen keeps drawing and answering
// touches meanwhile.
//
// The owner (a view model) keeps everything else off whatever the work uses while busy() is true:
// the Till is not thread-safe, and the view models refuse till actions during a card payment.
//
// Destroying the task waits for the work to finish; a result that arrives after its owner is gone
// is dropped (Qt discards queued calls to a destroyed object, and the task, being a member of its
// owner, is destroyed before the owner's QObject base).

#include <QMetaObject>
#include <QObject>
#include <memory>
#include <thread>
#include <type_traits>
#include <utility>

namespace frontdesk::kiosk::app {

class BackgroundTask {
public:
    explicit BackgroundTask(QObject* owner) : m_owner(owner) {}
    ~BackgroundTask() { join(); }
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;

    bool busy() const { return m_busy; }

    // Runs work() on a thread of its own, then done(result) on the owner's thread. false (and
    // nothing run) while an earlier task is still busy. Call from the owner's thread.
    template <typename Work, typename Done>
    bool start(Work work, Done done) {
        if (m_busy) return false;
        join();  // the previous thread, finished, is joined before the next one starts
        m_busy = true;
        m_thread = std::thread([this, work = std::move(work), done = std::move(done)]() mutable {
            using Result = std::invoke_result_t<Work&>;
            auto result = std::make_shared<Result>(work());
            QMetaObject::invokeMethod(
                m_owner,
                [this, result, done = std::move(done)]() mutable {
                    m_busy = false;
                    done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
        return true;
    }

private:
    void join() {
        if (m_thread.joinable()) m_thread.join();
    }

    QObject* m_owner;
    std::thread m_thread;
    bool m_busy = false;  // owner's thread only
};

}  // namespace frontdesk::kiosk::app
