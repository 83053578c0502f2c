#include "core/decimal.h"

#include <cassert>
#include <limits>

namespace frontdesk::core {

namespace {
constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
}

Decimal::Decimal(std::int64_t units, int scale) : m_units(units), m_scale(scale) {
    assert(scale >= 0 && scale <= kMaxScale);
    normalise();
}

void Decimal::normalise() {
    while (m_scale > 0 && m_units % 10 == 0) {
        m_units /= 10;
        --m_scale;
    }
}

Result<Decimal> Decimal::fromWide(Int128 units, int scale) {
    while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    if (scale > kMaxScale) return invalidArgument("decimal needs more than 9 fractional digits");
    if (units > kInt64Max || units < -kInt64Max) return invalidArgument("decimal out of range");
    return Decimal(static_cast<std::int64_t>(units), scale);
}

Result<Decimal> Decimal::parse(std::string_view text) {
    const std::string shown = "'" + std::string(text.substr(0, 40)) + "'";
    if (text.empty()) return invalidArgument("empty decimal");
    std::size_t pos = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        pos = 1;
    }
    Int128 units = 0;
    int scale = 0;
    bool seenPoint = false;
    int digits = 0;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '.') {
            if (seenPoint) return invalidArgument("not a decimal number: " + shown);
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9') return invalidArgument("not a decimal number: " + shown);
        units = units * 10 + (c - '0');
        ++digits;
        if (seenPoint) ++scale;
        if (units > kInt64Max) return invalidArgument("decimal out of range: " + shown);
    }
    if (digits == 0) return invalidArgument("not a decimal number: " + shown);
    // Trailing zeros do not count against the scale limit ("1.5000000000" is fine).
    while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    if (scale > kMaxScale) return invalidArgument("too many decimal places (at most 9): " + shown);
    return fromWide(negative ? -units : units, scale);
}

std::string Decimal::toString() const {
    const bool negative = m_units < 0;
    // Via unsigned so that the most negative int64 prints correctly.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(m_units) : static_cast<std::uint64_t>(m_units);
    std::string digits = std::to_string(magnitude);
    if (m_scale > 0) {
        if (static_cast<int>(digits.size()) <= m_scale) {
            digits.insert(0, static_cast<std::size_t>(m_scale) + 1 - digits.size(), '0');
        }
        digits.insert(digits.size() - static_cast<std::size_t>(m_scale), ".");
    }
    return negative ? "-" + digits : digits;
}

Int128 Decimal::scaledTo(int targetScale, RoundingMode mode) const {
    if (targetScale >= m_scale) return static_cast<Int128>(m_units) * pow10(targetScale - m_scale);
    return divideRounded(m_units, pow10(m_scale - targetScale), mode);
}

Result<Decimal> Decimal::plus(const Decimal& other) const {
    const int scale = std::max(m_scale, other.m_scale);
    return fromWide(scaledTo(scale, RoundingMode::Down) + other.scaledTo(scale, RoundingMode::Down), scale);
}

Result<Decimal> Decimal::minus(const Decimal& other) const { return plus(other.negated()); }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    const int scale = std::max(a.m_scale, b.m_scale);
    const Int128 x = a.scaledTo(scale, RoundingMode::Down);
    const Int128 y = b.scaledTo(scale, RoundingMode::Down);
    if (x < y) return std::strong_ordering::less;
    if (x > y) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

}  // namespace frontdesk::core
