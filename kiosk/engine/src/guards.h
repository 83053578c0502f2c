#pragma once
// The checks every operation shares (private to the engine), so they run in one order
// everywhere: the user, then the shift, then the permission; the operation's own validation
// comes after.

#include <cstdint>
#include <optional>
#include <string>

#include "core/money.h"
#include "kiosk/shift_ledger.h"
#include "kiosk/staff_session.h"

namespace frontdesk::kiosk {

struct Actor {
    StaffMember user;
    std::string shift;     // empty when the operation needs no open shift
    std::string approver;  // empty when the user's own role allows it
};

// Logged in, then (when `shifts` is given) an open shift, then allowed or approved.
[[nodiscard]] core::Result<Actor> admit(const StaffSession& session, const ShiftLedger* shifts, Permission permission,
                                        const std::optional<Approval>& approval);

// An amount a person entered: in the till's currency and within 10^10 minor units, so the sums
// of any realistic shift cannot overflow.
[[nodiscard]] core::Status checkEnteredAmount(const core::Money& amount, const core::Currency& tillCurrency);

// An amount against one of the store's limits (StoreLimits): InvalidArgument naming what, the
// amount, the limit and the setting ("a paid-out of 250.00 EUR is more than this store's limit
// of 200.00 EUR (max_paid_out)").
[[nodiscard]] core::Status checkStoreLimit(const core::Money& amount, std::int64_t limitMinor, const char* what,
                                           const char* setting);

// Free text a person entered: present and at most maxBytes ("a void's reason is missing").
[[nodiscard]] core::Status checkText(const std::string& text, const char* what, std::size_t maxBytes);

}  // namespace frontdesk::kiosk
