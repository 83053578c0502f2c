#pragma once
// Money: an integer count of a currency's minor units (cents, yen, fils). Never floating point.
//
// Arithmetic between two currencies is an error, not a conversion: the checked operations return
// a Status naming both currencies; the operators assert (mixing them in code is a programming
// error, mixing them in input is caught by the checked calls at the boundary).

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/rounding.h"
#include "core/status.h"

namespace frontdesk::core {

struct Currency {
    char code[4] = {'X', 'X', 'X', '\0'};  // ISO 4217 alphabetic code
    int exponent = 2;                        // minor-unit digits: EUR 2, JPY 0, KWD 3
    std::int64_t cashIncrement = 1;          // smallest cash step in minor units: CHF 5, SEK 100

    std::string_view codeView() const { return {code, 3}; }
    friend bool operator==(const Currency& a, const Currency& b) { return a.codeView() == b.codeView(); }
};

// Looks a currency up in the built-in ISO 4217 table.
[[nodiscard]] Result<Currency> currencyByCode(std::string_view code);

class Money {
public:
    Money() = default;
    Money(std::int64_t minor, Currency currency) : m_minor(minor), m_currency(currency) {}
    static Money zero(Currency currency) { return Money(0, currency); }

    // "12.34" in the given currency: Decimal::parse's grammar, with at most the currency's exponent of
    // decimals as written ("1.000" is refused in EUR, "5.5" in JPY), and within int64 minor units.
    static Result<Money> parse(std::string_view text, Currency currency);

    std::int64_t minor() const { return m_minor; }
    const Currency& currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }

    // "12.50 EUR": every minor digit and the code. amount() is the shortest decimal ("12.5", for
    // JSON and parsing back); displayAmount() has every minor digit and no code ("12.50", as
    // receipts and screens show money).
    std::string toString() const;
    std::string amount() const;
    std::string displayAmount() const;

    // Checked: errors on a currency mismatch or int64 overflow.
    Result<Money> plus(const Money& other) const;
    Result<Money> minus(const Money& other) const;
    Status sameCurrency(const Money& other) const;

    // this x factor, rounded to the minor unit by mode (unit price x quantity).
    Result<Money> times(const Decimal& factor, RoundingMode mode) const;
    // this x percent / 100 (a 10 percent discount of 19.99 is 2.00 with half-up).
    Result<Money> percentOf(const Decimal& percent, RoundingMode mode) const;
    // Rounded to the currency's cash increment (CHF 12.33 -> 12.35). Within one increment of the
    // int64 limit, where the mode's result would not fit, it rounds towards zero instead: still a
    // multiple of the increment, less than one increment away.
    Money cashRounded(RoundingMode mode = RoundingMode::HalfUp) const;

    Money operator-() const { return Money(-m_minor, m_currency); }
    Money operator+(const Money& o) const;
    Money operator-(const Money& o) const;
    Money& operator+=(const Money& o) { return *this = *this + o; }
    Money& operator-=(const Money& o) { return *this = *this - o; }
    friend bool operator==(const Money& a, const Money& b) {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }
    friend std::strong_ordering operator<=>(const Money& a, const Money& b);

private:
    std::int64_t m_minor = 0;
    Currency m_currency;
};

// Splits total into n parts that differ by at most one minor unit and sum exactly to total;
// the earlier parts take the extra units.
[[nodiscard]] std::vector<Money> allocateEvenly(const Money& total, std::size_t n);

// Splits total in proportion to non-negative weights (largest-remainder method), summing exactly
// to total. All-zero weights split evenly. Ties in remainders go to the earlier part.
[[nodiscard]] std::vector<Money> allocateByWeights(const Money& total, std::span<const std::int64_t> weights);

// Converts a wide intermediate to int64 minor units, or an out-of-range error.
[[nodiscard]] Result<std::int64_t> narrowMinor(Int128 value, std::string_view what);

}  // namespace frontdesk::core
