#pragma once
// The ids by which the terminal names the people the back office knows (docs/backoffice.md,
// "Customers", "Reception" and "Staffing"): a customer's id, a membership id, and the digest a
// member card or staff badge is kept as. Sales, refunds and check-ins
// carry them in their events, and the members and bookings datasets deliver them; each is checked
// here, in one place, with the rule the event schemas state.

#include <string>
#include <string_view>

#include "core/status.h"
#include "kiosk/sale_record.h"

namespace frontdesk::kiosk {

inline constexpr std::size_t kMaxMembershipIdBytes = 40;

// A customer of the back office: a UUIDv7 in canonical lower-case form. InvalidArgument naming
// `what` otherwise.
[[nodiscard]] core::Status checkCustomerId(const std::string& id, const char* what = "customer");
// A membership id: 1 to 40 of A-Z a-z 0-9 - _ (as the back office admits them). InvalidArgument
// naming `what` otherwise.
[[nodiscard]] core::Status checkMembershipId(std::string_view id, const char* what = "member");
// A member card or staff badge as the terminal keeps it (core::badgeDigest): 64 lower-case hex digits.
[[nodiscard]] bool isBadgeDigest(std::string_view text);

// Each id the record names (either may be empty).
[[nodiscard]] core::Status checkSaleCustomer(const SaleCustomer& named);

}  // namespace frontdesk::kiosk
