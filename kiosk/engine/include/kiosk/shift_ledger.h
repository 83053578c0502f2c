#pragma once
// ShiftLedger: the till's shift and the cash that moves outside sales.
//
// Opening and closing a shift, paid-in, paid-out and no-sale each write their row and exactly
// one outbox event in one transaction (with the audit row of any approval used). A shift closes
// only between sales, and its Z report is read inside the closing transaction, so it holds
// exactly what the shift did. Reports come from the rows, never from counters kept in memory. A
// paid-out of more cash than the drawer should hold needs a supervisor, who is then audited.
//
// Owned by the Till; holds references to the collaborators the Till owns, which outlive it. Not
// thread-safe: the till's thread calls everything.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "core/ids.h"
#include "core/money.h"
#include "kiosk/audit_log.h"
#include "kiosk/kinds.h"
#include "kiosk/outbox.h"
#include "kiosk/sale_boundary.h"
#include "kiosk/shift_report.h"
#include "kiosk/staff_session.h"
#include "kiosk/terminal_db.h"
#include "kiosk/till_context.h"

namespace frontdesk::kiosk {

struct Actor;  // who is doing an operation (engine/src/guards.h)

class ShiftLedger {
public:
    explicit ShiftLedger(const TillContext& context) : m_ctx(context) {}
    ShiftLedger(const ShiftLedger&) = delete;
    ShiftLedger& operator=(const ShiftLedger&) = delete;

    // Finds the shift left open by the last run (call once, at start).
    [[nodiscard]] core::Status load();

    [[nodiscard]] core::Result<std::string> open(const core::Money& openingFloat);
    [[nodiscard]] core::Result<ShiftReport> close(const core::Money& countedCash);
    [[nodiscard]] core::Result<ShiftReport> xReport();
    [[nodiscard]] core::Status paidIn(const core::Money& amount, const std::string& reason,
                                      const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Status paidOut(const core::Money& amount, const std::string& reason,
                                       const std::optional<Approval>& approval = std::nullopt);
    [[nodiscard]] core::Status noSale(const std::string& reason, const std::optional<Approval>& approval = std::nullopt);

    const std::optional<std::string>& current() const { return m_shiftId; }
    // The open shift's id, or FailedPrecondition.
    [[nodiscard]] core::Result<std::string> requireOpen() const;

private:
    core::Result<std::string> approveBeyondDrawer(const Actor& actor, const core::Money& amount,
                                                  const std::optional<Approval>& approval);
    core::Status cashMove(CashMoveKind kind, const core::Money& amount, const std::string& reason,
                          Permission permission, const std::optional<Approval>& approval);
    TillContext m_ctx;
    std::optional<std::string> m_shiftId;
};

}  // namespace frontdesk::kiosk
