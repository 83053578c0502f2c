#include "kiosk/events.h"

#include <utility>

namespace frontdesk::kiosk {

bool movesCash(const Committed& committed) {
    const auto tenders = committed.payload.find("tenders");
    if (tenders == committed.payload.end() || !tenders->is_array()) return false;
    for (const auto& t : *tenders) {
        if (t.is_object() && t.value("method", "") == "cash") return true;
    }
    return false;
}

using nlohmann::json;

namespace {

constexpr std::array<std::pair<EventType, std::string_view>, kEventTypes.size()> kNames{{
    {EventType::SaleCompleted, "sale.completed"},
    {EventType::SaleRefunded, "sale.refunded"},
    {EventType::SaleVoided, "sale.voided"},
    {EventType::ShiftOpened, "shift.opened"},
    {EventType::ShiftClosed, "shift.closed"},
    {EventType::CashMoved, "cash.moved"},
    {EventType::DrawerOpened, "drawer.opened"},
    {EventType::ClockIn, "clock.in"},
    {EventType::ClockOut, "clock.out"},
    {EventType::CheckinRecorded, "checkin.recorded"},
    {EventType::VisitorIn, "visitor.in"},
    {EventType::VisitorOut, "visitor.out"},
    {EventType::QueueTicket, "queue.ticket"},
}};

std::string currencyCode(const core::Money& money) {
    return std::string(money.currency().codeView());
}

// Fields are assigned one by one rather than through nested initializer lists: nlohmann's
// initializer lists copy every nested value once more, and this runs on every commit.
json saleLine(const RecordLine& l, std::size_t number) {
    json line = json::object();
    line["line"] = number;
    line["sku"] = l.sku;
    line["name"] = l.name;
    line["qty"] = l.qty.toString();
    line["unit_price"] = l.unitPrice;
    line["discount"] = l.discount;
    line["tax_code"] = l.taxCode;
    line["tax_rate"] = l.taxRate.toString();
    line["net"] = l.net;
    line["tax"] = l.tax;
    line["gross"] = l.gross;
    if (l.originalLine) line["original_line"] = *l.originalLine;
    if (!l.approvedBy.empty()) line["approved_by"] = l.approvedBy;
    return line;
}

json saleTender(const RecordTender& t) {
    json tender = json::object();
    tender["method"] = tenderMethodKey(t.method);
    tender["amount"] = t.amount;
    tender["change"] = t.change;
    if (t.card) {
        tender["brand"] = t.card->brand;
        tender["last4"] = t.card->last4;
        tender["auth_code"] = t.card->authCode;
        tender["terminal_ref"] = t.card->terminalRef;
    }
    if (!t.originalRef.empty()) tender["original_ref"] = t.originalRef;
    return tender;
}

json orNull(const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
}

}  // namespace

std::string_view eventTypeName(EventType type) {
    for (const auto& [t, name] : kNames) {
        if (t == type) return name;
    }
    return "?";
}

core::Result<EventType> parseEventType(std::string_view name) {
    for (const auto& [t, n] : kNames) {
        if (n == name) return t;
    }
    return core::invalidArgument("unknown event type '" + std::string(name) + "'");
}

EventType saleEventType(const SaleRecord& record) {
    return record.kind == SaleKind::Refund ? EventType::SaleRefunded : EventType::SaleCompleted;
}

json salePayload(const SaleRecord& r, const std::string& receiptNo) {
    json payload = json::object();
    payload["sale"] = r.id;
    payload["receipt"] = receiptNo;
    payload["currency"] = r.currency;
    payload["shift"] = r.shiftId;
    payload["price_version"] = r.priceVersion;
    json& lines = payload["lines"] = json::array();
    for (std::size_t i = 0; i < r.lines.size(); ++i) lines.push_back(saleLine(r.lines[i], i + 1));
    json& totals = payload["totals"] = json::object();
    totals["net"] = r.net;
    totals["tax"] = r.tax;
    totals["gross"] = r.gross;
    totals["discount"] = r.discount;
    totals["rounding"] = r.rounding;
    totals["due"] = r.gross + r.rounding;
    json& rates = payload["tax_breakdown"] = json::array();
    for (const auto& b : r.byRate) {
        json rate = json::object();
        rate["tax_code"] = b.taxCode;
        rate["rate"] = b.rate.toString();
        rate["net"] = b.net;
        rate["tax"] = b.tax;
        rate["gross"] = b.gross;
        rates.push_back(std::move(rate));
    }
    json& tenders = payload["tenders"] = json::array();
    for (const auto& t : r.tenders) tenders.push_back(saleTender(t));
    if (!r.approvedBy.empty()) payload["approved_by"] = r.approvedBy;
    if (!r.reason.empty()) payload["reason"] = r.reason;
    // Absent, never null or "", when the sale names nobody (docs/events.md).
    if (!r.customer.customer.empty()) payload["customer"] = r.customer.customer;
    if (!r.customer.member.empty()) payload["member"] = r.customer.member;
    if (!r.ageCheckedBy.empty()) payload["age_checked_by"] = r.ageCheckedBy;
    if (r.kind == SaleKind::Refund) {
        payload["original_sale"] = orNull(r.originalSaleId);
        payload["original_receipt"] = orNull(r.originalReceipt);
    }
    return payload;
}

json voidPayload(const VoidRecord& r) {
    return {{"sale", r.sale},
            {"shift", r.shift},
            {"reason", r.reason},
            {"approved_by", r.approvedBy},
            {"currency", currencyCode(r.gross)},
            {"gross", r.gross.minor()},
            {"cart", r.cart},
            {"reversed", r.reversed.is_null() ? json::array() : r.reversed}};
}

json shiftOpenedPayload(const std::string& shift, const core::Money& openingFloat, const std::string& openedAt) {
    return {{"shift", shift},
            {"float", openingFloat.minor()},
            {"currency", currencyCode(openingFloat)},
            {"opened_at", openedAt}};
}

json shiftClosedPayload(const ShiftReport& report) {
    return report.toJson();
}

EventType cashMoveEventType(CashMoveKind kind) {
    return kind == CashMoveKind::NoSale ? EventType::DrawerOpened : EventType::CashMoved;
}

json cashMovePayload(const CashMoveRecord& r) {
    return {{"move", r.id},
            {"shift", r.shift},
            {"kind", cashMoveKindKey(r.kind)},
            {"amount", r.amount.minor()},
            {"currency", currencyCode(r.amount)},
            {"reason", r.reason},
            {"approved_by", r.approvedBy}};
}

EventType punchEventType(PunchKind kind) {
    return kind == PunchKind::In ? EventType::ClockIn : EventType::ClockOut;
}

json punchPayload(const std::string& punch, PunchMethod method) {
    return {{"punch", punch}, {"method", method == PunchMethod::Pin ? "pin" : "badge"}};
}

json checkinPayload(const CheckinRecord& r) {
    json payload = {{"checkin", r.checkin},
                    {"direction", checkinDirectionKey(r.direction)},
                    {"method", checkinMethodKey(r.method)},
                    {"outcome", r.admitted() ? "admitted" : "refused"}};
    if (!r.booking.empty()) payload["booking"] = r.booking;
    if (!r.member.empty()) payload["member"] = r.member;
    if (!r.customer.empty()) payload["customer"] = r.customer;
    if (!r.admitted()) payload["reason"] = r.refusal;
    return payload;
}

json visitorInPayload(const VisitorRecord& r) {
    return {{"visit", r.visit}, {"name", r.name}, {"company", r.company}, {"host", r.host}, {"blocked", r.blocked}};
}

json visitorOutPayload(const std::string& visit) {
    return {{"visit", visit}};
}

json queueTicketPayload(const QueueTicketRecord& r) {
    return {{"ticket", r.ticket}, {"number", r.number}, {"service", r.service}, {"state", queueStateKey(r.state)}};
}

}  // namespace frontdesk::kiosk
