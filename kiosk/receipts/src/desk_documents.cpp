// What the reception desk prints: a visitor's badge and a queue ticket.
#include "document_parts.h"

namespace frontdesk::kiosk::receipts {

using peripherals::Align;
using peripherals::Document;
using peripherals::TextStyle;

Document visitorBadge(const ReceiptContext& c, const Visit& visit) {
    Document d;
    if (!c.header.name.empty()) d.text(c.header.name, TextStyle{.bold = true}, Align::Center);
    d.text(std::string(label(c.language, Label::Visitor)),
           TextStyle{.bold = true, .inverted = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    d.feed().text(visit.record.name, TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    if (!visit.record.company.empty()) d.text(visit.record.company, {}, Align::Center);
    d.feed();
    if (!visit.record.host.empty()) row(d, c, Label::Visiting, visit.record.host);
    row(d, c, Label::SignedIn, printedTime(visit.inAt));
    // Scanned at the desk to sign the visitor out.
    d.feed().qr(visit.record.visit, 4);
    d.cut();
    return d;
}

Document queueTicket(const ReceiptContext& c, const Ticket& t) {
    Document d;
    if (!c.header.name.empty()) d.text(c.header.name, TextStyle{.bold = true}, Align::Center);
    if (!t.service.empty()) d.text(t.service, {}, Align::Center);
    d.separator().text(std::string(label(c.language, Label::YourNumber)), {}, Align::Center);
    d.text(std::to_string(t.number), TextStyle{.bold = true, .doubleWidth = true, .doubleHeight = true}, Align::Center);
    d.separator();
    row(d, c, Label::Ahead, std::to_string(t.ahead));
    row(d, c, Label::Date, printedTime(t.takenAt));
    closing(d, c);
    return d;
}

}  // namespace frontdesk::kiosk::receipts
