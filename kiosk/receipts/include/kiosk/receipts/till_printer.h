#pragma once
// What a till prints, through its receipt printer: the receipt after each commit (the cash drawer
// opened first when cash moved), copies, shift reports, visitor badges and queue tickets, in the
// terminal's receipt language, each waited for at most the configured time. The headless driver
// and the touchscreen app both print through it.
//
// Threads: any, one call at a time (the app makes its calls from one background task).

#include <chrono>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "kiosk/events.h"
#include "kiosk/receipts/receipt_documents.h"
#include "kiosk/receipts/receipt_printer.h"
#include "kiosk/reception.h"
#include "kiosk/shift_report.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk::receipts {

struct TillPrinterOptions {
    std::string address;  // as parsePrinterAddress() reads it
    std::string model = "epson-tm-t88v";
    std::string language = "en";
    std::chrono::milliseconds wait = std::chrono::seconds(10);
};

class TillPrinter {
public:
    // The model from the shipped profiles (frontdesk-tool printer profiles). InvalidArgument for a
    // bad address or language, NotFound for an unknown model.
    [[nodiscard]] static core::Result<std::unique_ptr<TillPrinter>> open(const TillPrinterOptions& options,
                                                                         const TerminalSettings& settings);

    PrintOutcome sale(const Committed& committed, const std::string& staffName, bool copy);
    PrintOutcome report(const ShiftReport& report, const std::string& staffName);
    PrintOutcome badge(const Visit& visit);
    PrintOutcome ticket(const Ticket& ticket);
    // The cash drawer's pulse; a second is plenty for its confirmation.
    PrintOutcome drawer();
    nlohmann::json status();

    const std::string& address() const { return m_address; }
    ReceiptPrinter& printer() { return *m_printer; }

private:
    TillPrinter(std::unique_ptr<ReceiptPrinter> printer, ReceiptContext base, std::string address,
                std::chrono::milliseconds wait)
        : m_printer(std::move(printer)), m_base(std::move(base)), m_address(std::move(address)), m_wait(wait) {}

    std::unique_ptr<ReceiptPrinter> m_printer;
    const ReceiptContext m_base;
    const std::string m_address;
    const std::chrono::milliseconds m_wait;
};

}  // namespace frontdesk::kiosk::receipts
