#include "kiosk/receipts/till_printer.h"

#include "firmware_config/printer_profile.h"

namespace frontdesk::kiosk::receipts {

core::Result<std::unique_ptr<TillPrinter>> TillPrinter::open(const TillPrinterOptions& options,
                                                             const TerminalSettings& settings) {
    FD_ASSIGN(auto language, parseReceiptLanguage(options.language));
    FD_ASSIGN(auto profiles, firmware_config::loadPrinterProfiles(firmware_config::shippedPrinterProfilesDir()));
    const auto* profile = profiles.find(options.model);
    if (!profile) return core::notFound("printer model '" + options.model + "': see frontdesk-tool printer profiles");
    FD_ASSIGN(auto printer, ReceiptPrinter::open(options.address, *profile));
    return std::unique_ptr<TillPrinter>(
        new TillPrinter(std::move(printer), contextOf(settings, language), options.address, options.wait));
}

PrintOutcome TillPrinter::sale(const Committed& committed, const std::string& staffName, bool copy) {
    ReceiptContext context = m_base;
    context.staffName = staffName;
    context.copy = copy;
    return m_printer->print(saleReceipt(context, committed), m_wait);
}

PrintOutcome TillPrinter::report(const ShiftReport& report, const std::string& staffName) {
    ReceiptContext context = m_base;
    context.staffName = staffName;
    return m_printer->print(shiftReport(context, report), m_wait);
}

PrintOutcome TillPrinter::badge(const Visit& visit) {
    return m_printer->print(visitorBadge(m_base, visit), m_wait);
}

PrintOutcome TillPrinter::ticket(const Ticket& ticket) {
    return m_printer->print(queueTicket(m_base, ticket), m_wait);
}

PrintOutcome TillPrinter::drawer() {
    return m_printer->openDrawer(std::chrono::seconds(1));
}

nlohmann::json TillPrinter::status() {
    return m_printer->statusJson();
}

}  // namespace frontdesk::kiosk::receipts
