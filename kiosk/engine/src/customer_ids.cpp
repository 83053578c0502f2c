#include "kiosk/customer_ids.h"

#include "core/bounded_input.h"
#include "core/ids.h"

namespace frontdesk::kiosk {

core::Status checkCustomerId(const std::string& id, const char* what) {
    if (core::isUuidV7(id)) return {};
    return core::invalidArgument(std::string(what) + " must be a customer id (a UUIDv7), not '" + core::excerpt(id) +
                                 "'");
}

core::Status checkMembershipId(std::string_view id, const char* what) {
    constexpr std::string_view kAllowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    if (!id.empty() && id.size() <= kMaxMembershipIdBytes && id.find_first_not_of(kAllowed) == std::string_view::npos) {
        return {};
    }
    return core::invalidArgument(std::string(what) + " must be a membership id (1 to 40 of A-Z a-z 0-9 - _), not '" +
                                 core::excerpt(id) + "'");
}

bool isBadgeDigest(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

core::Status checkSaleCustomer(const SaleCustomer& named) {
    if (!named.customer.empty()) FD_TRY(checkCustomerId(named.customer));
    if (!named.member.empty()) FD_TRY(checkMembershipId(named.member));
    return {};
}

}  // namespace frontdesk::kiosk
