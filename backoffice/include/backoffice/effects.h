#pragma once
// What each terminal event does in the back office (docs/backoffice.md): the ledger entry, the
// stock moves and the shift record it makes, all inside the ingest transaction that admits the
// event (sync::IngestLedger::ingest), so an event and its effects commit together or not at all.
//
//   sale.completed   the sale recomputed (sale_check.h); Dr cash / card clearing, Cr revenue and
//                    output tax per rate, rounding; stock out per line; cost of goods at the
//                    item's cost when known
//   sale.refunded    the reverse: Dr refunds and output tax per rate, Cr cash / card clearing;
//                    stock back in; cost of goods reversed
//   cash.moved       paid in: Dr cash, Cr other income; paid out: Dr paid out, Cr cash
//   shift.opened     the float: Dr cash, Cr safe; the shift recorded
//   shift.closed     the Z report recorded against the shift (the over/short is posted when the
//                    shift is reconciled)
//   clock.in, clock.out  the punch recorded for the time clock (staff.h)
//   checkin.recorded, visitor.in, visitor.out   the visit recorded; a booking checked in or
//                    completed (reception.h); a sale or refund naming a customer or member joins
//                    their record (customers.h)
//   queue.ticket     the ticket recorded, taken or called (reception.h, attendance)
//   drawer.opened, sale.voided   no money moved: admitted and kept in the ingest ledger only
//
// An event that cannot be applied (store not configured, figures that do not add up, unknown
// shift, amounts out of range) is refused with the reason: the ingest ledger dead-letters it. A
// SKU the back office does not know is applied all the same and flagged for review.

#include "core/database.h"
#include "sync/delivery.h"

namespace frontdesk::backoffice {

class EventEffects {
public:
    explicit EventEffects(core::Database& db) : m_db(db) {}
    EventEffects(const EventEffects&) = delete;
    EventEffects& operator=(const EventEffects&) = delete;

    // One valid, new event (IngestLedger::Apply).
    [[nodiscard]] core::Status apply(const sync::Delivery& delivery);

private:
    core::Status sale(const sync::Delivery& d, bool refund);
    core::Status cashMove(const sync::Delivery& d);
    core::Status shiftOpened(const sync::Delivery& d);
    core::Status shiftClosed(const sync::Delivery& d);
    core::Status punch(const sync::Delivery& d);
    core::Status customerSale(const sync::Delivery& d, bool refund);
    core::Status visit(const sync::Delivery& d);
    core::Status queueTicket(const sync::Delivery& d);
    core::Status stockMove(const sync::Delivery& d, const std::string& sku, std::int64_t qtyMilli, const char* kind);
    core::Status addToShift(const std::string& shift, std::int64_t cashIn, std::int64_t cashOut, std::int64_t card);

    core::Database& m_db;
};

}  // namespace frontdesk::backoffice
