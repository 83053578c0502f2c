// The sale receipt and the refund slip: one layout, the refund's marked as such and naming the
// receipt it refunds.
#include "document_parts.h"

namespace frontdesk::kiosk::receipts {

using nlohmann::json;
using peripherals::Align;
using peripherals::BarcodeKind;
using peripherals::Document;
using peripherals::TextStyle;

namespace {

void items(Document& d, const ReceiptContext& c, const json& payload) {
    for (const json& line : list(payload, "lines")) {
        d.columns(text(line, "name"), amount(c, number(line, "gross")));
        const std::string qty = text(line, "qty");
        if (!qty.empty() && qty != "1") d.text(qty + " x " + amount(c, number(line, "unit_price")));
        if (const std::int64_t off = number(line, "discount"); off != 0) {
            d.columns(std::string(label(c.language, Label::Discount)), "-" + amount(c, off));
        }
    }
}

void taxes(Document& d, const ReceiptContext& c, const json& payload) {
    for (const json& rate : list(payload, "tax_breakdown")) {
        // "VAT 19% of 11.90" ... "1.90": the rate, the gross it applies to, and the tax in it.
        d.columns(std::string(label(c.language, Label::Tax)) + " " + text(rate, "rate") + "% " +
                      std::string(label(c.language, Label::Net)) + " " + amount(c, number(rate, "net")),
                  amount(c, number(rate, "tax")));
    }
}

void tenders(Document& d, const ReceiptContext& c, const json& payload) {
    for (const json& t : list(payload, "tenders")) {
        if (text(t, "method") == "card") {
            // Brand and last four digits only: the card number is never known to the till.
            std::string card(label(c.language, Label::Card));
            if (const std::string brand = text(t, "brand"); !brand.empty()) card += " " + brand;
            if (const std::string last4 = text(t, "last4"); !last4.empty()) card += " **** " + last4;
            d.columns(card, amount(c, number(t, "amount")));
            if (const std::string auth = text(t, "auth_code"); !auth.empty()) {
                d.text(std::string(label(c.language, Label::Auth)) + " " + auth);
            }
        } else {
            row(d, c, Label::Cash, amount(c, number(t, "amount")));
            if (const std::int64_t change = number(t, "change"); change != 0) {
                row(d, c, Label::Change, amount(c, change));
            }
        }
    }
}

}  // namespace

Document saleReceipt(const ReceiptContext& c, const Committed& committed) {
    const json& payload = committed.payload;
    const bool refund = committed.event.type == EventType::SaleRefunded;
    Document d;
    storeHeader(d, c);
    if (refund) {
        d.text(std::string(label(c.language, Label::Refund)),
               TextStyle{.bold = true, .inverted = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    }
    row(d, c, Label::Receipt, committed.receiptNo);
    row(d, c, Label::Date, printedTime(committed.event.at));
    row(d, c, Label::Till, c.till);
    if (!c.staffName.empty()) row(d, c, Label::Cashier, c.staffName);
    if (refund) {
        if (const std::string original = text(payload, "original_receipt"); !original.empty()) {
            row(d, c, Label::OriginalReceipt, original);
        }
    }
    d.separator();
    items(d, c, payload);
    d.separator();
    const json& totals = payload.contains("totals") ? payload["totals"] : json::object();
    if (const std::int64_t rounding = number(totals, "rounding"); rounding != 0) {
        row(d, c, Label::Rounding, amount(c, rounding));
    }
    d.columns(std::string(label(c.language, refund ? Label::RefundTotal : Label::Total)),
              std::string(c.currency.codeView()) + " " + amount(c, number(totals, "due")),
              TextStyle{.bold = true, .doubleHeight = true});
    taxes(d, c, payload);
    d.separator();
    tenders(d, c, payload);
    if (const std::string member = text(payload, "member"); !member.empty()) row(d, c, Label::Member, member);
    if (const std::string customer = text(payload, "customer"); !customer.empty() && text(payload, "member").empty()) {
        row(d, c, Label::Customer, customer);
    }
    // The receipt number twice over, for the refund flow's scanner: QR for phones and 2D
    // scanners, Code 128 for the laser scanners many tills still have.
    d.feed().qr(committed.receiptNo, 5).barcode(BarcodeKind::Code128, committed.receiptNo, 60);
    closing(d, c);
    return d;
}

}  // namespace frontdesk::kiosk::receipts
