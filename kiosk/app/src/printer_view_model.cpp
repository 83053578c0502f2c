#include "kiosk/app/printer_view_model.h"

namespace frontdesk::kiosk::app {

PrinterViewModel::PrinterViewModel(TillAccess& access, receipts::TillPrinter* printer, QObject* parent)
    : QObject(parent), m_access(access), m_printer(printer), m_task(this) {}

void PrinterViewModel::set(const QString& state, const QString& message) {
    m_state = state;
    m_message = message;
    emit changed();
}

void PrinterViewModel::printSale(const Committed& committed, const QString& staffName) {
    if (!m_printer) return;
    m_lastReceipt = committed.receiptNo;
    // One job: the drawer (when cash moved) opens before the receipt prints, and a drawer that
    // did not open is still said once the receipt's outcome is known.
    enqueue([committed, staff = staffName.toStdString(), cash = movesCash(committed)](receipts::TillPrinter& p) {
        std::string drawerFailed;
        if (cash) {
            receipts::PrintOutcome drawer = p.drawer();
            if (!drawer.printed) drawerFailed = drawer.message;
        }
        receipts::PrintOutcome receipt = p.sale(committed, staff, false);
        if (!drawerFailed.empty()) receipt.message += ". " + drawerFailed;
        return receipt;
    });
}

void PrinterViewModel::printReport(const ShiftReport& report, const QString& staffName) {
    if (!m_printer) return;
    enqueue([report, staff = staffName.toStdString()](receipts::TillPrinter& p) { return p.report(report, staff); });
}

void PrinterViewModel::printBadge(const kiosk::Visit& visit) {
    if (!m_printer) return;
    enqueue([visit](receipts::TillPrinter& p) { return p.badge(visit); });
}

void PrinterViewModel::printTicket(const kiosk::Ticket& ticket) {
    if (!m_printer) return;
    enqueue([ticket](receipts::TillPrinter& p) { return p.ticket(ticket); });
}

void PrinterViewModel::openDrawer() {
    if (!m_printer) return;
    enqueue([](receipts::TillPrinter& p) { return p.drawer(); });
}

bool PrinterViewModel::reprint() {
    if (!m_printer || m_lastReceipt.empty()) {
        set(QStringLiteral("failed"), tr("There is no receipt to print again"));
        return false;
    }
    if (m_access.busy()) {
        set(m_state, m_access.busyRefusal());
        return false;
    }
    auto copy = m_access.till().history().receiptCopy(m_lastReceipt);  // read on the till's thread
    if (!copy.ok()) {
        set(QStringLiteral("failed"), QString::fromStdString(copy.status().message()));
        return false;
    }
    enqueue([copy = std::move(copy).value()](receipts::TillPrinter& p) {
        return p.sale(copy.committed, copy.staffName, true);
    });
    return true;
}

void PrinterViewModel::enqueue(Job job) {
    m_queue.push_back(std::move(job));
    next();
}

void PrinterViewModel::next() {
    if (m_task.busy() || m_queue.empty()) return;
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    receipts::TillPrinter* printer = m_printer;
    m_task.start([printer, job = std::move(job)] { return job(*printer); },
                 [this](const receipts::PrintOutcome& outcome) { finished(outcome); });
    set(QStringLiteral("printing"), tr("Printing"));
}

void PrinterViewModel::finished(const receipts::PrintOutcome& outcome) {
    const QString message = QString::fromStdString(outcome.message);
    if (outcome.printed) {
        set(QStringLiteral("printed"), tr("Printed"));
    } else if (outcome.queued) {
        set(QStringLiteral("queued"), message);
    } else {
        set(QStringLiteral("failed"), message);
    }
    next();
    if (pending() == 0) emit idle();
}

}  // namespace frontdesk::kiosk::app
