#pragma once
// Every event the terminal sends, in one typed place: the event types, the outbox row they
// become, and the one builder per payload. No other file spells an event type or assembles a
// payload; docs/events.md documents exactly this list, and the sync schema is checked against
// kEventTypes.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "kiosk/kinds.h"
#include "kiosk/sale_record.h"
#include "kiosk/shift_report.h"

namespace frontdesk::kiosk {

enum class EventType {
    SaleCompleted,    // sale.completed
    SaleRefunded,     // sale.refunded
    SaleVoided,       // sale.voided
    ShiftOpened,      // shift.opened
    ShiftClosed,      // shift.closed
    CashMoved,        // cash.moved (paid in, paid out)
    DrawerOpened,     // drawer.opened (no-sale)
    ClockIn,          // clock.in (time clock)
    ClockOut,         // clock.out (time clock)
    CheckinRecorded,  // checkin.recorded (reception: a check-in or check-out, admitted or refused)
    VisitorIn,        // visitor.in (reception)
    VisitorOut,       // visitor.out (reception)
    QueueTicket,      // queue.ticket (reception: a number taken or called)
};

inline constexpr std::array kEventTypes = {EventType::SaleCompleted,   EventType::SaleRefunded, EventType::SaleVoided,
                                           EventType::ShiftOpened,     EventType::ShiftClosed,  EventType::CashMoved,
                                           EventType::DrawerOpened,    EventType::ClockIn,      EventType::ClockOut,
                                           EventType::CheckinRecorded, EventType::VisitorIn,    EventType::VisitorOut,
                                           EventType::QueueTicket};

[[nodiscard]] std::string_view eventTypeName(EventType type);
[[nodiscard]] core::Result<EventType> parseEventType(std::string_view name);

// One outbox row: the event as it is stored and sent.
struct OutboxEvent {
    std::int64_t seq = 0;
    std::string id;
    EventType type = EventType::SaleCompleted;
    std::string envelope;  // JSON text as sent (PROTOCOL.md envelope)
    std::string at;        // the envelope's at: when the event happened
};

// A committed sale or refund: its receipt number, its outbox event and the event's payload (for
// the receipt printer and the screen).
struct Committed {
    std::string receiptNo;
    OutboxEvent event;
    nlohmann::json payload;
};

// Whether a committed sale or refund moved cash (a cash tender in its payload): the drawer opens.
[[nodiscard]] bool movesCash(const Committed& committed);

// ---- payloads, one builder per event type ----

// sale.completed and sale.refunded (the record's kind says which).
[[nodiscard]] EventType saleEventType(const SaleRecord& record);
[[nodiscard]] nlohmann::json salePayload(const SaleRecord& record, const std::string& receiptNo);

// sale.voided: what the cart held and which card payments were given back.
struct VoidRecord {
    std::string sale, shift, reason, approvedBy;
    core::Money gross;
    nlohmann::json cart;      // Cart::toJson()
    nlohmann::json reversed;  // [{"amount", "terminal_ref"}] card payments reversed by the void
};
[[nodiscard]] nlohmann::json voidPayload(const VoidRecord& record);

// shift.opened and shift.closed (the Z report).
[[nodiscard]] nlohmann::json shiftOpenedPayload(const std::string& shift, const core::Money& openingFloat,
                                                const std::string& openedAt);
[[nodiscard]] nlohmann::json shiftClosedPayload(const ShiftReport& report);

// cash.moved and drawer.opened.
struct CashMoveRecord {
    std::string id, shift, reason, approvedBy;
    CashMoveKind kind = CashMoveKind::PaidIn;
    core::Money amount;
};
[[nodiscard]] EventType cashMoveEventType(CashMoveKind kind);
[[nodiscard]] nlohmann::json cashMovePayload(const CashMoveRecord& record);

// clock.in and clock.out: a staff member's punch at the time clock. Who punched and when are the
// envelope's staff and at; the payload names the punch and how the member identified themselves.
enum class PunchKind { In, Out };
enum class PunchMethod { Pin, Badge };  // how the member proved who they are
[[nodiscard]] EventType punchEventType(PunchKind kind);
[[nodiscard]] nlohmann::json punchPayload(const std::string& punch, PunchMethod method);

// checkin.recorded: someone checked in or out at the reception desk, admitted or refused. The
// booking, member and customer it was for are left out when there is none (an unknown card names
// nobody); the reason is there exactly when it was refused.
struct CheckinRecord {
    std::string checkin;  // UUIDv7
    CheckinDirection direction = CheckinDirection::In;
    std::string booking, member, customer;
    CheckinMethod method = CheckinMethod::Qr;
    std::string refusal;  // why it was refused ("unknown", "suspended", ...); "" when admitted
    bool admitted() const { return refusal.empty(); }
};
[[nodiscard]] nlohmann::json checkinPayload(const CheckinRecord& record);

// visitor.in and visitor.out: a visitor signed in at the desk (blocked when the name is on the
// store's block list: recorded all the same, for a discreet alert) and signed out again.
struct VisitorRecord {
    std::string visit;  // UUIDv7
    std::string name, company, host;
    bool blocked = false;
};
[[nodiscard]] nlohmann::json visitorInPayload(const VisitorRecord& record);
[[nodiscard]] nlohmann::json visitorOutPayload(const std::string& visit);

// queue.ticket: a number taken at the desk, or called to it (the same ticket, twice).
struct QueueTicketRecord {
    std::string ticket;  // UUIDv7
    int number = 0;
    std::string service;
    QueueState state = QueueState::Taken;
};
[[nodiscard]] nlohmann::json queueTicketPayload(const QueueTicketRecord& record);

}  // namespace frontdesk::kiosk
