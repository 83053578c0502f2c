#pragma once
// Reception: the front desk. Members and bookings checked in and out, visitors signed in and out,
// against what the back office's datasets put in the local tables (ReceptionDirectory), so the
// desk works offline.
//
// Every operation needs a logged-in member whose role may do reception (Permission::Reception:
// cashiers, supervisors, managers and receptionists) and no shift. A check-in is decided here and
// recorded whatever the decision: admitted, or refused with its reason
//   unknown       no such booking, member or card in the local tables
//   suspended     the member is suspended
//   expired       the membership ended (valid_until before today, UTC)
//   not_today     the booking is for another day (check-in)
//   already_in    the booking is checked in already (check-in)
//   already_out   the booking is completed (check-in or check-out)
// so a refusal is an answer (admitted() false), not an error. Errors (nothing written): nobody
// logged in, a role without reception, input that is no id at all (a booking id that is not a
// UUIDv7, a malformed membership id, an empty card), storage.
//
// Each operation writes its row (checkins or visits, and an admitted booking's new status) and
// exactly one outbox event (checkin.recorded, visitor.in, visitor.out; the envelope's staff is the
// member logged in, its at the time of the check-in) in one transaction before it returns.
//
// A visitor whose name is on the block list is signed in all the same, with blocked set, for a
// discreet alert at the desk; the event says so too.
//
// Owned by the Till; holds the context, whose references outlive it. Not thread-safe: the till's
// thread calls everything.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "kiosk/events.h"
#include "kiosk/reception_directory.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

// One check-in or check-out, as committed.
struct CheckinResult {
    CheckinRecord record;
    std::string at;                  // the event's time
    std::optional<Member> member;    // the member, as the local table knows them (before this visit)
    std::optional<Booking> booking;  // the booking, as the local table knows it (before this check-in)
    bool admitted() const { return record.admitted(); }
};

// A visitor signed in here.
struct Visit {
    VisitorRecord record;
    std::string staff;  // who signed them in
    std::string inAt;
    std::string outAt;  // "" while in
};

class Reception {
public:
    explicit Reception(const TillContext& context) : m_ctx(context), m_directory(context.db) {}
    Reception(const Reception&) = delete;
    Reception& operator=(const Reception&) = delete;

    // A booking by its id: scanned from its QR code (CheckinMethod::Qr) or picked by name from the
    // day's list (CheckinMethod::Name). An admitted check-in marks the booking checked_in, an
    // admitted check-out completed.
    [[nodiscard]] core::Result<CheckinResult> checkInBooking(const std::string& bookingId,
                                                             CheckinMethod method = CheckinMethod::Qr);
    [[nodiscard]] core::Result<CheckinResult> checkOutBooking(const std::string& bookingId,
                                                              CheckinMethod method = CheckinMethod::Qr);
    // A member by their card (the scanned text, at most kMaxCardBytes; never stored or sent) or
    // their membership id typed at the desk.
    static constexpr std::size_t kMaxCardBytes = 256;
    [[nodiscard]] core::Result<CheckinResult> checkInCard(const std::string& card);
    [[nodiscard]] core::Result<CheckinResult> checkInMember(const std::string& membershipId);

    // Name 1 to kMaxTextBytes; company and host at most kMaxTextBytes, may be empty.
    static constexpr std::size_t kMaxTextBytes = 200;
    [[nodiscard]] core::Result<Visit> visitorIn(const std::string& name, const std::string& company,
                                                const std::string& host);
    // NotFound for a visit not signed in here, FailedPrecondition when it has signed out already.
    [[nodiscard]] core::Result<Visit> visitorOut(const std::string& visitId);

    // Today's bookings (UTC), earliest first, and the visitors signed in and not out.
    [[nodiscard]] core::Result<std::vector<Booking>> bookingsToday();
    [[nodiscard]] core::Result<std::vector<Visit>> visitorsIn();

private:
    core::Result<CheckinResult> bookingCheckin(CheckinDirection direction, const std::string& bookingId,
                                               CheckinMethod method);
    core::Result<CheckinResult> decideMember(CheckinMethod method, core::Result<Member> found,
                                             const std::string& typedId);
    // Admits the user, decides inside the transaction, writes the rows and the event, commits.
    core::Result<CheckinResult> record(const std::function<core::Result<CheckinResult>()>& decide);
    core::Result<Visit> findVisit(const std::string& visitId);

    TillContext m_ctx;
    ReceptionDirectory m_directory;
};

}  // namespace frontdesk::kiosk
