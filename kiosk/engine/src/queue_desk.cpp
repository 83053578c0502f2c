#include "kiosk/queue_desk.h"

#include "core/bounded_input.h"
#include "guards.h"
#include "kiosk/reception_directory.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {

constexpr const char* kTicketColumns =
    "SELECT id, number, service, taken_at, coalesce(called_at, '') FROM queue_tickets";

Ticket ticketRow(const core::Statement& row) {
    Ticket t;
    t.id = row.text(0);
    t.number = static_cast<int>(row.int64(1));
    t.service = row.text(2);
    t.takenAt = row.text(3);
    t.calledAt = row.text(4);
    return t;
}

}  // namespace

Result<Ticket> QueueDesk::take(const std::string& service) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt));
    if (service.size() > kMaxServiceBytes) {
        return core::invalidArgument("a queue's service is longer than " + std::to_string(kMaxServiceBytes) +
                                     " bytes: '" + core::excerpt(service) + "'");
    }
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    const std::string day = utcToday(m_ctx.clock);
    FD_ASSIGN(auto* last, m_ctx.db.cached("SELECT coalesce(max(number), 0) FROM queue_tickets WHERE day = ?"));
    Ticket ticket;
    FD_TRY(last->bind(1, day).firstRow(
        [&](const core::Statement& row) { ticket.number = static_cast<int>(row.int64(0)) + 1; }, ""));
    FD_ASSIGN(auto before, waitingOn(day));
    ticket.ahead = static_cast<int>(before.size());
    ticket.id = m_ctx.ids.next();
    ticket.service = service;
    FD_ASSIGN(auto event,
              m_ctx.outbox.append(EventType::QueueTicket, actor.user.id, ticket.id,
                                  queueTicketPayload({ticket.id, ticket.number, service, QueueState::Taken})));
    ticket.takenAt = event.at;
    FD_ASSIGN(auto* row, m_ctx.db.cached("INSERT INTO queue_tickets (id, number, day, service, taken_at, taken_by)"
                                         " VALUES (?, ?, ?, ?, ?, ?)"));
    FD_TRY(
        row->bindAll(ticket.id, static_cast<std::int64_t>(ticket.number), day, service, ticket.takenAt, actor.user.id)
            .run());
    FD_TRY(tx->commit());
    return ticket;
}

Result<Ticket> QueueDesk::callNext() {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto queue, waitingOn(utcToday(m_ctx.clock)));
    if (queue.empty()) return core::notFound("nobody is waiting: no ticket of today is left to call");
    Ticket ticket = queue.front();
    const std::string call = m_ctx.ids.next();
    FD_ASSIGN(auto event,
              m_ctx.outbox.append(EventType::QueueTicket, actor.user.id, call,
                                  queueTicketPayload({ticket.id, ticket.number, ticket.service, QueueState::Called})));
    ticket.calledAt = event.at;
    FD_ASSIGN(auto* row,
              m_ctx.db.cached("UPDATE queue_tickets SET call_id = ?, called_at = ?, called_by = ? WHERE id = ?"));
    FD_TRY(row->bindAll(call, ticket.calledAt, actor.user.id, ticket.id).run());
    FD_TRY(tx->commit());
    return ticket;
}

Result<std::vector<Ticket>> QueueDesk::waiting() {
    FD_TRY(admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt).status());
    return waitingOn(utcToday(m_ctx.clock));
}

Result<std::optional<Ticket>> QueueDesk::lastCalled() {
    FD_TRY(admit(m_ctx.session, nullptr, Permission::Reception, std::nullopt).status());
    FD_ASSIGN(auto* stmt,
              m_ctx.db.cached(std::string(kTicketColumns) +
                              " WHERE day = ? AND called_at IS NOT NULL ORDER BY called_at DESC, number DESC"
                              " LIMIT 1"));
    std::optional<Ticket> last;
    FD_TRY(stmt->bind(1, utcToday(m_ctx.clock)).forEachRow([&](const core::Statement& row) { last = ticketRow(row); }));
    return last;
}

Result<std::vector<Ticket>> QueueDesk::waitingOn(const std::string& day) {
    FD_ASSIGN(auto* stmt,
              m_ctx.db.cached(std::string(kTicketColumns) + " WHERE day = ? AND called_at IS NULL ORDER BY number"));
    std::vector<Ticket> queue;
    FD_TRY(stmt->bind(1, day).forEachRow([&](const core::Statement& row) {
        Ticket t = ticketRow(row);
        t.ahead = static_cast<int>(queue.size());
        queue.push_back(std::move(t));
    }));
    return queue;
}

}  // namespace frontdesk::kiosk
