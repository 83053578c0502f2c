#include "kiosk/staff_session.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<StaffMember> StaffSession::login(const std::string& staffId, const std::string& pin) {
    FD_ASSIGN(auto member, m_directory.authenticate(staffId, pin));
    m_user = member;
    return member;
}

Result<StaffMember> StaffSession::requireUser() const {
    if (!m_user) return Status(core::ErrorKind::Unauthenticated, "no one is logged in");
    return *m_user;
}

Result<std::string> StaffSession::authorize(const StaffMember& actor, Permission permission,
                                            const std::optional<Approval>& approval) const {
    return m_directory.authorize(actor, permission, approval);
}

bool StaffSession::userMay(Permission permission) const { return m_user && roleAllows(m_user->role, permission); }

Status StaffSession::unlock(const std::string& staffId, const Approval& approval) {
    // The locked member is the one asking; the approval check treats them as the actor, so they
    // cannot approve their own unlock.
    const StaffMember locked{staffId, {}, Role::Cashier};
    FD_ASSIGN(auto approver, m_directory.authorize(locked, Permission::UnlockStaff, approval));
    FD_ASSIGN(auto tx, core::Transaction::begin(m_db));
    FD_TRY(m_directory.unlock(staffId));
    FD_TRY(m_audit.approval(Permission::UnlockStaff, staffId, approver, nlohmann::json::object()));
    return tx->commit();
}

}  // namespace frontdesk::kiosk
