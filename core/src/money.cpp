#include "core/money.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <limits>
#include <numeric>

namespace frontdesk::core {

namespace {

struct CurrencyRow {
    const char* code;
    int exponent;
    std::int64_t cashIncrement;
};

// ISO 4217 minor-unit exponents, with the cash rounding step where the currency has one
// (Swiss 5 Rappen, Swedish and Norwegian whole kronor, Danish 50 øre, ...).
constexpr std::array kCurrencies = {
    CurrencyRow{"AED", 2, 1},   CurrencyRow{"AUD", 2, 5},   CurrencyRow{"BHD", 3, 1},
    CurrencyRow{"BRL", 2, 1},   CurrencyRow{"CAD", 2, 5},   CurrencyRow{"CHF", 2, 5},
    CurrencyRow{"CLP", 0, 1},   CurrencyRow{"CNY", 2, 1},   CurrencyRow{"CZK", 2, 100},
    CurrencyRow{"DKK", 2, 50},  CurrencyRow{"EUR", 2, 1},   CurrencyRow{"GBP", 2, 1},
    CurrencyRow{"HKD", 2, 10},  CurrencyRow{"HUF", 2, 500}, CurrencyRow{"IDR", 2, 1},
    CurrencyRow{"ILS", 2, 10},  CurrencyRow{"INR", 2, 1},   CurrencyRow{"ISK", 0, 1},
    CurrencyRow{"JOD", 3, 1},   CurrencyRow{"JPY", 0, 1},   CurrencyRow{"KRW", 0, 1},
    CurrencyRow{"KWD", 3, 1},   CurrencyRow{"MXN", 2, 1},   CurrencyRow{"NOK", 2, 100},
    CurrencyRow{"NZD", 2, 10},  CurrencyRow{"OMR", 3, 1},   CurrencyRow{"PLN", 2, 1},
    CurrencyRow{"RON", 2, 1},   CurrencyRow{"SAR", 2, 1},   CurrencyRow{"SEK", 2, 100},
    CurrencyRow{"SGD", 2, 5},   CurrencyRow{"THB", 2, 1},   CurrencyRow{"TND", 3, 1},
    CurrencyRow{"TRY", 2, 1},   CurrencyRow{"TWD", 2, 1},   CurrencyRow{"USD", 2, 1},
    CurrencyRow{"VND", 0, 1},   CurrencyRow{"ZAR", 2, 10},
};

constexpr Int128 kMinorMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

Result<Currency> currencyByCode(std::string_view code) {
    for (const auto& row : kCurrencies) {
        if (code == row.code) {
            Currency c;
            std::copy_n(row.code, 4, c.code);
            c.exponent = row.exponent;
            c.cashIncrement = row.cashIncrement;
            return c;
        }
    }
    return invalidArgument("unknown currency '" + std::string(code.substr(0, 8)) + "'");
}

Result<std::int64_t> narrowMinor(Int128 value, std::string_view what) {
    if (value > kMinorMax || value < -kMinorMax) {
        return invalidArgument(std::string(what) + " is out of range");
    }
    return static_cast<std::int64_t>(value);
}

Result<Money> Money::parse(std::string_view text, Currency currency) {
    // Decimals are counted as written: "1.000" is three decimals, too many for EUR though it is 1.00.
    FD_ASSIGN(const int decimals, Decimal::decimalsWritten(text));
    const std::string amount = "amount '" + std::string(text.substr(0, 40)) + "'";
    const std::string code(currency.codeView());
    if (decimals > currency.exponent) {
        const std::string allowed = currency.exponent == 0 ? code + " amounts are whole"
                                                           : "at most " + std::to_string(currency.exponent);
        return invalidArgument(amount + " has more decimals than " + code + " allows: " + std::to_string(decimals) +
                               ", " + allowed);
    }
    FD_ASSIGN(Decimal d, Decimal::parse(text));
    FD_ASSIGN(auto minor, narrowMinor(d.scaledTo(currency.exponent, RoundingMode::Down), amount + " in " + code));
    return Money(minor, currency);
}

std::string Money::amount() const { return Decimal(m_minor, m_currency.exponent).toString(); }

std::string Money::toString() const { return displayAmount() + " " + std::string(m_currency.codeView()); }

std::string Money::displayAmount() const {
    // Always show all minor digits ("12.50", not "12.5").
    std::string text = amount();
    if (m_currency.exponent > 0) {
        auto point = text.find('.');
        if (point == std::string::npos) {
            text += '.';
            point = text.size() - 1;
        }
        const auto have = text.size() - point - 1;
        text.append(static_cast<std::size_t>(m_currency.exponent) - have, '0');
    }
    return text;
}

Status Money::sameCurrency(const Money& other) const {
    if (m_currency == other.m_currency) return {};
    return invalidArgument("currency mismatch: " + std::string(m_currency.codeView()) + " and " +
                           std::string(other.m_currency.codeView()));
}

Result<Money> Money::plus(const Money& other) const {
    FD_TRY(sameCurrency(other));
    FD_ASSIGN(auto minor, narrowMinor(static_cast<Int128>(m_minor) + other.m_minor, "sum"));
    return Money(minor, m_currency);
}

Result<Money> Money::minus(const Money& other) const {
    // Not plus(-other): negating the most negative int64 overflows.
    FD_TRY(sameCurrency(other));
    FD_ASSIGN(auto minor, narrowMinor(static_cast<Int128>(m_minor) - other.m_minor, "difference"));
    return Money(minor, m_currency);
}

Result<Money> Money::times(const Decimal& factor, RoundingMode mode) const {
    const Int128 wide = divideRounded(static_cast<Int128>(m_minor) * factor.units(), pow10(factor.scale()), mode);
    FD_ASSIGN(auto minor, narrowMinor(wide, "amount"));
    return Money(minor, m_currency);
}

Result<Money> Money::percentOf(const Decimal& percent, RoundingMode mode) const {
    const Int128 wide =
        divideRounded(static_cast<Int128>(m_minor) * percent.units(), pow10(percent.scale()) * 100, mode);
    FD_ASSIGN(auto minor, narrowMinor(wide, "amount"));
    return Money(minor, m_currency);
}

Money Money::cashRounded(RoundingMode mode) const {
    const Int128 rounded = roundToIncrement(m_minor, m_currency.cashIncrement, mode);
    if (rounded > INT64_MAX || rounded < INT64_MIN) {
        return Money(static_cast<std::int64_t>(roundToIncrement(m_minor, m_currency.cashIncrement, RoundingMode::Down)),
                     m_currency);
    }
    return Money(static_cast<std::int64_t>(rounded), m_currency);
}

Money Money::operator+(const Money& o) const {
    assert(m_currency == o.m_currency);
    return Money(m_minor + o.m_minor, m_currency);
}

Money Money::operator-(const Money& o) const {
    assert(m_currency == o.m_currency);
    return Money(m_minor - o.m_minor, m_currency);
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
    assert(a.m_currency == b.m_currency);
    return a.m_minor <=> b.m_minor;
}

std::vector<Money> allocateEvenly(const Money& total, std::size_t n) {
    std::vector<std::int64_t> weights(n, 1);
    return allocateByWeights(total, weights);
}

std::vector<Money> allocateByWeights(const Money& total, std::span<const std::int64_t> weights) {
    const std::size_t n = weights.size();
    std::vector<Money> parts(n, Money::zero(total.currency()));
    if (n == 0) return parts;
    Int128 weightSum = 0;
    for (auto w : weights) {
        assert(w >= 0);
        weightSum += w;
    }
    std::vector<std::int64_t> even;
    if (weightSum == 0) {
        even.assign(n, 1);
        weights = even;
        weightSum = static_cast<Int128>(n);
    }
    // Work on the magnitude so that negative totals (refunds) split the same way mirrored.
    const bool negative = total.minor() < 0;
    const Int128 whole = negative ? -static_cast<Int128>(total.minor()) : total.minor();
    std::vector<Int128> remainders(n);
    Int128 assigned = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Int128 exact = whole * weights[i];
        const Int128 floor = exact / weightSum;
        remainders[i] = exact % weightSum;
        parts[i] = Money(static_cast<std::int64_t>(floor), total.currency());
        assigned += floor;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (Int128 left = whole - assigned, k = 0; left > 0; --left, ++k) {
        auto& part = parts[order[static_cast<std::size_t>(k)]];
        part = Money(part.minor() + 1, total.currency());
    }
    if (negative) {
        for (auto& part : parts) part = -part;
    }
    return parts;
}

}  // namespace frontdesk::core
