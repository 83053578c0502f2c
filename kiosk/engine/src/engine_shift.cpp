// Engine: shifts, paid-in/out, no-sale and the X/Z reports.
#include "kiosk/engine.h"

namespace frontdesk::kiosk {

using core::Money;
using core::Result;
using core::Status;

Result<std::string> Engine::openShift(const Money& openingFloat) {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(authorize(Permission::OpenCloseShift, std::nullopt).status());
    FD_TRY(checkCurrency(openingFloat));
    if (m_shiftId) return core::failedPrecondition("shift " + *m_shiftId + " is already open");
    if (openingFloat.isNegative()) return core::invalidArgument("the opening float cannot be negative");
    const std::string id = m_ids.next();
    const auto at = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO shifts (id, staff, opened_at, float_minor) VALUES (?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(id, user.id, at, openingFloat.minor()).run());
    FD_TRY(m_outbox
               .append("shift.opened", user.id, id,
                       {{"shift", id},
                        {"float", openingFloat.minor()},
                        {"currency", std::string(m_settings.currency.codeView())},
                        {"opened_at", at}})
               .status());
    FD_TRY(tx->commit());
    m_shiftId = id;
    return id;
}

Result<ShiftReport> Engine::xReport() {
    FD_TRY(requireUser().status());
    FD_TRY(requireShift());
    return buildShiftReport(m_db, *m_shiftId, std::string(m_settings.currency.codeView()));
}

Result<ShiftReport> Engine::closeShift(const Money& countedCash) {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(authorize(Permission::OpenCloseShift, std::nullopt).status());
    FD_TRY(requireShift());
    FD_TRY(checkCurrency(countedCash));
    if (countedCash.isNegative()) return core::invalidArgument("counted cash cannot be negative");
    if (!m_cart.empty() || !m_tenders.empty()) {
        return core::failedPrecondition("a sale is in progress: complete, park or void it before closing the shift");
    }
    const auto at = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* close, m_db.cached("UPDATE shifts SET closed_at = ?, closed_by = ?, counted_minor = ? WHERE id = ?"));
    FD_TRY(close->bindAll(at, user.id, countedCash.minor(), *m_shiftId).run());
    // The Z report is read inside the closing transaction, so it is exactly what the shift held.
    FD_ASSIGN(auto report, buildShiftReport(m_db, *m_shiftId, std::string(m_settings.currency.codeView())));
    FD_ASSIGN(auto* expected, m_db.cached("UPDATE shifts SET expected_minor = ? WHERE id = ?"));
    FD_TRY(expected->bindAll(report.expectedCash, *m_shiftId).run());
    FD_TRY(m_outbox.append("shift.closed", user.id, *m_shiftId, report.toJson()).status());
    FD_TRY(tx->commit());
    m_shiftId.reset();
    return report;
}

Status Engine::cashMove(const char* kind, const Money& amount, const std::string& reason, Permission permission,
                        const std::optional<Approval>& approval) {
    FD_ASSIGN(auto user, requireUser());
    FD_TRY(requireShift());
    FD_TRY(checkCurrency(amount));
    const bool noSale = std::string_view(kind) == "no_sale";
    if (!noSale && !amount.isPositive()) return core::invalidArgument(std::string(kind) + " amount must be positive");
    if (reason.empty()) return core::invalidArgument(std::string(kind) + " needs a reason");
    FD_ASSIGN(auto approver, authorize(permission, approval));
    const std::string id = m_ids.next();
    const auto at = core::formatIso8601(m_clock.now());
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_ASSIGN(auto* stmt, m_db.cached("INSERT INTO cash_moves (id, shift_id, kind, amount_minor, reason, staff, approved_by, at)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    FD_TRY(stmt->bindAll(id, *m_shiftId, kind, amount.minor(), reason, user.id, approver, at).run());
    nlohmann::json payload = {{"move", id},       {"shift", *m_shiftId}, {"kind", kind},
                              {"amount", amount.minor()}, {"currency", std::string(m_settings.currency.codeView())},
                              {"reason", reason}, {"approved_by", approver}};
    FD_TRY(m_outbox.append(noSale ? "drawer.opened" : "cash.moved", user.id, id, std::move(payload)).status());
    return tx->commit();
}

Status Engine::paidIn(const Money& amount, const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove("paid_in", amount, reason, Permission::PaidIn, approval);
}

Status Engine::paidOut(const Money& amount, const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove("paid_out", amount, reason, Permission::PaidOut, approval);
}

Status Engine::noSale(const std::string& reason, const std::optional<Approval>& approval) {
    return cashMove("no_sale", Money::zero(m_settings.currency), reason, Permission::NoSale, approval);
}

}  // namespace frontdesk::kiosk
