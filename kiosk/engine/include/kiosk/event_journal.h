#pragma once
// EventJournal: what the terminal has recorded and not yet delivered, for a supervisor at the
// till (every payload of the shift is in there, so reading it needs ViewJournal) and for the
// sync relay's status. Reads only; the outbox itself is written by the operations.
//
// Owned by the Till; same thread as its Database.

#include <cstdint>
#include <vector>

#include "kiosk/outbox.h"
#include "kiosk/staff_session.h"

namespace frontdesk::kiosk {

class EventJournal {
public:
    EventJournal(Outbox& outbox, const StaffSession& session) : m_outbox(outbox), m_session(session) {}
    EventJournal(const EventJournal&) = delete;
    EventJournal& operator=(const EventJournal&) = delete;

    // Events not yet acknowledged, in seq order; needs ViewJournal.
    [[nodiscard]] core::Result<std::vector<OutboxEvent>> pending(int limit);
    // How many events wait to be delivered (a count only: anyone may see it).
    [[nodiscard]] core::Result<std::int64_t> pendingCount() { return m_outbox.pendingCount(); }

private:
    Outbox& m_outbox;
    const StaffSession& m_session;
};

}  // namespace frontdesk::kiosk
