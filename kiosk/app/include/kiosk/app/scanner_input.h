#pragma once
// The keyboard-wedge scanner on every screen: an event filter on the application that hands each
// key press to ScanDetector. Keys of a scan are swallowed and the code comes out as scanned(),
// whatever has focus; keys that turn out to be typing are delivered again, in order, to the focus
// object (or the target set for tests), before the key that revealed them.
//
// GUI thread.

#include <QObject>
#include <QPointer>
#include <QTimer>

#include "kiosk/app/scan_detector.h"

namespace frontdesk::kiosk::app {

class ScannerInput : public QObject {
    Q_OBJECT

public:
    explicit ScannerInput(ScanDetector::Options options = {}, QObject* parent = nullptr);

    // Where typed keys go again; none: the application's focus object.
    void setTypingTarget(QObject* target) { m_target = target; }
    // Releases what a burst without Enter held, as the timer does once its gap has passed.
    void flush(ScanDetector::TimePoint now);

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void scanned(const QString& code);

private:
    void retype(const std::string& typed);
    void handle(const ScanDetector::Outcome& outcome);

    ScanDetector m_detector;
    QPointer<QObject> m_target;
    QTimer m_flushTimer;
    bool m_retyping = false;
};

}  // namespace frontdesk::kiosk::app
