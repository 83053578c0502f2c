// Property tests for computeTax: thousands of random carts (fixed seed, so failures reproduce) checked
// against invariants and against a reference computation written independently of core/rounding.

#include "core/tax.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace frontdesk::core {
namespace {

Int128 power10(int n) {
    Int128 result = 1;
    while (n-- > 0) result *= 10;
    return result;
}

// Reference rounding of num / den (den > 0) via floor division: value lies in [q, q + 1).
Int128 referenceRound(Int128 num, Int128 den, RoundingMode mode) {
    Int128 q = num / den;
    Int128 r = num % den;
    if (r < 0) {
        q -= 1;
        r += den;
    }
    if (r == 0) return q;
    const bool positive = num > 0;
    const Int128 towardsZero = positive ? q : q + 1;
    const Int128 awayFromZero = positive ? q + 1 : q;
    switch (mode) {
        case RoundingMode::Down: return towardsZero;
        case RoundingMode::Up: return awayFromZero;
        case RoundingMode::HalfUp:
            if (2 * r < den) return q;
            if (2 * r > den) return q + 1;
            return awayFromZero;
        case RoundingMode::HalfEven:
            if (2 * r < den) return q;
            if (2 * r > den) return q + 1;
            return q % 2 == 0 ? q : q + 1;
    }
    return q;
}

// The exact tax on amount as the fraction numerator / denominator.
struct ExactTax {
    Int128 numerator;
    Int128 denominator;
};

ExactTax exactTax(Int128 amount, const Decimal& rate, TaxMode mode) {
    const Int128 hundred = 100 * power10(rate.scale());
    const Int128 denominator = mode == TaxMode::Inclusive ? hundred + rate.units() : hundred;
    return {amount * rate.units(), denominator};
}

// The per-total split, written independently of core/tax.cpp: each line gets the floor of its exact tax,
// then the units still missing to the rate's rounded tax go one at a time to the line with the largest
// remainder not yet served (the earliest on a tie).
std::vector<Int128> referenceSplit(const std::vector<ExactTax>& exact, Int128 rateTax) {
    std::vector<Int128> taxes;
    std::vector<Int128> remainders;
    for (const auto& e : exact) {
        const Int128 floor = referenceRound(e.numerator, e.denominator, RoundingMode::Down) -
                             (e.numerator < 0 && e.numerator % e.denominator != 0 ? 1 : 0);
        taxes.push_back(floor);
        remainders.push_back(e.numerator - floor * e.denominator);
        rateTax -= floor;
    }
    std::vector<bool> served(exact.size(), false);
    for (; rateTax > 0; --rateTax) {
        std::size_t best = exact.size();
        for (std::size_t i = 0; i < exact.size(); ++i) {
            if (!served[i] && (best == exact.size() || remainders[i] > remainders[best])) best = i;
        }
        served[best] = true;
        taxes[best] += 1;
    }
    return taxes;
}

std::string describe(const Currency& currency, const std::vector<TaxLineInput>& lines, const TaxPolicy& policy) {
    std::ostringstream out;
    out << currency.codeView() << " " << taxModeName(policy.mode) << " " << taxRoundingName(policy.rounding) << " "
        << roundingModeName(policy.roundingMode) << ":";
    for (const auto& l : lines) {
        out << " [" << l.amount.minor() << " " << l.taxCode << "@" << l.ratePercent.toString() << "]";
    }
    return out.str();
}

class CartGenerator {
public:
    explicit CartGenerator(std::uint64_t seed) : m_rng(seed) {}

    Currency currency() {
        static const std::array<const char*, 8> codes{"EUR", "USD", "JPY", "KWD", "CHF", "SEK", "GBP", "BHD"};
        auto c = currencyByCode(codes[pick(codes.size())]);
        EXPECT_TRUE(c.ok());
        return *c;
    }

    TaxPolicy policy() {
        TaxPolicy p;
        p.mode = pick(2) == 0 ? TaxMode::Inclusive : TaxMode::Exclusive;
        p.rounding = pick(2) == 0 ? TaxRounding::PerLine : TaxRounding::PerTotal;
        static const std::array modes{RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down,
                                      RoundingMode::Up};
        p.roundingMode = modes[pick(modes.size())];
        return p;
    }

    Decimal rate() {
        static const std::array<const char*, 12> common{"0",   "7",  "7.5",  "8.875", "19", "20",
                                                        "5.5", "10", "2.1",  "100",   "21", "13.125"};
        if (pick(4) != 0) {
            auto d = Decimal::parse(common[pick(common.size())]);
            EXPECT_TRUE(d.ok());
            return *d;
        }
        // Any rate in [0, 100] with up to 4 decimals.
        const int scale = static_cast<int>(pick(5));
        const auto limit = static_cast<std::int64_t>(100 * power10(scale));
        return Decimal(std::uniform_int_distribution<std::int64_t>(0, limit)(m_rng), scale);
    }

    std::int64_t amount() {
        const auto kind = pick(20);
        if (kind == 0) return 0;
        if (kind <= 3) return -std::uniform_int_distribution<std::int64_t>(1, 100'000)(m_rng);  // returns
        if (kind == 4) return std::uniform_int_distribution<std::int64_t>(1, 1'000'000'000'000)(m_rng);
        if (kind <= 8) return std::uniform_int_distribution<std::int64_t>(1, 99)(m_rng);
        return std::uniform_int_distribution<std::int64_t>(1, 100'000)(m_rng);
    }

    std::vector<TaxLineInput> cart(const Currency& currency) {
        const std::size_t codes = 1 + pick(4);
        std::vector<std::pair<std::string, Decimal>> rates;
        for (std::size_t i = 0; i < codes; ++i) rates.emplace_back("T" + std::to_string(i), rate());
        std::vector<TaxLineInput> lines;
        const std::size_t n = 1 + pick(16);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& [code, r] = rates[pick(rates.size())];
            lines.push_back(TaxLineInput{Money(amount(), currency), code, r});
        }
        return lines;
    }

    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_rng); }

private:
    std::mt19937_64 m_rng;
};

struct Sums {
    Int128 net = 0, tax = 0, gross = 0;
};

constexpr int kCarts = 6000;

TEST(TaxProperty, LinesBreakdownAndTotalsAddUp) {
    CartGenerator gen(0xF00D'CAFE);
    for (int cartIndex = 0; cartIndex < kCarts; ++cartIndex) {
        const Currency currency = gen.currency();
        const TaxPolicy policy = gen.policy();
        const auto lines = gen.cart(currency);
        const std::string what = "cart " + std::to_string(cartIndex) + ": " + describe(currency, lines, policy);
        auto computed = computeTax(currency, lines, policy);
        ASSERT_TRUE(computed.ok()) << what << ": " << computed.status().toString();
        const TaxResult& result = *computed;
        ASSERT_EQ(result.lines.size(), lines.size()) << what;

        Sums total;
        std::map<std::string, Sums> byCode;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = result.lines[i];
            ASSERT_EQ(l.net.currency(), currency) << what;
            ASSERT_EQ(l.tax.currency(), currency) << what;
            ASSERT_EQ(l.gross.currency(), currency) << what;
            ASSERT_EQ(static_cast<Int128>(l.net.minor()) + l.tax.minor(), static_cast<Int128>(l.gross.minor()))
                << what << " line " << i;
            // The input amount is the gross (inclusive) or the net (exclusive), unchanged.
            ASSERT_EQ(policy.mode == TaxMode::Inclusive ? l.gross : l.net, lines[i].amount) << what << " line " << i;
            auto& s = byCode[lines[i].taxCode];
            s.net += l.net.minor();
            s.tax += l.tax.minor();
            s.gross += l.gross.minor();
            total.net += l.net.minor();
            total.tax += l.tax.minor();
            total.gross += l.gross.minor();
        }

        ASSERT_EQ(result.byRate.size(), byCode.size()) << what;
        Sums breakdown;
        std::size_t k = 0;
        for (const auto& [code, sums] : byCode) {  // std::map: ordered by code, as the breakdown must be
            const auto& rate = result.byRate[k++];
            ASSERT_EQ(rate.taxCode, code) << what;
            ASSERT_EQ(rate.net.minor(), sums.net) << what << " " << code;
            ASSERT_EQ(rate.tax.minor(), sums.tax) << what << " " << code;
            ASSERT_EQ(rate.gross.minor(), sums.gross) << what << " " << code;
            breakdown.net += rate.net.minor();
            breakdown.tax += rate.tax.minor();
            breakdown.gross += rate.gross.minor();
        }
        ASSERT_EQ(breakdown.net, static_cast<Int128>(result.net.minor())) << what;
        ASSERT_EQ(breakdown.tax, static_cast<Int128>(result.tax.minor())) << what;
        ASSERT_EQ(breakdown.gross, static_cast<Int128>(result.gross.minor())) << what;
        ASSERT_EQ(total.net, static_cast<Int128>(result.net.minor())) << what;
        ASSERT_EQ(total.tax, static_cast<Int128>(result.tax.minor())) << what;
        ASSERT_EQ(total.gross, static_cast<Int128>(result.gross.minor())) << what;
        ASSERT_EQ(result.net.currency(), currency) << what;
    }
}

TEST(TaxProperty, TaxMatchesTheReferenceRounding) {
    CartGenerator gen(20261127);
    int perLineCarts = 0;
    int perTotalCarts = 0;
    for (int cartIndex = 0; cartIndex < kCarts; ++cartIndex) {
        const Currency currency = gen.currency();
        const TaxPolicy policy = gen.policy();
        const auto lines = gen.cart(currency);
        const std::string what = "cart " + std::to_string(cartIndex) + ": " + describe(currency, lines, policy);
        auto computed = computeTax(currency, lines, policy);
        ASSERT_TRUE(computed.ok()) << what << ": " << computed.status().toString();
        const TaxResult& result = *computed;

        if (policy.rounding == TaxRounding::PerLine) {
            ++perLineCarts;
            // Every line's tax is its own exact tax, rounded.
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const auto exact = exactTax(lines[i].amount.minor(), lines[i].ratePercent, policy.mode);
                ASSERT_EQ(static_cast<Int128>(result.lines[i].tax.minor()),
                          referenceRound(exact.numerator, exact.denominator, policy.roundingMode))
                    << what << " line " << i;
            }
            continue;
        }

        ++perTotalCarts;
        // Each rate's tax is the rounded tax on the rate's summed amount.
        std::map<std::string, Int128> amountByCode;
        std::map<std::string, Decimal> rateByCode;
        for (const auto& l : lines) {
            amountByCode[l.taxCode] += l.amount.minor();
            rateByCode[l.taxCode] = l.ratePercent;
        }
        for (const auto& rate : result.byRate) {
            ASSERT_EQ(amountByCode.count(rate.taxCode), 1u) << what;
            const auto exact = exactTax(amountByCode[rate.taxCode], rateByCode[rate.taxCode], policy.mode);
            ASSERT_EQ(static_cast<Int128>(rate.tax.minor()),
                      referenceRound(exact.numerator, exact.denominator, policy.roundingMode))
                << what << " " << rate.taxCode;
        }
        // Allocating the rate's tax back leaves every line strictly within one minor unit of its exact tax
        // (so a line never carries tax of the opposite sign to its amount).
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto exact = exactTax(lines[i].amount.minor(), lines[i].ratePercent, policy.mode);
            const Int128 deviation = static_cast<Int128>(result.lines[i].tax.minor()) * exact.denominator -
                                     exact.numerator;
            ASSERT_LT(deviation < 0 ? -deviation : deviation, exact.denominator) << what << " line " << i;
        }
        // And exactly as the documented rule splits it (docs/money-and-tax.md, "The per-total split").
        for (const auto& rate : result.byRate) {
            std::vector<std::size_t> members;
            std::vector<ExactTax> exact;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (lines[i].taxCode != rate.taxCode) continue;
                members.push_back(i);
                exact.push_back(exactTax(lines[i].amount.minor(), lines[i].ratePercent, policy.mode));
            }
            const auto expected = referenceSplit(exact, rate.tax.minor());
            for (std::size_t k = 0; k < members.size(); ++k) {
                ASSERT_EQ(static_cast<Int128>(result.lines[members[k]].tax.minor()), expected[k])
                    << what << " line " << members[k];
            }
        }
    }
    // The generator covers both roundings substantially.
    EXPECT_GT(perLineCarts, kCarts / 3);
    EXPECT_GT(perTotalCarts, kCarts / 3);
}

TEST(TaxProperty, ReferenceRoundingAgreesWithWorkedValues) {
    // Guards the reference itself, so that agreement above means something.
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(25, 10, RoundingMode::HalfUp)), 3);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(25, 10, RoundingMode::HalfEven)), 2);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-25, 10, RoundingMode::HalfUp)), -3);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-25, 10, RoundingMode::HalfEven)), -2);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-35, 10, RoundingMode::HalfEven)), -4);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-21, 10, RoundingMode::Down)), -2);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-21, 10, RoundingMode::Up)), -3);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(21, 10, RoundingMode::Up)), 3);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-29, 10, RoundingMode::HalfUp)), -3);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(-30, 10, RoundingMode::Up)), -3);
    // 10.00 incl. 7%: 1000 x 7 / 107 = 65.42
    const auto exact = exactTax(1000, Decimal(7, 0), TaxMode::Inclusive);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(exact.numerator, exact.denominator, RoundingMode::HalfUp)), 65);
    // 10.00 excl. 8.875%: 1000 x 8875 / 100000 = 88.75
    const auto sales = exactTax(1000, Decimal(8875, 3), TaxMode::Exclusive);
    EXPECT_EQ(static_cast<std::int64_t>(referenceRound(sales.numerator, sales.denominator, RoundingMode::HalfUp)), 89);
}

}  // namespace
}  // namespace frontdesk::core
