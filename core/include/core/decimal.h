#pragma once
// Decimal: an exact decimal number (units x 10^-scale) for quantities and rates: "0.375" kg,
// "19" percent, "8.875" percent. Never binary floating point.
//
// Scale is at most kMaxScale fractional digits; parse() rejects more rather than rounding
// silently, and rejects anything but plain decimal text (see parse()). Values are kept normalised (no trailing fractional zeros), so equal numbers compare
// and print equal.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/rounding.h"
#include "core/status.h"

namespace frontdesk::core {

class Decimal {
public:
    static constexpr int kMaxScale = 9;

    constexpr Decimal() = default;
    // units x 10^-scale; scale in [0, kMaxScale].
    Decimal(std::int64_t units, int scale);
    static Decimal fromInt(std::int64_t value) { return Decimal(value, 0); }

    // The one grammar for decimal text, for every input (quantities, rates, and amounts through
    // Money::parse); docs/money-and-tax.md, "Decimal input":
    //   decimal  = [ "-" ] integer [ "." digits ]
    //   integer  = "0" | "1".."9" { digit }        (no leading zeros: "007" is refused)
    //   digits   = digit { digit }
    // No '+', no leading or trailing '.', no exponent, no spaces. At most kMaxScale decimals,
    // counted as written ("1.5000000000" has ten). Errors name the text and what is wrong:
    // "'5.' is not a decimal: digits must follow the point".
    static Result<Decimal> parse(std::string_view text);
    // Checks text against that grammar only, and returns how many decimals it writes ("1.000": 3),
    // for callers with a tighter limit than kMaxScale (Money::parse: the currency's exponent).
    static Result<int> decimalsWritten(std::string_view text);

    std::int64_t units() const { return m_units; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_units == 0; }
    bool isNegative() const { return m_units < 0; }
    bool isInteger() const { return m_scale == 0; }

    std::string toString() const;

    // value x 10^targetScale, rounded: e.g. 0.375 at scale 2 with half-up is 38.
    Int128 scaledTo(int targetScale, RoundingMode mode) const;

    // Exact sum/difference; error on overflow or if the result needs more than kMaxScale digits.
    Result<Decimal> plus(const Decimal& other) const;
    Result<Decimal> minus(const Decimal& other) const;
    Decimal negated() const { return Decimal(-m_units, m_scale); }

    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) {
        return a.m_units == b.m_units && a.m_scale == b.m_scale;  // normalised
    }

private:
    static Result<Decimal> fromWide(Int128 units, int scale);
    void normalise();

    std::int64_t m_units = 0;
    int m_scale = 0;
};

}  // namespace frontdesk::core
