#pragma once
// Till: one terminal's engine, wired. It owns the collaborators and connects them the way a
// small main.cpp would; it has no operations of its own. The headless driver and the Qt view
// models take the Till and call the collaborator that owns each operation:
//
//   session()   login, logout, unlock             (StaffSession)
//   shifts()    open, close, X report, cash moves (ShiftLedger)
//   checkout()  the sale in progress              (Checkout)
//   refunds()   refunds                           (Refunds)
//   catalog()   lookups and search                (Catalog, read-only)
//   journal()   events waiting to be delivered    (EventJournal)
//   boundary()  where master data may be applied  (SaleBoundary, thread-safe)
//   timeClock() staff clocking in and out         (TimeClock)
//   reception() check-ins, visitors               (Reception)
//   queue()     queue tickets at the desk         (QueueDesk)
//   history()   receipts to print again           (SaleHistory, read-only)
//
// The Database, Clock and PaymentAdapter are the caller's and must outlive the Till. Not
// thread-safe except boundary(): the till's thread calls everything.

#include <memory>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "kiosk/audit_log.h"
#include "kiosk/catalog.h"
#include "kiosk/checkout.h"
#include "kiosk/event_journal.h"
#include "kiosk/outbox.h"
#include "kiosk/payment.h"
#include "kiosk/queue_desk.h"
#include "kiosk/reception.h"
#include "kiosk/refunds.h"
#include "kiosk/sale_boundary.h"
#include "kiosk/shift_ledger.h"
#include "kiosk/staff.h"
#include "kiosk/staff_session.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till_context.h"
#include "kiosk/time_clock.h"

namespace frontdesk::kiosk {

class Till {
public:
    // The database must be provisioned (settings present). Finds the open shift and reverses card
    // payments of sales a crash lost.
    [[nodiscard]] static core::Result<std::unique_ptr<Till>> open(core::Database& db, const core::Clock& clock,
                                                                  PaymentAdapter& payments);
    Till(const Till&) = delete;
    Till& operator=(const Till&) = delete;
    Till(Till&&) = delete;
    Till& operator=(Till&&) = delete;

    // Identity, currency and lockout rules as provisioned; pricing is read by each sale.
    const TerminalSettings& settings() const { return m_settings; }
    StaffSession& session() { return m_session; }
    ShiftLedger& shifts() { return m_shifts; }
    Checkout& checkout() { return m_checkout; }
    Refunds& refunds() { return m_refunds; }
    Catalog& catalog() { return m_catalog; }
    EventJournal& journal() { return m_journal; }
    SaleBoundary& boundary() { return m_boundary; }
    TimeClock& timeClock() { return m_timeClock; }
    Reception& reception() { return m_reception; }
    QueueDesk& queue() { return m_queue; }
    SaleHistory& history() { return m_history; }  // receipt copies (read-only)

private:
    Till(core::Database& db, const core::Clock& clock, PaymentAdapter& payments, TerminalSettings settings);

    // Declaration order is construction order: each member only refers to those above it.
    const TerminalSettings m_settings;
    core::UuidV7Generator m_ids;
    SaleBoundary m_boundary;
    Catalog m_catalog;
    AuditLog m_audit;
    Outbox m_outbox;
    StaffDirectory m_directory;
    StaffSession m_session;
    TillContext m_context;
    ShiftLedger m_shifts;
    Checkout m_checkout;
    Refunds m_refunds;
    EventJournal m_journal;
    TimeClock m_timeClock;
    Reception m_reception;
    QueueDesk m_queue;
    SaleHistory m_history;
};

}  // namespace frontdesk::kiosk
