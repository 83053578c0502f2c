#pragma once
// The words printed on receipts, in each receipt language.

#include <string_view>

#include "kiosk/receipts/receipt_documents.h"

namespace frontdesk::kiosk::receipts {

enum class Label {
    Receipt,
    Date,
    Till,
    Cashier,
    Total,
    Rounding,
    Discount,
    Tax,
    Cash,
    Card,
    Change,
    Refund,
    RefundTotal,
    OriginalReceipt,
    Customer,
    Member,
    VatId,
    Copy,
    XReport,
    ZReport,
    Shift,
    OpenedBy,
    OpenedAt,
    ClosedAt,
    Float,
    Sales,
    Refunds,
    Voids,
    NoSales,
    PaidIn,
    PaidOut,
    ExpectedCash,
    CountedCash,
    Variance,
    ByRate,
    ByTender,
    Visitor,
    Company,
    Visiting,
    SignedIn,
    YourNumber,
    Ahead,
    Auth,
    Net
};

std::string_view label(ReceiptLanguage language, Label which);

// "2026-12-01 10:22 UTC" from an RFC 3339 UTC time; the text itself if it is not one.
std::string printedTime(const std::string& rfc3339);

}  // namespace frontdesk::kiosk::receipts
