#include "core/tax.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace frontdesk::core {
namespace {

Currency taxCurrency(const char* code) {
    auto c = currencyByCode(code);
    EXPECT_TRUE(c.ok()) << code;
    return c.ok() ? *c : Currency{};
}

Decimal taxDec(const std::string& text) {
    auto parsed = Decimal::parse(text);
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed.ok() ? *parsed : Decimal();
}

TaxLineInput line(const std::string& amount, const char* code, const std::string& taxCode, const std::string& rate) {
    auto m = Money::parse(amount, taxCurrency(code));
    EXPECT_TRUE(m.ok()) << amount << " " << code;
    return TaxLineInput{m.ok() ? *m : Money(), taxCode, taxDec(rate)};
}

TaxPolicy policy(TaxMode mode, TaxRounding rounding, RoundingMode roundingMode = RoundingMode::HalfUp) {
    return TaxPolicy{mode, rounding, roundingMode};
}

TaxResult compute(const char* code, const std::vector<TaxLineInput>& lines, const TaxPolicy& p) {
    auto result = computeTax(taxCurrency(code), lines, p);
    EXPECT_TRUE(result.ok()) << result.status().toString();
    return result.ok() ? *result : TaxResult{};
}

std::vector<std::int64_t> lineTaxes(const TaxResult& result) {
    std::vector<std::int64_t> out;
    for (const auto& l : result.lines) out.push_back(l.tax.minor());
    return out;
}

using TaxMinors = std::vector<std::int64_t>;

// ---- EU VAT: prices include tax ----

TEST(TaxInclusive, ExtractsVatFromAGrossPrice) {
    // 119.00 x 19 / 119 = 19.00 exactly.
    const auto r =
        compute("EUR", {line("119.00", "EUR", "VAT19", "19")}, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    ASSERT_EQ(r.lines.size(), 1u);
    EXPECT_EQ(r.lines[0].gross.toString(), "119.00 EUR");
    EXPECT_EQ(r.lines[0].tax.toString(), "19.00 EUR");
    EXPECT_EQ(r.lines[0].net.toString(), "100.00 EUR");
    EXPECT_EQ(r.tax.toString(), "19.00 EUR");
    EXPECT_EQ(r.net.toString(), "100.00 EUR");
    EXPECT_EQ(r.gross.toString(), "119.00 EUR");
    ASSERT_EQ(r.byRate.size(), 1u);
    EXPECT_EQ(r.byRate[0].taxCode, "VAT19");
    EXPECT_EQ(r.byRate[0].ratePercent, taxDec("19"));
    EXPECT_EQ(r.byRate[0].tax.minor(), 1900);
}

TEST(TaxInclusive, RoundsTheExtractedVatPerLine) {
    // 10.00 x 7 / 107 = 0.6542... -> 0.65; net 9.35.
    const auto r =
        compute("EUR", {line("10.00", "EUR", "VAT7", "7")}, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(r.lines[0].tax.minor(), 65);
    EXPECT_EQ(r.lines[0].net.minor(), 935);
    EXPECT_EQ(r.lines[0].gross.minor(), 1000);
    // 5.00 x 19 / 119 = 0.7983... -> 0.80 half-up, 0.79 down.
    EXPECT_EQ(compute("EUR", {line("5.00", "EUR", "VAT19", "19")}, policy(TaxMode::Inclusive, TaxRounding::PerLine))
                  .tax.minor(),
              80);
    EXPECT_EQ(compute("EUR", {line("5.00", "EUR", "VAT19", "19")},
                      policy(TaxMode::Inclusive, TaxRounding::PerLine, RoundingMode::Down))
                  .tax.minor(),
              79);
}

TEST(TaxInclusive, PerTotalRoundsOnceAndAllocatesBackToLines) {
    // Three lines of 5.00 at 19%:
    //   per line:  each 500 x 19 / 119 = 79.83 -> 80, total 2.40
    //   per total: 1500 x 19 / 119 = 239.50 (239.4958) -> 239, allocated 80, 80, 79
    const std::vector<TaxLineInput> lines(3, line("5.00", "EUR", "VAT19", "19"));
    const auto perLine = compute("EUR", lines, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(perLine.tax.minor(), 240);
    EXPECT_EQ(lineTaxes(perLine), (TaxMinors{80, 80, 80}));
    const auto perTotal = compute("EUR", lines, policy(TaxMode::Inclusive, TaxRounding::PerTotal));
    EXPECT_EQ(perTotal.tax.minor(), 239);
    EXPECT_EQ(perTotal.net.minor(), 1261);
    EXPECT_EQ(perTotal.gross.minor(), 1500);
    EXPECT_EQ(lineTaxes(perTotal), (TaxMinors{80, 80, 79}));
    EXPECT_EQ(perTotal.lines[2].net.minor(), 421);
}

TEST(TaxInclusive, RefundLinesCarryNegativeTax) {
    const auto r =
        compute("EUR", {line("-119.00", "EUR", "VAT19", "19")}, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(r.lines[0].tax.minor(), -1900);
    EXPECT_EQ(r.lines[0].net.minor(), -10000);
    EXPECT_EQ(r.gross.minor(), -11900);
    // -10.00 at 7%: -0.6542 -> -0.65 (half-up is symmetric around zero).
    EXPECT_EQ(compute("EUR", {line("-10.00", "EUR", "VAT7", "7")}, policy(TaxMode::Inclusive, TaxRounding::PerLine))
                  .tax.minor(),
              -65);
}

// ---- US sales tax: prices exclude tax ----

TEST(TaxExclusive, AddsSalesTaxToANetPrice) {
    // 10.00 x 8.875% = 0.8875 -> 0.89
    const auto r =
        compute("USD", {line("10.00", "USD", "NYC", "8.875")}, policy(TaxMode::Exclusive, TaxRounding::PerLine));
    EXPECT_EQ(r.lines[0].net.toString(), "10.00 USD");
    EXPECT_EQ(r.lines[0].tax.toString(), "0.89 USD");
    EXPECT_EQ(r.lines[0].gross.toString(), "10.89 USD");
    EXPECT_EQ(r.gross.minor(), 1089);
    const auto down = compute("USD", {line("10.00", "USD", "NYC", "8.875")},
                              policy(TaxMode::Exclusive, TaxRounding::PerLine, RoundingMode::Down));
    EXPECT_EQ(down.tax.minor(), 88);
}

TEST(TaxExclusive, PerLineAndPerTotalRoundingDifferOnAMultiLineCart) {
    // At 8.875%:
    //   0.99 ->  8.78625 cents ->  9
    //   1.99 -> 17.66125 cents -> 18
    //   2.99 -> 26.53625 cents -> 27
    //   per line:  9 + 18 + 27 = 54 cents
    //   per total: 5.97 -> 52.98375 cents -> 53, handed back as 9, 18, 26
    //     (floors 8, 17, 26 leave two cents, which go to the largest remainders: .78625 and .66125)
    const std::vector<TaxLineInput> cart{line("0.99", "USD", "NYC", "8.875"), line("1.99", "USD", "NYC", "8.875"),
                                         line("2.99", "USD", "NYC", "8.875")};
    const auto perLine = compute("USD", cart, policy(TaxMode::Exclusive, TaxRounding::PerLine));
    EXPECT_EQ(lineTaxes(perLine), (TaxMinors{9, 18, 27}));
    EXPECT_EQ(perLine.tax.minor(), 54);
    EXPECT_EQ(perLine.net.minor(), 597);
    EXPECT_EQ(perLine.gross.minor(), 651);

    const auto perTotal = compute("USD", cart, policy(TaxMode::Exclusive, TaxRounding::PerTotal));
    EXPECT_EQ(perTotal.tax.minor(), 53);
    EXPECT_EQ(perTotal.net.minor(), 597);
    EXPECT_EQ(perTotal.gross.minor(), 650);
    EXPECT_EQ(lineTaxes(perTotal), (TaxMinors{9, 18, 26}));
    EXPECT_EQ(perTotal.lines[2].gross.minor(), 325);
    ASSERT_EQ(perTotal.byRate.size(), 1u);
    EXPECT_EQ(perTotal.byRate[0].tax.minor(), 53);

    // Per total can also come out higher:
    //   0.99 -> 8.78625 -> 9;  3.99 -> 35.41125 -> 35;  1.29 -> 11.44875 -> 11;  per line 55
    //   6.27 -> 55.64625 -> 56 per total
    const std::vector<TaxLineInput> higher{line("0.99", "USD", "NYC", "8.875"), line("3.99", "USD", "NYC", "8.875"),
                                           line("1.29", "USD", "NYC", "8.875")};
    EXPECT_EQ(compute("USD", higher, policy(TaxMode::Exclusive, TaxRounding::PerLine)).tax.minor(), 55);
    EXPECT_EQ(compute("USD", higher, policy(TaxMode::Exclusive, TaxRounding::PerTotal)).tax.minor(), 56);
}

TEST(TaxExclusive, HalfEvenAndHalfUpDifferOnATie) {
    // 1.00 x 8.5% = 8.5 cents exactly.
    const std::vector<TaxLineInput> cart{line("1.00", "EUR", "T", "8.5")};
    EXPECT_EQ(compute("EUR", cart, policy(TaxMode::Exclusive, TaxRounding::PerLine, RoundingMode::HalfUp)).tax.minor(),
              9);
    EXPECT_EQ(
        compute("EUR", cart, policy(TaxMode::Exclusive, TaxRounding::PerLine, RoundingMode::HalfEven)).tax.minor(), 8);
    // 2.50 x 19% = 47.5 cents: half-even also goes up, to the even 48.
    const std::vector<TaxLineInput> odd{line("2.50", "EUR", "T", "19")};
    EXPECT_EQ(compute("EUR", odd, policy(TaxMode::Exclusive, TaxRounding::PerLine, RoundingMode::HalfEven)).tax.minor(),
              48);
    // Per total: two lines of 0.50 at 8.5% are 4.25 cents each (4 + 4 = 8 per line), 8.5 on the total.
    const std::vector<TaxLineInput> pair(2, line("0.50", "EUR", "T", "8.5"));
    EXPECT_EQ(compute("EUR", pair, policy(TaxMode::Exclusive, TaxRounding::PerLine)).tax.minor(), 8);
    EXPECT_EQ(compute("EUR", pair, policy(TaxMode::Exclusive, TaxRounding::PerTotal, RoundingMode::HalfUp)).tax.minor(),
              9);
    EXPECT_EQ(
        compute("EUR", pair, policy(TaxMode::Exclusive, TaxRounding::PerTotal, RoundingMode::HalfEven)).tax.minor(), 8);
}

// ---- mixed rates, currencies without minor units ----

TEST(TaxMixedRates, BreaksTheSaleDownPerRateOrderedByCode) {
    // VAT19: 11.90 -> 1.90; 5.00 -> 0.7983 -> 0.80. Gross 16.90, tax 2.70, net 14.20.
    // VAT7:  10.70 -> 0.70. Gross 10.70, tax 0.70, net 10.00.
    const std::vector<TaxLineInput> cart{line("11.90", "EUR", "VAT19", "19"), line("10.70", "EUR", "VAT7", "7"),
                                         line("5.00", "EUR", "VAT19", "19")};
    const auto r = compute("EUR", cart, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(lineTaxes(r), (TaxMinors{190, 70, 80}));  // input order
    ASSERT_EQ(r.byRate.size(), 2u);
    EXPECT_EQ(r.byRate[0].taxCode, "VAT19");
    EXPECT_EQ(r.byRate[0].ratePercent, taxDec("19"));
    EXPECT_EQ(r.byRate[0].gross.minor(), 1690);
    EXPECT_EQ(r.byRate[0].tax.minor(), 270);
    EXPECT_EQ(r.byRate[0].net.minor(), 1420);
    EXPECT_EQ(r.byRate[1].taxCode, "VAT7");
    EXPECT_EQ(r.byRate[1].ratePercent, taxDec("7"));
    EXPECT_EQ(r.byRate[1].gross.minor(), 1070);
    EXPECT_EQ(r.byRate[1].tax.minor(), 70);
    EXPECT_EQ(r.byRate[1].net.minor(), 1000);
    EXPECT_EQ(r.gross.minor(), 2760);
    EXPECT_EQ(r.tax.minor(), 340);
    EXPECT_EQ(r.net.minor(), 2420);
}

TEST(TaxMixedRates, ZeroRateLinesCarryNoTax) {
    const std::vector<TaxLineInput> cart{line("3.00", "EUR", "ZERO", "0"), line("1.07", "EUR", "VAT7", "7")};
    const auto r = compute("EUR", cart, policy(TaxMode::Inclusive, TaxRounding::PerTotal));
    EXPECT_EQ(r.lines[0].tax.minor(), 0);
    EXPECT_EQ(r.lines[0].net.minor(), 300);
    EXPECT_EQ(r.lines[1].tax.minor(), 7);
    ASSERT_EQ(r.byRate.size(), 2u);
    EXPECT_EQ(r.byRate[1].taxCode, "ZERO");
    EXPECT_EQ(r.byRate[1].tax.minor(), 0);
}

TEST(TaxJpy, WorksWithoutMinorUnits) {
    // 1100 JPY incl. 10% -> 100 tax, 1000 net.
    const auto inclusive = compute("JPY", {line("1100", "JPY", "STD", "10"), line("500", "JPY", "FOOD", "8")},
                                   policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(inclusive.lines[0].tax.toString(), "100 JPY");
    EXPECT_EQ(inclusive.lines[0].net.toString(), "1000 JPY");
    // 500 x 8 / 108 = 37.04 -> 37
    EXPECT_EQ(inclusive.lines[1].tax.minor(), 37);
    EXPECT_EQ(inclusive.tax.toString(), "137 JPY");

    // 125 JPY excl. 10% = 12.5: a tie at the yen.
    const std::vector<TaxLineInput> tie{line("125", "JPY", "STD", "10")};
    EXPECT_EQ(compute("JPY", tie, policy(TaxMode::Exclusive, TaxRounding::PerLine)).tax.minor(), 13);
    EXPECT_EQ(compute("JPY", tie, policy(TaxMode::Exclusive, TaxRounding::PerLine, RoundingMode::HalfEven)).tax.minor(),
              12);
    EXPECT_EQ(compute("JPY", tie, policy(TaxMode::Exclusive, TaxRounding::PerLine)).gross.toString(), "138 JPY");
}

TEST(TaxEdgeCases, EmptySaleHasZeroTotalsInTheSaleCurrency) {
    const auto r = compute("KWD", {}, policy(TaxMode::Exclusive, TaxRounding::PerTotal));
    EXPECT_TRUE(r.lines.empty());
    EXPECT_TRUE(r.byRate.empty());
    EXPECT_EQ(r.gross.toString(), "0.000 KWD");
    EXPECT_EQ(r.tax.toString(), "0.000 KWD");
}

TEST(TaxEdgeCases, HundredPercentIsAllowed) {
    const auto exclusive =
        compute("EUR", {line("10.00", "EUR", "X", "100")}, policy(TaxMode::Exclusive, TaxRounding::PerLine));
    EXPECT_EQ(exclusive.tax.minor(), 1000);
    const auto inclusive =
        compute("EUR", {line("10.00", "EUR", "X", "100")}, policy(TaxMode::Inclusive, TaxRounding::PerLine));
    EXPECT_EQ(inclusive.tax.minor(), 500);
}

// A return in the same sale as a purchase: per-total rounding must not hand the return line a tax of the
// purchase's sign. 19% exclusive: +100.00 -> +19.00 and -50.00 -> -9.50 exactly; the rate's tax is 9.50.
TEST(TaxEdgeCases, PerTotalKeepsTheSignOfEachLineWhenReturnsAndSalesMix) {
    const std::vector<TaxLineInput> cart{line("100.00", "EUR", "VAT19", "19"), line("-50.00", "EUR", "VAT19", "19")};
    const auto r = compute("EUR", cart, policy(TaxMode::Exclusive, TaxRounding::PerTotal));
    EXPECT_EQ(r.tax.minor(), 950);
    EXPECT_EQ(lineTaxes(r), (TaxMinors{1900, -950}));
    EXPECT_EQ(r.lines[1].gross.minor(), -5950);
}

// Exchanging an item for one of the same price: the rate's tax is zero, but each line still carries its own
// tax. 10.00 incl. 19% contains 1.5966 -> +1.60 and -1.60.
TEST(TaxEdgeCases, PerTotalGivesCancellingLinesTheirOwnTax) {
    const std::vector<TaxLineInput> cart{line("10.00", "EUR", "VAT19", "19"), line("-10.00", "EUR", "VAT19", "19")};
    const auto r = compute("EUR", cart, policy(TaxMode::Inclusive, TaxRounding::PerTotal));
    EXPECT_EQ(r.tax.minor(), 0);
    EXPECT_EQ(r.gross.minor(), 0);
    EXPECT_EQ(lineTaxes(r), (TaxMinors{160, -160}));
    EXPECT_EQ(r.lines[0].net.minor(), 840);
}

// ---- the per-total split (issue #6, defect 13; docs/money-and-tax.md, "The per-total split") ----

// Each line keeps the floor of its own exact tax; the units still missing to the rate's rounded tax go one
// each to the lines with the largest remainders, ties to the earlier line. Not in proportion to the amounts,
// which is what allocateByWeights(rate's tax, amounts) would give, shown alongside.
TEST(TaxPerTotalSplit, WorkedExamplesLargestRemainderOverEachLinesExactTax) {
    struct Case {
        const char* currency;
        const char* rate;  // inclusive
        std::vector<std::string> amounts;
        TaxMinors taxes;
        TaxMinors byAmount;
    };
    const std::vector<Case> cases{
        // 0.02 and 0.08 contain 0.3193 and 1.2773 cents, 1.5966 -> 2 in all. Floors 0 and 1 leave one cent
        // for the larger remainder, .3193. By amount: 2 x 2/10 = 0.4 and 2 x 8/10 = 1.6 -> 0 and 2.
        {"EUR", "19", {"0.02", "0.08"}, {1, 1}, {0, 2}},
        // 84 and 40 yen contain 7.636 and 3.636, 11.27 -> 11. Floors 7 and 3; the remainders tie (70/110
        // each), so the earlier line takes the yen. By amount: 11 x 84/124 = 7.45, 11 x 40/124 = 3.55.
        {"JPY", "10", {"84", "40"}, {8, 3}, {7, 4}},
        // 0.07, 0.02 and 0.60 contain 1.1667, 0.3333 and exactly 10 cents, 11.5 -> 12. The 0.60 line keeps
        // its 0.10; by amount (1.22, 0.35, 10.43) it would be given 0.11.
        {"EUR", "20", {"0.07", "0.02", "0.60"}, {1, 1, 10}, {1, 0, 11}},
    };
    for (const auto& c : cases) {
        std::vector<TaxLineInput> cart;
        std::vector<std::int64_t> amounts;
        for (const auto& amount : c.amounts) {
            cart.push_back(line(amount, c.currency, "VAT", c.rate));
            amounts.push_back(cart.back().amount.minor());
        }
        const auto r = compute(c.currency, cart, policy(TaxMode::Inclusive, TaxRounding::PerTotal));
        const std::string what = std::string(c.currency) + " " + c.rate + "% " + c.amounts.front();
        EXPECT_EQ(lineTaxes(r), c.taxes) << what;
        for (const auto& l : r.lines) EXPECT_EQ(l.net.minor() + l.tax.minor(), l.gross.minor()) << what;
        ASSERT_EQ(r.byRate.size(), 1u) << what;
        EXPECT_EQ(r.byRate[0].tax, r.tax) << what;
        const auto byAmount = allocateByWeights(r.tax, amounts);
        for (std::size_t k = 0; k < byAmount.size(); ++k) EXPECT_EQ(byAmount[k].minor(), c.byAmount[k]) << what;
    }
}

// ---- errors ----

TEST(TaxErrors, RejectsRatesOutsideZeroToHundred) {
    for (const char* rate : {"100.01", "150", "-1", "-0.001"}) {
        auto r = computeTax(taxCurrency("EUR"), {line("1.00", "EUR", "BAD", rate)},
                            policy(TaxMode::Exclusive, TaxRounding::PerLine));
        ASSERT_FALSE(r.ok()) << rate;
        EXPECT_EQ(r.status().kind(), ErrorKind::InvalidArgument);
        EXPECT_NE(r.status().message().find(rate), std::string::npos) << r.status().message();
        EXPECT_NE(r.status().message().find("BAD"), std::string::npos) << r.status().message();
    }
}

TEST(TaxErrors, RejectsALineInAnotherCurrency) {
    auto r = computeTax(taxCurrency("EUR"), {line("1.00", "EUR", "VAT19", "19"), line("1.00", "USD", "VAT19", "19")},
                        policy(TaxMode::Inclusive, TaxRounding::PerLine));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(r.status().message().find("USD"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("EUR"), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("line 2"), std::string::npos) << r.status().message();
}

TEST(TaxErrors, RejectsOneTaxCodeWithTwoRates) {
    auto r = computeTax(taxCurrency("EUR"), {line("1.00", "EUR", "VAT19", "19"), line("1.00", "EUR", "VAT19", "7")},
                        policy(TaxMode::Inclusive, TaxRounding::PerTotal));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(r.status().message().find("VAT19"), std::string::npos) << r.status().message();
    // The same rate written differently is the same rate.
    EXPECT_TRUE(computeTax(taxCurrency("EUR"),
                           {line("1.00", "EUR", "VAT19", "19"), line("1.00", "EUR", "VAT19", "19.00")},
                           policy(TaxMode::Inclusive, TaxRounding::PerTotal))
                    .ok());
}

TEST(TaxErrors, RejectsAmountsBeyondTheSupportedRange) {
    const Money huge(1'000'000'000'000'001, taxCurrency("EUR"));
    auto r = computeTax(taxCurrency("EUR"), {TaxLineInput{huge, "VAT19", taxDec("19")}},
                        policy(TaxMode::Exclusive, TaxRounding::PerLine));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), ErrorKind::InvalidArgument);
    EXPECT_TRUE(computeTax(taxCurrency("EUR"),
                           {TaxLineInput{Money(1'000'000'000'000'000, taxCurrency("EUR")), "VAT19", taxDec("19")}},
                           policy(TaxMode::Exclusive, TaxRounding::PerLine))
                    .ok());
}

TEST(TaxNames, ModeAndRoundingNamesRoundTrip) {
    for (auto mode : {TaxMode::Inclusive, TaxMode::Exclusive}) {
        auto parsed = parseTaxMode(taxModeName(mode));
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(*parsed, mode);
    }
    for (auto rounding : {TaxRounding::PerLine, TaxRounding::PerTotal}) {
        auto parsed = parseTaxRounding(taxRoundingName(rounding));
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(*parsed, rounding);
    }
    EXPECT_EQ(taxModeName(TaxMode::Exclusive), "exclusive");
    EXPECT_EQ(taxRoundingName(TaxRounding::PerTotal), "per_total");
    EXPECT_FALSE(parseTaxMode("gross").ok());
    EXPECT_FALSE(parseTaxRounding("per_item").ok());
}

}  // namespace
}  // namespace frontdesk::core
