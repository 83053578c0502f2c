#include "kiosk/reception.h"

#include "core/bounded_input.h"
#include "core/ids.h"
#include "guards.h"
#include "kiosk/customer_ids.h"
#include "sql_values.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {

// The refusals, as the event's reason says them (reception.h lists what each means).
constexpr const char* kUnknown = "unknown";
constexpr const char* kNotToday = "not_today";
constexpr const char* kAlreadyIn = "already_in";
constexpr const char* kAlreadyOut = "already_out";

Status checkBookingId(const std::string& id) {
    if (core::isUuidV7(id)) return {};
    return core::invalidArgument("a booking id is a UUIDv7 (what its QR code carries), not '" + core::excerpt(id) +
                                 "'");
}

Status checkBookingMethod(CheckinMethod method) {
    if (method == CheckinMethod::Qr || method == CheckinMethod::Name) return {};
    return core::invalidArgument("a booking is found by its QR code or by name, not by " +
                                 std::string(checkinMethodKey(method)));
}

Status checkOptionalText(const std::string& text, const char* what) {
    if (text.size() <= Reception::kMaxTextBytes) return {};
    return core::invalidArgument(std::string(what) + " is longer than " + std::to_string(Reception::kMaxTextBytes) +
                                 " bytes: '" + core::excerpt(text) + "'");
}

}  // namespace

Result<CheckinResult> Reception::checkInBooking(const std::string& bookingId, CheckinMethod method) {
    return bookingCheckin(CheckinDirection::In, bookingId, method);
}

Result<CheckinResult> Reception::checkOutBooking(const std::string& bookingId, CheckinMethod method) {
    return bookingCheckin(CheckinDirection::Out, bookingId, method);
}

Result<CheckinResult> Reception::checkInCard(const std::string& card) {
    return record([&]() -> Result<CheckinResult> {
        if (card.empty() || card.size() > kMaxCardBytes) {
            return core::invalidArgument("a member card is 1 to " + std::to_string(kMaxCardBytes) + " characters");
        }
        return decideMember(CheckinMethod::Card, m_directory.memberByCard(card), "");
    });
}

Result<CheckinResult> Reception::checkInMember(const std::string& membershipId) {
    return record([&]() -> Result<CheckinResult> {
        FD_TRY(checkMembershipId(membershipId));
        return decideMember(CheckinMethod::MemberId, m_directory.member(membershipId), membershipId);
    });
}

Result<CheckinResult> Reception::bookingCheckin(CheckinDirection direction, const std::string& bookingId,
                                                CheckinMethod method) {
    return record([&]() -> Result<CheckinResult> {
        FD_TRY(checkBookingId(bookingId));
        FD_TRY(checkBookingMethod(method));
        CheckinResult result;
        result.record.direction = direction;
        result.record.method = method;
        result.record.booking = bookingId;
        auto found = m_directory.booking(bookingId);
        if (!found.ok() && found.status().kind() != core::ErrorKind::NotFound) return found.status();
        if (!found.ok()) {
            result.record.refusal = kUnknown;
            return result;
        }
        result.record.member = found->member;
        result.record.customer = found->customer;
        if (!found->member.empty()) {
            auto member = m_directory.member(found->member);
            if (member.ok()) result.member = *member;
        }
        if (found->status == "completed") {
            result.record.refusal = kAlreadyOut;
        } else if (direction == CheckinDirection::In && found->status == "checked_in") {
            result.record.refusal = kAlreadyIn;
        } else if (direction == CheckinDirection::In && utcDay(found->startsAt) != utcToday(m_ctx.clock)) {
            result.record.refusal = kNotToday;
        }
        result.booking = std::move(found).value();
        return result;
    });
}

// `typedId`: the membership id typed at the desk, recorded when no member has it; a card that
// finds nobody names nobody (the card itself is never recorded).
Result<CheckinResult> Reception::decideMember(CheckinMethod method, Result<Member> found, const std::string& typedId) {
    if (!found.ok() && found.status().kind() != core::ErrorKind::NotFound) return found.status();
    CheckinResult result;
    result.record.method = method;
    if (!found.ok()) {
        result.record.member = typedId;
        result.record.refusal = kUnknown;
        return result;
    }
    result.record.member = found->id;
    const std::string state = memberState(*found, utcToday(m_ctx.clock));
    if (state != "active") result.record.refusal = state;  // suspended or expired
    result.member = std::move(found).value();
    return result;
}

// The order every reception operation keeps: the user and the permission, then (inside the
// transaction, so the decision reads what it writes against) the operation's own checks and its
// decision, then its rows and its one event.
Result<CheckinResult> Reception::record(const std::function<Result<CheckinResult>()>& decide) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto result, decide());
    CheckinRecord& r = result.record;
    r.checkin = m_ctx.ids.next();
    FD_ASSIGN(auto event, m_ctx.outbox.append(EventType::CheckinRecorded, actor.user.id, r.checkin, checkinPayload(r)));
    result.at = event.at;
    FD_ASSIGN(auto* row, m_ctx.db.cached("INSERT INTO checkins (id, direction, booking, member, customer, method,"
                                         " outcome, reason, staff, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(row->bindAll(r.checkin, checkinDirectionKey(r.direction), nullIfEmpty(r.booking), nullIfEmpty(r.member),
                        nullIfEmpty(r.customer), checkinMethodKey(r.method),
                        std::string(r.admitted() ? "admitted" : "refused"), nullIfEmpty(r.refusal), actor.user.id,
                        result.at)
               .run());
    if (r.admitted() && result.booking) {
        FD_ASSIGN(auto* mark, m_ctx.db.cached("UPDATE bookings SET status = ? WHERE id = ?"));
        FD_TRY(mark->bindAll(std::string(r.direction == CheckinDirection::In ? "checked_in" : "completed"), r.booking)
                   .run());
    }
    // The desk sees the visit at once; the next members version from the back office counts it too.
    if (r.admitted() && r.direction == CheckinDirection::In && result.member) {
        FD_ASSIGN(auto* visit, m_ctx.db.cached("UPDATE members SET visits_90_days = visits_90_days + 1, last_visit = ?"
                                               " WHERE id = ?"));
        FD_TRY(visit->bindAll(result.at, r.member).run());
    }
    FD_TRY(tx->commit());
    return result;
}

Result<Visit> Reception::visitorIn(const std::string& name, const std::string& company, const std::string& host) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt));
    FD_TRY(checkText(nameKey(name).empty() ? std::string() : name, "a visitor's name", kMaxTextBytes));
    FD_TRY(checkOptionalText(company, "a visitor's company"));
    FD_TRY(checkOptionalText(host, "a visitor's host"));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    Visit visit{{m_ctx.ids.next(), name, company, host, false}, actor.user.id, {}, {}};
    FD_ASSIGN(visit.record.blocked, m_directory.blocked(name));
    FD_ASSIGN(auto event, m_ctx.outbox.append(EventType::VisitorIn, actor.user.id, visit.record.visit,
                                              visitorInPayload(visit.record)));
    visit.inAt = event.at;
    FD_ASSIGN(auto* row, m_ctx.db.cached("INSERT INTO visits (id, name, company, host, blocked, staff, in_at)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(
        row->bindAll(visit.record.visit, name, company, host, visit.record.blocked ? 1 : 0, actor.user.id, visit.inAt)
            .run());
    FD_TRY(tx->commit());
    return visit;
}

Result<Visit> Reception::visitorOut(const std::string& visitId) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto visit, findVisit(visitId));
    if (!visit.outAt.empty()) {
        return core::failedPrecondition("visitor " + visit.record.name + " signed out already, at " + visit.outAt);
    }
    FD_ASSIGN(auto event,
              m_ctx.outbox.append(EventType::VisitorOut, actor.user.id, visitId, visitorOutPayload(visitId)));
    visit.outAt = event.at;
    FD_ASSIGN(auto* row, m_ctx.db.cached("UPDATE visits SET out_at = ? WHERE id = ?"));
    FD_TRY(row->bindAll(visit.outAt, visitId).run());
    FD_TRY(tx->commit());
    return visit;
}

namespace {

constexpr const char* kVisitColumns = "SELECT id, name, company, host, blocked, staff, in_at, out_at FROM visits";

Visit visitRow(const core::Statement& row) {
    return {{row.text(0), row.text(1), row.text(2), row.text(3), row.int64(4) != 0},
            row.text(5),
            row.text(6),
            row.optionalText(7).value_or("")};
}

}  // namespace

Result<Visit> Reception::findVisit(const std::string& visitId) {
    FD_ASSIGN(auto* stmt, m_ctx.db.cached(std::string(kVisitColumns) + " WHERE id = ?"));
    Visit visit;
    FD_TRY(stmt->bind(1, visitId)
               .firstRow([&](const core::Statement& row) { visit = visitRow(row); },
                         "no visitor signed in here as " + core::excerpt(visitId)));
    return visit;
}

Result<std::vector<Visit>> Reception::visitorsIn() {
    FD_TRY(admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt).status());
    FD_ASSIGN(auto* stmt, m_ctx.db.cached(std::string(kVisitColumns) + " WHERE out_at IS NULL ORDER BY in_at, id"));
    std::vector<Visit> visits;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) { visits.push_back(visitRow(row)); }));
    return visits;
}

Result<std::vector<Booking>> Reception::bookingsToday() {
    FD_TRY(admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt).status());
    return m_directory.bookingsOn(utcToday(m_ctx.clock));
}

}  // namespace frontdesk::kiosk
