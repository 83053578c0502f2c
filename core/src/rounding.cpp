#include "core/rounding.h"

#include <cassert>

namespace frontdesk::core {

std::string_view roundingModeName(RoundingMode mode) {
    switch (mode) {
        case RoundingMode::HalfUp: return "half_up";
        case RoundingMode::HalfEven: return "half_even";
        case RoundingMode::Down: return "down";
        case RoundingMode::Up: return "up";
    }
    return "half_up";
}

Result<RoundingMode> parseRoundingMode(std::string_view name) {
    for (auto mode : {RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down, RoundingMode::Up}) {
        if (roundingModeName(mode) == name) return mode;
    }
    return invalidArgument("unknown rounding mode '" + std::string(name) +
                           "' (expected half_up, half_even, down or up)");
}

Int128 divideRounded(Int128 num, Int128 den, RoundingMode mode) {
    assert(den != 0);
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const bool negative = num < 0;
    const Int128 absNum = negative ? -num : num;
    Int128 quotient = absNum / den;
    const Int128 remainder = absNum % den;
    if (remainder != 0) {
        const Int128 twice = remainder * 2;
        switch (mode) {
            case RoundingMode::HalfUp:
                if (twice >= den) ++quotient;
                break;
            case RoundingMode::HalfEven:
                if (twice > den || (twice == den && (quotient % 2) != 0)) ++quotient;
                break;
            case RoundingMode::Down:
                break;
            case RoundingMode::Up:
                ++quotient;
                break;
        }
    }
    return negative ? -quotient : quotient;
}

Int128 roundToIncrement(Int128 value, Int128 increment, RoundingMode mode) {
    assert(increment > 0);
    return divideRounded(value, increment, mode) * increment;
}

Int128 pow10(int n) {
    assert(n >= 0 && n <= 36);
    Int128 result = 1;
    for (int i = 0; i < n; ++i) result *= 10;
    return result;
}

}  // namespace frontdesk::core
