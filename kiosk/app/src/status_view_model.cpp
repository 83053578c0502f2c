#include "kiosk/app/status_view_model.h"

#include <QLocale>
#include <chrono>

namespace frontdesk::kiosk::app {

namespace {

// "just now", "4 min", "2 h 5 min", "3 days".
QString age(core::TimePoint since, core::TimePoint now) {
    using namespace std::chrono;
    const auto minutes = duration_cast<std::chrono::minutes>(now - since).count();
    if (minutes < 1) return StatusViewModel::tr("just now");
    if (minutes < 60) return StatusViewModel::tr("%1 min ago").arg(QLocale().toString(minutes));
    if (minutes < 48 * 60)
        return StatusViewModel::tr("%1 h %2 min ago")
            .arg(QLocale().toString(minutes / 60), QLocale().toString(minutes % 60));
    return StatusViewModel::tr("%1 days ago").arg(QLocale().toString(minutes / (24 * 60)));
}

}  // namespace

StatusLine describeSync(const sync::SyncStatus& s, core::TimePoint now) {
    QString waiting;
    if (s.outboxDepth > 0) {
        waiting = StatusViewModel::tr("%n to send", "", static_cast<int>(s.outboxDepth));
        if (s.oldestUnsyncedAt) {
            if (auto oldest = core::parseIso8601(*s.oldestUnsyncedAt); oldest.ok()) {
                waiting += StatusViewModel::tr(", the oldest %1").arg(age(*oldest, now));
            }
        }
    }
    if (s.online) {
        return {s.outboxDepth > 0 ? QStringLiteral("warning") : QStringLiteral("ok"),
                s.outboxDepth > 0 ? StatusViewModel::tr("Online: %1").arg(waiting)
                                  : StatusViewModel::tr("Online, all sent")};
    }
    // Offline is not a fault: every sale is safe on the till and goes once the link is back.
    return {QStringLiteral("warning"), s.outboxDepth > 0
                                           ? StatusViewModel::tr("Offline: %1, kept safe here").arg(waiting)
                                           : StatusViewModel::tr("Offline, nothing waiting")};
}

StatusLine describePrinter(peripherals::PrinterState state, const peripherals::PrinterStatus& status,
                           const std::string& lastError) {
    if (const std::string fault = status.fault(); status.known && !fault.empty()) {
        return {QStringLiteral("fault"), StatusViewModel::tr("Printer: %1").arg(QString::fromStdString(fault))};
    }
    if (state == peripherals::PrinterState::Error || state == peripherals::PrinterState::Closed) {
        return {QStringLiteral("fault"),
                lastError.empty() ? StatusViewModel::tr("Printer: not reachable")
                                  : StatusViewModel::tr("Printer: %1").arg(QString::fromStdString(lastError))};
    }
    if (status.known && status.paperNearEnd)
        return {QStringLiteral("warning"), StatusViewModel::tr("Printer: paper low")};
    return {QStringLiteral("ok"), status.known ? StatusViewModel::tr("Printer ready") : StatusViewModel::tr("Printer")};
}

StatusViewModel::StatusViewModel(Sources sources, const core::Clock& clock, QObject* parent)
    : QObject(parent), m_sources(std::move(sources)), m_clock(clock) {
    connect(&m_timer, &QTimer::timeout, this, &StatusViewModel::refresh);
    m_timer.start(2000);
    refresh();
}

void StatusViewModel::refresh() {
    StatusLine sync{QStringLiteral("off"), tr("Not syncing: this till works on its own")};
    if (m_sources.sync) sync = describeSync(m_sources.sync(), m_clock.now());
    StatusLine printer{QStringLiteral("off"), tr("No receipt printer")};
    if (m_sources.printer) {
        printer =
            describePrinter(m_sources.printer->state(), m_sources.printer->status(), m_sources.printer->lastError());
    }
    if (sync.state == m_sync.state && sync.text == m_sync.text && printer.state == m_printer.state &&
        printer.text == m_printer.text) {
        return;
    }
    m_sync = sync;
    m_printer = printer;
    emit changed();
}

QVariantList StatusViewModel::details() const {
    const auto row = [](const QString& name, const QString& state, const QString& text) {
        return QVariantMap{{"name", name}, {"state", state}, {"text", text}};
    };
    return {row(tr("Back office"), m_sync.state, m_sync.text),
            row(tr("Receipt printer"), m_printer.state, m_printer.text),
            row(tr("Scanner"), QStringLiteral("ok"), m_sources.scanner),
            row(tr("Card terminal"), QStringLiteral("ok"), m_sources.cardTerminal),
            // No scale is driven yet: the cashier types the weight the scale shows.
            row(tr("Scale"), QStringLiteral("off"), tr("No scale connected: type the weight the scale shows"))};
}

}  // namespace frontdesk::kiosk::app
