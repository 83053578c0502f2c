#include "screen_tour.h"

#include <QImage>
#include <QTimer>
#include <iostream>

namespace frontdesk::kiosk::app {

int runTour(QGuiApplication& application, QQuickWindow& window, const std::vector<TourStep>& steps,
            const std::string& screenshots, std::chrono::milliseconds bound) {
    std::size_t current = 0;
    bool framePending = true;  // a frame drawn after the current step acted is awaited
    const auto start = [&](std::size_t index) {
        current = index;
        framePending = true;
        if (steps[index].act) steps[index].act();
        window.requestUpdate();
    };
    const auto finish = [&] {
        const TourStep& step = steps[current];
        if (!screenshots.empty()) {
            const QString file = QString::fromStdString(screenshots) + "/" + step.name + ".png";
            if (!window.grabWindow().save(file))
                std::cerr << "frontdesk-kiosk: cannot write " << qPrintable(file) << "\n";
        }
        if (current + 1 >= steps.size()) {
            current = steps.size();
            application.quit();
            return;
        }
        start(current + 1);
    };
    // A step not ready yet (a card payment's answer on its way) is looked at again shortly.
    QTimer retry;
    retry.setSingleShot(true);
    retry.setInterval(10);
    QObject::connect(&retry, &QTimer::timeout, &application, [&] {
        if (steps[current].ready && !steps[current].ready()) {
            retry.start();
            return;
        }
        framePending = true;
        window.requestUpdate();
    });
    // frameSwapped may come from the render thread: handled on this one, in order.
    QObject::connect(
        &window, &QQuickWindow::frameSwapped, &application,
        [&] {
            if (current >= steps.size() || !framePending || retry.isActive()) return;
            framePending = false;
            if (steps[current].ready && !steps[current].ready()) {
                retry.start();
                return;
            }
            finish();
        },
        Qt::QueuedConnection);
    if (steps.empty()) return 0;
    QTimer::singleShot(0, &application, [&] { start(0); });
    QTimer::singleShot(bound, &application, [&] { application.exit(2); });
    application.exec();
    return static_cast<int>(current);
}

}  // namespace frontdesk::kiosk::app
