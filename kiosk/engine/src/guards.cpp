#include "guards.h"

namespace frontdesk::kiosk {

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

core::Status checkEnteredAmount(const core::Money& amount, const core::Currency& tillCurrency) {
    if (!(amount.currency() == tillCurrency)) {
        return core::invalidArgument("amount is in " + std::string(amount.currency().codeView()) + ", this till takes " +
                                     std::string(tillCurrency.codeView()));
    }
    constexpr std::int64_t kMaxEnteredMinor = 10'000'000'000;
    if (amount.minor() > kMaxEnteredMinor || amount.minor() < -kMaxEnteredMinor) {
        return core::invalidArgument("amount " + amount.toString() + " is beyond what a till takes");
    }
    return {};
}

}  // namespace frontdesk::kiosk
