#pragma once
// QueueDesk: numbered tickets at the reception desk. A visitor takes a number (printed on a
// ticket), and the desk calls the next number when it is free.
//
// Numbers count from 1 each day (UTC, as the reception's "today") at this terminal: a desk with
// two terminals runs two queues, each with its own printer and its own numbers. A ticket waits
// until it is called; callNext() calls the lowest number still waiting today. Tickets of earlier
// days that were never called are left as they are and no longer listed: yesterday's queue has
// gone home.
//
// Both operations need a logged-in member whose role may do reception (Permission::Reception)
// and no shift, like the rest of the desk. Each writes its row and exactly one outbox event
// (queue.ticket, with state taken or called; the envelope's staff is the member logged in, its at
// the time of the taking or the call) in one transaction before it returns. The taken event's
// entity is the ticket, the called event's the call's own id (the outbox keeps one event per type
// and entity); both payloads name the ticket.
//
// Owned by the Till; holds the context, whose references outlive it. Not thread-safe: the till's
// thread calls everything.

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "kiosk/events.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

// One ticket, as committed.
struct Ticket {
    std::string id;       // UUIDv7, the events' ticket
    int number = 0;       // 1, 2, 3 ... for the day
    std::string service;  // what the visitor came for ("" when the desk does not ask)
    std::string takenAt;
    std::string calledAt;  // "" while waiting
    int ahead = 0;         // tickets of the day waiting before this one when it was read
};

class QueueDesk {
public:
    explicit QueueDesk(const TillContext& context) : m_ctx(context) {}
    QueueDesk(const QueueDesk&) = delete;
    QueueDesk& operator=(const QueueDesk&) = delete;

    // At most kMaxServiceBytes; may be empty.
    static constexpr std::size_t kMaxServiceBytes = 60;
    // The next number of the day, waiting; its ahead counts those waiting before it.
    [[nodiscard]] core::Result<Ticket> take(const std::string& service = {});
    // The lowest number waiting today, now called. NotFound when nobody is waiting.
    [[nodiscard]] core::Result<Ticket> callNext();

    // Today's waiting tickets, lowest number first, and the number called last today.
    [[nodiscard]] core::Result<std::vector<Ticket>> waiting();
    [[nodiscard]] core::Result<std::optional<Ticket>> lastCalled();

private:
    core::Result<std::vector<Ticket>> waitingOn(const std::string& day);

    TillContext m_ctx;
};

}  // namespace frontdesk::kiosk
