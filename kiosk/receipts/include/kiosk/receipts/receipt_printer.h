#pragma once
// The till's receipt printer: a printer service (peripherals/printer_service.h) for the address
// and model the terminal is set up with, claimed and enabled on first use and again whenever the
// printer could not be reached, and a bounded wait for each document, so that the caller learns
// whether it printed without a sale ever waiting on paper.
//
// A document printed while the printer has a fault is not lost: it waits in the service's queue
// and prints, in order, once the fault is fixed; the outcome says so ("queued").
//
// Threads: any (the service has its own).

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "firmware_config/printer_profile.h"
#include "peripherals/document.h"
#include "peripherals/printer_service.h"

namespace frontdesk::kiosk::receipts {

struct PrintOutcome {
    bool printed = false;
    bool queued = false;  // not printed yet, but waiting in the queue: it prints when the fault is fixed
    peripherals::JobId job = 0;
    std::string message;  // "printed", or what went wrong and what to do, for the person at the till
    peripherals::PrinterStatus status;
    nlohmann::json toJson() const;  // {"printed", "queued", "message", "status"}
};

class ReceiptPrinter {
public:
    // The address as parsePrinterAddress() reads it. InvalidArgument for a bad address; a printer
    // that cannot be reached yet is not an error (it is tried again at each print).
    [[nodiscard]] static core::Result<std::unique_ptr<ReceiptPrinter>> open(
        const std::string& address, const firmware_config::PrinterProfile& profile,
        peripherals::PrinterServiceOptions options = {});
    ~ReceiptPrinter();

    // Prints and waits at most `wait` for the printer's confirmation.
    PrintOutcome print(peripherals::Document document, std::chrono::milliseconds wait);
    // The cash drawer's pulse, through the printer: "drawer opened", or "drawer not opened: why".
    PrintOutcome openDrawer(std::chrono::milliseconds wait);
    // {"address", "model", "state", "status", "last_error"}
    nlohmann::json statusJson();

    peripherals::PrinterService& service() { return *m_service; }

private:
    ReceiptPrinter(std::string address, std::unique_ptr<peripherals::PrinterService> service)
        : m_address(std::move(address)), m_service(std::move(service)) {}
    core::Status ready();
    PrintOutcome outcome(const core::Result<peripherals::JobId>& job, std::chrono::milliseconds wait);

    std::string m_address;
    std::unique_ptr<peripherals::PrinterService> m_service;
    bool m_enabled = false;
};

}  // namespace frontdesk::kiosk::receipts
