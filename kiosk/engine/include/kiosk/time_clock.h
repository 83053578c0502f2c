#pragma once
// TimeClock: staff clocking in and out at this terminal, whatever the till is doing.
//
// A punch needs only the member's own id and PIN, or their badge: nobody need be logged in, no
// shift need be open, and the logged-in cashier and the sale in progress are left as they are.
// The PIN or badge is checked by the StaffDirectory exactly as at login: a PIN attempt is counted
// before the PIN is checked, a wrong one counts toward the lockout, and the errors are login's
// (Unauthenticated, Locked). Each punch writes its row and exactly one outbox event (clock.in or clock.out, whose
// envelope names the member who punched as staff and the punch time as at) in one transaction
// before it returns. Clocking in twice, or out without being in, is FailedPrecondition and
// writes nothing but the counted PIN attempt.
//
// Who is in is read from the rows (the time_clock table), so it survives a restart. It is this
// terminal's own record: it knows the punches made here; the back office sees every terminal's.
//
// Owned by the Till; holds references to the context and the staff directory, which the Till
// owns and which outlive it. Not thread-safe: the till's thread calls everything.

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "kiosk/events.h"
#include "kiosk/staff.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

// One punch, as committed.
struct Punch {
    std::string id;     // UUIDv7, the event payload's punch
    std::string staff;  // who punched
    PunchKind kind = PunchKind::In;
    std::string at;    // the event's envelope time
    std::string name;  // the member's, for the screen (not in the event)
};

// A member's state at this terminal's time clock.
struct ClockStatus {
    bool in = false;
    // In: when they clocked in. Out: when they last clocked out here ("" if they never did).
    std::string since;
};

// A member on the clock now.
struct ClockedIn {
    std::string staff;
    std::string name;   // "" for a member no longer in the staff table
    std::string since;  // when they clocked in
};

class TimeClock {
public:
    TimeClock(const TillContext& context, StaffDirectory& directory) : m_ctx(context), m_directory(directory) {}
    TimeClock(const TimeClock&) = delete;
    TimeClock& operator=(const TimeClock&) = delete;

    [[nodiscard]] core::Result<Punch> clockIn(const std::string& staffId, const std::string& pin);
    [[nodiscard]] core::Result<Punch> clockOut(const std::string& staffId, const std::string& pin);
    // By id and PIN, or by badge (the event's method says which).
    [[nodiscard]] core::Result<Punch> punch(PunchKind kind, const Credential& who);
    // In, or out when the member is in: a badge held to a time clock's reader.
    [[nodiscard]] core::Result<Punch> toggle(const Credential& who);

    // Reads only; needs no PIN. An id that never punched here is out, since "".
    [[nodiscard]] core::Result<ClockStatus> status(const std::string& staffId);
    // Everyone on the clock now, earliest first.
    [[nodiscard]] core::Result<std::vector<ClockedIn>> clockedIn();

private:
    // kind: none to toggle.
    core::Result<Punch> punchAs(std::optional<PunchKind> kind, const Credential& who);
    core::Status record(const Punch& punch);

    TillContext m_ctx;
    StaffDirectory& m_directory;
};

}  // namespace frontdesk::kiosk
