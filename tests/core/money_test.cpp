#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace frontdesk::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

Currency currency(const char* code) {
    auto c = currencyByCode(code);
    EXPECT_TRUE(c.ok()) << code;
    return c.ok() ? *c : Currency{};
}

Money money(const std::string& text, const char* code) {
    auto m = Money::parse(text, currency(code));
    EXPECT_TRUE(m.ok()) << text << " " << code << ": " << m.status().toString();
    return m.ok() ? *m : Money();
}

Decimal dec(const std::string& text) {
    auto parsed = Decimal::parse(text);
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed.ok() ? *parsed : Decimal();
}

std::vector<std::int64_t> minors(const std::vector<Money>& parts) {
    std::vector<std::int64_t> out;
    for (const auto& part : parts) out.push_back(part.minor());
    return out;
}

using Minors = std::vector<std::int64_t>;

// ---- currency table ----

TEST(Currency, TableHasIsoExponents) {
    EXPECT_EQ(currency("EUR").exponent, 2);
    EXPECT_EQ(currency("USD").exponent, 2);
    EXPECT_EQ(currency("JPY").exponent, 0);
    EXPECT_EQ(currency("KRW").exponent, 0);
    EXPECT_EQ(currency("KWD").exponent, 3);
    EXPECT_EQ(currency("BHD").exponent, 3);
    EXPECT_EQ(currency("EUR").codeView(), "EUR");
}

TEST(Currency, TableHasCashIncrements) {
    EXPECT_EQ(currency("EUR").cashIncrement, 1);
    EXPECT_EQ(currency("CHF").cashIncrement, 5);
    EXPECT_EQ(currency("SEK").cashIncrement, 100);
    EXPECT_EQ(currency("DKK").cashIncrement, 50);
}

TEST(Currency, UnknownCodeIsAnErrorNamingTheCode) {
    for (const char* code : {"XYZ", "eur", "", "EU", "EURO"}) {
        auto c = currencyByCode(code);
        ASSERT_FALSE(c.ok()) << "'" << code << "'";
        EXPECT_EQ(c.status().kind(), ErrorKind::InvalidArgument);
        EXPECT_NE(c.status().message().find(std::string("'") + code + "'"), std::string::npos)
            << c.status().message();
    }
}

TEST(Currency, EqualityIsByCode) {
    EXPECT_EQ(currency("EUR"), currency("EUR"));
    EXPECT_FALSE(currency("EUR") == currency("USD"));
}

// ---- parse and format ----

TEST(MoneyParse, ParsesAmountsWithinTheCurrencyExponent) {
    EXPECT_EQ(money("12.34", "EUR").minor(), 1234);
    EXPECT_EQ(money("12.3", "EUR").minor(), 1230);
    EXPECT_EQ(money("12", "EUR").minor(), 1200);
    EXPECT_EQ(money("-0.05", "EUR").minor(), -5);
    EXPECT_EQ(money("5", "JPY").minor(), 5);
    EXPECT_EQ(money("1.234", "KWD").minor(), 1234);
    EXPECT_EQ(money("1.200", "KWD").minor(), 1200);
    EXPECT_EQ(money("12.30", "EUR").minor(), 1230);
    EXPECT_EQ(money("0", "EUR").minor(), 0);
    EXPECT_EQ(money("12.34", "EUR").currency(), currency("EUR"));
}

TEST(MoneyParse, RejectsMoreDecimalsThanTheCurrencyHas) {
    auto euro = Money::parse("12.345", currency("EUR"));
    ASSERT_FALSE(euro.ok());
    EXPECT_EQ(euro.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(euro.status().message().find("EUR"), std::string::npos) << euro.status().message();

    auto yen = Money::parse("5.5", currency("JPY"));
    ASSERT_FALSE(yen.ok());
    EXPECT_EQ(yen.status().kind(), ErrorKind::InvalidArgument);

    EXPECT_FALSE(Money::parse("1.2345", currency("KWD")).ok());
}

// Issue #6, defect 9: decimals are counted as written, so "1.000" is three decimals even though it is 1.00,
// and the refusal names the value and the currency.
TEST(MoneyParse, CountsDecimalsAsWrittenAndNamesValueAndCurrency) {
    const std::vector<std::tuple<const char*, const char*, const char*>> cases{
        {"1.000", "EUR", "amount '1.000' has more decimals than EUR allows: 3, at most 2"},
        {"12.340", "EUR", "amount '12.340' has more decimals than EUR allows: 3, at most 2"},
        {"12.345", "EUR", "amount '12.345' has more decimals than EUR allows: 3, at most 2"},
        {"0.1234567891", "EUR", "amount '0.1234567891' has more decimals than EUR allows: 10, at most 2"},
        {"5.5", "JPY", "amount '5.5' has more decimals than JPY allows: 1, JPY amounts are whole"},
        {"500.0", "JPY", "amount '500.0' has more decimals than JPY allows: 1, JPY amounts are whole"},
        {"1.2340", "KWD", "amount '1.2340' has more decimals than KWD allows: 4, at most 3"},
    };
    for (const auto& [text, code, message] : cases) {
        auto parsed = Money::parse(text, currency(code));
        ASSERT_FALSE(parsed.ok()) << text << " " << code << " parsed as " << parsed->toString();
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument);
        EXPECT_EQ(parsed.status().message(), message);
    }
}

TEST(MoneyParse, UsesTheDecimalGrammar) {
    for (const char* text : {"5.", ".5", "+1", "007", "-.50", "1e2", " 1.00", "1,00"}) {
        auto parsed = Money::parse(text, currency("EUR"));
        ASSERT_FALSE(parsed.ok()) << text << " parsed as " << parsed->toString();
        EXPECT_NE(parsed.status().message().find("is not a decimal"), std::string::npos)
            << parsed.status().message();
    }
    EXPECT_EQ(Money::parse("5.", currency("EUR")).status().message(),
              "'5.' is not a decimal: digits must follow the point");
}

TEST(MoneyParse, RejectsMalformedAndOutOfRangeAmounts) {
    for (const char* text : {"", "abc", "1,50", "12.3.4", "1e3"}) {
        EXPECT_FALSE(Money::parse(text, currency("EUR")).ok()) << text;
    }
    // Fits as a decimal but not as int64 cents.
    auto big = Money::parse("92233720368547758.07", currency("EUR"));
    ASSERT_TRUE(big.ok());
    EXPECT_EQ(big->minor(), kMax);
    auto tooBig = Money::parse("92233720368547759", currency("EUR"));
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_EQ(tooBig.status().message(), "amount '92233720368547759' in EUR is out of range");
}

TEST(MoneyFormat, ShowsAllMinorDigitsAndTheCode) {
    EXPECT_EQ(money("12.5", "EUR").toString(), "12.50 EUR");
    EXPECT_EQ(money("12.5", "EUR").amount(), "12.5");
    EXPECT_EQ(money("12.5", "EUR").displayAmount(), "12.50");
    EXPECT_EQ(money("-0.5", "EUR").displayAmount(), "-0.50");
    EXPECT_EQ(money("1.5", "KWD").displayAmount(), "1.500");
    EXPECT_EQ(money("7", "JPY").displayAmount(), "7");
    EXPECT_EQ(money("1", "KWD").toString(), "1.000 KWD");
    EXPECT_EQ(money("500", "JPY").toString(), "500 JPY");
    EXPECT_EQ(Money(-5, currency("EUR")).toString(), "-0.05 EUR");
    EXPECT_EQ(Money(7, currency("KWD")).toString(), "0.007 KWD");
    EXPECT_EQ(Money::zero(currency("USD")).toString(), "0.00 USD");
    EXPECT_EQ(Money(123456, currency("EUR")).toString(), "1234.56 EUR");
}

TEST(MoneyFormat, ParseOfFormattedAmountRoundTrips) {
    for (std::int64_t minor : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{1050},
                               std::int64_t{-99999}, kMax}) {
        for (const char* code : {"EUR", "JPY", "KWD"}) {
            const Money m(minor, currency(code));
            auto back = Money::parse(m.amount(), m.currency());
            ASSERT_TRUE(back.ok()) << m.toString();
            EXPECT_EQ(*back, m);
        }
    }
}

// ---- checked arithmetic ----

TEST(MoneyArithmetic, PlusAndMinusInOneCurrency) {
    auto sum = money("12.34", "EUR").plus(money("0.66", "EUR"));
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(*sum, money("13", "EUR"));
    auto difference = money("1", "EUR").minus(money("2.50", "EUR"));
    ASSERT_TRUE(difference.ok());
    EXPECT_EQ(difference->minor(), -150);
    EXPECT_TRUE(difference->isNegative());
    EXPECT_EQ(money("1", "EUR") + money("2", "EUR"), money("3", "EUR"));
    EXPECT_EQ(money("1", "EUR") - money("2", "EUR"), money("-1", "EUR"));
    EXPECT_LT(money("1", "EUR"), money("1.01", "EUR"));
}

TEST(MoneyArithmetic, MixingCurrenciesIsAnErrorNamingBoth) {
    const Money euro = money("1", "EUR");
    const Money dollar = money("1", "USD");
    for (const auto& result : {euro.plus(dollar), euro.minus(dollar)}) {
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.status().kind(), ErrorKind::InvalidArgument);
        EXPECT_NE(result.status().message().find("EUR"), std::string::npos) << result.status().message();
        EXPECT_NE(result.status().message().find("USD"), std::string::npos) << result.status().message();
    }
    EXPECT_FALSE(euro.sameCurrency(dollar).ok());
    EXPECT_TRUE(euro.sameCurrency(money("5", "EUR")).ok());
    // Same number of minor units, different currency: not equal.
    EXPECT_FALSE(Money(100, currency("EUR")) == Money(100, currency("USD")));
}

TEST(MoneyArithmetic, OverflowIsDetected) {
    const Currency eur = currency("EUR");
    auto over = Money(kMax, eur).plus(Money(1, eur));
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.status().kind(), ErrorKind::InvalidArgument);

    auto under = Money(-kMax, eur).minus(Money(1, eur));
    ASSERT_FALSE(under.ok());
    EXPECT_EQ(under.status().kind(), ErrorKind::InvalidArgument);

    auto underByAdding = Money(-kMax, eur).plus(Money(-kMax, eur));
    EXPECT_FALSE(underByAdding.ok());

    auto edge = Money(kMax - 1, eur).plus(Money(1, eur));
    ASSERT_TRUE(edge.ok());
    EXPECT_EQ(edge->minor(), kMax);
}

TEST(MoneyArithmetic, MinusOfTheMostNegativeValueIsComputedWithoutNegatingIt) {
    const Currency eur = currency("EUR");
    // -1 - (-2^63) = 2^63 - 1, which fits; negating -2^63 first would overflow.
    auto result = Money(-1, eur).minus(Money(std::numeric_limits<std::int64_t>::min(), eur));
    ASSERT_TRUE(result.ok()) << result.status().toString();
    EXPECT_EQ(result->minor(), kMax);
    EXPECT_FALSE(Money(0, eur).minus(Money(std::numeric_limits<std::int64_t>::min(), eur)).ok());
}

TEST(MoneyTimes, UnitPriceTimesQuantityRoundsToTheMinorUnit) {
    // 12.99 EUR/kg x 0.375 kg = 4.87125 EUR
    const Money price = money("12.99", "EUR");
    auto halfUp = price.times(dec("0.375"), RoundingMode::HalfUp);
    ASSERT_TRUE(halfUp.ok());
    EXPECT_EQ(halfUp->minor(), 487);
    EXPECT_EQ(price.times(dec("0.375"), RoundingMode::Up)->minor(), 488);
    // 1.99 x 0.375 = 0.74625
    EXPECT_EQ(money("1.99", "EUR").times(dec("0.375"), RoundingMode::HalfUp)->minor(), 75);
    EXPECT_EQ(money("1.99", "EUR").times(dec("0.375"), RoundingMode::Down)->minor(), 74);
    // Whole quantities are exact.
    EXPECT_EQ(money("2.49", "EUR").times(Decimal::fromInt(3), RoundingMode::Down)->minor(), 747);
    // A tie: 0.10 x 0.25 = 0.025
    EXPECT_EQ(money("0.10", "EUR").times(dec("0.25"), RoundingMode::HalfUp)->minor(), 3);
    EXPECT_EQ(money("0.10", "EUR").times(dec("0.25"), RoundingMode::HalfEven)->minor(), 2);
    EXPECT_EQ(money("-0.10", "EUR").times(dec("0.25"), RoundingMode::HalfUp)->minor(), -3);
    EXPECT_EQ(money("-0.10", "EUR").times(dec("0.25"), RoundingMode::HalfEven)->minor(), -2);
    // A return: negative quantity.
    EXPECT_EQ(money("12.99", "EUR").times(dec("-0.375"), RoundingMode::HalfUp)->minor(), -487);
    // Currency is kept.
    EXPECT_EQ(money("500", "JPY").times(dec("1.5"), RoundingMode::HalfUp)->toString(), "750 JPY");
}

TEST(MoneyTimes, OverflowIsAnError) {
    const Money huge(kMax / 2 + 1, currency("EUR"));
    auto doubled = huge.times(Decimal::fromInt(2), RoundingMode::HalfUp);
    ASSERT_FALSE(doubled.ok());
    EXPECT_EQ(doubled.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_FALSE(huge.times(dec("2.5"), RoundingMode::Down).ok());
    EXPECT_FALSE(huge.times(dec("-2"), RoundingMode::Down).ok());
    auto fits = huge.times(dec("1.5"), RoundingMode::Down);
    ASSERT_TRUE(fits.ok());
    EXPECT_EQ(fits->minor(), 6'917'529'027'641'081'856);
}

TEST(MoneyPercentOf, RoundsThePercentage) {
    // 10% of 19.99 = 1.999
    EXPECT_EQ(money("19.99", "EUR").percentOf(dec("10"), RoundingMode::HalfUp)->minor(), 200);
    EXPECT_EQ(money("19.99", "EUR").percentOf(dec("10"), RoundingMode::Down)->minor(), 199);
    // 7.5% of 10.00 = 0.75 exactly
    EXPECT_EQ(money("10", "EUR").percentOf(dec("7.5"), RoundingMode::Up)->minor(), 75);
    // 8.875% of 10.00 = 0.8875
    EXPECT_EQ(money("10", "USD").percentOf(dec("8.875"), RoundingMode::HalfUp)->minor(), 89);
    EXPECT_EQ(money("10", "USD").percentOf(dec("8.875"), RoundingMode::Down)->minor(), 88);
    // 5% of 0.50 = 0.025: a tie
    EXPECT_EQ(money("0.50", "EUR").percentOf(dec("5"), RoundingMode::HalfUp)->minor(), 3);
    EXPECT_EQ(money("0.50", "EUR").percentOf(dec("5"), RoundingMode::HalfEven)->minor(), 2);
    // 100% and 0%
    EXPECT_EQ(money("12.34", "EUR").percentOf(dec("100"), RoundingMode::Down)->minor(), 1234);
    EXPECT_TRUE(money("12.34", "EUR").percentOf(dec("0"), RoundingMode::Up)->isZero());
    // 15% of 333 JPY = 49.95
    EXPECT_EQ(money("333", "JPY").percentOf(dec("15"), RoundingMode::HalfUp)->minor(), 50);
}

// ---- cash rounding ----

TEST(MoneyCashRounding, RoundsToTheCurrencyCashIncrement) {
    EXPECT_EQ(money("12.33", "CHF").cashRounded(), money("12.35", "CHF"));
    EXPECT_EQ(money("12.32", "CHF").cashRounded(), money("12.30", "CHF"));
    EXPECT_EQ(money("12.325", "KWD").cashRounded(), money("12.325", "KWD"));
    EXPECT_EQ(money("12.49", "SEK").cashRounded(), money("12.00", "SEK"));
    EXPECT_EQ(money("12.50", "SEK").cashRounded(), money("13.00", "SEK"));
    EXPECT_EQ(money("12.50", "SEK").cashRounded(RoundingMode::HalfEven), money("12.00", "SEK"));
    EXPECT_EQ(money("13.50", "SEK").cashRounded(RoundingMode::HalfEven), money("14.00", "SEK"));
    EXPECT_EQ(money("12.34", "CHF").cashRounded(RoundingMode::Down), money("12.30", "CHF"));
    EXPECT_EQ(money("12.26", "DKK").cashRounded(), money("12.50", "DKK"));
    // No cash increment: unchanged.
    EXPECT_EQ(money("12.33", "EUR").cashRounded(), money("12.33", "EUR"));
    // Refunds round symmetrically.
    EXPECT_EQ(money("-12.33", "CHF").cashRounded(), money("-12.35", "CHF"));
    EXPECT_EQ(money("-12.50", "SEK").cashRounded(), money("-13.00", "SEK"));
}

// Found by fuzz_decimal_money (fuzz/corpus/decimal_money/cash_rounding_overflow): rounding up
// within one cash step of the int64 limit wrapped around to a large negative amount.
TEST(MoneyCashRounding, NearTheInt64LimitRoundsTowardsZeroInsteadOfWrapping) {
    const Currency chf = currency("CHF");
    const Money top(INT64_MAX - 2, chf);  // ...805: the largest multiple of 5 that fits
    EXPECT_EQ(top.cashRounded(RoundingMode::Up).minor(), INT64_MAX - 2);  // unchanged
    const Money past(INT64_MAX - 1, chf);
    EXPECT_EQ(past.cashRounded(RoundingMode::Up).minor(), INT64_MAX - 2);
    EXPECT_EQ(past.cashRounded(RoundingMode::HalfUp).minor(), INT64_MAX - 2);
    const Money bottom(-(INT64_MAX - 1), chf);
    EXPECT_EQ(bottom.cashRounded(RoundingMode::Up).minor(), -(INT64_MAX - 2));
}

// ---- allocation ----

TEST(MoneyAllocate, EvenlyGivesEarlierPartsTheExtraUnits) {
    const Currency eur = currency("EUR");
    EXPECT_EQ(minors(allocateEvenly(Money(100, eur), 3)), (Minors{34, 33, 33}));
    EXPECT_EQ(minors(allocateEvenly(Money(101, eur), 3)), (Minors{34, 34, 33}));
    EXPECT_EQ(minors(allocateEvenly(Money(2, eur), 3)), (Minors{1, 1, 0}));
    EXPECT_EQ(minors(allocateEvenly(Money(99, eur), 3)), (Minors{33, 33, 33}));
    EXPECT_EQ(minors(allocateEvenly(Money(7, eur), 1)), (Minors{7}));
    EXPECT_TRUE(allocateEvenly(Money(7, eur), 0).empty());
    for (const auto& part : allocateEvenly(Money(100, currency("JPY")), 3)) {
        EXPECT_EQ(part.currency(), currency("JPY"));
    }
}

TEST(MoneyAllocate, NegativeTotalsMirrorPositiveOnes) {
    const Currency eur = currency("EUR");
    EXPECT_EQ(minors(allocateEvenly(Money(-100, eur), 3)), (Minors{-34, -33, -33}));
    EXPECT_EQ(minors(allocateEvenly(Money(-2, eur), 3)), (Minors{-1, -1, 0}));
    const std::vector<std::int64_t> weights{1, 2, 3};
    EXPECT_EQ(minors(allocateByWeights(Money(-1000, eur), weights)), (Minors{-167, -333, -500}));
}

TEST(MoneyAllocate, ByWeightsUsesLargestRemainders) {
    const Currency eur = currency("EUR");
    // 1000 x {1,2,3}/6 = 166.67, 333.33, 500: the one spare unit goes to the largest remainder.
    const std::vector<std::int64_t> oneTwoThree{1, 2, 3};
    EXPECT_EQ(minors(allocateByWeights(Money(1000, eur), oneTwoThree)), (Minors{167, 333, 500}));
    // 10 x {3,3,1}/7 = 4.29, 4.29, 1.43: the spare unit goes to the last part, not the first.
    const std::vector<std::int64_t> threeThreeOne{3, 3, 1};
    EXPECT_EQ(minors(allocateByWeights(Money(10, eur), threeThreeOne)), (Minors{4, 4, 2}));
    // Equal remainders: the earlier part wins.
    const std::vector<std::int64_t> equal{1, 1, 1};
    EXPECT_EQ(minors(allocateByWeights(Money(100, eur), equal)), (Minors{34, 33, 33}));
    // A zero weight gets nothing.
    const std::vector<std::int64_t> withZero{0, 5, 5};
    EXPECT_EQ(minors(allocateByWeights(Money(11, eur), withZero)), (Minors{0, 6, 5}));
    // Exact splits stay exact.
    const std::vector<std::int64_t> quarters{1, 3};
    EXPECT_EQ(minors(allocateByWeights(Money(400, eur), quarters)), (Minors{100, 300}));
}

TEST(MoneyAllocate, AllZeroWeightsSplitEvenly) {
    const Currency eur = currency("EUR");
    const std::vector<std::int64_t> zeros{0, 0, 0};
    EXPECT_EQ(minors(allocateByWeights(Money(100, eur), zeros)), (Minors{34, 33, 33}));
    EXPECT_EQ(minors(allocateByWeights(Money(-100, eur), zeros)), (Minors{-34, -33, -33}));
    EXPECT_TRUE(allocateByWeights(Money(100, eur), std::vector<std::int64_t>{}).empty());
}

TEST(MoneyAllocate, HugeTotalsAndWeightsDoNotOverflow) {
    const Currency eur = currency("EUR");
    const std::vector<std::int64_t> weights{kMax, kMax, 1};
    const auto parts = minors(allocateByWeights(Money(kMax, eur), weights));
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_EQ(static_cast<Int128>(parts[0]) + parts[1] + parts[2], static_cast<Int128>(kMax));
    EXPECT_LE(parts[0] - parts[1], 1);
    EXPECT_LE(parts[2], 1);
}

// Exact share of part i is total * w_i / W; |part - share| < 1  <=>  |part * W - total * w_i| < W.
TEST(MoneyAllocate, PropertyPartsSumToTotalAndStayWithinOneUnitOfTheirShare) {
    std::mt19937_64 rng(20240611);
    const Currency eur = currency("EUR");
    std::uniform_int_distribution<int> partCount(1, 12);
    std::uniform_int_distribution<int> weightKind(0, 9);
    std::uniform_int_distribution<std::int64_t> smallWeight(0, 10);
    std::uniform_int_distribution<std::int64_t> bigWeight(0, 1'000'000'000);
    std::uniform_int_distribution<int> totalKind(0, 3);
    std::uniform_int_distribution<std::int64_t> smallTotal(-50, 50);
    std::uniform_int_distribution<std::int64_t> bigTotal(-1'000'000'000'000'000, 1'000'000'000'000'000);
    for (int iteration = 0; iteration < 20000; ++iteration) {
        const int n = partCount(rng);
        std::vector<std::int64_t> weights;
        Int128 weightSum = 0;
        for (int i = 0; i < n; ++i) {
            const int kind = weightKind(rng);
            const std::int64_t w = kind == 0 ? 0 : kind < 6 ? smallWeight(rng) : bigWeight(rng);
            weights.push_back(w);
            weightSum += w;
        }
        const std::int64_t total = totalKind(rng) == 0 ? smallTotal(rng) : bigTotal(rng);
        const auto parts = allocateByWeights(Money(total, eur), weights);
        ASSERT_EQ(parts.size(), weights.size());

        std::vector<std::int64_t> effective = weights;
        if (weightSum == 0) {
            effective.assign(weights.size(), 1);
            weightSum = n;
        }
        Int128 sum = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            ASSERT_EQ(parts[i].currency(), eur);
            sum += parts[i].minor();
            const Int128 deviation = static_cast<Int128>(parts[i].minor()) * weightSum -
                                     static_cast<Int128>(total) * effective[i];
            ASSERT_LT(deviation < 0 ? -deviation : deviation, weightSum)
                << "iteration " << iteration << " part " << i << " of " << n << " total " << total;
            // A part never has the opposite sign of the total.
            ASSERT_TRUE(total >= 0 ? parts[i].minor() >= 0 : parts[i].minor() <= 0);
        }
        ASSERT_EQ(sum, static_cast<Int128>(total)) << "iteration " << iteration;
    }
}

TEST(MoneyAllocate, PropertyEvenPartsDifferByAtMostOneAndDescend) {
    std::mt19937_64 rng(7);
    const Currency jpy = currency("JPY");
    std::uniform_int_distribution<std::int64_t> totals(-1'000'000, 1'000'000);
    std::uniform_int_distribution<std::size_t> counts(1, 20);
    for (int iteration = 0; iteration < 5000; ++iteration) {
        const std::int64_t total = totals(rng);
        const auto parts = minors(allocateEvenly(Money(total, jpy), counts(rng)));
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            sum += parts[i];
            if (i > 0) {
                // Earlier parts take the extra units: magnitudes never increase.
                const std::int64_t step = total >= 0 ? parts[i - 1] - parts[i] : parts[i] - parts[i - 1];
                ASSERT_TRUE(step == 0 || step == 1) << total << " part " << i;
            }
        }
        ASSERT_LE(total >= 0 ? parts.front() - parts.back() : parts.back() - parts.front(), 1);
        ASSERT_EQ(sum, total);
    }
}

}  // namespace
}  // namespace frontdesk::core
