#pragma once
// What the front desk prints, as documents (peripherals/document.h) filled from what the engine
// committed: the sale receipt, the refund slip, the X and Z reports, a visitor's badge and a queue
// ticket. The printer service turns them into any model's bytes.
//
// A sale receipt carries the store header from the terminal settings (name, address, VAT id), the
// receipt number, date, till and cashier, every line with its quantity and discount, tax per rate,
// the tenders and change, and the receipt number as a QR code and a Code 128 barcode: what the
// refund flow scans. Labels are English or Persian; Persian lines print right to left (the encoder
// draws them, shaped, when the printer has no code page for them).
//
// Pure functions of their inputs; any thread.

#include <string>

#include "core/money.h"
#include "kiosk/events.h"
#include "kiosk/queue_desk.h"
#include "kiosk/reception.h"
#include "kiosk/shift_report.h"
#include "kiosk/terminal_db.h"
#include "peripherals/document.h"

namespace frontdesk::kiosk::receipts {

enum class ReceiptLanguage { English, Persian };

// "en" or "fa"; InvalidArgument naming the value otherwise.
[[nodiscard]] core::Result<ReceiptLanguage> parseReceiptLanguage(std::string_view code);

struct ReceiptContext {
    StoreHeader header;
    std::string till;       // "s1-t1"
    std::string staffName;  // who rang it up, opened the shift or signed the visitor in
    core::Currency currency;
    ReceiptLanguage language = ReceiptLanguage::English;
    bool copy = false;  // printed again: marked as a copy at the top
};

// The context of a till: its settings' header, store and terminal, and currency.
[[nodiscard]] ReceiptContext contextOf(const TerminalSettings& settings, ReceiptLanguage language);

// A sale.completed or sale.refunded as committed (the payload of docs/events.md).
[[nodiscard]] peripherals::Document saleReceipt(const ReceiptContext& context, const Committed& committed);
// The same receipt as text, for a QR code on the screen instead of paper: its lines at 32
// columns, without the codes the paper carries. FailedPrecondition when it is longer than a QR
// code holds (peripherals::kMaxQrBytes): such a receipt is printed.
[[nodiscard]] core::Result<std::string> receiptText(const ReceiptContext& context, const Committed& committed);

// An X report (open shift) or a Z report (closed: with the count and the variance).
[[nodiscard]] peripherals::Document shiftReport(const ReceiptContext& context, const ShiftReport& report);

// A visitor's badge: their name large, company, whom they visit, when they came, and the visit
// id as a QR code to sign them out by scanning.
[[nodiscard]] peripherals::Document visitorBadge(const ReceiptContext& context, const Visit& visit);

// A queue ticket as taken: the number large, the service, how many wait before it, and when.
[[nodiscard]] peripherals::Document queueTicket(const ReceiptContext& context, const Ticket& ticket);

}  // namespace frontdesk::kiosk::receipts
