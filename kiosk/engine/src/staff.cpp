#include "kiosk/staff.h"

#include <array>

#include "core/bounded_input.h"
#include "kiosk/customer_ids.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

namespace {
constexpr std::array kRoles = {Role::Cashier, Role::Supervisor, Role::Manager, Role::Receptionist};
}

std::string_view roleName(Role role) {
    switch (role) {
        case Role::Cashier:
            return "cashier";
        case Role::Supervisor:
            return "supervisor";
        case Role::Manager:
            return "manager";
        case Role::Receptionist:
            return "receptionist";
    }
    return "cashier";
}

Result<Role> parseRole(std::string_view name) {
    for (auto role : kRoles) {
        if (roleName(role) == name) return role;
    }
    return core::invalidArgument("unknown role '" + std::string(name) +
                                 "' (cashier, supervisor, manager or receptionist)");
}

std::string_view permissionName(Permission permission) {
    switch (permission) {
        case Permission::Sell:
            return "sell";
        case Permission::OpenCloseShift:
            return "open or close a shift";
        case Permission::PaidIn:
            return "paid-in";
        case Permission::PaidOut:
            return "paid-out";
        case Permission::LineDiscount:
            return "line discount";
        case Permission::CartDiscount:
            return "sale discount";
        case Permission::PriceOverride:
            return "price override";
        case Permission::VoidSale:
            return "void a sale";
        case Permission::Refund:
            return "refund";
        case Permission::RefundWithoutReceipt:
            return "refund without a receipt";
        case Permission::NoSale:
            return "no-sale drawer opening";
        case Permission::RefundCardInCash:
            return "refund a card payment in cash";
        case Permission::ViewJournal:
            return "view the event journal";
        case Permission::ManageStaff:
            return "manage staff";
        case Permission::UnlockStaff:
            return "unlock a locked staff member";
        case Permission::CashBeyondDrawer:
            return "paying out more cash than the drawer should hold";
        case Permission::Reception:
            return "reception (check-ins and visitors)";
        case Permission::AgeCheck:
            return "age check";
    }
    return "unknown";
}

std::string_view permissionKey(Permission permission) {
    switch (permission) {
        case Permission::Sell:
            return "sell";
        case Permission::OpenCloseShift:
            return "open_close_shift";
        case Permission::PaidIn:
            return "paid_in";
        case Permission::PaidOut:
            return "paid_out";
        case Permission::LineDiscount:
            return "line_discount";
        case Permission::CartDiscount:
            return "sale_discount";
        case Permission::PriceOverride:
            return "price_override";
        case Permission::VoidSale:
            return "void_sale";
        case Permission::Refund:
            return "refund";
        case Permission::RefundWithoutReceipt:
            return "refund_without_receipt";
        case Permission::NoSale:
            return "no_sale";
        case Permission::RefundCardInCash:
            return "refund_card_in_cash";
        case Permission::ViewJournal:
            return "view_journal";
        case Permission::ManageStaff:
            return "manage_staff";
        case Permission::UnlockStaff:
            return "unlock_staff";
        case Permission::CashBeyondDrawer:
            return "cash_beyond_drawer";
        case Permission::Reception:
            return "reception";
        case Permission::AgeCheck:
            return "age_check";
    }
    return "unknown";
}

bool roleAllows(Role role, Permission permission) {
    switch (permission) {
        case Permission::Reception:
            return true;
        case Permission::Sell:
        case Permission::OpenCloseShift:
        case Permission::PaidIn:
        case Permission::Refund:
        case Permission::AgeCheck:
            return role != Role::Receptionist;
        case Permission::PaidOut:
        case Permission::LineDiscount:
        case Permission::CartDiscount:
        case Permission::PriceOverride:
        case Permission::VoidSale:
        case Permission::RefundWithoutReceipt:
        case Permission::NoSale:
        case Permission::RefundCardInCash:
        case Permission::ViewJournal:
        case Permission::UnlockStaff:
        case Permission::CashBeyondDrawer:
            return role == Role::Supervisor || role == Role::Manager;
        case Permission::ManageStaff:
            return role == Role::Manager;
    }
    return false;
}

Result<StaffMember> StaffDirectory::authenticate(const std::string& id, const std::string& pin) {
    const Status wrong(core::ErrorKind::Unauthenticated, "wrong staff id or PIN");
    FD_ASSIGN(auto* find,
              m_db.cached("SELECT name, role, pin_hash, failed_attempts, locked_until FROM staff WHERE id = ?"));
    find->bind(1, id);
    FD_ASSIGN(bool row, find->step());
    if (!row) {
        // Spend the same Argon2id work as for a real id, so timing does not tell which ids exist.
        static const std::string dummy = core::hashSecret("0000").ok() ? *core::hashSecret("0000") : std::string();
        (void)core::verifySecret(dummy, pin);
        return wrong;
    }
    StaffMember member{id, find->text(0), Role::Cashier};
    FD_ASSIGN(member.role, parseRole(find->text(1)));
    const std::string hash = find->text(2);
    const std::int64_t failed = find->int64(3);
    const auto lockedUntil = find->optionalText(4);
    find->reset();

    const auto now = m_clock.now();
    if (lockedUntil) {
        FD_ASSIGN(auto until, core::parseIso8601(*lockedUntil));
        if (now < until) {
            return Status(core::ErrorKind::Locked,
                          "staff " + id + " is locked after repeated wrong PINs until " + *lockedUntil);
        }
    }
    // Count the attempt before checking it, and refuse if it cannot be counted: a database that
    // refuses writes must not allow unlimited guessing. A lock that has expired starts afresh.
    const std::int64_t attempts = (lockedUntil ? 0 : failed) + 1;
    std::optional<std::string> lock;
    if (attempts >= m_settings.maxFailedLogins) {
        lock = core::formatIso8601(now + std::chrono::seconds(m_settings.lockoutSeconds));
    }
    FD_ASSIGN(auto* record, m_db.cached("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
    FD_TRY(record->bind(1, lock ? std::int64_t{0} : attempts).bind(2, lock).bind(3, id).run());
    if (core::verifySecret(hash, pin)) {
        FD_ASSIGN(auto* reset, m_db.cached("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?"));
        FD_TRY(reset->bind(1, id).run());
        return member;
    }
    if (lock)
        return Status(core::ErrorKind::Locked, "staff " + id + " is locked after repeated wrong PINs until " + *lock);
    return wrong;
}

Result<StaffMember> StaffDirectory::authenticateBadge(const std::string& badge) {
    FD_ASSIGN(auto* find, m_db.cached("SELECT id, name, role, locked_until FROM staff WHERE badge_sha256 = ?"));
    find->bind(1, core::badgeDigest(badge));
    FD_ASSIGN(bool row, find->step());
    if (!row) return Status(core::ErrorKind::Unauthenticated, "this badge is not a member of staff's");
    StaffMember member{find->text(0), find->text(1), Role::Cashier};
    FD_ASSIGN(member.role, parseRole(find->text(2)));
    const auto lockedUntil = find->optionalText(3);
    find->reset();
    if (lockedUntil) {
        FD_ASSIGN(auto until, core::parseIso8601(*lockedUntil));
        if (m_clock.now() < until) {
            return Status(core::ErrorKind::Locked,
                          "staff " + member.id + " is locked after repeated wrong PINs until " + *lockedUntil);
        }
    }
    return member;
}

bool StaffDirectory::holdsBadge(const std::string& badge) {
    auto find = m_db.cached("SELECT 1 FROM staff WHERE badge_sha256 = ?");
    if (!find.ok()) return false;
    (*find)->bind(1, core::badgeDigest(badge));
    const auto row = (*find)->step();
    (*find)->reset();
    return row.ok() && *row;
}

Result<StaffMember> StaffDirectory::authenticate(const Credential& who) {
    return who.isBadge() ? authenticateBadge(who.badge) : authenticate(who.staffId, who.pin);
}

Result<std::string> StaffDirectory::authorize(const StaffMember& actor, Permission permission,
                                              const std::optional<Approval>& approval) {
    if (roleAllows(actor.role, permission)) return std::string();
    if (!approval) {
        return core::permissionDenied(std::string(permissionName(permission)) + " needs a supervisor's approval (" +
                                      std::string(roleName(actor.role)) + " " + actor.id + " may not)");
    }
    return approver(*approval, permission, actor.id);
}

Result<std::string> StaffDirectory::approver(const Approval& approval, Permission permission,
                                             const std::string& actor) {
    const Status own = core::permissionDenied("staff cannot approve their own operation");
    // Refused before the PIN is checked, so approving oneself costs no attempt; a badge names its
    // holder only once it is looked up.
    if (!actor.empty() && !approval.isBadge() && approval.staffId == actor) return own;
    FD_ASSIGN(auto member, authenticate(approval));
    if (!actor.empty() && member.id == actor) return own;
    if (!roleAllows(member.role, permission)) {
        return core::permissionDenied(std::string(roleName(member.role)) + " " + member.id + " may not approve " +
                                      std::string(permissionName(permission)));
    }
    return member.id;
}

Status StaffDirectory::unlock(const std::string& id) {
    FD_ASSIGN(auto* find, m_db.cached("SELECT failed_attempts, locked_until FROM staff WHERE id = ?"));
    find->bind(1, id);
    bool locked = false;
    FD_TRY(find->firstRow([&](const core::Statement& row) { locked = row.int64(0) > 0 || !row.isNull(1); },
                          "unknown staff " + core::excerpt(id)));
    if (!locked) return core::failedPrecondition("staff " + id + " is not locked");
    FD_ASSIGN(auto* reset, m_db.cached("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?"));
    return reset->bind(1, id).run();
}

Status StaffDirectory::upsert(const StaffMember& member, const std::string& pin, core::HashStrength strength,
                              const std::string& badgeSha256) {
    if (pin.size() < 4 || pin.size() > 12 || pin.find_first_not_of("0123456789") != std::string::npos) {
        return core::invalidArgument("PIN of staff " + member.id + " must be 4 to 12 digits");
    }
    FD_ASSIGN(auto hash, core::hashSecret(pin, strength));
    return upsertHashed(member, hash, badgeSha256);
}

Status StaffDirectory::upsertHashed(const StaffMember& member, const std::string& pinHash,
                                    const std::string& badgeSha256) {
    if (member.id.empty() || member.id.size() > 32) return core::invalidArgument("staff id must be 1 to 32 characters");
    if (Status valid = core::checkEncodedHash(pinHash); !valid.ok()) {
        return core::invalidArgument("PIN hash of staff " + member.id + ": " + valid.message());
    }
    if (!badgeSha256.empty() && !isBadgeDigest(badgeSha256)) {
        return core::invalidArgument("badge of staff " + member.id + " must be its SHA-256 digest");
    }
    FD_ASSIGN(auto* stmt,
              m_db.cached("INSERT INTO staff (id, name, role, pin_hash, badge_sha256) VALUES (?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT(id) DO UPDATE SET name = ?2, role = ?3, badge_sha256 = ?5,"
                          " failed_attempts = CASE WHEN pin_hash = ?4 THEN failed_attempts ELSE 0 END,"
                          " locked_until = CASE WHEN pin_hash = ?4 THEN locked_until ELSE NULL END, pin_hash = ?4"));
    std::optional<std::string> badge;
    if (!badgeSha256.empty()) badge = badgeSha256;
    return stmt->bindAll(member.id, member.name, roleName(member.role), pinHash, badge).run();
}

}  // namespace frontdesk::kiosk
