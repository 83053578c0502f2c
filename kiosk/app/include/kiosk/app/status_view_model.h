#pragma once
// The status bar: is the till in touch with the back office (online or offline, how many events
// wait to be sent and since when), and the health of its devices (the receipt printer, the
// scanner, the card terminal). Read every few seconds from the sync relay and the printer
// service, which are thread-safe and answer at once; the till itself is not read here.
//
// The words come from describeSync() and describePrinter(), plain functions of what they are
// given, so the wording is tested without a broker or a printer.
//
// GUI thread.

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <functional>
#include <optional>

#include <QtQml/qqmlregistration.h>

#include "core/clock.h"
#include "peripherals/printer_service.h"
#include "sync/relay.h"

namespace frontdesk::kiosk::app {

struct StatusLine {
    QString state;  // "ok", "warning", "fault", "off"
    QString text;   // "Online, all sent", "Offline: 3 sales to send, the oldest 12 min ago"
};

// The sync relay's state in words, at `now`.
[[nodiscard]] StatusLine describeSync(const sync::SyncStatus& status, core::TimePoint now);
// The printer service's state and status in words.
[[nodiscard]] StatusLine describePrinter(peripherals::PrinterState state, const peripherals::PrinterStatus& status,
                                         const std::string& lastError);

class StatusViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app")
    Q_PROPERTY(QString syncState READ syncState NOTIFY changed)
    Q_PROPERTY(QString syncText READ syncText NOTIFY changed)
    Q_PROPERTY(QString printerState READ printerState NOTIFY changed)
    Q_PROPERTY(QString printerText READ printerText NOTIFY changed)
    // Every device and link with its state, for the details shown when the bar is tapped:
    // [{name, state, text}].
    Q_PROPERTY(QVariantList details READ details NOTIFY changed)

public:
    struct Sources {
        std::function<sync::SyncStatus()> sync;          // null when the till does not sync
        peripherals::PrinterService* printer = nullptr;  // null without a receipt printer
        QString scanner;                                 // what the scanner is, in words
        QString cardTerminal;                            // what the card terminal is, in words
    };

    StatusViewModel(Sources sources, const core::Clock& clock, QObject* parent = nullptr);

    QString syncState() const { return m_sync.state; }
    QString syncText() const { return m_sync.text; }
    QString printerState() const { return m_printer.state; }
    QString printerText() const { return m_printer.text; }
    QVariantList details() const;

    // Reads everything again now (the timer does it every two seconds).
    Q_INVOKABLE void refresh();

signals:
    void changed();

private:
    Sources m_sources;
    const core::Clock& m_clock;
    QTimer m_timer;
    StatusLine m_sync, m_printer;
};

}  // namespace frontdesk::kiosk::app
