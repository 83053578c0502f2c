#include "core/decimal.h"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace frontdesk::core {
namespace {

Decimal decimalOf(const std::string& text) {
    auto parsed = Decimal::parse(text);
    EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().toString();
    return parsed.ok() ? *parsed : Decimal();
}

// scaledTo() returns a 128-bit value; the cases here all fit in 64 bits.
std::int64_t scaled(const std::string& text, int targetScale, RoundingMode mode) {
    const Int128 wide = decimalOf(text).scaledTo(targetScale, mode);
    EXPECT_LE(wide, static_cast<Int128>(std::numeric_limits<std::int64_t>::max()));
    EXPECT_GE(wide, static_cast<Int128>(std::numeric_limits<std::int64_t>::min()));
    return static_cast<std::int64_t>(wide);
}

TEST(DecimalParse, RoundTripsCanonicalText) {
    for (const char* text : {"0.375", "-2", "19", "0.001", "8.875", "-0.5", "0", "123456789.123456789", "0.000000001",
                             "9223372036854775807", "-9223372036854775807"}) {
        auto parsed = Decimal::parse(text);
        ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status().toString();
        EXPECT_EQ(parsed->toString(), text);
    }
}

TEST(DecimalParse, StoresUnitsAndScale) {
    const Decimal d = decimalOf("0.375");
    EXPECT_EQ(d.units(), 375);
    EXPECT_EQ(d.scale(), 3);
    const Decimal negative = decimalOf("-2");
    EXPECT_EQ(negative.units(), -2);
    EXPECT_EQ(negative.scale(), 0);
    EXPECT_TRUE(negative.isNegative());
    EXPECT_TRUE(negative.isInteger());
}

TEST(DecimalParse, NormalisesTrailingZeros) {
    const Decimal d = decimalOf("7.50");
    EXPECT_EQ(d.toString(), "7.5");
    EXPECT_EQ(d.units(), 75);
    EXPECT_EQ(d.scale(), 1);
    EXPECT_EQ(decimalOf("19.000").toString(), "19");
    EXPECT_TRUE(decimalOf("19.000").isInteger());
    EXPECT_EQ(decimalOf("19.000"), Decimal::fromInt(19));
    EXPECT_EQ(decimalOf("1.500000000").toString(), "1.5");
}

TEST(DecimalParse, AcceptsZeroBeforeThePointAndNegativeZero) {
    EXPECT_EQ(decimalOf("0.5").toString(), "0.5");
    EXPECT_EQ(decimalOf("-0.05").toString(), "-0.05");
    EXPECT_EQ(decimalOf("10").toString(), "10");
    EXPECT_EQ(decimalOf("100.01").toString(), "100.01");
    EXPECT_EQ(decimalOf("-0").toString(), "0");
    EXPECT_FALSE(decimalOf("-0").isNegative());
    EXPECT_TRUE(decimalOf("-0.000").isZero());
}

TEST(DecimalParse, ConstructorNormalises) {
    const Decimal d(1500, 3);
    EXPECT_EQ(d.units(), 15);
    EXPECT_EQ(d.scale(), 1);
    EXPECT_EQ(d, decimalOf("1.5"));
    EXPECT_EQ(Decimal(-25, 1).toString(), "-2.5");
    EXPECT_EQ(Decimal(5, 3).toString(), "0.005");
}

// Issue #6, defect 9: loose forms were accepted as amounts and quantities. One strict grammar:
// ["-"] ("0" | nonzero digit {digit}) ["." digit {digit}]; each refusal says what is wrong.
TEST(DecimalParse, RejectsLooseFormsNamingWhatIsWrong) {
    const std::vector<std::pair<const char*, const char*>> cases{
        {"5.", "'5.' is not a decimal: digits must follow the point"},
        {"-5.", "'-5.' is not a decimal: digits must follow the point"},
        {".5", "'.5' is not a decimal: a digit must come before the point"},
        {"-.5", "'-.5' is not a decimal: a digit must come before the point"},
        {"+1", "'+1' is not a decimal: a '+' sign is not allowed"},
        {"007", "'007' is not a decimal: leading zeros are not allowed"},
        {"-00.5", "'-00.5' is not a decimal: leading zeros are not allowed"},
        {"00", "'00' is not a decimal: leading zeros are not allowed"},
        {"1e5", "'1e5' is not a decimal: an exponent is not allowed"},
        {"1.5E2", "'1.5E2' is not a decimal: an exponent is not allowed"},
        {" 1", "' 1' is not a decimal: spaces are not allowed"},
        {"1 ", "'1 ' is not a decimal: spaces are not allowed"},
        {"1,5", "'1,5' is not a decimal: the decimal point is '.', not ','"},
        {"1.2.3", "'1.2.3' is not a decimal: only one point is allowed"},
        {"1..2", "'1..2' is not a decimal: only one point is allowed"},
        {"1-", "'1-' is not a decimal: '-' may only come first"},
        {"--1", "'--1' is not a decimal: '-' may only come first"},
        {"-", "'-' is not a decimal: digits must follow the '-'"},
        {"", "'' is not a decimal: it is empty"},
        {"12a", "'12a' is not a decimal: 'a' is not allowed"},
        {"1\x01", "'1\x01' is not a decimal: the byte 0x01 is not allowed"},
        {"0.1234567891", "'0.1234567891' has more decimals than a decimal can hold: 10, at most 9"},
        {"1.5000000000", "'1.5000000000' has more decimals than a decimal can hold: 10, at most 9"},
        {"99999999999999999999", "'99999999999999999999' is out of range"},
    };
    for (const auto& [text, message] : cases) {
        auto parsed = Decimal::parse(text);
        ASSERT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << parsed->toString();
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument) << text;
        EXPECT_EQ(parsed.status().message(), message) << text;
    }
    // Long text is cut short in the message.
    const std::string longText = "1." + std::string(60, '5') + "x";
    EXPECT_EQ(Decimal::parse(longText).status().message(),
              "'1." + std::string(38, '5') + "...' is not a decimal: 'x' is not allowed");
}

TEST(DecimalParse, DecimalsWrittenCountsTrailingZeros) {
    EXPECT_EQ(*Decimal::decimalsWritten("1.000"), 3);
    EXPECT_EQ(*Decimal::decimalsWritten("-12"), 0);
    EXPECT_EQ(*Decimal::decimalsWritten("0.0000000000000"), 13);  // the grammar only: no limit here
    EXPECT_FALSE(Decimal::decimalsWritten("5.").ok());
}

TEST(DecimalParse, RejectsMalformedText) {
    for (const char* text : {"",     "1e5", "1.2.3", "abc", " 1", "1 ", "-",   "+",   ".",   "-.",   "1,5", "--1",
                             "0x10", "1-",  "12a",   "5.",  ".5", "+1", "007", "+.5", "-0.", "1.\n", "\t1", "1_000"}) {
        auto parsed = Decimal::parse(text);
        ASSERT_FALSE(parsed.ok()) << "'" << text << "' parsed as " << parsed->toString();
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument) << text;
    }
}

TEST(DecimalParse, RejectsMoreThanNineDecimals) {
    EXPECT_TRUE(Decimal::parse("0.123456789").ok());
    auto tooPrecise = Decimal::parse("0.1234567891");
    ASSERT_FALSE(tooPrecise.ok());
    EXPECT_EQ(tooPrecise.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_FALSE(Decimal::parse("0.0000000001").ok());
    EXPECT_FALSE(Decimal::parse("-1.0000000005").ok());
}

TEST(DecimalParse, RejectsValuesOutsideInt64Units) {
    EXPECT_TRUE(Decimal::parse("9223372036854775807").ok());
    for (const char* text : {"9223372036854775808", "-9223372036854775808", "99999999999999999999",
                             "922337203685477580.8", "100000000000000000000000000000000000000000000"}) {
        auto parsed = Decimal::parse(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.status().kind(), ErrorKind::InvalidArgument) << text;
    }
}

TEST(DecimalCompare, ComparesValuesAcrossScales) {
    EXPECT_EQ(decimalOf("1.5"), Decimal(150, 2));
    EXPECT_EQ(decimalOf("1.5") <=> decimalOf("1.50"), std::strong_ordering::equal);
    EXPECT_LT(decimalOf("1.5"), decimalOf("1.51"));
    EXPECT_GT(decimalOf("2"), decimalOf("1.999999999"));
    EXPECT_LT(decimalOf("-0.11"), decimalOf("-0.1"));
    EXPECT_LT(decimalOf("-100"), decimalOf("0.001"));
    EXPECT_GT(decimalOf("100"), decimalOf("99.999"));
    EXPECT_NE(decimalOf("7.5"), decimalOf("75"));
    EXPECT_LT(decimalOf("7.5"), decimalOf("75"));
    EXPECT_EQ(decimalOf("0") <=> decimalOf("-0.000"), std::strong_ordering::equal);
}

TEST(DecimalArithmetic, PlusAndMinusAreExact) {
    auto sum = decimalOf("0.1").plus(decimalOf("0.2"));
    ASSERT_TRUE(sum.ok());
    EXPECT_EQ(*sum, decimalOf("0.3"));

    auto rate = decimalOf("19").plus(decimalOf("0.875"));
    ASSERT_TRUE(rate.ok());
    EXPECT_EQ(rate->toString(), "19.875");

    auto whole = decimalOf("1.25").minus(decimalOf("0.25"));
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(whole->toString(), "1");
    EXPECT_EQ(whole->scale(), 0);

    auto negative = decimalOf("0.375").minus(decimalOf("2"));
    ASSERT_TRUE(negative.ok());
    EXPECT_EQ(negative->toString(), "-1.625");

    auto minusNegative = decimalOf("1").minus(decimalOf("-0.000000001"));
    ASSERT_TRUE(minusNegative.ok());
    EXPECT_EQ(minusNegative->toString(), "1.000000001");

    EXPECT_EQ(decimalOf("-2.5").negated(), decimalOf("2.5"));
}

TEST(DecimalArithmetic, PlusReportsOverflow) {
    const Decimal max = Decimal::fromInt(std::numeric_limits<std::int64_t>::max());
    auto over = max.plus(Decimal::fromInt(1));
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(over.status().kind(), ErrorKind::InvalidArgument);

    auto under = max.negated().minus(Decimal::fromInt(1));
    ASSERT_FALSE(under.ok());
    EXPECT_EQ(under.status().kind(), ErrorKind::InvalidArgument);

    // In range as a value, but max + 0.5 needs more than 64 bits of units at scale 1.
    EXPECT_FALSE(max.plus(decimalOf("0.5")).ok());

    auto fits = max.minus(Decimal::fromInt(1));
    ASSERT_TRUE(fits.ok());
    EXPECT_EQ(fits->toString(), "9223372036854775806");
}

TEST(DecimalScaledTo, ScalingUpIsExactInEveryMode) {
    for (auto mode : {RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down, RoundingMode::Up}) {
        EXPECT_EQ(scaled("1.5", 3, mode), 1500);
        EXPECT_EQ(scaled("-0.375", 3, mode), -375);
        EXPECT_EQ(scaled("19", 2, mode), 1900);
        EXPECT_EQ(scaled("0", 9, mode), 0);
    }
}

TEST(DecimalScaledTo, RoundsNonTiesByMode) {
    // 0.374 at 2 digits: 37.4
    EXPECT_EQ(scaled("0.374", 2, RoundingMode::HalfUp), 37);
    EXPECT_EQ(scaled("0.374", 2, RoundingMode::HalfEven), 37);
    EXPECT_EQ(scaled("0.374", 2, RoundingMode::Down), 37);
    EXPECT_EQ(scaled("0.374", 2, RoundingMode::Up), 38);
    // 0.376 at 2 digits: 37.6
    EXPECT_EQ(scaled("0.376", 2, RoundingMode::HalfUp), 38);
    EXPECT_EQ(scaled("0.376", 2, RoundingMode::HalfEven), 38);
    EXPECT_EQ(scaled("0.376", 2, RoundingMode::Down), 37);
    EXPECT_EQ(scaled("0.376", 2, RoundingMode::Up), 38);
    // Negative values round symmetrically: Down is towards zero, Up away from zero.
    EXPECT_EQ(scaled("-0.374", 2, RoundingMode::HalfUp), -37);
    EXPECT_EQ(scaled("-0.376", 2, RoundingMode::HalfEven), -38);
    EXPECT_EQ(scaled("-0.376", 2, RoundingMode::Down), -37);
    EXPECT_EQ(scaled("-0.374", 2, RoundingMode::Up), -38);
    // A far-off digit still counts for Up.
    EXPECT_EQ(scaled("2.000000001", 0, RoundingMode::Up), 3);
    EXPECT_EQ(scaled("2.999999999", 0, RoundingMode::Down), 2);
}

TEST(DecimalScaledTo, RoundsTiesByMode) {
    EXPECT_EQ(scaled("2.5", 0, RoundingMode::HalfUp), 3);
    EXPECT_EQ(scaled("2.5", 0, RoundingMode::HalfEven), 2);
    EXPECT_EQ(scaled("2.5", 0, RoundingMode::Down), 2);
    EXPECT_EQ(scaled("2.5", 0, RoundingMode::Up), 3);

    EXPECT_EQ(scaled("-2.5", 0, RoundingMode::HalfUp), -3);
    EXPECT_EQ(scaled("-2.5", 0, RoundingMode::HalfEven), -2);
    EXPECT_EQ(scaled("-2.5", 0, RoundingMode::Down), -2);
    EXPECT_EQ(scaled("-2.5", 0, RoundingMode::Up), -3);

    // Half-even goes to the even neighbour, which is up for odd quotients.
    EXPECT_EQ(scaled("3.5", 0, RoundingMode::HalfEven), 4);
    EXPECT_EQ(scaled("-3.5", 0, RoundingMode::HalfEven), -4);
    EXPECT_EQ(scaled("0.5", 0, RoundingMode::HalfEven), 0);
    EXPECT_EQ(scaled("0.5", 0, RoundingMode::HalfUp), 1);

    // 0.375 at 2 digits is the tie 37.5: the worked example from the header.
    EXPECT_EQ(scaled("0.375", 2, RoundingMode::HalfUp), 38);
    EXPECT_EQ(scaled("0.375", 2, RoundingMode::HalfEven), 38);
    EXPECT_EQ(scaled("0.365", 2, RoundingMode::HalfEven), 36);
    EXPECT_EQ(scaled("0.365", 2, RoundingMode::HalfUp), 37);
    EXPECT_EQ(scaled("-0.365", 2, RoundingMode::HalfEven), -36);
    EXPECT_EQ(scaled("-0.365", 2, RoundingMode::HalfUp), -37);
}

TEST(Rounding, ModeNamesRoundTrip) {
    for (auto mode : {RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down, RoundingMode::Up}) {
        auto parsed = parseRoundingMode(roundingModeName(mode));
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(*parsed, mode);
    }
    EXPECT_EQ(roundingModeName(RoundingMode::HalfEven), "half_even");
    auto bad = parseRoundingMode("nearest");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().kind(), ErrorKind::InvalidArgument);
}

TEST(Rounding, DivideRoundedHandlesNegativeDenominators) {
    EXPECT_EQ(static_cast<std::int64_t>(divideRounded(5, -2, RoundingMode::HalfUp)), -3);
    EXPECT_EQ(static_cast<std::int64_t>(divideRounded(-5, -2, RoundingMode::HalfEven)), 2);
    EXPECT_EQ(static_cast<std::int64_t>(divideRounded(-7, 2, RoundingMode::Down)), -3);
    EXPECT_EQ(static_cast<std::int64_t>(divideRounded(7, 2, RoundingMode::Up)), 4);
    EXPECT_EQ(static_cast<std::int64_t>(divideRounded(6, 3, RoundingMode::Up)), 2);
}

TEST(Rounding, RoundToIncrementRoundsToMultiples) {
    EXPECT_EQ(static_cast<std::int64_t>(roundToIncrement(1234, 5, RoundingMode::HalfUp)), 1235);
    EXPECT_EQ(static_cast<std::int64_t>(roundToIncrement(1232, 5, RoundingMode::HalfUp)), 1230);
    EXPECT_EQ(static_cast<std::int64_t>(roundToIncrement(-1233, 5, RoundingMode::HalfUp)), -1235);
    EXPECT_EQ(static_cast<std::int64_t>(roundToIncrement(1250, 100, RoundingMode::HalfEven)), 1200);
    EXPECT_EQ(static_cast<std::int64_t>(roundToIncrement(1350, 100, RoundingMode::HalfEven)), 1400);
    EXPECT_EQ(static_cast<std::int64_t>(pow10(18)), 1'000'000'000'000'000'000);
}

}  // namespace
}  // namespace frontdesk::core
