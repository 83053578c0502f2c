#include "kiosk/app/idle_watch.h"

#include <QEvent>

namespace frontdesk::kiosk::app {

IdleWatch::IdleWatch(std::chrono::milliseconds after, QObject* parent) : QObject(parent) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatch::idle);
    if (after.count() > 0) {
        m_timer.setInterval(after);
        m_timer.start();
    }
}

bool IdleWatch::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
            if (m_timer.interval() > 0) m_timer.start();
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace frontdesk::kiosk::app
