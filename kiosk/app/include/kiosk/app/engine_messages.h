#pragma once
// The engine's fixed sentences that reach the screens, in English (engine_messages.cpp).

#include <vector>

namespace frontdesk::kiosk::app {

[[nodiscard]] std::vector<const char*> engineMessages();

}  // namespace frontdesk::kiosk::app
