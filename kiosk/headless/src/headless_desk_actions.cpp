// The headless actions of the staff and the reception desk: login, unlock, the time clock,
// check-ins and visitors (headless_actions.h).
#include "headless_actions.h"
#include "headless_fields.h"

namespace frontdesk::kiosk::headless::desk {

using core::Result;
using nlohmann::json;

namespace {

// The time clock takes the member's own id and PIN, or badge: nobody need be logged in.
Result<json> punch(Context& c, const json& a, PunchKind kind) {
    FD_ASSIGN(auto who, credential(a));
    FD_ASSIGN(auto punched, c.till.timeClock().punch(kind, who));
    return json{{"punch", punched.id}, {"staff", punched.staff}, {"at", punched.at}};
}

json bookingJson(const Booking& b) {
    json booking = {{"id", b.id},          {"name", b.name},    {"resource", b.resource}, {"starts_at", b.startsAt},
                    {"ends_at", b.endsAt}, {"status", b.status}};
    if (!b.customer.empty()) booking["customer"] = b.customer;
    if (!b.member.empty()) booking["member"] = b.member;
    return booking;
}

json memberJson(const Member& m, const std::string& today) {
    json member = {{"id", m.id},
                   {"name", m.name},
                   {"state", memberState(m, today)},
                   {"valid_until", m.validUntil},
                   {"visits_90_days", m.visits90Days}};
    if (!m.lastVisit.empty()) member["last_visit"] = m.lastVisit;
    return member;
}

// The event's fields, and for the desk's screen (details) the booking and member as the local
// tables had them.
Result<json> checkinJson(const Result<CheckinResult>& done) {
    if (!done.ok()) return done.status();
    json answer = checkinPayload(done->record);
    answer["at"] = done->at;
    json details = json::object();
    if (done->booking) details["booking"] = bookingJson(*done->booking);
    if (done->member) details["member"] = memberJson(*done->member, utcDay(done->at));
    answer["details"] = std::move(details);
    return answer;
}

// A booking's method: its QR code (the default) or picked by name.
Result<CheckinMethod> bookingMethod(const json& a) {
    FD_ASSIGN(auto key, text(a, "method", false));
    if (key.empty()) return CheckinMethod::Qr;
    return parseCheckinMethod(key);
}

json visitJson(const Visit& v) {
    json visit = visitorInPayload(v.record);
    visit["staff"] = v.staff;
    visit["in_at"] = v.inAt;
    if (!v.outAt.empty()) visit["out_at"] = v.outAt;
    return visit;
}

}  // namespace

Result<json> login(Context& c, const json& a) {
    FD_ASSIGN(auto who, credential(a));
    FD_ASSIGN(auto member, c.till.session().login(who));
    return json{{"staff", member.id}, {"name", member.name}, {"role", roleName(member.role)}};
}

Result<json> logout(Context& c, const json&) {
    c.till.session().logout();
    return json::object();
}

Result<json> unlock(Context& c, const json& a) {
    FD_ASSIGN(auto staff, text(a, "staff"));
    FD_ASSIGN(auto approval, headless::approval(a));
    if (!approval) {
        return core::invalidArgument(
            "unlocking needs a supervisor's 'approver' and 'approver_pin', or 'approver_badge'");
    }
    return done(c.till.session().unlock(staff, *approval));
}

Result<json> clockIn(Context& c, const json& a) {
    return punch(c, a, PunchKind::In);
}
Result<json> clockOut(Context& c, const json& a) {
    return punch(c, a, PunchKind::Out);
}

Result<json> clockedIn(Context& c, const json&) {
    FD_ASSIGN(auto in, c.till.timeClock().clockedIn());
    json list = json::array();
    for (const auto& member : in) {
        list.push_back({{"staff", member.staff}, {"name", member.name}, {"since", member.since}});
    }
    return json{{"clocked_in", list}};
}

// Exactly one of booking, card or member.
Result<json> checkin(Context& c, const json& a) {
    FD_ASSIGN(auto named, exactlyOne(a, {"booking", "card", "member"}));
    Reception& reception = c.till.reception();
    if (named.key == "card") return checkinJson(reception.checkInCard(named.value));
    if (named.key == "member") return checkinJson(reception.checkInMember(named.value));
    FD_ASSIGN(auto method, bookingMethod(a));
    return checkinJson(reception.checkInBooking(named.value, method));
}

Result<json> checkout(Context& c, const json& a) {
    FD_ASSIGN(auto booking, text(a, "booking"));
    FD_ASSIGN(auto method, bookingMethod(a));
    return checkinJson(c.till.reception().checkOutBooking(booking, method));
}

Result<json> visitorIn(Context& c, const json& a) {
    FD_ASSIGN(auto name, text(a, "name"));
    FD_ASSIGN(auto company, text(a, "company", false));
    FD_ASSIGN(auto host, text(a, "host", false));
    FD_ASSIGN(auto visit, c.till.reception().visitorIn(name, company, host));
    json result = visitJson(visit);
    if (c.printer) result["print"] = c.printer.badge(visit);
    return result;
}

Result<json> visitorOut(Context& c, const json& a) {
    FD_ASSIGN(auto id, text(a, "visit"));
    FD_ASSIGN(auto visit, c.till.reception().visitorOut(id));
    return visitJson(visit);
}

Result<json> visitorsIn(Context& c, const json&) {
    FD_ASSIGN(auto visits, c.till.reception().visitorsIn());
    json list = json::array();
    for (const auto& v : visits) list.push_back(visitJson(v));
    return json{{"visitors", list}};
}

Result<json> bookingsToday(Context& c, const json&) {
    FD_ASSIGN(auto bookings, c.till.reception().bookingsToday());
    json list = json::array();
    for (const auto& b : bookings) list.push_back(bookingJson(b));
    return json{{"bookings", list}};
}

json ticketJson(const Ticket& t) {
    json j{{"ticket", t.id}, {"number", t.number}, {"service", t.service}, {"taken_at", t.takenAt}, {"ahead", t.ahead}};
    if (!t.calledAt.empty()) j["called_at"] = t.calledAt;
    return j;
}

// A number taken, and its ticket printed when the till has a printer.
Result<json> queueTake(Context& c, const json& a) {
    FD_ASSIGN(auto service, text(a, "service", false));
    FD_ASSIGN(auto ticket, c.till.queue().take(service));
    json result = ticketJson(ticket);
    if (c.printer) result["print"] = c.printer.ticket(ticket);
    return result;
}

Result<json> queueCall(Context& c, const json&) {
    FD_ASSIGN(auto ticket, c.till.queue().callNext());
    return ticketJson(ticket);
}

Result<json> queueWaiting(Context& c, const json&) {
    FD_ASSIGN(auto waiting, c.till.queue().waiting());
    FD_ASSIGN(auto last, c.till.queue().lastCalled());
    json list = json::array();
    for (const auto& t : waiting) list.push_back(ticketJson(t));
    return json{{"waiting", list}, {"last_called", last ? ticketJson(*last) : json(nullptr)}};
}

// A copy of a receipt, marked as one. Needs a logged-in member: a copy is printed for a customer
// standing at the till.
Result<json> reprint(Context& c, const json& a) {
    if (!c.printer) return core::failedPrecondition("this till has no receipt printer (--printer)");
    FD_TRY(c.till.session().requireUser().status());
    FD_ASSIGN(auto receipt, text(a, "receipt"));
    FD_ASSIGN(auto copy, c.till.history().receiptCopy(receipt));
    return json{{"receipt", receipt}, {"print", c.printer.sale(copy.committed, copy.staffName, true)}};
}

Result<json> printerStatus(Context& c, const json&) {
    if (!c.printer) return core::failedPrecondition("this till has no receipt printer (--printer)");
    return c.printer.status();
}

}  // namespace frontdesk::kiosk::headless::desk
