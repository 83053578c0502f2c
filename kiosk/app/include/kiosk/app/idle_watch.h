#pragma once
// Notices when nobody has touched the screen, clicked or typed (a scan is typing) for a while:
// an event filter on the application restarts a timer on every such event and passes the event
// on untouched. The app locks the till when idle() comes (the sale stays for the next login);
// self-service returns to its attract screen.
//
// GUI thread.

#include <QObject>
#include <QTimer>
#include <chrono>

namespace frontdesk::kiosk::app {

class IdleWatch : public QObject {
    Q_OBJECT

public:
    // after: how long without input counts as idle; zero never does.
    explicit IdleWatch(std::chrono::milliseconds after, QObject* parent = nullptr);

    bool eventFilter(QObject* watched, QEvent* event) override;
    // Whether idle() is still to come (false once it came, until the next input, and when off).
    bool armed() const { return m_timer.isActive(); }

signals:
    void idle();

private:
    QTimer m_timer;
};

}  // namespace frontdesk::kiosk::app
