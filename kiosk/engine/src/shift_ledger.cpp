#include "kiosk/shift_ledger.h"

#include "guards.h"
#include "kiosk/limits.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Result;
using core::Status;

Status ShiftLedger::load() {
    FD_ASSIGN(auto* shift, m_ctx.db.cached("SELECT id FROM shifts WHERE closed_at IS NULL"));
    Status found = shift->firstRow([&](const core::Statement& row) { m_shiftId = row.text(0); }, "");
    return found.kind() == core::ErrorKind::NotFound ? Status{} : found;
}

Result<std::string> ShiftLedger::requireOpen() const {
    if (!m_shiftId) return core::failedPrecondition("no shift is open: open a shift with a float first");
    return *m_shiftId;
}

Result<std::string> ShiftLedger::open(const Money& openingFloat) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, nullptr, Permission::OpenCloseShift, std::nullopt));
    FD_TRY(checkEnteredAmount(openingFloat, m_ctx.settings.currency));
    if (m_shiftId) return core::failedPrecondition("shift " + *m_shiftId + " is already open");
    if (openingFloat.isNegative()) return core::invalidArgument("the opening float cannot be negative");
    const std::string id = m_ctx.ids.next();
    const auto at = core::formatIso8601(m_ctx.clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto* stmt, m_ctx.db.cached("INSERT INTO shifts (id, staff, opened_at, float_minor) VALUES (?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(id, actor.user.id, at, openingFloat.minor()).run());
    FD_TRY(m_ctx.outbox.append(EventType::ShiftOpened, actor.user.id, id, shiftOpenedPayload(id, openingFloat, at))
               .status());
    FD_TRY(tx->commit());
    m_shiftId = id;
    return id;
}

Result<ShiftReport> ShiftLedger::xReport() {
    FD_TRY(m_ctx.session.requireUser().status());
    FD_ASSIGN(auto shift, requireOpen());
    return buildShiftReport(m_ctx.db, shift, std::string(m_ctx.settings.currency.codeView()));
}

Result<ShiftReport> ShiftLedger::close(const Money& countedCash) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, this, Permission::OpenCloseShift, std::nullopt));
    FD_TRY(checkEnteredAmount(countedCash, m_ctx.settings.currency));
    if (countedCash.isNegative()) return core::invalidArgument("counted cash cannot be negative");
    if (m_ctx.boundary.inSale()) {
        return core::failedPrecondition("a sale is in progress: complete, park or void it before closing the shift");
    }
    const auto at = core::formatIso8601(m_ctx.clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto* close, m_ctx.db.cached("UPDATE shifts SET closed_at = ?, closed_by = ?, counted_minor = ? WHERE id = ?"));
    FD_TRY(close->bindAll(at, actor.user.id, countedCash.minor(), actor.shift).run());
    // The Z report is read inside the closing transaction, so it is exactly what the shift held.
    FD_ASSIGN(auto report, buildShiftReport(m_ctx.db, actor.shift, std::string(m_ctx.settings.currency.codeView())));
    FD_ASSIGN(auto* expected, m_ctx.db.cached("UPDATE shifts SET expected_minor = ? WHERE id = ?"));
    FD_TRY(expected->bindAll(report.expectedCash, actor.shift).run());
    FD_TRY(m_ctx.outbox.append(EventType::ShiftClosed, actor.user.id, actor.shift, shiftClosedPayload(report)).status());
    FD_TRY(tx->commit());
    m_shiftId.reset();
    return report;
}

Status ShiftLedger::cashMove(CashMoveKind kind, const Money& amount, const std::string& reason, Permission permission,
                             const std::optional<Approval>& approval) {
    FD_ASSIGN(auto actor, admit(m_ctx.session, this, permission, approval));
    FD_TRY(checkEnteredAmount(amount, m_ctx.settings.currency));
    const std::string what(cashMoveKindKey(kind));
    if (kind != CashMoveKind::NoSale && !amount.isPositive()) return core::invalidArgument(what + " amount must be positive");
    FD_TRY(checkText(reason, (what + "'s reason").c_str(), kMaxReasonBytes));
    std::string beyondDrawer;  // who approved paying out more than the drawer should hold
    if (kind == CashMoveKind::PaidOut) {
        FD_TRY(checkStoreLimit(amount, m_ctx.settings.limits.maxPaidOutMinor, "a paid-out", "max_paid_out"));
        FD_ASSIGN(beyondDrawer, approveBeyondDrawer(actor, amount, approval));
    }
    const CashMoveRecord move{m_ctx.ids.next(), actor.shift, reason, actor.approver, kind, amount};
    FD_ASSIGN(auto tx, core::Transaction::begin(m_ctx.db));
    FD_ASSIGN(auto* stmt, m_ctx.db.cached("INSERT INTO cash_moves (id, shift_id, kind, amount_minor, reason, staff,"
                                           " approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(move.id, move.shift, what, amount.minor(), reason, actor.user.id, actor.approver,
                         core::formatIso8601(m_ctx.clock.now()))
               .run());
    if (!actor.approver.empty()) {
        FD_TRY(m_ctx.audit.approval(permission, actor.user.id, actor.approver, {{"move", move.id}}));
    }
    if (!beyondDrawer.empty()) {
        FD_TRY(m_ctx.audit.approval(Permission::CashBeyondDrawer, actor.user.id, beyondDrawer, {{"move", move.id}}));
    }
    FD_TRY(m_ctx.outbox.append(cashMoveEventType(kind), actor.user.id, move.id, cashMovePayload(move)).status());
    return tx->commit();
}

// Paying out more than the drawer should hold needs a supervisor (the expected cash of the X
// report); returns who approved it, empty when nobody had to.
Result<std::string> ShiftLedger::approveBeyondDrawer(const Actor& actor, const Money& amount,
                                                     const std::optional<Approval>& approval) {
    FD_ASSIGN(auto drawer, buildShiftReport(m_ctx.db, actor.shift, std::string(m_ctx.settings.currency.codeView())));
    if (amount.minor() <= drawer.expectedCash) return std::string();
    auto approver = m_ctx.session.authorize(actor.user, Permission::CashBeyondDrawer, approval);
    if (!approver.ok()) {
        return approver.status().withContext(amount.toString() + " is more than the " +
                                             Money(drawer.expectedCash, m_ctx.settings.currency).toString() +
                                             " the drawer should hold");
    }
    return approver;
}

Status ShiftLedger::paidIn(const Money& amount, const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove(CashMoveKind::PaidIn, amount, reason, Permission::PaidIn, approval);
}

Status ShiftLedger::paidOut(const Money& amount, const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove(CashMoveKind::PaidOut, amount, reason, Permission::PaidOut, approval);
}

Status ShiftLedger::noSale(const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove(CashMoveKind::NoSale, Money::zero(m_ctx.settings.currency), reason, Permission::NoSale, approval);
}

}  // namespace frontdesk::kiosk
