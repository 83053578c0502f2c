#include "kiosk/app/scanner_input.h"

#include <QGuiApplication>
#include <QKeyEvent>

namespace frontdesk::kiosk::app {

namespace {

// Key events carry milliseconds since an arbitrary start, the same clock for all of them.
ScanDetector::TimePoint timeOf(const QKeyEvent& event) {
    return ScanDetector::TimePoint(std::chrono::milliseconds(event.timestamp()));
}

}  // namespace

ScannerInput::ScannerInput(ScanDetector::Options options, QObject* parent) : QObject(parent), m_detector(options) {
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        // The timer runs on the steady clock; the detector only compares against its own keys'
        // times, so a flush is due once the gap has passed on either.
        if (auto due = m_detector.flushDue()) flush(*due);
    });
}

void ScannerInput::retype(const std::string& typed) {
    QObject* target = m_target ? m_target.data() : QGuiApplication::focusObject();
    if (!target) return;
    m_retyping = true;
    for (const QChar c : QString::fromStdString(typed)) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(target, &press);
    }
    m_retyping = false;
}

void ScannerInput::handle(const ScanDetector::Outcome& outcome) {
    if (!outcome.typed.empty()) retype(outcome.typed);
    if (outcome.scanned) emit scanned(QString::fromStdString(*outcome.scanned));
    if (m_detector.holding()) {
        m_flushTimer.start(40);
    } else {
        m_flushTimer.stop();
    }
}

void ScannerInput::flush(ScanDetector::TimePoint now) {
    handle(m_detector.flush(now));
}

bool ScannerInput::eventFilter(QObject* watched, QEvent* event) {
    if (m_retyping || event->type() != QEvent::KeyPress) return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
    ScanDetector::Outcome outcome;
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        outcome = m_detector.enter(timeOf(*key));
    } else if (key->text().size() == 1 && key->text().at(0).isPrint()) {
        outcome = m_detector.key(key->text().at(0).unicode(), timeOf(*key));
    } else {
        return false;
    }
    handle(outcome);
    return outcome.consumed;
}

}  // namespace frontdesk::kiosk::app
