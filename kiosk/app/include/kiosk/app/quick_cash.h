#pragma once
// The cash amounts a cashier is offered as one-touch buttons for what is still due: the exact sum
// as cash is paid (rounded to the currency's cash step, as the engine settles it), then the next
// round amounts above it that customers hand over: multiples of 5, 10, 20, 50, 100, 200 and 500
// whole units, the three smallest distinct ones. Nothing when nothing is due.

#include <cstdint>
#include <vector>

#include "core/money.h"

namespace frontdesk::kiosk::app {

[[nodiscard]] std::vector<core::Money> quickCashAmounts(const core::Money& due);

}  // namespace frontdesk::kiosk::app
