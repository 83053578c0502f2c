#include "kiosk/staff_session.h"

namespace frontdesk::kiosk {

using core::Result;
using core::Status;

Result<StaffMember> StaffSession::login(const std::string& staffId, const std::string& pin) {
    return login(Credential{staffId, pin});
}

Result<StaffMember> StaffSession::login(const Credential& who) {
    FD_ASSIGN(auto member, m_directory.authenticate(who));
    m_user = member;
    return member;
}

Result<StaffMember> StaffSession::badge(const std::string& badge) {
    const auto who = Credential::ofBadge(badge);
    return m_unattended ? endUnattended(who) : login(who);
}

Result<StaffMember> StaffSession::requireUser() const {
    if (!m_user) return Status(core::ErrorKind::Unauthenticated, "no one is logged in");
    return *m_user;
}

Result<std::string> StaffSession::authorize(const StaffMember& actor, Permission permission,
                                            const std::optional<Approval>& approval) const {
    if (!m_unattended) return m_directory.authorize(actor, permission, approval);
    if (customersMay(permission) && roleAllows(actor.role, permission)) return std::string();
    if (!approval) {
        return core::permissionDenied(std::string(permissionName(permission)) +
                                      " needs a member of staff at this self-service till");
    }
    return m_directory.approver(*approval, permission, {});
}

bool StaffSession::userMay(Permission permission) const {
    if (!m_user || !roleAllows(m_user->role, permission)) return false;
    return !m_unattended || customersMay(permission);
}

Status StaffSession::startUnattended() {
    FD_ASSIGN(auto user, requireUser());
    if (!roleAllows(user.role, Permission::Sell)) {
        return core::permissionDenied(std::string(roleName(user.role)) + " " + user.id +
                                      " may not hand a till to customers: it sells");
    }
    if (m_unattended) return {};
    FD_TRY(m_audit.staffNow(StaffAction::UnattendedStarted, user.id, nlohmann::json::object()));
    m_unattended = true;
    return {};
}

Result<StaffMember> StaffSession::endUnattended(const Approval& staff) {
    if (!m_unattended) return core::failedPrecondition("this till is not in self-service");
    FD_ASSIGN(auto member, m_directory.authenticate(staff));
    if (!roleAllows(member.role, Permission::Sell)) {
        return core::permissionDenied(std::string(roleName(member.role)) + " " + member.id +
                                      " may not take over a till: it sells");
    }
    FD_TRY(m_audit.staffNow(StaffAction::UnattendedEnded, member.id,
                            {{"attendant", m_user ? m_user->id : std::string()}}));
    m_unattended = false;
    m_user = member;
    return member;
}

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
