#include "core/decimal.h"

#include <cassert>
#include <limits>
#include <string>

namespace frontdesk::core {

namespace {

constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kShownChars = 40;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::size_t skipDigits(std::string_view text, std::size_t pos) {
    while (pos < text.size() && isDigit(text[pos])) ++pos;
    return pos;
}

// The text as an error shows it: quoted, and cut short if long.
std::string shown(std::string_view text) {
    if (text.size() <= kShownChars) return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kShownChars)) + "...'";
}

Status notADecimal(std::string_view text, std::string_view why) {
    return invalidArgument(shown(text) + " is not a decimal: " + std::string(why));
}

// Why a character the grammar has no place for is wrong where it stands.
std::string misplaced(char c) {
    switch (c) {
        case ' ': case '\t': case '\n': case '\r': return "spaces are not allowed";
        case ',': return "the decimal point is '.', not ','";
        case 'e': case 'E': return "an exponent is not allowed";
        case '+': return "a '+' sign is not allowed";
        case '-': return "'-' may only come first";
        case '.': return "only one point is allowed";
        default: break;
    }
    if (c > ' ' && c < 127) return std::string("'") + c + "' is not allowed";
    static constexpr char kHex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    return std::string("the byte 0x") + kHex[byte >> 4] + kHex[byte & 15] + " is not allowed";
}

}  // namespace

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

Result<int> Decimal::decimalsWritten(std::string_view text) {
    if (text.empty()) return invalidArgument("'' is not a decimal: it is empty");
    const std::size_t integerStart = text[0] == '-' ? 1 : 0;
    const std::size_t point = skipDigits(text, integerStart);
    if (point == integerStart) {
        if (point == text.size()) return notADecimal(text, "digits must follow the '-'");
        if (text[point] == '.') return notADecimal(text, "a digit must come before the point");
        return notADecimal(text, misplaced(text[point]));
    }
    if (text[integerStart] == '0' && point - integerStart > 1) {
        return notADecimal(text, "leading zeros are not allowed");
    }
    if (point == text.size()) return 0;
    if (text[point] != '.') return notADecimal(text, misplaced(text[point]));
    const std::size_t end = skipDigits(text, point + 1);
    if (end == point + 1 && (end == text.size() || text[end] != '.')) {
        return notADecimal(text, "digits must follow the point");
    }
    if (end != text.size()) return notADecimal(text, misplaced(text[end]));
    return static_cast<int>(end - point - 1);
}

Result<Decimal> Decimal::parse(std::string_view text) {
    FD_ASSIGN(const int decimals, decimalsWritten(text));
    if (decimals > kMaxScale) {
        return invalidArgument(shown(text) + " has more decimals than a decimal can hold: " +
                               std::to_string(decimals) + ", at most " + std::to_string(kMaxScale));
    }
    Int128 units = 0;
    for (const char c : text) {
        if (!isDigit(c)) continue;
        units = units * 10 + (c - '0');
        if (units > kInt64Max) return invalidArgument(shown(text) + " is out of range");
    }
    return fromWide(text[0] == '-' ? -units : units, decimals);
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
