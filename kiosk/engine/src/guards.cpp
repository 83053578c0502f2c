#include "guards.h"

#include "core/bounded_input.h"
#include "kiosk/limits.h"

namespace frontdesk::kiosk {

using core::Status;

core::Result<Actor> admit(const StaffSession& session, const ShiftLedger* shifts, Permission permission,
                          const std::optional<Approval>& approval) {
    Actor actor;
    FD_ASSIGN(actor.user, session.requireUser());
    if (shifts) {
        FD_ASSIGN(actor.shift, shifts->requireOpen());
    }
    FD_ASSIGN(actor.approver, session.authorize(actor.user, permission, approval));
    return actor;
}

Status checkEnteredAmount(const core::Money& amount, const core::Currency& tillCurrency) {
    if (!(amount.currency() == tillCurrency)) {
        return core::invalidArgument("amount is in " + std::string(amount.currency().codeView()) + ", this till takes " +
                                     std::string(tillCurrency.codeView()));
    }
    if (amount.minor() > kMaxAmountMinor || amount.minor() < -kMaxAmountMinor) {
        return core::invalidArgument("amount " + amount.toString() + " is beyond what a till takes");
    }
    return {};
}

Status checkStoreLimit(const core::Money& amount, std::int64_t limitMinor, const char* what, const char* setting) {
    if (amount.minor() <= limitMinor) return {};
    return core::invalidArgument(std::string(what) + " of " + amount.toString() + " is more than this store's limit of " +
                                 core::Money(limitMinor, amount.currency()).toString() + " (" + setting + ")");
}

Status checkText(const std::string& text, const char* what, std::size_t maxBytes) {
    if (text.empty()) return core::invalidArgument(std::string(what) + " is missing");
    if (text.size() > maxBytes) {
        return core::invalidArgument(std::string(what) + " is longer than " + std::to_string(maxBytes) + " bytes: '" +
                                     core::excerpt(text) + "'");
    }
    return {};
}

}  // namespace frontdesk::kiosk
