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
    FakePaymentAdapter* fake;  // may be null
    const SyncProbe& sync;     // empty when the till runs without sync
};

using Handler = core::Result<nlohmann::json> (*)(Context& context, const nlohmann::json& action);

// The handler for an action name, or null for an unknown action.
Handler findAction(std::string_view name);

}  // namespace frontdesk::kiosk::headless
