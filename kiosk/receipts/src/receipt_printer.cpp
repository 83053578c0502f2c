#include "kiosk/receipts/receipt_printer.h"

namespace frontdesk::kiosk::receipts {

using peripherals::PrinterState;

nlohmann::json PrintOutcome::toJson() const {
    return {{"printed", printed}, {"queued", queued}, {"message", message}, {"status", status.describe()}};
}

core::Result<std::unique_ptr<ReceiptPrinter>> ReceiptPrinter::open(const std::string& address,
                                                                   const firmware_config::PrinterProfile& profile,
                                                                   peripherals::PrinterServiceOptions options) {
    FD_ASSIGN(auto parsed, peripherals::parsePrinterAddress(address));
    FD_ASSIGN(auto transport, peripherals::makeTransport(parsed));
    auto service = std::make_unique<peripherals::PrinterService>(profile, std::move(transport), std::move(options));
    FD_TRY(service->open());
    return std::unique_ptr<ReceiptPrinter>(new ReceiptPrinter(address, std::move(service)));
}

ReceiptPrinter::~ReceiptPrinter() {
    m_service->close();
}

core::Status ReceiptPrinter::ready() {
    if (m_enabled) return core::Status::okStatus();
    FD_TRY(m_service->claim());
    FD_TRY(m_service->enable());
    m_enabled = true;
    return core::Status::okStatus();
}

PrintOutcome ReceiptPrinter::outcome(const core::Result<peripherals::JobId>& job, std::chrono::milliseconds wait) {
    PrintOutcome out;
    if (!job.ok()) {
        out.message = "not printed: " + job.status().message();
        out.status = m_service->status();
        return out;
    }
    out.job = *job;
    const core::Status done = m_service->waitForJob(*job, wait);
    out.status = m_service->status();
    if (done.ok()) {
        out.printed = true;
        out.message = "printed";
    } else if (done.kind() == core::ErrorKind::Unavailable && !m_service->lastError().empty()) {
        // Held or queued behind a fault: it prints once the fault is fixed.
        out.queued = m_service->state() == PrinterState::Error;
        out.message = "not printed yet: " + m_service->lastError();
    } else {
        out.message = "not printed: " + done.message();
    }
    return out;
}

PrintOutcome ReceiptPrinter::print(peripherals::Document document, std::chrono::milliseconds wait) {
    if (core::Status s = ready(); !s.ok()) return outcome(s, wait);
    return outcome(m_service->printAsync(std::move(document)), wait);
}

PrintOutcome ReceiptPrinter::openDrawer(std::chrono::milliseconds wait) {
    PrintOutcome out;
    if (core::Status s = ready(); !s.ok()) {
        out = outcome(s, wait);
    } else {
        out = outcome(m_service->openDrawer(), wait);
    }
    // Said of the drawer, not of paper.
    if (out.printed) {
        out.message = "drawer opened";
    } else if (const auto colon = out.message.find(": "); colon != std::string::npos) {
        out.message = "drawer not opened" + out.message.substr(colon);
    }
    return out;
}

nlohmann::json ReceiptPrinter::statusJson() {
    (void)ready();  // a printer that came back since is found again
    return {{"address", m_address},
            {"model", m_service->profile().model},
            {"state", std::string(peripherals::printerStateName(m_service->state()))},
            {"status", m_service->status().describe()},
            {"last_error", m_service->lastError()}};
}

}  // namespace frontdesk::kiosk::receipts
