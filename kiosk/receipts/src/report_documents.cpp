// The X report (an open shift read on demand) and the Z report (the shift closed, with the cash
// counted and the variance), from the engine's ShiftReport.
#include "document_parts.h"

namespace frontdesk::kiosk::receipts {

using peripherals::Align;
using peripherals::Document;
using peripherals::TextStyle;

Document shiftReport(const ReceiptContext& c, const ShiftReport& r) {
    const bool z = r.closedAt.has_value();
    Document d;
    storeHeader(d, c);
    d.text(std::string(label(c.language, z ? Label::ZReport : Label::XReport)),
           TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    row(d, c, Label::Shift, r.shiftId);
    row(d, c, Label::Till, c.till);
    row(d, c, Label::OpenedBy, c.staffName.empty() ? r.openedBy : c.staffName);
    row(d, c, Label::OpenedAt, printedTime(r.openedAt));
    if (z) row(d, c, Label::ClosedAt, printedTime(*r.closedAt));
    d.separator();
    row(d, c, Label::Sales, std::to_string(r.sales) + "  " + amount(c, r.salesGross));
    row(d, c, Label::Refunds, std::to_string(r.refunds) + "  " + amount(c, r.refundsGross));
    row(d, c, Label::Discount, amount(c, r.discounts));
    if (r.rounding != 0) row(d, c, Label::Rounding, amount(c, r.rounding));
    row(d, c, Label::Voids, std::to_string(r.voids));
    row(d, c, Label::NoSales, std::to_string(r.noSales));
    d.separator().text(std::string(label(c.language, Label::ByRate)), TextStyle{.bold = true});
    for (const auto& rate : r.byRate) {
        const std::string kind(saleKindKey(rate.kind));
        d.columns(kind + " " + rate.taxCode + " " + rate.rate + "% " + amount(c, rate.net), amount(c, rate.tax));
    }
    d.text(std::string(label(c.language, Label::ByTender)), TextStyle{.bold = true});
    for (const auto& t : r.byTender) {
        d.columns(std::string(saleKindKey(t.kind)) + " " + std::string(tenderMethodKey(t.method)) + " x" +
                      std::to_string(t.count),
                  amount(c, t.amount));
    }
    d.separator();
    row(d, c, Label::Float, amount(c, r.floatMinor));
    row(d, c, Label::PaidIn, amount(c, r.paidIn));
    row(d, c, Label::PaidOut, amount(c, r.paidOut));
    d.columns(std::string(label(c.language, Label::ExpectedCash)), amount(c, r.expectedCash), TextStyle{.bold = true});
    if (r.countedCash) row(d, c, Label::CountedCash, amount(c, *r.countedCash));
    if (r.variance) {
        d.columns(std::string(label(c.language, Label::Variance)), amount(c, *r.variance), TextStyle{.bold = true});
    }
    closing(d, c);
    return d;
}

}  // namespace frontdesk::kiosk::receipts
