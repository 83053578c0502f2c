#include "kiosk/time_clock.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<Punch> TimeClock::clockIn(const std::string& staffId, const std::string& pin) {
    return punch(PunchKind::In, Credential{staffId, pin});
}

Result<Punch> TimeClock::clockOut(const std::string& staffId, const std::string& pin) {
    return punch(PunchKind::Out, Credential{staffId, pin});
}

Result<ClockStatus> TimeClock::status(const std::string& staffId) {
    // The open stay if there is one, otherwise the one that ended last.
    FD_ASSIGN(auto* stmt,
              m_ctx.db.cached("SELECT out_at IS NULL, coalesce(out_at, in_at) FROM time_clock WHERE staff = ?"
                              " ORDER BY out_at IS NULL DESC, out_at DESC LIMIT 1"));
    stmt->bind(1, staffId);
    ClockStatus status;
    Status found = stmt->firstRow(
        [&](const core::Statement& row) {
            status.in = row.int64(0) != 0;
            status.since = row.text(1);
        },
        "");
    if (!found.ok() && found.kind() != core::ErrorKind::NotFound) return found;
    return status;
}

Result<std::vector<ClockedIn>> TimeClock::clockedIn() {
    FD_ASSIGN(auto* stmt, m_ctx.db.cached("SELECT t.staff, coalesce(s.name, ''), t.in_at FROM time_clock t"
                                          " LEFT JOIN staff s ON s.id = t.staff WHERE t.out_at IS NULL"
                                          " ORDER BY t.in_at, t.staff"));
    std::vector<ClockedIn> in;
    FD_TRY(stmt->forEachRow([&](const core::Statement& row) {
        in.push_back({row.text(0), row.text(1), row.text(2)});
    }));
    return in;
}

Result<Punch> TimeClock::punch(PunchKind kind, const Credential& who) {
    return punchAs(kind, who);
}

Result<Punch> TimeClock::toggle(const Credential& who) {
    return punchAs(std::nullopt, who);
}

Result<Punch> TimeClock::punchAs(std::optional<PunchKind> wanted, const Credential& who) {
    // Outside the transaction, as at login: the attempt stays counted whatever happens next.
    FD_ASSIGN(auto member, m_directory.authenticate(who));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto current, status(member.id));
    const PunchKind kind = wanted.value_or(current.in ? PunchKind::Out : PunchKind::In);
    if (kind == PunchKind::In && current.in) {
        return core::failedPrecondition("staff " + member.id + " is already clocked in, since " + current.since);
    }
    if (kind == PunchKind::Out && !current.in) {
        return core::failedPrecondition("staff " + member.id + " is not clocked in: " +
                                        (current.since.empty() ? std::string("has not clocked in at this terminal")
                                                               : "clocked out since " + current.since));
    }
    Punch punch{m_ctx.ids.next(), member.id, kind, {}, member.name};
    FD_ASSIGN(auto event,
              m_ctx.outbox.append(punchEventType(kind), member.id, punch.id,
                                  punchPayload(punch.id, who.isBadge() ? PunchMethod::Badge : PunchMethod::Pin)));
    // The punch time is the event's: the envelope's at is the only time the back office sees.
    punch.at = event.at;
    FD_TRY(record(punch));
    FD_TRY(tx->commit());
    return punch;
}

// Inside the punch's transaction, after its state was checked.
Status TimeClock::record(const Punch& punch) {
    if (punch.kind == PunchKind::In) {
        FD_ASSIGN(auto* in, m_ctx.db.cached("INSERT INTO time_clock (in_punch, staff, in_at) VALUES (?, ?, ?)"));
        return in->bindAll(punch.id, punch.staff, punch.at).run();
    }
    FD_ASSIGN(auto* out,
              m_ctx.db.cached("UPDATE time_clock SET out_punch = ?, out_at = ? WHERE staff = ? AND out_at IS NULL"));
    return out->bindAll(punch.id, punch.at, punch.staff).run();
}

}  // namespace frontdesk::kiosk
