#pragma once
// The table of headless actions: one handler per action name.

#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/headless.h"
#include "kiosk/payment.h"
#include "kiosk/till.h"

namespace frontdesk::kiosk::headless {

struct Context {
    Till& till;
    FakePaymentAdapter* fake;   // may be null
    const SyncProbe& sync;      // empty when the till runs without sync
    const PrintProbe& printer;  // empty when the till has no printer
};

// The logged-in member's name, for what is printed ("" when nobody is).
std::string staffName(const Context& c);

using Handler = core::Result<nlohmann::json> (*)(Context& context, const nlohmann::json& action);

// The handler for an action name, or null for an unknown action.
Handler findAction(std::string_view name);

// An operation's Status as an answer: {} when it succeeded.
inline core::Result<nlohmann::json> done(const core::Status& status) {
    if (!status.ok()) return status;
    return nlohmann::json::object();
}

// The staff's and the reception desk's actions (headless_desk_actions.cpp).
namespace desk {
core::Result<nlohmann::json> login(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> logout(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> unlock(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> clockIn(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> clockOut(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> clockedIn(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> checkin(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> checkout(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> visitorIn(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> visitorOut(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> visitorsIn(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> bookingsToday(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> queueTake(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> queueCall(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> queueWaiting(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> reprint(Context& c, const nlohmann::json& a);
core::Result<nlohmann::json> printerStatus(Context& c, const nlohmann::json& a);
}  // namespace desk

}  // namespace frontdesk::kiosk::headless
