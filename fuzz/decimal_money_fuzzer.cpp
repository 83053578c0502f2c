// Fuzz target: core::Decimal::parse and core::Money::parse (quantities, rates, amounts typed at
// the till or read from a seed), with the arithmetic a parsed value goes on to.
//
// Properties, for every input:
//   - parsing never crashes, overflows or reads out of bounds (ASan + UBSan);
//   - a parsed Decimal has 0..9 fractional digits, prints as text that parses back to it, and
//     x - x is 0;
//   - Money::parse accepts only decimals (Decimal::parse) with at most the currency's decimals,
//     to the same value, and refuses one with at most the currency's decimals as written only
//     when it is out of range; the amount prints as text that parses back to it;
//   - the money arithmetic (times, percentOf, cashRounded, allocateEvenly) runs without
//     undefined behaviour, cash rounding moves an amount by less than one cash step onto a
//     multiple of it, and an even allocation sums to the total.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/money.h"
#include "fuzz_check.h"

using frontdesk::core::Currency;
using frontdesk::core::Decimal;
using frontdesk::core::Int128;
using frontdesk::core::Money;
using frontdesk::core::RoundingMode;

namespace {

constexpr std::array kModes = {RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down, RoundingMode::Up};

// Exponents 2, 0 and 3, and cash increments 1, 5 and 100.
const std::array<Currency, 5>& currencies() {
    static const std::array<Currency, 5> all = {
        *frontdesk::core::currencyByCode("EUR"), *frontdesk::core::currencyByCode("JPY"),
        *frontdesk::core::currencyByCode("KWD"), *frontdesk::core::currencyByCode("CHF"),
        *frontdesk::core::currencyByCode("SEK")};
    return all;
}

// Decimals as written ("1.50": 2), of text that Decimal::parse accepted.
int decimalsWritten(std::string_view text) {
    const auto point = text.find('.');
    return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

std::string shown(std::string_view text) { return "input '" + std::string(text.substr(0, 80)) + "'"; }

void checkDecimal(std::string_view text, const Decimal& d) {
    FUZZ_CHECK(d.scale() >= 0 && d.scale() <= Decimal::kMaxScale, shown(text));
    const std::string printed = d.toString();
    auto again = Decimal::parse(printed);
    FUZZ_CHECK(again.ok() && *again == d, shown(text) + " printed as '" + printed + "'");
    FUZZ_CHECK(d.isZero() == (printed == "0"), shown(text) + " printed as '" + printed + "'");
    auto zero = d.minus(d);
    FUZZ_CHECK(zero.ok() && zero->isZero(), shown(text) + ": x - x");
    FUZZ_CHECK((d <=> d) == 0, shown(text));
    for (int target = 0; target <= Decimal::kMaxScale; ++target) {
        for (auto mode : kModes) (void)d.scaledTo(target, mode);
    }
}

void checkMoney(std::string_view text, const Currency& currency, const Money& m, const Decimal* asDecimal) {
    const std::string code(currency.codeView());
    FUZZ_CHECK(asDecimal != nullptr, shown(text) + " is money in " + code + " but not a decimal");
    FUZZ_CHECK(asDecimal->scale() <= currency.exponent, shown(text) + " has more decimals than " + code);
    FUZZ_CHECK(static_cast<Int128>(m.minor()) == asDecimal->scaledTo(currency.exponent, RoundingMode::Down),
               shown(text) + " in " + code + " parsed to " + std::to_string(m.minor()) + " minor units");
    auto again = Money::parse(m.amount(), currency);
    FUZZ_CHECK(again.ok() && *again == m, shown(text) + " in " + code + " printed as '" + m.amount() + "'");
    (void)m.toString();
    for (auto mode : kModes) {
        (void)m.times(*asDecimal, mode);
        (void)m.percentOf(*asDecimal, mode);
        const Money cash = m.cashRounded(mode);
        const Int128 step = currency.cashIncrement;
        const Int128 moved = static_cast<Int128>(cash.minor()) - m.minor();
        FUZZ_CHECK(cash.minor() % currency.cashIncrement == 0 && moved > -step && moved < step,
                   shown(text) + " in " + code + " cash-rounded to " + std::to_string(cash.minor()) + " minor units");
    }
    for (std::size_t n : {1u, 3u, 7u}) {
        Int128 sum = 0;
        for (const auto& part : frontdesk::core::allocateEvenly(m, n)) sum += part.minor();
        FUZZ_CHECK(sum == m.minor(), shown(text) + " in " + code + " split " + std::to_string(n) + " ways");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto d = Decimal::parse(text);
    if (d.ok()) checkDecimal(text, *d);
    for (const auto& currency : currencies()) {
        auto m = Money::parse(text, currency);
        if (m.ok()) {
            checkMoney(text, currency, *m, d.ok() ? &*d : nullptr);
        } else if (d.ok() && decimalsWritten(text) <= currency.exponent) {
            // Refused although it is a decimal with few enough digits: only for being out of range.
            const Int128 minor = d->scaledTo(currency.exponent, RoundingMode::Down);
            const Int128 limit = INT64_MAX;
            FUZZ_CHECK(minor > limit || minor < -limit,
                       shown(text) + " refused in " + std::string(currency.codeView()) + ": " + m.status().message());
        }
    }
    return 0;
}
