#pragma once
// Staff, roles and what each role may do.
//
// Staff log in with their id and PIN. PINs are kept only as Argon2id hashes. After
// maxFailedLogins consecutive wrong PINs the account is locked for lockoutSeconds; the counter
// and the lock live in the database, so restarting the till does not reset them. An attempt is
// counted before the PIN is checked, so a till that dies (or is switched off) in the middle of a
// login has counted it: power-cycling never buys extra guesses. A supervisor can lift a lock at
// the till (StaffSession::unlock). An operation the current role may not do can be approved by
// another staff member whose role may, with their PIN; the approver is recorded with the
// operation.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/database.h"
#include "core/password.h"
#include "kiosk/terminal_db.h"

namespace frontdesk::kiosk {

enum class Role { Cashier, Supervisor, Manager, Receptionist };

enum class Permission {
    Sell,  // scan, change quantities, remove lines, tender, park, resume
    OpenCloseShift,
    PaidIn,
    PaidOut,
    LineDiscount,
    CartDiscount,
    PriceOverride,
    VoidSale,
    Refund,  // against a receipt
    RefundWithoutReceipt,
    NoSale,            // open the drawer without a sale
    RefundCardInCash,  // pay back in cash what was paid by card
    ViewJournal,       // read the outbox: every payload of the shift
    ManageStaff,
    UnlockStaff,       // lift a lockout after repeated wrong PINs
    CashBeyondDrawer,  // pay out or refund more cash than the drawer should hold
    Reception,         // check members and bookings in and out, sign visitors in and out
    AgeCheck,          // confirm that a customer is old enough for an age-restricted item
};

[[nodiscard]] std::string_view roleName(Role role);
[[nodiscard]] core::Result<Role> parseRole(std::string_view name);
// Display text ("line discount"), for messages.
[[nodiscard]] std::string_view permissionName(Permission permission);
// Stable key ("line_discount"), as stored in the audit log.
[[nodiscard]] std::string_view permissionKey(Permission permission);
// The policy: cashiers sell, take paid-ins, refund against a receipt, run their shift and work
// the reception desk, and confirm a customer's age; supervisors add discounts, overrides, voids, paid-outs,
// receipt-less refunds and no-sale; managers may do everything; receptionists work the reception desk only (no selling,
// no cash). Anyone on the staff table may clock in and out.
[[nodiscard]] bool roleAllows(Role role, Permission permission);

struct StaffMember {
    std::string id;
    std::string name;
    Role role = Role::Cashier;
};

// A member of staff proving who they are: their id and PIN, or their badge (what the badge
// reader or scanner read; id and PIN are then empty). Offered to log in, to punch the time clock,
// and to approve an operation (an Approval).
struct Credential {
    std::string staffId;
    std::string pin;
    std::string badge{};

    static Credential ofBadge(std::string badge) { return {{}, {}, std::move(badge)}; }
    bool isBadge() const { return !badge.empty(); }
};
// A second member of staff's credential, offered to approve an operation.
using Approval = Credential;

// The staff table: authentication, lockouts and provisioning. Owned by the Till (the session
// reaches it) and by the seed import; same thread as its Database.
class StaffDirectory {
public:
    StaffDirectory(core::Database& db, const core::Clock& clock, const TerminalSettings& settings)
        : m_db(db), m_clock(clock), m_settings(settings) {}
    StaffDirectory(const StaffDirectory&) = delete;
    StaffDirectory& operator=(const StaffDirectory&) = delete;

    // Verifies id and PIN. Unauthenticated on a wrong PIN or unknown id (the same message, so ids
    // cannot be probed), Locked while locked out.
    [[nodiscard]] core::Result<StaffMember> authenticate(const std::string& id, const std::string& pin);
    // Finds the member holding this badge (kept only as core::badgeDigest). Unauthenticated for a
    // badge nobody holds; Locked while its holder is locked out after wrong PINs: a badge is the
    // same account, and a lock is lifted by a supervisor, not walked around. Counts no attempt: a
    // badge is a long number, not a 4-digit guess.
    [[nodiscard]] core::Result<StaffMember> authenticateBadge(const std::string& badge);
    // Whether a member of staff holds this badge (locked out or not): a scanned code is then a
    // badge, not an item's or a booking's.
    [[nodiscard]] bool holdsBadge(const std::string& badge);
    // A badge if the credential carries one, otherwise the id and PIN.
    [[nodiscard]] core::Result<StaffMember> authenticate(const Credential& who);

    // Checks that `actor` may do `permission`, or that `approval` names someone who may.
    // Returns the approver's id (empty when no approval was needed). Writes nothing but the
    // approver's attempt count.
    [[nodiscard]] core::Result<std::string> authorize(const StaffMember& actor, Permission permission,
                                                      const std::optional<Approval>& approval);
    // The one approver check: authenticates the approval and checks that its member's role may
    // do `permission` and that they are not `actor` ("" lets anyone approve, the actor included).
    // Returns the approver's id.
    [[nodiscard]] core::Result<std::string> approver(const Approval& approval, Permission permission,
                                                     const std::string& actor);

    // Clears a lockout and the wrong-PIN count (inside the caller's transaction). NotFound for an
    // unknown id; FailedPrecondition if the member is not locked.
    [[nodiscard]] core::Status unlock(const std::string& id);

    // Adds or replaces a staff member; the PIN is hashed here (4 to 12 digits). The badge as in
    // upsertHashed.
    [[nodiscard]] core::Status upsert(const StaffMember& member, const std::string& pin,
                                      core::HashStrength strength = core::HashStrength::Interactive,
                                      const std::string& badgeSha256 = {});
    // Adds or replaces a staff member from an already hashed PIN (master data from the back office,
    // a seed), with their badge as core::badgeDigest ("" for none). A member whose PIN hash is
    // unchanged keeps their wrong-PIN count and lock; a new PIN clears them.
    [[nodiscard]] core::Status upsertHashed(const StaffMember& member, const std::string& pinHash,
                                            const std::string& badgeSha256 = {});

private:
    core::Database& m_db;
    const core::Clock& m_clock;
    const TerminalSettings& m_settings;
};

}  // namespace frontdesk::kiosk
