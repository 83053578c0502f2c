#pragma once
// Integer division with an explicit rounding rule: the one primitive every money and quantity
// computation rounds through, so a rule is applied the same way everywhere.

#include <cstdint>
#include <string_view>

#include "core/status.h"

namespace frontdesk::core {

__extension__ typedef __int128 Int128;  // exact intermediates for price x quantity x rate

enum class RoundingMode {
    HalfUp,    // ties away from zero (commercial rounding, most EU VAT rules)
    HalfEven,  // ties to the even neighbour (banker's rounding)
    Down,      // towards zero (truncate)
    Up,        // away from zero
};

[[nodiscard]] std::string_view roundingModeName(RoundingMode mode);
[[nodiscard]] Result<RoundingMode> parseRoundingMode(std::string_view name);

// num / den rounded by mode. den must not be zero.
[[nodiscard]] Int128 divideRounded(Int128 num, Int128 den, RoundingMode mode);

// value rounded to a multiple of increment (> 0), e.g. 1234 to 1235 with increment 5.
[[nodiscard]] Int128 roundToIncrement(Int128 value, Int128 increment, RoundingMode mode);

// 10^n for 0 <= n <= 36.
[[nodiscard]] Int128 pow10(int n);

}  // namespace frontdesk::core
