#pragma once
// StaffSession: who is logged in at this till, and what they may do.
//
// authorize() answers one question without side effects on the till's records: may the
// logged-in member do this, or, if their role may not, does the approval offered name someone
// whose role may? It returns the approver's id (empty when none was needed) and writes nothing
// except the approver's PIN attempt count (see StaffDirectory). Recording the approval is the
// operation's job, in its own transaction, once it has succeeded (AuditLog).
//
// Every operation checks in one order: the user (requireUser), then the shift, then the
// permission (authorize), then its own validation.
//
// Unattended (self-service): a member of staff logs in, opens the shift and hands the till to
// customers (startUnattended). The session stays theirs, so every event names the member
// responsible for the lane, but the person at the screen is a customer: authorize() then allows
// only what customers do themselves (Sell, Reception: scan, pay, check in) and wants a member of
// staff's id and PIN for everything else, even what the logged-in member's own role allows. Any
// member whose role allows it may approve, the one logged in included: they have walked over to
// the till. endUnattended() gives the till back to a member of staff, who is then logged in.
// Logging out ends it too.
//
// Owned by the Till; holds references to the directory and the audit log, which the Till owns
// and which outlive it. Not thread-safe: the till's thread calls everything.

#include <optional>
#include <string>

#include "core/database.h"
#include "kiosk/audit_log.h"
#include "kiosk/staff.h"

namespace frontdesk::kiosk {

class StaffSession {
public:
    StaffSession(core::Database& db, StaffDirectory& directory, AuditLog& audit)
        : m_db(db), m_directory(directory), m_audit(audit) {}
    StaffSession(const StaffSession&) = delete;
    StaffSession& operator=(const StaffSession&) = delete;

    // Logs a member in (switching cashier keeps the sale in progress; it completes under the new
    // one). Unauthenticated on a wrong id or PIN, Locked while locked out.
    [[nodiscard]] core::Result<StaffMember> login(const std::string& staffId, const std::string& pin);
    // By id and PIN, or by badge.
    [[nodiscard]] core::Result<StaffMember> login(const Credential& who);
    void logout() {
        m_user.reset();
        m_unattended = false;
    }
    const std::optional<StaffMember>& user() const { return m_user; }
    // A badge read while the till is in use: its holder logs in (a quick cashier switch) or, at a
    // till handed to customers, takes it back (endUnattended).
    [[nodiscard]] core::Result<StaffMember> badge(const std::string& badge);
    [[nodiscard]] bool isStaffBadge(const std::string& badge) const { return m_directory.holdsBadge(badge); }

    // Needs a logged-in member whose role may sell. Audited.
    [[nodiscard]] core::Status startUnattended();
    // A member of staff (their id and PIN, or badge; a role that may sell) takes the till back and is logged
    // in. FailedPrecondition when the till is attended. Audited.
    [[nodiscard]] core::Result<StaffMember> endUnattended(const Approval& staff);
    bool unattended() const { return m_unattended; }

    // The logged-in member, or Unauthenticated.
    [[nodiscard]] core::Result<StaffMember> requireUser() const;

    // May `actor` do `permission`? Returns the approver ("" when the role allows it itself).
    [[nodiscard]] core::Result<std::string> authorize(const StaffMember& actor, Permission permission,
                                                      const std::optional<Approval>& approval) const;
    // Whether the logged-in member's own role allows it (no approval): for rules that depend on
    // who changes the sale, not on an approval. Unattended: what customers may.
    bool userMay(Permission permission) const;
    // What a customer does at an unattended till without a member of staff.
    static bool customersMay(Permission permission) {
        return permission == Permission::Sell || permission == Permission::Reception;
    }

    // Lifts the lockout of `staffId`, approved by a supervisor or manager with their PIN. Needs
    // nobody to be logged in: a locked-out cashier stands at the login screen. Audited.
    [[nodiscard]] core::Status unlock(const std::string& staffId, const Approval& approval);

private:
    core::Database& m_db;
    StaffDirectory& m_directory;
    AuditLog& m_audit;
    std::optional<StaffMember> m_user;
    bool m_unattended = false;
};

}  // namespace frontdesk::kiosk
