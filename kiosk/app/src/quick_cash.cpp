#include "kiosk/app/quick_cash.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace frontdesk::kiosk::app {

std::vector<core::Money> quickCashAmounts(const core::Money& due) {
    std::vector<core::Money> amounts;
    if (!due.isPositive()) return amounts;
    const core::Money exact = due.cashRounded();
    amounts.push_back(exact);
    std::int64_t unit = 1;  // one whole unit in minor units
    for (int i = 0; i < due.currency().exponent; ++i) unit *= 10;
    constexpr std::array<std::int64_t, 7> kSteps = {5, 10, 20, 50, 100, 200, 500};
    std::vector<std::int64_t> above;
    for (std::int64_t step : kSteps) {
        const std::int64_t size = step * unit;
        if (exact.minor() > INT64_MAX - size) break;                  // no round amount above this one fits
        const std::int64_t next = (exact.minor() / size + 1) * size;  // above, even when exact is round
        if (std::find(above.begin(), above.end(), next) == above.end()) above.push_back(next);
    }
    std::sort(above.begin(), above.end());
    for (std::size_t i = 0; i < above.size() && i < 3; ++i) amounts.emplace_back(above[i], due.currency());
    return amounts;
}

}  // namespace frontdesk::kiosk::app
