#pragma once
// The receipt printer as the screens show it: the receipt printed after each committed sale (the
// cash drawer opened first when cash moved), what became of it in words, and a reprint.
//
// Printing waits for the printer's confirmation, so it runs off the GUI thread, one document after
// another in the order asked; the till is not involved (what to print is read from it first, on
// the GUI thread), so the next sale goes on meanwhile. A printer fault never holds a sale: the
// state says "queued" with what to do ("printer cover open: close it"), and the receipt prints
// once the fault is fixed.
//
// GUI thread. The TillAccess and the TillPrinter outlive it; without a printer, available is false
// and nothing prints.

#include <QObject>
#include <QString>
#include <deque>
#include <functional>

#include <QtQml/qqmlregistration.h>

#include "kiosk/app/background_task.h"
#include "kiosk/app/till_access.h"
#include "kiosk/receipts/till_printer.h"

namespace frontdesk::kiosk::app {

class PrinterViewModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the app, over its printer")
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(QString state READ state NOTIFY changed)      // "", printing, printed, queued, failed
    Q_PROPERTY(QString message READ message NOTIFY changed)  // what happened, what to do
    Q_PROPERTY(bool canReprint READ canReprint NOTIFY changed)

public:
    PrinterViewModel(TillAccess& access, receipts::TillPrinter* printer, QObject* parent = nullptr);

    bool available() const { return m_printer != nullptr; }
    QString state() const { return m_state; }
    QString message() const { return m_message; }
    bool canReprint() const { return m_printer && !m_lastReceipt.empty(); }

    // After a commit: the drawer when cash moved, then the receipt.
    void printSale(const Committed& committed, const QString& staffName);
    // A shift's X or Z report.
    void printReport(const ShiftReport& report, const QString& staffName);
    // A visitor's badge.
    void printBadge(const kiosk::Visit& visit);
    // A queue ticket, as taken.
    void printTicket(const kiosk::Ticket& ticket);
    // The cash drawer's pulse (a shift opened, cash paid in or out, a no-sale).
    void openDrawer();
    // A copy of the last receipt printed here, marked as a copy.
    Q_INVOKABLE bool reprint();

    // Documents waiting for the printer, the one printing included (tests wait for 0).
    int pending() const { return static_cast<int>(m_queue.size()) + (m_task.busy() ? 1 : 0); }

signals:
    void changed();
    void idle();  // every document asked for has been answered

private:
    using Job = std::function<receipts::PrintOutcome(receipts::TillPrinter&)>;
    void enqueue(Job job);
    void next();
    void finished(const receipts::PrintOutcome& outcome);
    void set(const QString& state, const QString& message);

    TillAccess& m_access;
    receipts::TillPrinter* m_printer;
    BackgroundTask m_task;
    std::deque<Job> m_queue;
    std::string m_lastReceipt;
    QString m_state, m_message;
};

}  // namespace frontdesk::kiosk::app
